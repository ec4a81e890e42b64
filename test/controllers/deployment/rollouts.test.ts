// Deployments rolling out in a whole cluster (scheduler, kubelet, Deployment and ReplicaSet
// controllers, garbage collector), as upstream's test/integration/deployment and the e2e
// "RollingUpdateDeployment", "RecreateDeployment", "deployment should support rollback" and
// "iterative rollouts" tests exercise them: the availability and surge bounds hold after every
// event of the log, and the rollout commands (undo, pause, resume, restart) take effect.

import { describe, expect, it } from 'vitest';
import type { KsimEvent } from '../../../core/events.ts';
import { reduce } from '../../../reducers/index.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import type { ClusterHarness } from '../../support/cluster-harness.ts';
import {
  activePods,
  deploymentCluster,
  imagesOf,
  progressing,
  readyActivePods,
  replicaSets,
  revision,
  setImage,
  web,
  webDeployment,
  webPods,
} from './cluster.ts';

const MINUTE_MS = 60_000;
/** Containers take 2 s to start and 3 s more to turn ready, so rollouts take several steps. */
const SLOW = { 'web:1': { startMs: 2000, readyMs: 3000 }, 'web:2': { startMs: 2000, readyMs: 3000 } };

/** Every state the log went through since `from`, starting from the cluster state at that point. */
function statesSince(start: ClusterState, events: readonly KsimEvent[]): ClusterState[] {
  const states: ClusterState[] = [];
  let state = start;
  for (const event of events) {
    state = reduce(state, event);
    states.push(state);
  }
  return states;
}

/** Runs `act` and returns the states after each event it and the minute after it caused. */
function watchStates(cluster: ClusterHarness, act: () => void, forMs = 2 * MINUTE_MS): ClusterState[] {
  const start = cluster.state;
  const from = cluster.events.length;
  act();
  cluster.advance(forMs);
  return statesSince(start, cluster.events.slice(from));
}

function rollingCluster(): ClusterHarness {
  const cluster = deploymentCluster(SLOW);
  cluster.apply(web({ replicas: 4, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }));
  cluster.advance(MINUTE_MS);
  return cluster;
}

describe('a RollingUpdate with maxSurge 1 and maxUnavailable 0', () => {
  const cluster = rollingCluster();
  const states = watchStates(cluster, () => setImage(cluster, 'web:2'));

  it('never runs more than replicas + maxSurge pods that are not terminating', () => {
    expect(Math.max(...states.map((state) => activePods(state).length))).toBe(5);
  });

  it('never has fewer than replicas - maxUnavailable ready pods', () => {
    expect(Math.min(...states.map((state) => readyActivePods(state).length))).toBe(4);
  });

  it('completes: every replica updated, Progressing NewReplicaSetAvailable', () => {
    const d = webDeployment(cluster.state);
    expect([d.status.updatedReplicas, d.status.availableReplicas, progressing(cluster.state)?.reason]).toEqual([4, 4, 'NewReplicaSetAvailable']);
  });

  it('ends with only new pods, and the old ReplicaSet at zero kept as history', () => {
    expect(imagesOf(webPods(cluster.state))).toEqual(['web:2']);
    expect(replicaSets(cluster.state).map((rs) => rs.spec.replicas).sort()).toEqual([0, 4]);
  });

  it('moves the revision annotation to 2', () => {
    expect(revision(cluster.state)).toBe('2');
  });

  it('records each scaling step on the Deployment', () => {
    const messages = cluster.events.flatMap((event) => (event.type === 'event/recorded' && event.reason === 'ScalingReplicaSet' ? [event.message] : []));
    expect(messages.filter((message) => message.startsWith('Scaled down'))).toHaveLength(4);
  });
});

describe('a Recreate Deployment', () => {
  const cluster = deploymentCluster(SLOW);
  cluster.apply(web({ replicas: 3, strategy: { type: 'Recreate' } }));
  cluster.advance(MINUTE_MS);
  const states = watchStates(cluster, () => setImage(cluster, 'web:2'));

  it('never has an old and a new pod at the same time, terminating ones included', () => {
    expect(states.some((state) => imagesOf(webPods(state)).length > 1)).toBe(false);
  });

  it('passes through a moment with no pod at all, then runs the new ones', () => {
    expect(states.some((state) => webPods(state).length === 0)).toBe(true);
    expect([imagesOf(readyActivePods(cluster.state)), readyActivePods(cluster.state).length]).toEqual([['web:2'], 3]);
  });
});

describe('kubectl rollout undo', () => {
  const cluster = rollingCluster();
  setImage(cluster, 'web:2');
  cluster.advance(MINUTE_MS);
  const firstRS = replicaSets(cluster.state).find((rs) => rs.spec.template.spec.containers[0]?.image === 'web:1');
  cluster.run({ type: 'rollout', action: 'undo', actor: 'user', kind: 'Deployment', namespace: 'default', name: 'web' });
  cluster.advance(MINUTE_MS);

  it('goes back to the previous template', () => {
    expect(webDeployment(cluster.state).spec.template.spec.containers[0]?.image).toBe('web:1');
    expect(imagesOf(activePods(cluster.state))).toEqual(['web:1']);
  });

  it('reuses the first ReplicaSet rather than making a third', () => {
    const sizes = replicaSets(cluster.state).map((rs) => [rs.metadata.name, rs.spec.replicas]);
    expect(sizes).toHaveLength(2);
    expect(sizes).toContainEqual([firstRS?.metadata.name, 4]);
  });

  it('moves the revision on to 3, and the reused ReplicaSet remembers it served revision 1', () => {
    const reused = replicaSets(cluster.state).find((rs) => rs.metadata.name === firstRS?.metadata.name);
    expect([revision(cluster.state), reused?.metadata.annotations?.['deployment.kubernetes.io/revision-history']]).toEqual(['3', '1']);
  });
});

describe('kubectl rollout pause and resume', () => {
  const cluster = rollingCluster();
  cluster.run({ type: 'rollout', action: 'pause', actor: 'user', kind: 'Deployment', namespace: 'default', name: 'web' });
  setImage(cluster, 'web:2');
  cluster.advance(MINUTE_MS);
  const whilePaused = cluster.state;
  cluster.run({ type: 'rollout', action: 'resume', actor: 'user', kind: 'Deployment', namespace: 'default', name: 'web' });
  cluster.advance(MINUTE_MS);

  it('a paused Deployment makes no new ReplicaSet and keeps its pods, but observes its generation', () => {
    const d = webDeployment(whilePaused);
    expect([replicaSets(whilePaused).length, imagesOf(webPods(whilePaused)), d.status.observedGeneration]).toEqual([1, ['web:1'], d.metadata.generation]);
  });

  it('says so in Progressing (Unknown, DeploymentPaused)', () => {
    expect(progressing(whilePaused)).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused' });
  });

  it('rolls out the change once resumed', () => {
    expect([imagesOf(activePods(cluster.state)), revision(cluster.state), progressing(cluster.state)?.reason]).toEqual([['web:2'], '2', 'NewReplicaSetAvailable']);
  });
});

describe('kubectl rollout restart', () => {
  const cluster = rollingCluster();
  const before = new Set(webPods(cluster.state).map((pod) => pod.metadata.name));
  cluster.run({ type: 'rollout', action: 'restart', actor: 'user', kind: 'Deployment', namespace: 'default', name: 'web' });
  cluster.advance(MINUTE_MS);

  it('replaces every pod through a new ReplicaSet whose template carries restartedAt', () => {
    const pods = activePods(cluster.state);
    expect([pods.length, pods.filter((pod) => before.has(pod.metadata.name))]).toEqual([4, []]);
    const newest = replicaSets(cluster.state).find((rs) => rs.spec.replicas === 4);
    expect(newest?.spec.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt']).toBeDefined();
  });

  it('counts as revision 2', () => {
    expect(revision(cluster.state)).toBe('2');
  });
});

describe('revisionHistoryLimit', () => {
  it('keeps only that many old ReplicaSets after each completed rollout', () => {
    const cluster = deploymentCluster();
    cluster.apply(web({ replicas: 2, revisionHistoryLimit: 1 }));
    cluster.advance(MINUTE_MS);
    for (const image of ['web:2', 'web:3', 'web:4']) {
      setImage(cluster, image);
      cluster.advance(MINUTE_MS);
    }
    const images = replicaSets(cluster.state).map((rs) => rs.spec.template.spec.containers[0]?.image);
    expect(images.sort()).toEqual(['web:3', 'web:4']);
  });
});

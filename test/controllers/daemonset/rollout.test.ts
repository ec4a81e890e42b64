// DaemonSet updates in a whole cluster, as upstream's e2e "should update pod when spec was
// updated and update strategy is RollingUpdate", "should not update pod when spec was updated and
// update strategy is OnDelete" and "should surge pods onto nodes when spec was updated and update
// strategy is RollingUpdate" (test/e2e/apps/daemon_set.go) and its integration test
// TestDaemonSetRollingUpdateWithTolerations drive them: with maxUnavailable 1 the pods are
// replaced node by node, each only once the node before has a ready new pod; with maxSurge the new
// pod starts next to the old one; OnDelete replaces only what is deleted.

import { describe, expect, it } from 'vitest';
import { isPodActive, isPodReady } from '../../../controllers/common/pod-state.ts';
import { DAEMONSET_HASH_LABEL } from '../../../controllers/daemonset/pod-template.ts';
import type { ControllerRevision } from '../../../core/workloads.ts';
import { listObjects } from '../../../reducers/lookup.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import type { ClusterHarness } from '../../support/cluster-harness.ts';
import { agent, agentPods, agentSet, daemonCluster, imageOf, MINUTE_MS, nodeManifest, type Step, statusCounts, watchChanges } from './cluster.ts';

const NODES = ['node-a', 'node-b', 'node-c'];

function runningOn3(options: Parameters<typeof agent>[0] = {}): ClusterHarness {
  const cluster = daemonCluster();
  for (const name of NODES) cluster.apply(nodeManifest(name));
  cluster.apply(agent(options));
  cluster.advance(MINUTE_MS);
  return cluster;
}

/** Nodes with no ready pod that is not being deleted. */
function unavailableNodes(state: ClusterState): number {
  const ready = new Set(agentPods(state).filter((pod) => isPodActive(pod) && isPodReady(pod)).map((pod) => pod.spec.nodeName));
  return NODES.filter((name) => !ready.has(name)).length;
}

function imagesByNode(state: ClusterState): string[] {
  return agentPods(state)
    .filter(isPodActive)
    .map((pod) => `${pod.spec.nodeName ?? ''}=${imageOf(pod)}`)
    .sort();
}

function deletedNodes(steps: readonly Step[]): string[] {
  return steps.flatMap(({ event, before }) => {
    if (event.type !== 'pod/deletionRequested') return [];
    return [before.pods.get(`default/${event.name}`)?.spec.nodeName ?? ''];
  });
}

describe('a RollingUpdate with maxUnavailable 1 on three nodes', () => {
  const cluster = runningOn3();
  const steps = watchChanges(cluster, () => cluster.apply(agent({ image: 'agent:2' })));

  it('replaces the pods node by node', () => {
    expect(deletedNodes(steps)).toEqual(['node-a', 'node-b', 'node-c']);
  });

  it('never leaves more than one node without a ready pod, after any event', () => {
    expect(Math.max(...steps.map(({ after }) => unavailableNodes(after)))).toBe(1);
  });

  it('deletes a node pod only once the node before has a ready pod of the new template', () => {
    const deletions = steps.filter(({ event }) => event.type === 'pod/deletionRequested').slice(1);
    const previousReadyNew = deletions.map(({ before }) => agentPods(before).filter((pod) => isPodReady(pod) && imageOf(pod) === 'agent:2').length);
    expect(previousReadyNew).toEqual([1, 2]);
  });

  it('ends with every node on the new template', () => {
    expect(imagesByNode(cluster.state)).toEqual(['node-a=agent:2', 'node-b=agent:2', 'node-c=agent:2']);
  });

  it('reports every pod updated and available, the new generation observed', () => {
    expect([statusCounts(cluster.state), agentSet(cluster.state).status.observedGeneration]).toEqual([
      { desired: 3, current: 3, ready: 3, updated: 3, available: 3, misscheduled: 0 },
      2,
    ]);
  });

  it('keeps both templates as ControllerRevisions controlled by the DaemonSet, pods labelled with the new hash', () => {
    const ds = agentSet(cluster.state);
    const revisions = listObjects<ControllerRevision>(cluster.state, 'ControllerRevision', 'default');
    const newest = revisions.find((revision) => revision.revision === 2);
    const hashes = new Set(agentPods(cluster.state).filter(isPodActive).map((pod) => pod.metadata.labels?.[DAEMONSET_HASH_LABEL]));
    expect([revisions.map((r) => r.metadata.ownerReferences?.[0]?.uid === ds.metadata.uid), [...hashes]]).toEqual([
      [true, true],
      [newest?.metadata.labels?.[DAEMONSET_HASH_LABEL]],
    ]);
  });
});

describe('a RollingUpdate with maxSurge 1 and maxUnavailable 0', () => {
  const cluster = runningOn3({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } });
  const steps = watchChanges(cluster, () => cluster.apply(agent({ image: 'agent:2', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } })));

  it('never leaves a node without a ready pod', () => {
    expect(Math.max(...steps.map(({ after }) => unavailableNodes(after)))).toBe(0);
  });

  it('never runs more than one extra pod', () => {
    expect(Math.max(...steps.map(({ after }) => agentPods(after).filter(isPodActive).length))).toBe(4);
  });

  it('ends with every node on the new template', () => {
    expect(imagesByNode(cluster.state)).toEqual(['node-a=agent:2', 'node-b=agent:2', 'node-c=agent:2']);
  });
});

describe('an OnDelete DaemonSet whose template changes', () => {
  const cluster = runningOn3({ updateStrategy: { type: 'OnDelete' } });
  watchChanges(cluster, () => cluster.apply(agent({ image: 'agent:2', updateStrategy: { type: 'OnDelete' } })));

  it('replaces no pod on its own, and reports none updated', () => {
    expect([imagesByNode(cluster.state), statusCounts(cluster.state).updated]).toEqual([['node-a=agent:1', 'node-b=agent:1', 'node-c=agent:1'], undefined]);
  });

  it('recreates a deleted pod from the new template', () => {
    const onB = agentPods(cluster.state).find((pod) => pod.spec.nodeName === 'node-b');
    cluster.run({ type: 'delete', actor: 'user', kind: 'Pod', namespace: 'default', name: onB?.metadata.name ?? '' });
    cluster.advance(MINUTE_MS);
    expect(imagesByNode(cluster.state)).toEqual(['node-a=agent:1', 'node-b=agent:2', 'node-c=agent:1']);
  });
});

describe('determinism', () => {
  it('gives the same log on two runs of one rollout', () => {
    const logOf = () => {
      const cluster = runningOn3();
      watchChanges(cluster, () => cluster.apply(agent({ image: 'agent:2' })));
      return JSON.stringify(cluster.events);
    };
    expect(logOf()).toBe(logOf());
  });
});

// DaemonSets in a whole cluster (scheduler, kubelet, DaemonSet controller, garbage collector), as
// upstream's e2e "Daemon set [Serial]" tests (test/e2e/apps/daemon_set.go: "should run and stop
// simple daemon", "should run and stop complex daemon", "should retry creating failed daemon
// pods", "should not update pod when spec was updated and update strategy is OnDelete") and its
// integration tests (test/integration/daemonset: TestOneNodeDaemonLaunchesPod,
// TestTaintedNode, TestUnschedulableNodeDaemonDoesLaunchPod) exercise them: one pod on each
// eligible node, placed by the scheduler through the node affinity the controller writes.

import { describe, expect, it } from 'vitest';
import { listObjects } from '../../../reducers/lookup.ts';
import type { ClusterHarness } from '../../support/cluster-harness.ts';
import { agent, agentPods, daemonCluster, MINUTE_MS, nodeManifest, nodesWithPods, statusCounts } from './cluster.ts';

const DEDICATED = { key: 'dedicated', value: 'db', effect: 'NoSchedule' };

/** node-a plain, node-b with disk=ssd, node-c tainted dedicated=db:NoSchedule. */
function threeNodes(): ClusterHarness {
  const cluster = daemonCluster();
  cluster.apply(nodeManifest('node-a'));
  cluster.apply(nodeManifest('node-b', { labels: { disk: 'ssd' } }));
  cluster.apply(nodeManifest('node-c', { taints: [DEDICATED] }));
  return cluster;
}

function running(options: Parameters<typeof agent>[0] = {}): ClusterHarness {
  const cluster = threeNodes();
  cluster.apply(agent(options));
  cluster.advance(MINUTE_MS);
  return cluster;
}

describe('a DaemonSet on three nodes, one tainted NoSchedule', () => {
  const cluster = running();

  it('runs one pod on each node but the tainted one', () => {
    expect(nodesWithPods(cluster.state)).toEqual(['node-a', 'node-b']);
  });

  it('places each pod through a required node affinity on its node, bound by the scheduler', () => {
    const pod = agentPods(cluster.state).find((candidate) => candidate.spec.nodeName === 'node-a');
    expect(pod?.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution).toEqual({
      nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-a'] }] }],
    });
  });

  it('adds the daemon tolerations, unschedulable among them', () => {
    const tolerations = agentPods(cluster.state)[0]?.spec.tolerations ?? [];
    expect(tolerations.map((toleration) => `${toleration.key}:${toleration.effect}`)).toContain('node.kubernetes.io/unschedulable:NoSchedule');
  });

  it('reports desired, current, ready, updated and available 2, misscheduled 0', () => {
    expect(statusCounts(cluster.state)).toEqual({ desired: 2, current: 2, ready: 2, updated: 2, available: 2, misscheduled: 0 });
  });
});

describe('eligibility', () => {
  it('follows the nodeSelector', () => {
    expect(nodesWithPods(running({ nodeSelector: { disk: 'ssd' } }).state)).toEqual(['node-b']);
  });

  it('includes a tainted node whose taint the template tolerates', () => {
    const tolerated = running({ tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }] });
    expect(nodesWithPods(tolerated.state)).toEqual(['node-a', 'node-b', 'node-c']);
  });

  it('includes a cordoned node, through the unschedulable toleration', () => {
    const cluster = threeNodes();
    cluster.run({ type: 'setUnschedulable', actor: 'user', name: 'node-a', unschedulable: true });
    cluster.apply(agent());
    cluster.advance(MINUTE_MS);
    expect(nodesWithPods(cluster.state)).toEqual(['node-a', 'node-b']);
  });
});

describe('nodes that change', () => {
  it('gives a node added later its pod', () => {
    const cluster = running();
    cluster.apply(nodeManifest('node-d'));
    cluster.advance(MINUTE_MS);
    expect([nodesWithPods(cluster.state), statusCounts(cluster.state).desired]).toEqual([['node-a', 'node-b', 'node-d'], 3]);
  });

  it('keeps the pod of a node cordoned after it came', () => {
    const cluster = running();
    cluster.run({ type: 'setUnschedulable', actor: 'user', name: 'node-a', unschedulable: true });
    cluster.advance(MINUTE_MS);
    expect(nodesWithPods(cluster.state)).toEqual(['node-a', 'node-b']);
  });

  it('keeps the pod of a node tainted NoSchedule after it came, counted misscheduled', () => {
    const cluster = running();
    cluster.apply(nodeManifest('node-a', { taints: [DEDICATED] }));
    cluster.advance(MINUTE_MS);
    expect([nodesWithPods(cluster.state), statusCounts(cluster.state)]).toEqual([
      ['node-a', 'node-b'],
      { desired: 1, current: 1, ready: 1, updated: 1, available: 1, misscheduled: 1 },
    ]);
  });

  it('removes the pod of a node tainted NoExecute', () => {
    const cluster = running();
    cluster.apply(nodeManifest('node-a', { taints: [{ ...DEDICATED, effect: 'NoExecute' }] }));
    cluster.advance(MINUTE_MS);
    expect([nodesWithPods(cluster.state), statusCounts(cluster.state).misscheduled]).toEqual([['node-b'], 0]);
  });

  it('removes the pod of a node whose labels no longer match the nodeSelector', () => {
    const cluster = running({ nodeSelector: { disk: 'ssd' } });
    cluster.apply(nodeManifest('node-b', { labels: { disk: 'hdd' } }));
    cluster.advance(MINUTE_MS);
    expect([nodesWithPods(cluster.state), statusCounts(cluster.state).desired]).toEqual([[], 0]);
  });

  it('stops counting a node that is deleted', () => {
    const cluster = running();
    cluster.run({ type: 'delete', actor: 'user', kind: 'Node', name: 'node-b' });
    cluster.advance(MINUTE_MS);
    expect(statusCounts(cluster.state)).toMatchObject({ desired: 1, current: 1 });
  });
});

describe('deleting a DaemonSet', () => {
  it('lets the garbage collector remove its pods and revisions', () => {
    const cluster = running();
    cluster.run({ type: 'delete', actor: 'user', kind: 'DaemonSet', namespace: 'default', name: 'agent' });
    cluster.advance(MINUTE_MS);
    expect([agentPods(cluster.state), listObjects(cluster.state, 'ControllerRevision', 'default')]).toEqual([[], []]);
  });
});

// One daemon pod per eligible node, in the spirit of upstream's TestSimpleDaemonSetLaunchesPods,
// TestDealsWithExistingPods, TestSelectorDaemonDeletesUnselectedPods, TestDaemonKillFailedPods,
// TestDaemonKillFailedPodsBackoff, TestDeleteUnscheduledPodForNotExistingNode,
// TestSufficientCapacityWithTerminatedPodsDaemonLaunchesPod and the surge cases of update_test.go
// (TestSurgePreservesReadyOldPods, TestSurgeDeletesUnreadyOldPods) in pkg/controller/daemon.

import { describe, expect, it } from 'vitest';
import { toTimestamp } from '../../../core/clock.ts';
import type { Pod } from '../../../core/objects.ts';
import { failedPodsBackoffKey } from '../../../controllers/daemonset/failed-pod-backoff.ts';
import { podsShouldBeOnNode } from '../../../controllers/daemonset/manage.ts';
import { BURST_REPLICAS } from '../../../controllers/daemonset/plan.ts';
import { DAEMONSET_HASH_LABEL } from '../../../controllers/daemonset/pod-template.ts';
import { daemonPod, daemonSet, node, rollingUpdate, SIMPLE_DAEMON_SET_LABEL } from './builders.ts';
import { FakeDaemonCluster, nodes } from './fake-cluster.ts';

function withPods(fake: FakeDaemonCluster, ...pods: Pod[]): FakeDaemonCluster {
  for (const pod of pods) fake.pods.set(pod.metadata.name, pod);
  return fake;
}

const names = (pods: readonly Pod[]) => pods.map((pod) => pod.metadata.name);

describe('DaemonSet manage: creating pods', () => {
  it('creates one pod per node (TestSimpleDaemonSetLaunchesPods)', () => {
    expect(new FakeDaemonCluster(daemonSet(), nodes(5)).syncCounts()).toEqual([5, 0]);
  });

  it('records "Created pod: <name>" with the name the API server gave', () => {
    const fake = new FakeDaemonCluster(daemonSet(), nodes(1));
    fake.sync();
    expect(fake.events.map((event) => `${event.reason}: ${event.message}`)).toEqual(['SuccessfulCreate: Created pod: foo-1']);
  });

  it('creates at most BurstReplicas pods per sync', () => {
    expect(new FakeDaemonCluster(daemonSet(), nodes(300)).syncCounts()).toEqual([BURST_REPLICAS, 0]);
  });

  it('does not create on a node that does not match the nodeSelector', () => {
    const ds = daemonSet({ templateSpec: { nodeSelector: { color: 'blue' } } });
    const fake = new FakeDaemonCluster(ds, [node('blue', { color: 'blue' }), node('red', { color: 'red' })]);
    fake.sync();
    expect([...fake.pods.values()].map((pod) => pod.spec.nodeName)).toEqual(['blue']);
  });

  it('creates a pod next to a terminated pod being deleted (TestSufficientCapacityWithTerminatedPodsDaemonLaunchesPod)', () => {
    const fake = withPods(new FakeDaemonCluster(daemonSet(), nodes(1)), daemonPod('old', { nodeName: 'node-0', phase: 'Succeeded', deleting: true }));
    expect(fake.syncCounts()).toEqual([1, 0]);
  });
});

describe('DaemonSet manage: deleting pods', () => {
  it('keeps the oldest of several pods on a node (TestDealsWithExistingPods)', () => {
    const fake = withPods(
      new FakeDaemonCluster(daemonSet(), nodes(1)),
      daemonPod('b', { nodeName: 'node-0', createdMs: 2000 }),
      daemonPod('a', { nodeName: 'node-0', createdMs: 1000 }),
      daemonPod('c', { nodeName: 'node-0', createdMs: 3000 }),
    );
    fake.sync();
    expect(names(fake.podsOn('node-0'))).toEqual(['a']);
  });

  it('deletes pods from nodes it should no longer run on (TestSelectorDaemonDeletesUnselectedPods)', () => {
    const ds = daemonSet({ templateSpec: { nodeSelector: { color: 'blue' } } });
    const fake = withPods(new FakeDaemonCluster(ds, [node('red', { color: 'red' })]), daemonPod('p', { nodeName: 'red' }));
    expect(fake.syncCounts()).toEqual([0, 1]);
  });

  it('keeps a pod on a node tainted NoSchedule after it came', () => {
    const tainted = node('node-0', {}, [{ key: 'k', effect: 'NoSchedule' }]);
    const fake = withPods(new FakeDaemonCluster(daemonSet(), [tainted]), daemonPod('p', { nodeName: 'node-0', readySinceMs: 0 }));
    expect(fake.syncCounts()).toEqual([0, 0]);
  });

  it('deletes an unscheduled pod meant for a node that is gone (TestDeleteUnscheduledPodForNotExistingNode)', () => {
    const pod = daemonPod('p');
    const pinned = { ...pod, spec: { ...pod.spec, affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In' as const, values: ['gone'] }] }] } } } } };
    const fake = withPods(new FakeDaemonCluster(daemonSet(), nodes(1)), pinned);
    expect(fake.syncCounts()).toEqual([1, 1]);
  });
});

describe('DaemonSet manage: failed and succeeded pods (TestDaemonKillFailedPods)', () => {
  it('deletes a failed pod and warns with upstream text', () => {
    const fake = withPods(new FakeDaemonCluster(daemonSet(), nodes(1)), daemonPod('p', { nodeName: 'node-0', phase: 'Failed' }));
    fake.sync();
    expect(fake.events.map((event) => `${event.type} ${event.reason}: ${event.message}`)).toEqual([
      'Warning FailedDaemonPod: Found failed daemon pod default/p on node node-0, will try to kill it',
      'Normal SuccessfulDelete: Deleted pod: p',
    ]);
  });

  it('deletes a succeeded pod with a Normal event', () => {
    const fake = withPods(new FakeDaemonCluster(daemonSet(), nodes(1)), daemonPod('p', { nodeName: 'node-0', phase: 'Succeeded' }));
    fake.sync();
    expect(fake.events[0]?.message).toBe('Found succeeded daemon pod default/p on node node-0, will try to delete it');
  });

  // The back-off key holds status.observedGeneration, so these sets start with it observed.
  const observed = () => daemonSet({ status: { observedGeneration: 1 } });

  it('does not delete a second failed pod within the back-off (TestDaemonKillFailedPodsBackoff)', () => {
    const fake = withPods(new FakeDaemonCluster(observed(), nodes(1)), daemonPod('p1', { nodeName: 'node-0', phase: 'Failed' }));
    fake.sync();
    withPods(fake, daemonPod('p2', { nodeName: 'node-0', phase: 'Failed' }));
    fake.nowMs = 500;
    const plan = fake.sync();
    expect([plan.actions.filter((action) => action.type === 'deletePod').length, plan.requeueAfterMs]).toEqual([0, 1000]);
  });

  it('deletes it once the back-off has passed, and doubles the back-off', () => {
    const fake = withPods(new FakeDaemonCluster(observed(), nodes(1)), daemonPod('p1', { nodeName: 'node-0', phase: 'Failed' }));
    fake.sync();
    withPods(fake, daemonPod('p2', { nodeName: 'node-0', phase: 'Failed' }));
    fake.nowMs = 1000;
    fake.sync();
    expect(fake.backoff.get(failedPodsBackoffKey(fake.ds, 'node-0'))).toEqual({ backoffMs: 2000, lastUpdateMs: 1000 });
  });
});

describe('DaemonSet manage: surge (podsShouldBeOnNode with maxSurge)', () => {
  const ds = rollingUpdate(daemonSet(), 0, 1);
  const old = (readySinceMs?: number) => daemonPod('old', { nodeName: 'node-0', labels: { ...SIMPLE_DAEMON_SET_LABEL, [DAEMONSET_HASH_LABEL]: 'h1' }, createdMs: 0, ...(readySinceMs === undefined ? {} : { readySinceMs }) });
  const fresh = (readySinceMs?: number) => daemonPod('new', { nodeName: 'node-0', labels: { ...SIMPLE_DAEMON_SET_LABEL, [DAEMONSET_HASH_LABEL]: 'h2' }, createdMs: 1000, ...(readySinceMs === undefined ? {} : { readySinceMs }) });
  const decide = (pods: Pod[]) => names(podsShouldBeOnNode(ds, node('node-0'), pods, 'h2', 10_000, new Map()).deletes);

  it('keeps a ready old pod while the new one is not ready (TestSurgePreservesReadyOldPods)', () => {
    expect(decide([old(0), fresh()])).toEqual([]);
  });

  it('deletes the old pod once the new one is available', () => {
    expect(decide([old(0), fresh(5000)])).toEqual(['old']);
  });

  it('deletes an old pod that is not ready (TestSurgeDeletesUnreadyOldPods)', () => {
    expect(decide([old(), fresh()])).toEqual(['old']);
  });

  it('creates a replacement in the same sync when the only pod failed', () => {
    expect(podsShouldBeOnNode(ds, node('node-0'), [{ ...old(0), status: { phase: 'Failed' } }], 'h2', 0, new Map()).create).toBe(true);
  });

  it('waits for the next sync without surge', () => {
    const onDelete = daemonSet();
    expect(podsShouldBeOnNode(onDelete, node('node-0'), [{ ...old(0), status: { phase: 'Failed' } }], 'h2', 0, new Map()).create).toBe(false);
  });
});

describe('DaemonSet manage: pods being deleted', () => {
  it('neither counts nor deletes a terminating pod', () => {
    const terminating = { ...daemonPod('p', { nodeName: 'node-0', readySinceMs: 0 }), metadata: { ...daemonPod('p').metadata, deletionTimestamp: toTimestamp(0) } };
    const fake = withPods(new FakeDaemonCluster(daemonSet(), nodes(1)), terminating);
    expect(fake.syncCounts()).toEqual([0, 0]);
  });
});

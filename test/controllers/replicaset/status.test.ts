// The ReplicaSet status a sync writes, and the wake for pods that become available later.

import { describe, expect, it } from 'vitest';
import { replicaSetController } from '../../../controllers/replicaset/index.ts';
import type { Pod, ReplicaSet, ReplicaSetStatus } from '../../../core/objects.ts';
import { contextAt, ownedBy, pod, record, replicaSet, stateWith } from './builders.ts';

const controller = replicaSetController();

function sync(rs: ReplicaSet, pods: readonly Pod[], nowMs = 0) {
  return record(controller.reconcile('default/web', contextAt(stateWith(rs, ...pods), nowMs)));
}

describe('ReplicaSet controller: status', () => {
  it('counts replicas, fully labelled, ready and available pods', () => {
    const rs = replicaSet({
      replicas: 3,
      selector: { app: 'web' },
      templateLabels: { app: 'web', tier: 'front' },
      generation: 4,
    });
    const owners = [ownedBy(rs)];
    const pods = [
      pod('a', { owners, labels: { app: 'web', tier: 'front' }, readySinceMs: 0 }),
      pod('b', { owners, labels: { app: 'web', tier: 'front' } }),
      pod('c', { owners, labels: { app: 'web' }, readySinceMs: 0 }),
    ];
    const expected: ReplicaSetStatus = {
      replicas: 3,
      fullyLabeledReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      observedGeneration: 4,
    };
    expect(sync(rs, pods).statuses).toEqual([expected]);
  });

  it('leaves out the counts that are zero, as the API serialises them', () => {
    expect(sync(replicaSet({ replicas: 0 }), []).statuses).toEqual([{ replicas: 0, observedGeneration: 1 }]);
  });

  it('writes no status when nothing moved', () => {
    const rs = replicaSet({
      replicas: 1,
      status: {
        replicas: 1,
        fullyLabeledReplicas: 1,
        readyReplicas: 1,
        availableReplicas: 1,
        observedGeneration: 1,
      },
    });
    expect(sync(rs, [pod('a', { owners: [ownedBy(rs)], readySinceMs: 0 })]).statuses).toEqual([]);
  });

  it('writes the status when only the generation moved', () => {
    const rs = replicaSet({ replicas: 0, generation: 2, status: { replicas: 0, observedGeneration: 1 } });
    expect(sync(rs, []).statuses).toEqual([{ replicas: 0, observedGeneration: 2 }]);
  });

  it('does not count a ready pod as available before minReadySeconds have passed', () => {
    const rs = replicaSet({ replicas: 1, minReadySeconds: 10 });
    const status = sync(rs, [pod('a', { owners: [ownedBy(rs)], readySinceMs: 5_000 })], 15_000).statuses[0];
    expect([status?.readyReplicas, status?.availableReplicas]).toEqual([1, undefined]);
  });

  it('wakes the ReplicaSet a second after minReadySeconds, as upstream requeues it', () => {
    const rs = replicaSet({ replicas: 1, minReadySeconds: 10 });
    expect(sync(rs, [pod('a', { owners: [ownedBy(rs)], readySinceMs: 5_000 })], 6_000).wakes).toEqual([
      { atMs: 16_000, key: 'default/web' },
    ]);
  });

  it('counts the pod as available from the first millisecond after minReadySeconds', () => {
    const rs = replicaSet({ replicas: 1, minReadySeconds: 10 });
    const recorded = sync(rs, [pod('a', { owners: [ownedBy(rs)], readySinceMs: 5_000 })], 15_001);
    expect([recorded.statuses[0]?.availableReplicas, recorded.wakes]).toEqual([1, []]);
  });

  it('wakes for the earliest of several pods still waiting', () => {
    const rs = replicaSet({ replicas: 2, minReadySeconds: 30 });
    const pods = [
      pod('a', { owners: [ownedBy(rs)], readySinceMs: 20_000 }),
      pod('b', { owners: [ownedBy(rs)], readySinceMs: 10_000 }),
    ];
    expect(sync(rs, pods, 25_000).wakes).toEqual([{ atMs: 41_000, key: 'default/web' }]);
  });

  it('never counts a pod ready without a transition time as available when minReadySeconds is set', () => {
    const rs = replicaSet({ replicas: 1, minReadySeconds: 10 });
    const recorded = sync(rs, [pod('a', { owners: [ownedBy(rs)], readySinceMs: true })], 60_000);
    expect([recorded.statuses[0]?.availableReplicas, recorded.wakes]).toEqual([undefined, []]);
  });

  it('drops a ReplicaFailure condition after a sync, as upstream does when manageReplicas succeeds', () => {
    const failure = { type: 'ReplicaFailure', status: 'True' as const, reason: 'FailedCreate' };
    const rs = replicaSet({
      replicas: 0,
      status: { replicas: 0, observedGeneration: 1, conditions: [failure] },
    });
    expect(sync(rs, []).statuses).toEqual([{ replicas: 0, observedGeneration: 1 }]);
  });
});

// Updating a StatefulSet, in the spirit of upstream's TestStatefulSetControlRollingUpdate,
// TestStatefulSetControlOnDeleteUpdate, TestStatefulSetControlRollingUpdateWithPartition,
// TestStatefulSetControlRollingUpdateWithMaxUnavailable, TestStatefulSetControlLimitsHistory and
// TestStatefulSetControlRollback (pkg/controller/statefulset/stateful_set_control_test.go).

import { describe, expect, it } from 'vitest';
import type { StatefulSetSpec } from '../../../core/workloads.ts';
import { planStatefulSetSync } from '../../../controllers/statefulset/plan.ts';
import { statefulSet, withImage } from './builders.ts';
import { FakeCluster } from './fake-cluster.ts';

function settled(replicas: number, spec: Partial<StatefulSetSpec> = {}): FakeCluster {
  const fake = new FakeCluster(statefulSet({ replicas, spec }));
  fake.settle();
  return fake;
}

function deletions(fake: FakeCluster): string[] {
  return fake.sync().actions.flatMap((action) => (action.type === 'deletePod' ? [action.pod.metadata.name] : []));
}

/** updateStatefulSetControl: sync and make pods ready until nothing is left to do; the deletions in order. */
function rollOut(fake: FakeCluster, maxSyncs = 40): string[] {
  const deleted: string[] = [];
  for (let i = 0; i < maxSyncs; i++) {
    const plan = fake.sync();
    fake.makeAllReady();
    deleted.push(...plan.actions.flatMap((action) => (action.type === 'deletePod' ? [action.pod.metadata.name] : [])));
    if (plan.actions.length === 0 && !plan.writeStatus && fake.pods.size === fake.set.spec.replicas) return deleted;
  }
  throw new Error('rollout did not finish');
}

function images(fake: FakeCluster): string[] {
  return fake.podNames().map((name) => String(fake.pods.get(name)?.spec.containers[0]?.image));
}

describe('StatefulSet sync: RollingUpdate', () => {
  it('deletes the highest ordinal first', () => {
    const fake = settled(3);
    fake.set = withImage(fake.set, 'foo');
    expect(deletions(fake)).toEqual(['foo-2']);
  });

  it('replaces pods from the highest ordinal down, one at a time', () => {
    const fake = settled(3);
    fake.set = withImage(fake.set, 'foo');
    expect(rollOut(fake)).toEqual(['foo-2', 'foo-1', 'foo-0']);
  });

  it('ends with every pod on the new template', () => {
    const fake = settled(3);
    fake.set = withImage(fake.set, 'foo');
    rollOut(fake);
    expect(images(fake)).toEqual(['foo', 'foo', 'foo']);
  });

  it('makes the update revision current once every replica is updated and ready', () => {
    const fake = settled(3);
    const before = fake.set.status.currentRevision;
    fake.set = withImage(fake.set, 'foo');
    rollOut(fake);
    const { currentRevision, updateRevision, currentReplicas, updatedReplicas } = fake.set.status;
    expect([currentRevision === updateRevision, currentRevision !== before, currentReplicas, updatedReplicas]).toEqual([true, true, 3, 3]);
  });

  it('counts the deleted pod out of currentReplicas in the status it writes', () => {
    const fake = settled(3);
    fake.set = withImage(fake.set, 'foo');
    expect(fake.sync().status.currentReplicas).toBe(2);
  });

  it('waits for the recreated pod to be available before the next (minReadySeconds)', () => {
    const fake = settled(3, { minReadySeconds: 10 });
    fake.nowMs += 100_000;
    const readyMs = fake.nowMs;
    fake.set = withImage(fake.set, 'foo');
    fake.sync();
    fake.sync();
    fake.makeReady('foo-2', readyMs);
    fake.nowMs = readyMs + 5_000;
    expect(deletions(fake)).toEqual([]);
  });

  it('goes on once the recreated pod is available', () => {
    const fake = settled(3, { minReadySeconds: 10 });
    fake.nowMs += 100_000;
    const readyMs = fake.nowMs;
    fake.set = withImage(fake.set, 'foo');
    fake.sync();
    fake.sync();
    fake.makeReady('foo-2', readyMs);
    fake.nowMs = readyMs + 10_001;
    expect(deletions(fake)).toEqual(['foo-1']);
  });

  it('asks to be synced again after minReadySeconds while replicas are unavailable', () => {
    const fake = settled(3, { minReadySeconds: 10 });
    fake.set = withImage(fake.set, 'foo');
    fake.sync();
    expect(fake.sync().requeueAfterMs).toBe(10_000);
  });
});

describe('StatefulSet sync: OnDelete (TestStatefulSetControlOnDeleteUpdate)', () => {
  it('never deletes a pod for an update', () => {
    const fake = settled(3, { updateStrategy: { type: 'OnDelete' } });
    fake.set = withImage(fake.set, 'foo');
    expect(deletions(fake)).toEqual([]);
  });

  it('recreates a pod deleted by hand from the new template', () => {
    const fake = settled(3, { updateStrategy: { type: 'OnDelete' } });
    fake.set = withImage(fake.set, 'foo');
    fake.sync();
    fake.pods.delete('foo-1');
    fake.sync();
    expect(images(fake)).toEqual(['nginx', 'foo', 'nginx']);
  });
});

describe('StatefulSet sync: partition (TestStatefulSetControlRollingUpdateWithPartition)', () => {
  const partitioned = (policy: 'OrderedReady' | 'Parallel'): Partial<StatefulSetSpec> => ({
    podManagementPolicy: policy,
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } },
  });

  it.each(['OrderedReady', 'Parallel'] as const)('%s image update keeps ordinals below the partition', (policy) => {
    const fake = settled(3, partitioned(policy));
    fake.set = withImage(fake.set, 'foo');
    rollOut(fake);
    expect(images(fake)).toEqual(['nginx', 'nginx', 'foo']);
  });

  it.each(['OrderedReady', 'Parallel'] as const)('%s image update and scale up makes new ordinals from the update', (policy) => {
    const fake = settled(3, partitioned(policy));
    const updated = withImage(fake.set, 'foo');
    fake.set = { ...updated, spec: { ...updated.spec, replicas: 5 } };
    rollOut(fake);
    expect(images(fake)).toEqual(['nginx', 'nginx', 'foo', 'foo', 'foo']);
  });
});

describe('StatefulSet sync: maxUnavailable behind MaxUnavailableStatefulSet', () => {
  const spec: Partial<StatefulSetSpec> = {
    podManagementPolicy: 'Parallel',
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 3, maxUnavailable: 2 } },
  };

  it('deletes one pod at a time while the gate is off (the v1.34 default)', () => {
    const fake = settled(6, spec);
    fake.set = withImage(fake.set, 'foo');
    expect(deletions(fake)).toEqual(['foo-5']);
  });

  it('deletes up to maxUnavailable pods with the gate on (TestStatefulSetControlRollingUpdateWithMaxUnavailable)', () => {
    const fake = settled(6, spec);
    const set = withImage(fake.set, 'foo');
    const plan = planStatefulSetSync({
      set,
      pods: [...fake.pods.values()],
      revisions: fake.revisions,
      claims: (name) => fake.claims.get(name),
      nowMs: 0,
      maxUnavailableStatefulSet: true,
    });
    expect(plan.actions.map((action) => action.type === 'deletePod' && action.pod.metadata.name)).toEqual(['foo-5', 'foo-4']);
  });
});

describe('StatefulSet sync: history', () => {
  it('keeps at most revisionHistoryLimit revisions beyond the live ones (TestStatefulSetControlLimitsHistory)', () => {
    const fake = settled(2);
    for (const image of ['a', 'b', 'c', 'd', 'e']) {
      fake.set = withImage(fake.set, image);
      rollOut(fake);
    }
    expect(fake.revisions.length).toBe(3);
  });

  it('rolls back by renumbering the old revision (TestStatefulSetControlRollback)', () => {
    const fake = settled(2);
    const original = fake.set;
    fake.set = withImage(fake.set, 'foo');
    rollOut(fake);
    fake.set = { ...original, status: fake.set.status };
    expect(fake.sync().revisionStep.kind).toBe('renumber');
  });
});

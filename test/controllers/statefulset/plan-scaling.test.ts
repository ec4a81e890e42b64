// Scaling a StatefulSet, in the spirit of upstream's TestStatefulSetControl subtests (CreatesPods,
// ScalesUp, ScalesDown, ReplacesPods, RecreatesFailedPod, RecreatesSucceededPod) and
// TestStatefulSetControlWithStartOrdinal (pkg/controller/statefulset/stateful_set_control_test.go),
// with the fake cluster applying each plan as upstream's fakeObjectManager does.

import { describe, expect, it } from 'vitest';
import { toTimestamp } from '../../../core/clock.ts';
import type { StatefulSetSpec } from '../../../core/workloads.ts';
import { planStatefulSetSync } from '../../../controllers/statefulset/plan.ts';
import { statefulSet } from './builders.ts';
import { FakeCluster } from './fake-cluster.ts';

function cluster(replicas: number, spec: Partial<StatefulSetSpec> = {}): FakeCluster {
  return new FakeCluster(statefulSet({ replicas, spec }));
}

function summary(fake: FakeCluster): string[] {
  return fake.sync().actions.map((action) => {
    switch (action.type) {
      case 'createClaim':
        return `createClaim ${action.claim.metadata.name}`;
      case 'updateClaim':
        return `updateClaim ${action.claim.metadata.name}`;
      case 'recordEvent':
        return `event ${action.record.reason}`;
      default:
        return `${action.type} ${action.pod.metadata.name}`;
    }
  });
}

function scale(fake: FakeCluster, replicas: number): void {
  fake.set = { ...fake.set, spec: { ...fake.set.spec, replicas } };
}

describe('StatefulSet sync: OrderedReady scale up', () => {
  it('creates the claim, then the first pod, and nothing else', () => {
    expect(summary(cluster(3))).toEqual(['createClaim datadir-foo-0', 'createPod foo-0']);
  });

  it('records upstream event texts for the claim and the pod', () => {
    const fake = cluster(3);
    fake.sync();
    expect(fake.events.map((event) => `${event.reason}: ${event.message}`)).toEqual([
      'SuccessfulCreate: create Claim datadir-foo-0 Pod foo-0 in StatefulSet foo success',
      'SuccessfulCreate: create Pod foo-0 in StatefulSet foo successful',
    ]);
  });

  it('waits while the first pod is not running and ready', () => {
    const fake = cluster(3);
    fake.sync();
    expect(summary(fake)).toEqual([]);
  });

  it('creates the next pod once its predecessor is ready', () => {
    const fake = cluster(3);
    fake.sync();
    fake.makeReady('foo-0');
    expect(summary(fake)).toEqual(['createClaim datadir-foo-1', 'createPod foo-1']);
  });

  it('waits for availability when minReadySeconds is set', () => {
    const fake = cluster(3, { minReadySeconds: 10 });
    fake.sync();
    fake.makeReady('foo-0', 0);
    fake.nowMs = 10_000;
    expect(summary(fake)).toEqual([]);
  });

  it('goes on once the pod has been ready for longer than minReadySeconds', () => {
    const fake = cluster(3, { minReadySeconds: 10 });
    fake.sync();
    fake.makeReady('foo-0', 0);
    fake.nowMs = 10_001;
    expect(summary(fake)).toEqual(['createClaim datadir-foo-1', 'createPod foo-1']);
  });

  it('reaches the replica count with every pod ready (ScalesUp)', () => {
    const fake = cluster(3);
    fake.settle();
    expect([fake.podNames(), fake.set.status.readyReplicas]).toEqual([['foo-0', 'foo-1', 'foo-2'], 3]);
  });

  it('starts at spec.ordinals.start (TestStatefulSetControlWithStartOrdinal)', () => {
    expect(summary(cluster(2, { ordinals: { start: 2 } }))).toEqual(['createClaim datadir-foo-2', 'createPod foo-2']);
  });
});

describe('StatefulSet sync: Parallel scale up', () => {
  it('creates every missing pod in one sync, each after its claim', () => {
    expect(summary(cluster(3, { podManagementPolicy: 'Parallel' }))).toEqual([
      'createClaim datadir-foo-0',
      'createPod foo-0',
      'createClaim datadir-foo-1',
      'createPod foo-1',
      'createClaim datadir-foo-2',
      'createPod foo-2',
    ]);
  });
});

describe('StatefulSet sync: scale down (ScalesDown)', () => {
  it('deletes the highest ordinal first, one per sync', () => {
    const fake = cluster(3);
    fake.settle();
    scale(fake, 1);
    expect([summary(fake), summary(fake)]).toEqual([['deletePod foo-2'], ['deletePod foo-1']]);
  });

  it('records SuccessfulDelete with upstream text', () => {
    const fake = cluster(3);
    fake.settle();
    scale(fake, 2);
    fake.events = [];
    fake.sync();
    expect(fake.events.map((event) => event.message)).toEqual(['delete Pod foo-2 in StatefulSet foo successful']);
  });

  it('does not scale down while a remaining replica is not ready', () => {
    const fake = cluster(3);
    fake.settle();
    fake.makeUnready('foo-0');
    scale(fake, 1);
    expect(summary(fake)).toEqual([]);
  });

  it('may delete the first unavailable pod itself', () => {
    const fake = cluster(3);
    fake.settle();
    fake.makeUnready('foo-2');
    scale(fake, 2);
    expect(summary(fake)).toEqual(['deletePod foo-2']);
  });

  it('deletes every condemned pod at once with Parallel', () => {
    const fake = cluster(3, { podManagementPolicy: 'Parallel' });
    fake.settle();
    scale(fake, 0);
    expect(summary(fake)).toEqual(['deletePod foo-2', 'deletePod foo-1', 'deletePod foo-0']);
  });

  it('waits for a terminating condemned pod to go before the next', () => {
    const fake = cluster(3);
    fake.settle();
    const pod = fake.pods.get('foo-2');
    if (pod !== undefined) fake.pods.set('foo-2', { ...pod, metadata: { ...pod.metadata, deletionTimestamp: toTimestamp(0) } });
    scale(fake, 1);
    expect(summary(fake)).toEqual([]);
  });
});

describe('StatefulSet sync: failed and succeeded pods (RecreatesFailedPod, RecreatesSucceededPod)', () => {
  it('deletes a failed pod and stops there', () => {
    const fake = cluster(3);
    fake.settle();
    fake.setPhase('foo-1', 'Failed');
    expect(summary(fake)).toEqual(['deletePod foo-1']);
  });

  it('recreates the pod on the next sync', () => {
    const fake = cluster(3);
    fake.settle();
    fake.setPhase('foo-1', 'Failed');
    fake.sync();
    expect(summary(fake)).toEqual(['createPod foo-1']);
  });

  it('deletes a succeeded pod the same way', () => {
    const fake = cluster(3);
    fake.settle();
    fake.setPhase('foo-0', 'Succeeded');
    expect(summary(fake)).toEqual(['deletePod foo-0']);
  });

  it('deletes every failed pod in one sync with Parallel', () => {
    const fake = cluster(3, { podManagementPolicy: 'Parallel' });
    fake.settle();
    fake.setPhase('foo-0', 'Failed');
    fake.setPhase('foo-2', 'Failed');
    expect(summary(fake)).toEqual(['deletePod foo-0', 'deletePod foo-2']);
  });
});

describe('StatefulSet sync: a set being deleted', () => {
  it('only computes the status', () => {
    const set = statefulSet({ replicas: 3 });
    const deleting = { ...set, metadata: { ...set.metadata, deletionTimestamp: toTimestamp(0) } };
    const plan = planStatefulSetSync({ set: deleting, pods: [], revisions: [], claims: () => undefined, nowMs: 0 });
    expect([plan.actions, plan.status.replicas]).toEqual([[], 0]);
  });
});

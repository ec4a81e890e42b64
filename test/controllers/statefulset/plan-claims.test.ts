// Claims in a StatefulSet sync, in the spirit of upstream's RecreatesPVCForPendingPod,
// TestStatefulSetControl's PVC retention cases and TestStatefulPodControl* (claim creation
// failures, UpdateStatefulPod) in pkg/controller/statefulset.

import { describe, expect, it } from 'vitest';
import { toTimestamp } from '../../../core/clock.ts';
import type { StatefulSetSpec } from '../../../core/workloads.ts';
import { claim, statefulSet } from './builders.ts';
import { FakeCluster } from './fake-cluster.ts';

type Policy = 'Retain' | 'Delete';

function cluster(replicas: number, whenScaled: Policy, whenDeleted: Policy, spec: Partial<StatefulSetSpec> = {}): FakeCluster {
  return new FakeCluster(statefulSet({ replicas, spec: { persistentVolumeClaimRetentionPolicy: { whenScaled, whenDeleted }, ...spec } }));
}

function kinds(fake: FakeCluster): string[] {
  return fake.sync().actions.map((action) => {
    if (action.type === 'recordEvent') return `event ${action.record.reason}`;
    if (action.type === 'createClaim' || action.type === 'updateClaim') return `${action.type} ${action.claim.metadata.name}`;
    return `${action.type} ${action.pod.metadata.name}`;
  });
}

describe('StatefulSet sync: claim owners under the retention policy', () => {
  it('gives a pending pod claims the set as owner when whenDeleted is Delete', () => {
    const fake = cluster(1, 'Retain', 'Delete');
    fake.sync();
    fake.sync();
    expect(fake.claims.get('datadir-foo-0')?.metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'foo', uid: 'test', controller: true, blockOwnerDeletion: true },
    ]);
  });

  it('leaves claims without our owners under Retain', () => {
    const fake = cluster(1, 'Retain', 'Retain');
    fake.settle();
    expect(fake.claims.get('datadir-foo-0')?.metadata.ownerReferences).toBeUndefined();
  });

  it('hands a condemned pod its claim before deleting it when whenScaled is Delete', () => {
    const fake = cluster(3, 'Delete', 'Retain');
    fake.settle();
    fake.set = { ...fake.set, spec: { ...fake.set.spec, replicas: 2 } };
    expect(kinds(fake)).toEqual(['updateClaim datadir-foo-2', 'deletePod foo-2']);
  });

  it('makes the condemned pod the claim controller', () => {
    const fake = cluster(3, 'Delete', 'Retain');
    fake.settle();
    const uid = fake.pods.get('foo-2')?.metadata.uid;
    fake.set = { ...fake.set, spec: { ...fake.set.spec, replicas: 2 } };
    fake.sync();
    expect(fake.claims.get('datadir-foo-2')?.metadata.ownerReferences?.map((ref) => [ref.kind, ref.uid, ref.controller])).toEqual([['Pod', uid, true]]);
  });

  it('does not create a pod while its claim still belongs to an earlier pod of that name (PodClaimIsStale)', () => {
    const fake = cluster(1, 'Delete', 'Retain');
    const owner = { apiVersion: 'v1', kind: 'Pod', name: 'foo-0', uid: 'old-uid', controller: true };
    fake.claims.set('datadir-foo-0', claim('datadir-foo-0', { ownerReferences: [owner] }));
    expect(kinds(fake)).toEqual([]);
  });

  it('warns of a claim another controller owns, after creating the pod (ConflictingController)', () => {
    const fake = cluster(1, 'Retain', 'Delete');
    const other = { apiVersion: 'custom/v1', kind: 'Thing', name: 'x', uid: 'x-uid', controller: true };
    fake.claims.set('datadir-foo-0', claim('datadir-foo-0', { ownerReferences: [other] }));
    fake.sync();
    expect(fake.events.map((event) => event.reason)).toEqual(['SuccessfulCreate', 'ConflictingController']);
  });
});

describe('StatefulSet sync: missing and deleted claims', () => {
  it('recreates the claim of a pending pod (RecreatesPVCForPendingPod)', () => {
    const fake = cluster(1, 'Retain', 'Retain');
    fake.sync();
    fake.claims.delete('datadir-foo-0');
    expect(kinds(fake)).toEqual(['createClaim datadir-foo-0']);
  });

  it('fails the sync while a claim is being deleted', () => {
    const fake = cluster(1, 'Retain', 'Retain');
    fake.claims.set('datadir-foo-0', claim('datadir-foo-0', { deletionTimestamp: toTimestamp(0) }));
    expect(fake.sync().error).toBe('pvc datadir-foo-0 is being deleted');
  });

  it('records FailedCreate for the pod with upstream text', () => {
    const fake = cluster(1, 'Retain', 'Retain');
    fake.claims.set('datadir-foo-0', claim('datadir-foo-0', { deletionTimestamp: toTimestamp(0) }));
    fake.sync();
    expect(fake.events.map((event) => `${event.type} ${event.reason}: ${event.message}`)).toEqual([
      'Warning FailedCreate: create Pod foo-0 in StatefulSet foo failed error: pvc datadir-foo-0 is being deleted',
    ]);
  });
});

describe('StatefulSet sync: pod invariants (UpdateStatefulPod)', () => {
  it('writes back a pod that lost its claim volume', () => {
    const fake = cluster(1, 'Retain', 'Retain');
    fake.settle();
    const pod = fake.pods.get('foo-0');
    if (pod !== undefined) fake.pods.set('foo-0', { ...pod, spec: { ...pod.spec, volumes: [] } });
    expect(kinds(fake)).toEqual(['updatePod foo-0']);
  });

  it('records SuccessfulUpdate with upstream text', () => {
    const fake = cluster(1, 'Retain', 'Retain');
    fake.settle();
    const pod = fake.pods.get('foo-0');
    const { 'statefulset.kubernetes.io/pod-name': _name, ...labels } = pod?.metadata.labels ?? {};
    if (pod !== undefined) fake.pods.set('foo-0', { ...pod, metadata: { ...pod.metadata, labels } });
    fake.events = [];
    fake.sync();
    expect(fake.events.map((event) => event.message)).toEqual(['update Pod foo-0 in StatefulSet foo successful']);
  });
});

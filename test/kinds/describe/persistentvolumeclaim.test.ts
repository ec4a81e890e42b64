// `kubectl describe persistentvolumeclaim`: the cases of upstream's
// TestPersistentVolumeClaimDescriber and TestGetPodsForPVC
// (staging/src/k8s.io/kubectl/pkg/describe/describe_test.go), then whole pages of a pending claim
// a StatefulSet made and of a bound claim with a condition.

import { describe, expect, it } from 'vitest';
import type { ObjectMeta } from '../../../core/objects.ts';
import type { PersistentVolumeClaim } from '../../../core/workloads.ts';
import { describePersistentVolumeClaim, podsUsingClaim } from '../../../kinds/describe/persistentvolumeclaim.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { lines, page, pod, stateWith } from './builders.ts';

function claim(
  spec: Readonly<Record<string, unknown>>,
  status: Readonly<Record<string, unknown>> = {},
  metadata: Partial<ObjectMeta> = {},
): PersistentVolumeClaim {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'bar', namespace: 'foo', uid: 'uid-bar', creationTimestamp: '2025-01-01T00:00:00Z', ...metadata },
    spec,
    status: status as PersistentVolumeClaim['status'],
  };
}

function describePage(object: PersistentVolumeClaim, state: ClusterState = stateWith(object)): string {
  return page((w) => describePersistentVolumeClaim(w, object, { state, nowMs: 0 }));
}

const gold = { storageClassName: 'gold' };

describe('describePersistentVolumeClaim (upstream TestPersistentVolumeClaimDescriber)', () => {
  const cases: readonly { name: string; pvc: PersistentVolumeClaim; expected?: readonly string[]; unexpected?: readonly string[] }[] = [
    { name: 'default', pvc: claim({ ...gold, volumeName: 'volume1' }, { phase: 'Bound' }), expected: ['Events'], unexpected: ['VolumeMode', 'Filesystem'] },
    { name: 'filesystem', pvc: claim({ ...gold, volumeName: 'volume2', volumeMode: 'Filesystem' }, { phase: 'Bound' }), expected: ['VolumeMode', 'Filesystem'] },
    { name: 'block', pvc: claim({ ...gold, volumeName: 'volume3', volumeMode: 'Block' }, { phase: 'Bound' }), expected: ['VolumeMode', 'Block'] },
    { name: 'condition-type', pvc: claim({ ...gold, volumeName: 'volume4' }, { conditions: [{ type: 'Resizing' }] }), expected: ['Conditions', 'Type', 'Resizing'] },
    { name: 'condition-status', pvc: claim({ ...gold, volumeName: 'volume5' }, { conditions: [{ status: 'True' }] }), expected: ['Conditions', 'Status', 'True'] },
    {
      name: 'condition-last-probe-time',
      pvc: claim({ ...gold, volumeName: 'volume6' }, { conditions: [{ lastProbeTime: '2025-03-04T05:06:07Z' }] }),
      expected: ['Conditions', 'LastProbeTime', 'Tue, 04 Mar 2025 05:06:07 +0000'],
    },
    {
      name: 'condition-last-transition-time',
      pvc: claim({ ...gold, volumeName: 'volume7' }, { conditions: [{ lastTransitionTime: '2025-03-04T05:06:07Z' }] }),
      expected: ['Conditions', 'LastTransitionTime', 'Tue, 04 Mar 2025 05:06:07 +0000'],
    },
    { name: 'condition-reason', pvc: claim({ ...gold, volumeName: 'volume8' }, { conditions: [{ reason: 'OfflineResize' }] }), expected: ['Conditions', 'Reason', 'OfflineResize'] },
    {
      name: 'condition-message',
      pvc: claim({ ...gold, volumeName: 'volume9' }, { conditions: [{ message: 'User request resize' }] }),
      expected: ['Conditions', 'Message', 'User request resize'],
    },
    {
      name: 'deletion-timestamp',
      pvc: claim({ ...gold, volumeName: 'volume10' }, {}, { deletionTimestamp: '2015-01-01T00:00:00Z' }),
      expected: ['Terminating (lasts 10y)'],
    },
    {
      name: 'pvc-datasource',
      pvc: claim({ ...gold, volumeName: 'volume10', dataSource: { name: 'srcpvc', kind: 'PersistentVolumeClaim' } }),
      expected: ['\nDataSource:\n  Kind:   PersistentVolumeClaim\n  Name:   srcpvc'],
    },
    {
      name: 'snapshot-datasource',
      pvc: claim({ ...gold, volumeName: 'volume10', dataSource: { name: 'src-snapshot', kind: 'VolumeSnapshot', apiGroup: 'snapshot.storage.k8s.io' } }),
      expected: ['DataSource:\n  APIGroup:  snapshot.storage.k8s.io\n  Kind:      VolumeSnapshot\n  Name:      src-snapshot\n'],
    },
  ];
  for (const { name, pvc, expected = [], unexpected = [] } of cases) {
    it(name, () => {
      const out = describePage(pvc);
      for (const fragment of expected) expect(out).toContain(fragment);
      for (const fragment of unexpected) expect(out).not.toContain(fragment);
    });
  }
});

describe('podsUsingClaim (upstream TestGetPodsForPVC)', () => {
  const bound = claim({ ...gold, volumeName: 'volume1' }, { phase: 'Bound' }, { name: 'pvc-name', namespace: 'ns' });
  const volumes = [{ name: 'volume', persistentVolumeClaim: { claimName: 'pvc-name' } }];

  it('pvc-unused', () => {
    expect(podsUsingClaim(stateWith(bound, pod('pod-name', { namespace: 'ns' })), bound)).toEqual([]);
  });

  it('pvc-in-pods-volumes-list', () => {
    const state = stateWith(bound, pod('pod-name', { namespace: 'ns', volumes }), pod('elsewhere', { namespace: 'other', volumes }));
    expect(podsUsingClaim(state, bound).map((p) => p.metadata.name)).toEqual(['pod-name']);
  });

  it('pvc-owned-by-pod', () => {
    const owner = { apiVersion: 'v1', kind: 'Pod', name: 'pod-name', uid: 'pod-uid' };
    const owned = { ...bound, metadata: { ...bound.metadata, ownerReferences: [owner] } };
    const state = stateWith(owned, pod('pod-name', { namespace: 'ns', uid: 'pod-uid' }));
    expect(podsUsingClaim(state, owned).map((p) => p.metadata.name)).toEqual(['pod-name']);
  });

  it('lists a pod that names the claim in two volumes twice, as upstream appends it once per volume', () => {
    const state = stateWith(bound, pod('pod-name', { namespace: 'ns', volumes: [...volumes, { name: 'again', persistentVolumeClaim: { claimName: 'pvc-name' } }] }));
    expect(podsUsingClaim(state, bound).map((p) => p.metadata.name)).toEqual(['pod-name', 'pod-name']);
  });
});

describe('describePersistentVolumeClaim pages', () => {
  it('prints a pending claim with the pods that use it, sorted, and no capacity or access modes before it is bound', () => {
    const pending = claim(
      { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard', volumeMode: 'Filesystem' },
      { phase: 'Pending' },
      { name: 'data-db-0', labels: { app: 'db' }, finalizers: ['kubernetes.io/pvc-protection'] },
    );
    const uses = [{ name: 'data', persistentVolumeClaim: { claimName: 'data-db-0' } }];
    const state = stateWith(pending, pod('db-0', { volumes: uses }), pod('backup', { volumes: uses }), pod('web'));
    expect(describePage(pending, state)).toBe(
      lines(
        'Name:          data-db-0',
        'Namespace:     foo',
        'StorageClass:  standard',
        'Status:        Pending',
        'Volume:        ',
        'Labels:        app=db',
        'Annotations:   <none>',
        'Finalizers:    [kubernetes.io/pvc-protection]',
        'Capacity:      ',
        'Access Modes:  ',
        'VolumeMode:    Filesystem',
        'Used By:       backup',
        '               db-0',
        'Events:        <none>',
      ),
    );
  });

  it('prints a bound claim: the beta class annotation first, the volume capacity and access modes, and its conditions', () => {
    const bound = claim(
      { ...gold, volumeName: 'volume1' },
      { phase: 'Bound', capacity: { storage: '10240Mi' }, accessModes: ['ReadWriteMany', 'ReadWriteOnce'], conditions: [{ type: 'Resizing', status: 'True', lastTransitionTime: '2025-01-01T00:00:30Z' }] },
      { annotations: { 'volume.beta.kubernetes.io/storage-class': 'silver' } },
    );
    expect(describePage(bound)).toBe(
      lines(
        'Name:          bar',
        'Namespace:     foo',
        'StorageClass:  silver',
        'Status:        Bound',
        'Volume:        volume1',
        'Labels:        <none>',
        'Annotations:   volume.beta.kubernetes.io/storage-class: silver',
        'Finalizers:    []',
        'Capacity:      10Gi',
        'Access Modes:  RWO,RWX',
        'Used By:       <none>',
        'Conditions:',
        '  Type       Status  LastProbeTime                     LastTransitionTime                Reason  Message',
        '  ----       ------  -----------------                 ------------------                ------  -------',
        '  Resizing   True    Mon, 01 Jan 0001 00:00:00 +0000   Wed, 01 Jan 2025 00:00:30 +0000           ',
        'Events:      <none>',
      ),
    );
  });

  it('prints a capacity of 0 for a bound claim whose status has none', () => {
    expect(describePage(claim({ ...gold, volumeName: 'volume1' }, { phase: 'Bound' }))).toContain('Capacity:      0\nAccess Modes:  \n');
  });
});

// The PV controller and the simulated provisioner, run through the API server: binding, the
// Events of a claim that waits (pv_controller.go's FailedBinding, WaitForFirstConsumer,
// ExternalProvisioning), provisioning after the configured time, release and reclaim.

import { describe, expect, it } from 'vitest';
import { persistentVolumeController, PV_RESYNC_PERIOD_MS } from '../../../controllers/persistentvolume/index.ts';
import { volumeProvisioner } from '../../../controllers/volume-provisioner/index.ts';
import type { KsimEvent } from '../../../core/events.ts';
import type { Claim, PersistentVolume } from '../../../core/storage.ts';
import { listObjects, lookupObject } from '../../../reducers/lookup.ts';
import { ClusterHarness } from '../../support/cluster-harness.ts';

const PROVISIONING_MS = 5_000;

function cluster(): ClusterHarness {
  return new ClusterHarness([persistentVolumeController(), volumeProvisioner({ provisioningTimeMs: PROVISIONING_MS })]);
}

const pv = (name: string, storage: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name },
  spec: { capacity: { storage }, accessModes: ['ReadWriteOnce'], hostPath: { path: `/mnt/${name}` }, storageClassName: 'manual', ...extra },
});
const pvc = (name: string, storage: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage } }, storageClassName: 'manual', ...extra },
});
const sc = (name: string, provisioner: string, extra: Record<string, unknown> = {}) => ({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name }, provisioner, ...extra });

const claimOf = (api: ClusterHarness, name: string) => lookupObject<Claim>(api.state, 'PersistentVolumeClaim', 'default', name);
const volumeOf = (api: ClusterHarness, name: string) => lookupObject<PersistentVolume>(api.state, 'PersistentVolume', undefined, name);

function reasons(events: readonly KsimEvent[]): string[] {
  return events.flatMap((event) => (event.type === 'event/recorded' ? [`${event.reason}: ${event.message}`] : []));
}

describe('the PV controller binds', () => {
  it('a claim to the smallest Available volume that fits, writing what upstream writes', () => {
    const api = cluster();
    api.apply(pv('big', '100Gi'));
    api.apply(pv('small', '5Gi'));
    api.apply(pvc('data', '3Gi'));
    const volume = volumeOf(api, 'small');
    const claim = claimOf(api, 'data');
    expect(volume?.status.phase).toBe('Bound');
    expect(volume?.spec.claimRef).toMatchObject({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', uid: claim?.metadata.uid });
    expect(volume?.metadata.annotations).toEqual({ 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(claim?.spec.volumeName).toBe('small');
    expect(claim?.metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(claim?.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '5Gi' } });
    expect(volumeOf(api, 'big')?.status.phase).toBe('Available');
  });

  it('a claim that names its volume, without the bound-by-controller annotation', () => {
    const api = cluster();
    api.apply(pv('small', '5Gi'));
    api.apply(pv('chosen', '50Gi'));
    api.apply(pvc('data', '3Gi', { volumeName: 'chosen' }));
    expect(volumeOf(api, 'chosen')?.status.phase).toBe('Bound');
    expect(claimOf(api, 'data')?.metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes' });
  });

  it('a claim created before its volume, at the next 15-second resync', () => {
    const api = cluster();
    // The class "manual" names no StorageClass, so there is nothing to provision from.
    expect(reasons(api.apply(pvc('data', '3Gi')))).toEqual(['ProvisioningFailed: storageclass.storage.k8s.io "manual" not found']);
    api.apply(pv('late', '5Gi'), 1_000);
    expect(claimOf(api, 'data')?.status.phase).toBe('Pending');
    api.advance(PV_RESYNC_PERIOD_MS);
    expect(claimOf(api, 'data')?.status.phase).toBe('Bound');
  });
});

describe('a claim that waits', () => {
  it('for an administrator, when it names no class', () => {
    const api = cluster();
    expect(reasons(api.apply(pvc('data', '3Gi', { storageClassName: '' })))).toEqual(['FailedBinding: no persistent volumes available for this claim and no storage class is set']);
  });

  it('for its first consumer, with a WaitForFirstConsumer class', () => {
    const api = cluster();
    api.apply(sc('local', 'kubernetes.io/no-provisioner', { volumeBindingMode: 'WaitForFirstConsumer' }));
    api.apply(pv('local-1', '10Gi', { storageClassName: 'local' }));
    expect(reasons(api.apply(pvc('data', '3Gi', { storageClassName: 'local' })))).toEqual(['WaitForFirstConsumer: waiting for first consumer to be created before binding']);
    expect(volumeOf(api, 'local-1')?.status.phase).toBe('Available');
  });
});

describe('the simulated provisioner', () => {
  it('creates pvc-<uid> after the provisioning time, and the PV controller binds it', () => {
    const api = cluster();
    api.apply(sc('fast', 'example.com/disk', { reclaimPolicy: 'Delete' }));
    const started = reasons(api.apply(pvc('data', '3Gi', { storageClassName: 'fast' })));
    expect(started).toContain('Provisioning: External provisioner is provisioning volume for claim "default/data"');
    expect(claimOf(api, 'data')?.metadata.annotations?.['volume.kubernetes.io/storage-provisioner']).toBe('example.com/disk');
    api.advance(PROVISIONING_MS - 1);
    expect(listObjects(api.state, 'PersistentVolume')).toEqual([]);
    api.advance(1);
    const claim = claimOf(api, 'data');
    const name = `pvc-${claim?.metadata.uid ?? ''}`;
    const volume = volumeOf(api, name);
    expect(volume?.metadata.annotations?.['pv.kubernetes.io/provisioned-by']).toBe('example.com/disk');
    expect(volume?.spec).toMatchObject({ capacity: { storage: '3Gi' }, accessModes: ['ReadWriteOnce'], storageClassName: 'fast', persistentVolumeReclaimPolicy: 'Delete' });
    expect(volume?.status.phase).toBe('Bound');
    expect(claim?.spec.volumeName).toBe(name);
    expect(claim?.status.phase).toBe('Bound');
  });

  it('deletes its volume when the claim goes and the policy is Delete', () => {
    const api = cluster();
    api.apply(sc('fast', 'example.com/disk'));
    api.apply(pvc('data', '3Gi', { storageClassName: 'fast' }));
    api.advance(PROVISIONING_MS);
    expect(listObjects(api.state, 'PersistentVolume')).toHaveLength(1);
    api.run({ type: 'delete', actor: 'user', kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data' });
    expect(listObjects(api.state, 'PersistentVolume')).toEqual([]);
  });
});

describe('release', () => {
  it('keeps a Retain volume Released with its claim reference', () => {
    const api = cluster();
    api.apply(pv('kept', '5Gi'));
    api.apply(pvc('data', '3Gi'));
    api.run({ type: 'delete', actor: 'user', kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data' });
    expect(volumeOf(api, 'kept')?.status.phase).toBe('Released');
    expect(volumeOf(api, 'kept')?.spec.claimRef?.name).toBe('data');
  });

  it('fails a Delete volume no provisioner made, as upstream without a deletable plugin', () => {
    const api = cluster();
    api.apply(pv('static', '5Gi', { persistentVolumeReclaimPolicy: 'Delete' }));
    api.apply(pvc('data', '3Gi'));
    const events = api.run({ type: 'delete', actor: 'user', kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data' });
    expect(volumeOf(api, 'static')?.status.phase).toBe('Failed');
    expect(reasons(events)).toEqual(['VolumeFailedDelete: error getting deleter volume plugin for volume "static": no deletable volume plugin matched']);
  });
});

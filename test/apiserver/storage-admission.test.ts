// PersistentVolume, PersistentVolumeClaim and StorageClass admission: defaulting, upstream's
// validation messages (pkg/apis/core/validation, pkg/apis/storage/validation), immutability, and
// the DefaultStorageClass plugin (plugin/pkg/admission/storage/storageclass/setdefault).

import { describe, expect, it } from 'vitest';
import type { KsimEvent } from '../../core/events.ts';
import type { Claim, PersistentVolume, StorageClass } from '../../core/storage.ts';
import { lookupObject } from '../../reducers/lookup.ts';
import { ApiHarness } from '../support/api-harness.ts';

function rejection(events: readonly KsimEvent[]): string | undefined {
  const [event] = events;
  return event?.type === 'request/rejected' ? `${event.code} ${event.reason}: ${event.message}` : undefined;
}

const pv = (name: string, spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name }, spec });
const pvc = (name: string, spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name }, spec });
const sc = (name: string, extra: Record<string, unknown> = {}, annotations?: Record<string, string>) => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name, ...(annotations === undefined ? {} : { annotations }) },
  provisioner: 'example.com/disk',
  ...extra,
});
const hostPathSpec = { capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/mnt/data' } };
const claimSpec = { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '3Gi' } } };

describe('PersistentVolume admission', () => {
  it('defaults the reclaim policy to Retain and the volume mode to Filesystem, and starts Pending', () => {
    const api = new ApiHarness();
    api.apply(pv('task-pv-volume', hostPathSpec));
    const stored = lookupObject<PersistentVolume>(api.state, 'PersistentVolume', undefined, 'task-pv-volume');
    expect(stored?.spec.persistentVolumeReclaimPolicy).toBe('Retain');
    expect(stored?.spec.volumeMode).toBe('Filesystem');
    expect(stored?.status.phase).toBe('Pending');
  });

  it('requires access modes and a capacity of storage, with upstream\'s messages', () => {
    const api = new ApiHarness();
    expect(rejection(api.apply(pv('bad', { hostPath: { path: '/x' } })))).toBe(
      '422 Invalid: PersistentVolume "bad" is invalid: [spec.accessModes: Required value, spec.capacity: Required value, spec.capacity: Unsupported value: {}: supported values: "storage"]',
    );
  });

  it('requires a volume type', () => {
    const api = new ApiHarness();
    expect(rejection(api.apply(pv('bad', { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'] })))).toBe(
      '422 Invalid: PersistentVolume "bad" is invalid: spec: Required value: must specify a volume type',
    );
  });

  it('refuses a change of its volume source', () => {
    const api = new ApiHarness();
    api.apply(pv('data', hostPathSpec));
    expect(rejection(api.apply(pv('data', { ...hostPathSpec, hostPath: { path: '/elsewhere' } })))).toBe(
      '422 Invalid: PersistentVolume "data" is invalid: spec.persistentvolumesource: Forbidden: spec.persistentvolumesource is immutable after creation',
    );
  });
});

describe('PersistentVolumeClaim admission', () => {
  it('requires access modes and requested storage, with upstream\'s messages', () => {
    const api = new ApiHarness();
    expect(rejection(api.apply(pvc('bad', { resources: {} })))).toBe(
      '422 Invalid: PersistentVolumeClaim "bad" is invalid: [spec.accessModes: Required value: at least 1 access mode is required, spec.resources[storage]: Required value]',
    );
  });

  it('refuses a change of its spec once created', () => {
    const api = new ApiHarness();
    api.apply(pvc('data', claimSpec));
    expect(rejection(api.apply(pvc('data', { ...claimSpec, accessModes: ['ReadWriteMany'] })))).toBe(
      '422 Invalid: PersistentVolumeClaim "data" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    );
  });

  it('lets the volume name be set once, as binding does', () => {
    const api = new ApiHarness();
    api.apply(pvc('data', claimSpec));
    const events = api.run({ type: 'patch', actor: 'user', kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', patch: { spec: { volumeName: 'pv-1' } } });
    expect(rejection(events)).toBeUndefined();
    expect(lookupObject<Claim>(api.state, 'PersistentVolumeClaim', 'default', 'data')?.spec.volumeName).toBe('pv-1');
  });
});

describe('StorageClass admission', () => {
  it('defaults reclaimPolicy Delete and volumeBindingMode Immediate', () => {
    const api = new ApiHarness();
    api.apply(sc('standard'));
    const stored = lookupObject<StorageClass>(api.state, 'StorageClass', undefined, 'standard');
    expect(stored?.reclaimPolicy).toBe('Delete');
    expect(stored?.volumeBindingMode).toBe('Immediate');
  });

  it('requires a provisioner and a known binding mode', () => {
    const api = new ApiHarness();
    expect(rejection(api.apply({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'x' }, volumeBindingMode: 'Later' }))).toBe(
      '422 Invalid: StorageClass.storage.k8s.io "x" is invalid: [provisioner: Required value, volumeBindingMode: Unsupported value: "Later": supported values: "Immediate", "WaitForFirstConsumer"]',
    );
  });

  it('refuses a change of provisioner or parameters', () => {
    const api = new ApiHarness();
    api.apply(sc('standard'));
    expect(rejection(api.apply(sc('standard', { provisioner: 'example.com/other', parameters: { type: 'ssd' } })))).toBe(
      '422 Invalid: StorageClass.storage.k8s.io "standard" is invalid: [parameters: Forbidden: updates to parameters are forbidden., provisioner: Forbidden: updates to provisioner are forbidden.]',
    );
  });
});

describe('the DefaultStorageClass admission plugin', () => {
  const className = (api: ApiHarness, name: string) => lookupObject<Claim>(api.state, 'PersistentVolumeClaim', 'default', name)?.spec.storageClassName;
  const isDefault = { 'storageclass.kubernetes.io/is-default-class': 'true' };

  it('gives a claim that names no class the default class', () => {
    const api = new ApiHarness();
    api.apply(sc('plain'));
    api.apply(sc('standard', {}, isDefault));
    api.apply(pvc('data', claimSpec));
    expect(className(api, 'data')).toBe('standard');
  });

  it('leaves a claim that asks for no class ("") or names one alone', () => {
    const api = new ApiHarness();
    api.apply(sc('standard', {}, isDefault));
    api.apply(pvc('none', { ...claimSpec, storageClassName: '' }));
    api.apply(pvc('named', { ...claimSpec, storageClassName: 'manual' }));
    expect(className(api, 'none')).toBe('');
    expect(className(api, 'named')).toBe('manual');
  });

  it('takes the newest default when several are marked', () => {
    const api = new ApiHarness();
    api.apply(sc('aa-old', {}, isDefault), 0);
    api.apply(sc('zz-new', {}, isDefault), 5_000);
    api.apply(pvc('data', claimSpec), 6_000);
    expect(className(api, 'data')).toBe('zz-new');
  });

  it('gives nothing when no class is marked default', () => {
    const api = new ApiHarness();
    api.apply(sc('plain'));
    api.apply(pvc('data', claimSpec));
    expect(className(api, 'data')).toBeUndefined();
  });
});

// Claims, volumes and classes for the storage tests, as upstream's index_test.go and
// pv_controller_test.go build them: a claim asks for RWO+ROX by default, a volume is Available.

import type { Claim, PersistentVolume, StorageClass } from '../../../core/storage.ts';

interface VolumeOptions {
  readonly modes?: readonly string[];
  readonly className?: string;
  readonly labels?: Record<string, string>;
  readonly claimRef?: PersistentVolume['spec']['claimRef'];
  readonly phase?: PersistentVolume['status']['phase'] | undefined;
  readonly volumeMode?: string;
  readonly nodeLabel?: readonly [string, string];
  readonly annotations?: Record<string, string>;
  readonly reclaimPolicy?: 'Retain' | 'Delete' | 'Recycle';
}

export function volume(name: string, size: string, options: VolumeOptions = {}): PersistentVolume {
  const affinity = options.nodeLabel === undefined
    ? {}
    : { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: options.nodeLabel[0], operator: 'In' as const, values: [options.nodeLabel[1]] }] }] } } };
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, uid: `uid-${name}`, creationTimestamp: '2025-01-01T00:00:00Z', ...(options.labels === undefined ? {} : { labels: options.labels }), ...(options.annotations === undefined ? {} : { annotations: options.annotations }) },
    spec: {
      capacity: { storage: size },
      accessModes: options.modes ?? ['ReadWriteOnce', 'ReadOnlyMany'],
      hostPath: { path: '/tmp/x' },
      ...(options.className === undefined ? {} : { storageClassName: options.className }),
      ...(options.claimRef === undefined ? {} : { claimRef: options.claimRef }),
      ...(options.volumeMode === undefined ? {} : { volumeMode: options.volumeMode }),
      persistentVolumeReclaimPolicy: options.reclaimPolicy ?? 'Retain',
      ...affinity,
    },
    status: options.phase === undefined ? {} : { phase: options.phase },
  } as PersistentVolume;
}

interface ClaimOptions {
  readonly modes?: readonly string[];
  readonly className?: string;
  readonly selector?: Record<string, string>;
  readonly volumeName?: string;
  readonly volumeMode?: string;
  readonly annotations?: Record<string, string>;
  readonly phase?: 'Pending' | 'Bound' | 'Lost';
  readonly name?: string;
}

export function claim(size: string, options: ClaimOptions = {}): Claim {
  const name = options.name ?? 'claim01';
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'myns', uid: `uid-${name}`, creationTimestamp: '2025-01-01T00:00:00Z', ...(options.annotations === undefined ? {} : { annotations: options.annotations }) },
    spec: {
      accessModes: options.modes ?? ['ReadWriteOnce', 'ReadOnlyMany'],
      resources: { requests: { storage: size } },
      ...(options.className === undefined ? {} : { storageClassName: options.className }),
      ...(options.selector === undefined ? {} : { selector: { matchLabels: options.selector } }),
      ...(options.volumeName === undefined ? {} : { volumeName: options.volumeName }),
      ...(options.volumeMode === undefined ? {} : { volumeMode: options.volumeMode }),
    },
    status: { phase: options.phase ?? 'Pending' },
  } as Claim;
}

export function storageClass(name: string, provisioner: string, volumeBindingMode: 'Immediate' | 'WaitForFirstConsumer' = 'Immediate', annotations?: Record<string, string>): StorageClass {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name, uid: `uid-${name}`, creationTimestamp: '2025-01-01T00:00:00Z', ...(annotations === undefined ? {} : { annotations }) },
    provisioner,
    reclaimPolicy: 'Delete',
    volumeBindingMode,
  };
}

const RWO_ROX = ['ReadWriteOnce', 'ReadOnlyMany'];
const ALL = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany'];

/** createTestVolumes of index_test.go, named by their uids there. */
export function upstreamTestVolumes(): PersistentVolume[] {
  return [
    volume('gce-pd-10', '10G', { phase: 'Available' }),
    volume('gce-pd-20', '20G', { claimRef: { uid: 'def456' }, phase: 'Bound' }),
    volume('nfs-5', '5G', { modes: ALL, phase: 'Available' }),
    volume('gce-pd-1', '1G', { claimRef: { uid: 'abc123' }, phase: 'Bound' }),
    volume('nfs-10', '10G', { modes: ALL, phase: 'Available' }),
    volume('gce-pd-5', '5G', { phase: 'Available' }),
    volume('nfs-1', '1G', { modes: ALL, phase: 'Available' }),
    volume('gce-pd-2', '20000G', { modes: ['ReadWriteOnce'], labels: { 'should-exist': 'true' }, phase: 'Available' }),
    volume('gce-pd-silver1', '10000G', { modes: ['ReadWriteOnce'], labels: { 'should-exist': 'true' }, className: 'silver', phase: 'Available' }),
    volume('gce-pd-silver2', '100G', { modes: ['ReadWriteOnce'], className: 'silver', phase: 'Available' }),
    volume('gce-pd-gold', '50G', { modes: ['ReadWriteOnce'], className: 'gold', phase: 'Available' }),
    volume('local-pd-very-large', '200E', { modes: ALL, className: 'large', phase: 'Available' }),
    volume('local-pd-extremely-large', '800E', { modes: ALL, className: 'large', phase: 'Available' }),
    volume('affinity-pv', '100G', { modes: RWO_ROX, className: 'wait', nodeLabel: ['key1', 'value1'], phase: 'Available' }),
    volume('affinity-pv2', '150G', { modes: RWO_ROX, className: 'wait', nodeLabel: ['key1', 'value1'], phase: 'Available' }),
    volume('affinity-prebound', '100G', { modes: RWO_ROX, className: 'wait', claimRef: { name: 'claim02', namespace: 'myns' }, nodeLabel: ['key1', 'value1'], phase: 'Available' }),
    volume('affinity-pv3', '200G', { modes: RWO_ROX, className: 'wait', nodeLabel: ['key1', 'value3'], phase: 'Available' }),
    volume('affinity-pv4-pending', '200G', { modes: RWO_ROX, className: 'wait', nodeLabel: ['key1', 'value4'], phase: 'Pending' }),
    volume('affinity-pv4-failed', '200G', { modes: RWO_ROX, className: 'wait', nodeLabel: ['key1', 'value4'], phase: 'Failed' }),
    volume('affinity-pv4-released', '200G', { modes: RWO_ROX, className: 'wait', nodeLabel: ['key1', 'value4'], phase: 'Released' }),
    volume('affinity-pv4-empty', '200G', { modes: RWO_ROX, className: 'wait', nodeLabel: ['key1', 'value4'] }),
  ];
}

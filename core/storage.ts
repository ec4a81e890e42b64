// The storage objects as ksim reads them: PersistentVolumes, PersistentVolumeClaims and
// StorageClasses, with upstream's field names. Only the fields ksim acts on are typed; the rest of
// a manifest is kept as given.

import type { LabelSelector } from './labels.ts';
import type { KubeObject, NodeSelectorTerm } from './objects.ts';

export type ReclaimPolicy = 'Retain' | 'Delete' | 'Recycle';
export type VolumeBindingMode = 'Immediate' | 'WaitForFirstConsumer';
export type VolumePhase = 'Pending' | 'Available' | 'Bound' | 'Released' | 'Failed';
export type ClaimPhase = 'Pending' | 'Bound' | 'Lost';

export interface ClaimReference {
  readonly kind?: string;
  readonly apiVersion?: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly uid?: string;
  readonly resourceVersion?: string;
}

export interface PersistentVolumeSpec {
  readonly capacity?: Readonly<Record<string, string>>;
  readonly accessModes?: readonly string[];
  readonly claimRef?: ClaimReference;
  readonly persistentVolumeReclaimPolicy?: ReclaimPolicy;
  readonly storageClassName?: string;
  readonly volumeMode?: string;
  readonly nodeAffinity?: { readonly required?: { readonly nodeSelectorTerms: readonly NodeSelectorTerm[] } };
  readonly [field: string]: unknown;
}

export interface PersistentVolume extends KubeObject {
  readonly kind: 'PersistentVolume';
  readonly spec: PersistentVolumeSpec;
  readonly status: { readonly phase?: VolumePhase; readonly message?: string; readonly reason?: string; readonly [field: string]: unknown };
}

export interface ClaimSpec {
  readonly accessModes?: readonly string[];
  readonly resources?: { readonly requests?: Readonly<Record<string, string>> };
  readonly storageClassName?: string;
  readonly volumeName?: string;
  readonly volumeMode?: string;
  readonly selector?: LabelSelector | null;
  readonly [field: string]: unknown;
}

export interface Claim extends KubeObject {
  readonly kind: 'PersistentVolumeClaim';
  readonly spec: ClaimSpec;
  readonly status: { readonly phase?: ClaimPhase; readonly [field: string]: unknown };
}

export interface StorageClass extends KubeObject {
  readonly kind: 'StorageClass';
  readonly provisioner: string;
  readonly reclaimPolicy?: ReclaimPolicy;
  readonly volumeBindingMode?: VolumeBindingMode;
  readonly allowVolumeExpansion?: boolean;
  readonly parameters?: Readonly<Record<string, string>>;
}

/** The annotations the PV controller, the provisioner and the scheduler write (component-helpers/storage/volume). */
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const ANN_DEFAULT_STORAGE_CLASS = 'storageclass.kubernetes.io/is-default-class';
/** The provisioner name of classes for volumes an administrator creates by hand (local volumes). */
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

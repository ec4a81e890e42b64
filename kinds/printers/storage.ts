// PersistentVolumes print NAME CAPACITY ACCESS MODES RECLAIM POLICY STATUS CLAIM STORAGECLASS
// VOLUMEATTRIBUTESCLASS REASON AGE (VOLUMEMODE wide), StorageClasses NAME PROVISIONER
// RECLAIMPOLICY VOLUMEBINDINGMODE ALLOWVOLUMEEXPANSION AGE with "(default)" after the default
// class's name (printers.go printPersistentVolume, printStorageClass, v1.34).

import type { PersistentVolume, StorageClass } from '../../core/storage.ts';
import { isDefaultClass } from '../admission/default-storage-class.ts';
import { accessModesText } from '../describe/claim-fields.ts';
import { ageSince } from './time.ts';

export function persistentVolumeHeaders(wide: boolean): string[] {
  const headers = ['NAME', 'CAPACITY', 'ACCESS MODES', 'RECLAIM POLICY', 'STATUS', 'CLAIM', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'REASON', 'AGE'];
  return wide ? [...headers, 'VOLUMEMODE'] : headers;
}

/** The claim column: namespace/name of the claim reference, "" when there is none. */
export function claimRefText(volume: PersistentVolume): string {
  const ref = volume.spec.claimRef;
  return ref === undefined ? '' : `${ref.namespace ?? ''}/${ref.name ?? ''}`;
}

export function persistentVolumeRow(volume: PersistentVolume, wide: boolean, nowMs: number): string[] {
  const { spec, status, metadata } = volume;
  const row = [
    metadata.name,
    spec.capacity?.storage ?? '',
    accessModesText(spec.accessModes ?? []),
    spec.persistentVolumeReclaimPolicy ?? '',
    metadata.deletionTimestamp === undefined ? (status.phase ?? '') : 'Terminating',
    claimRefText(volume),
    spec.storageClassName ?? '',
    typeof spec.volumeAttributesClassName === 'string' && spec.volumeAttributesClassName !== '' ? spec.volumeAttributesClassName : '<unset>',
    status.reason ?? '',
    ageSince(metadata.creationTimestamp, nowMs),
  ];
  return wide ? [...row, spec.volumeMode ?? '<unset>'] : row;
}

export function storageClassHeaders(): string[] {
  return ['NAME', 'PROVISIONER', 'RECLAIMPOLICY', 'VOLUMEBINDINGMODE', 'ALLOWVOLUMEEXPANSION', 'AGE'];
}

export function storageClassRow(storageClass: StorageClass, nowMs: number): string[] {
  const name = isDefaultClass(storageClass) ? `${storageClass.metadata.name} (default)` : storageClass.metadata.name;
  return [
    name,
    storageClass.provisioner,
    storageClass.reclaimPolicy ?? 'Delete',
    storageClass.volumeBindingMode ?? 'Immediate',
    String(storageClass.allowVolumeExpansion === true),
    ageSince(storageClass.metadata.creationTimestamp, nowMs),
  ];
}

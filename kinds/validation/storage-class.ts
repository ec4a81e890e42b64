// StorageClass validation (pkg/apis/storage/validation ValidateStorageClass and
// ValidateStorageClassUpdate, v1.34): a provisioner is required, the reclaim policy is Delete or
// Retain, the binding mode Immediate or WaitForFirstConsumer; parameters, provisioner, reclaim
// policy and binding mode never change.

import type { StorageClass } from '../../core/storage.ts';
import { type FieldError, forbidden, invalid, required, unsupported } from './field-errors.ts';
import { qualifiedNameErrors } from './names.ts';

const RECLAIM_POLICIES = ['Delete', 'Retain'] as const;
const BINDING_MODES = ['Immediate', 'WaitForFirstConsumer'] as const;

function validateProvisioner(provisioner: unknown): FieldError[] {
  if (provisioner === undefined || provisioner === '') return [required('provisioner')];
  if (typeof provisioner !== 'string') return [invalid('provisioner', provisioner, 'must be a string')];
  return qualifiedNameErrors(provisioner).map((message) => invalid('provisioner', provisioner, message));
}

export function validateStorageClass(storageClass: StorageClass): FieldError[] {
  const errors = validateProvisioner(storageClass.provisioner);
  const { reclaimPolicy, volumeBindingMode } = storageClass as { readonly reclaimPolicy: unknown; readonly volumeBindingMode: unknown };
  if (!(RECLAIM_POLICIES as readonly unknown[]).includes(reclaimPolicy)) errors.push(unsupported('reclaimPolicy', reclaimPolicy, RECLAIM_POLICIES));
  if (!(BINDING_MODES as readonly unknown[]).includes(volumeBindingMode)) errors.push(unsupported('volumeBindingMode', volumeBindingMode, BINDING_MODES));
  return errors;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function validateStorageClassUpdate(next: StorageClass, current: StorageClass): FieldError[] {
  const errors = validateStorageClass(next);
  if (!sameJson(next.parameters, current.parameters)) errors.push(forbidden('parameters', 'updates to parameters are forbidden.'));
  if (next.provisioner !== current.provisioner) errors.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
  if (next.reclaimPolicy !== current.reclaimPolicy) errors.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  if (next.volumeBindingMode !== current.volumeBindingMode) errors.push(invalid('volumeBindingMode', next.volumeBindingMode, 'field is immutable'));
  return errors;
}

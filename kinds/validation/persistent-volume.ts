// PersistentVolume and PersistentVolumeClaim validation (pkg/apis/core/validation,
// ValidatePersistentVolumeSpec, ValidatePersistentVolumeClaimSpec and their Update forms, v1.34),
// as far as ksim acts on the fields: access modes, capacity and requested storage, reclaim policy,
// volume mode, exactly one volume source, and what may change after creation.

import { sameJson } from '../../core/canonical-json.ts';
import type { Claim, PersistentVolume } from '../../core/storage.ts';
import { PersistentVolumeSource } from '../schema/storage.ts';
import { type FieldError, forbidden, invalid, required, unsupported, validateDns1123Subdomain } from './field-errors.ts';
import { isRecord } from './workload.ts';
import { withFields } from '../../core/with-fields.ts';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'] as const;
const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'] as const;
const VOLUME_MODES = ['Block', 'Filesystem'] as const;
const VOLUME_SOURCES = Object.keys(PersistentVolumeSource.fields);

function validateAccessModes(path: string, modes: unknown, missing: string): FieldError[] {
  if (!Array.isArray(modes) || modes.length === 0) return [required(path, missing)];
  const errors: FieldError[] = modes.filter((mode) => !(ACCESS_MODES as readonly unknown[]).includes(mode)).map((mode) => unsupported(path, mode, ACCESS_MODES));
  const once = modes.includes('ReadWriteOncePod');
  if (once && modes.some((mode) => mode !== 'ReadWriteOncePod')) errors.push(forbidden(path, 'may not use ReadWriteOncePod with other access modes'));
  return errors;
}

function validateVolumeMode(path: string, mode: unknown): FieldError[] {
  return mode === undefined || (VOLUME_MODES as readonly unknown[]).includes(mode) ? [] : [unsupported(path, mode, VOLUME_MODES)];
}

function validateCapacity(capacity: unknown): FieldError[] {
  const entries = isRecord(capacity) ? Object.keys(capacity) : [];
  const errors: FieldError[] = entries.length === 0 ? [required('spec.capacity')] : [];
  if (!entries.includes('storage') || entries.length > 1) errors.push(unsupported('spec.capacity', capacity ?? {}, ['storage']));
  return errors;
}

function validateStorageClassName(path: string, name: unknown): FieldError[] {
  return typeof name === 'string' && name !== '' ? validateDns1123Subdomain(path, name) : [];
}

export function validatePersistentVolume(volume: PersistentVolume): FieldError[] {
  const spec = isRecord(volume.spec) ? volume.spec : {};
  const errors = [...validateAccessModes('spec.accessModes', spec.accessModes, ''), ...validateCapacity(spec.capacity)];
  const policy = spec.persistentVolumeReclaimPolicy;
  if (!(RECLAIM_POLICIES as readonly unknown[]).includes(policy)) errors.push(unsupported('spec.persistentVolumeReclaimPolicy', policy, RECLAIM_POLICIES));
  errors.push(...validateStorageClassName('spec.storageClassName', spec.storageClassName), ...validateVolumeMode('spec.volumeMode', spec.volumeMode));
  const sources = VOLUME_SOURCES.filter((source) => spec[source] !== undefined && spec[source] !== null);
  if (sources.length === 0) errors.push(required('spec', 'must specify a volume type'));
  else if (sources.length > 1) errors.push(forbidden(`spec.${sources[1] ?? ''}`, 'may not specify more than 1 volume type'));
  return errors;
}

/** The spec as a record, or empty for a malformed one (which validation has already refused). */
function specOf(object: { readonly spec: unknown }): Readonly<Record<string, unknown>> {
  return isRecord(object.spec) ? object.spec : {};
}

function sourceOf(volume: PersistentVolume): Record<string, unknown> {
  const spec = specOf(volume);
  return Object.fromEntries(VOLUME_SOURCES.filter((source) => spec[source] !== undefined).map((source) => [source, spec[source]]));
}

/** ValidatePersistentVolumeUpdate: the volume source and the volume mode never change. */
export function validatePersistentVolumeUpdate(next: PersistentVolume, current: PersistentVolume): FieldError[] {
  const errors = validatePersistentVolume(next);
  if (!sameJson(sourceOf(next), sourceOf(current))) errors.push(forbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation'));
  if (specOf(next).volumeMode !== specOf(current).volumeMode) errors.push(invalid('volumeMode', specOf(next).volumeMode, 'field is immutable'));
  return errors;
}

export function validateClaim(claim: Claim): FieldError[] {
  const spec = isRecord(claim.spec) ? claim.spec : {};
  const errors = validateAccessModes('spec.accessModes', spec.accessModes, 'at least 1 access mode is required');
  const resources = isRecord(spec.resources) ? spec.resources : {};
  const requests = isRecord(resources.requests) ? resources.requests : {};
  if (requests.storage === undefined) errors.push(required('spec.resources[storage]'));
  errors.push(...validateStorageClassName('spec.storageClassName', spec.storageClassName), ...validateVolumeMode('spec.volumeMode', spec.volumeMode));
  return errors;
}

export const CLAIM_SPEC_IMMUTABLE = 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims';

/**
 * ValidatePersistentVolumeClaimUpdate: the spec is fixed at creation, except that volumeName may be
 * set once (binding), a class may be given to a claim that had none (the retroactive default), and
 * a bound claim may change its requests and volume attributes class.
 */
export function validateClaimUpdate(next: Claim, current: Claim): FieldError[] {
  const errors = validateClaim(next);
  const bound = isRecord(current.status) && current.status.phase === 'Bound';
  const currentSpec = specOf(current);
  const comparable = (claim: Claim) => {
    const { volumeName, storageClassName, resources, volumeAttributesClassName, ...rest } = specOf(claim);
    return withFields(rest, {
      volumeName: currentSpec.volumeName === undefined || currentSpec.volumeName === '' ? '' : volumeName,
      storageClassName: currentSpec.storageClassName === undefined ? undefined : storageClassName,
      resources: bound ? undefined : resources,
      volumeAttributesClassName: bound ? undefined : volumeAttributesClassName,
    });
  };
  if (!sameJson(comparable(next), comparable(current))) errors.push(forbidden('spec', CLAIM_SPEC_IMMUTABLE));
  return errors;
}

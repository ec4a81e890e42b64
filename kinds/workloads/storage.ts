// The objects workload controllers make besides pods: PersistentVolumeClaims (from a StatefulSet's
// claim templates) and ControllerRevisions (the template history of StatefulSets and DaemonSets).
// A claim is created Pending; the PV controller (controllers/persistentvolume/) binds it. The
// DefaultStorageClass admission plugin gives a claim that names no class the default one.

import type { KubeObject } from '../../core/objects.ts';
import type { ControllerRevision as ControllerRevisionObject, PersistentVolumeClaim } from '../../core/workloads.ts';
import type { Admitted, KindDefinition } from '../definition.ts';
import type { Claim } from '../../core/storage.ts';
import { admitClaimStorageClass } from '../admission/default-storage-class.ts';
import { validateClaimLimits } from '../limits/limit-ranger.ts';
import { validateClaim, validateClaimUpdate } from '../validation/persistent-volume.ts';
import { describeControllerRevision } from '../describe/controllerrevision.ts';
import { describePersistentVolumeClaim } from '../describe/persistentvolumeclaim.ts';
import { controllerRevisionColumns, persistentVolumeClaimColumns } from '../printers/workloads.ts';
import { invalid } from '../validation/field-errors.ts';
import { isRecord } from '../validation/workload.ts';
import { CONTROLLER_REVISION_FIELDS } from '../schema/apps.ts';
import { PERSISTENT_VOLUME_CLAIM_FIELDS } from '../schema/storage.ts';
import { withFields } from '../../core/with-fields.ts';

export const PERSISTENT_VOLUME_CLAIM: KindDefinition<PersistentVolumeClaim> = {
  kind: 'PersistentVolumeClaim',
  group: '',
  version: 'v1',
  plural: 'persistentvolumeclaims',
  shortNames: ['pvc'],
  namespaced: true,
  fields: PERSISTENT_VOLUME_CLAIM_FIELDS,
  generation: false,
  statusSubresource: true,
  scale: false,
  defaultPropagation: 'Background',
  admitCreate: (claim, state) => admitClaimStorageClass(claim as unknown as Claim, state) as unknown as Admitted<PersistentVolumeClaim>,
  prepareForCreate: (claim) => {
    const spec = isRecord(claim.spec) ? claim.spec : {};
    const object = { ...claim, spec: { volumeMode: 'Filesystem', ...spec }, status: { phase: 'Pending' as const } };
    const errors = validateClaim(object as unknown as Claim);
    return errors.length > 0 ? { errors } : { object };
  },
  prepareForUpdate: (next, current) => {
    const errors = validateClaimUpdate(next as unknown as Claim, current as unknown as Claim);
    return errors.length > 0 ? { errors } : { object: next };
  },
  validateAdmission: validateClaimLimits,
  tellStatus: (status) => (isRecord(status) && typeof status.phase === 'string' ? status.phase : ''),
  warnings: (claim) => claimWarnings(claim.spec),
  printer: { headers: persistentVolumeClaimColumns.headers, row: (claim, wide, { nowMs }) => persistentVolumeClaimColumns.row(claim, wide, nowMs) },
  describe: (w, claim, context) => describePersistentVolumeClaim(w, claim, context),
};

/** Claim fields ksim stores without acting on them. */
function claimWarnings(spec: unknown): string[] {
  if (!isRecord(spec)) return [];
  const warnings: string[] = [];
  if (spec.dataSource !== undefined || spec.dataSourceRef !== undefined) warnings.push('spec.dataSource is not simulated: a provisioned volume starts empty');
  if (spec.volumeAttributesClassName !== undefined) warnings.push('spec.volumeAttributesClassName is not simulated');
  return warnings;
}

type ControllerRevision = KubeObject & { readonly revision?: number; readonly data?: unknown };

export const CONTROLLER_REVISION: KindDefinition<ControllerRevision> = {
  kind: 'ControllerRevision',
  group: 'apps',
  version: 'v1',
  plural: 'controllerrevisions',
  shortNames: [],
  namespaced: true,
  fields: CONTROLLER_REVISION_FIELDS,
  generation: false,
  statusSubresource: false,
  scale: false,
  defaultPropagation: 'Background',
  prepareForCreate: (revision) =>
    typeof revision.revision === 'number' && Number.isInteger(revision.revision) && revision.revision >= 0
      ? { object: revision }
      : { errors: [invalid('revision', revision.revision, 'must be greater than or equal to 0')] },
  // A revision's data is immutable; its revision number may move (a rollback reuses an old revision).
  prepareForUpdate: (next, current) => ({ object: withFields(next, { data: current.data }) }),
  printer: { headers: controllerRevisionColumns.headers, row: (revision, wide, { nowMs }) => controllerRevisionColumns.row(revision, wide, nowMs) },
  describe: (w, revision, context) => describeControllerRevision(w, revision as ControllerRevisionObject, context),
};

// The objects workload controllers make besides pods: PersistentVolumeClaims (from a StatefulSet's
// claim templates) and ControllerRevisions (the template history of StatefulSets and DaemonSets).
// Claims are stored Pending: nothing binds or provisions volumes yet, and the story says so.

import type { KubeObject } from '../../core/objects.ts';
import type { ControllerRevision as ControllerRevisionObject, PersistentVolumeClaim } from '../../core/workloads.ts';
import type { KindDefinition } from '../definition.ts';
import { validateClaimLimits } from '../limits/limit-ranger.ts';
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
  notSimulated: 'claims stay Pending: volumes are not bound or provisioned yet, and pods do not wait for them',
  prepareForCreate: (claim) => {
    const spec = isRecord(claim.spec) ? claim.spec : {};
    return { object: { ...claim, spec: { volumeMode: 'Filesystem', ...spec }, status: { phase: 'Pending' } } };
  },
  prepareForUpdate: (next) => ({ object: next }),
  validateAdmission: validateClaimLimits,
  printer: { headers: persistentVolumeClaimColumns.headers, row: (claim, wide, { nowMs }) => persistentVolumeClaimColumns.row(claim, wide, nowMs) },
  describe: (w, claim, context) => describePersistentVolumeClaim(w, claim, context),
};

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

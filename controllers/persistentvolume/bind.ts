// bind (pv_controller.go): the volume's claim reference and phase first, then the claim's volume
// name, annotations and status, each written only when it differs. A claim reference the
// controller writes itself is marked pv.kubernetes.io/bound-by-controller on the volume; a
// volume name it writes, the same on the claim, with pv.kubernetes.io/bind-completed.

import type { Effect } from '../../core/controller.ts';
import { ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, type Claim, type PersistentVolume } from '../../core/storage.ts';
import { withFields } from '../../core/with-fields.ts';
import { isVolumeBoundToClaim } from '../common/volume-matching.ts';
import { claimStatusEffects, patchClaim, patchVolume, volumePhaseEffects } from './writes.ts';

/** GetReference of the claim: what a bound volume's spec.claimRef holds. */
export function claimReference(claim: Claim) {
  return {
    kind: 'PersistentVolumeClaim',
    namespace: claim.metadata.namespace ?? 'default',
    name: claim.metadata.name,
    uid: claim.metadata.uid,
    apiVersion: 'v1',
    ...(claim.metadata.resourceVersion === undefined ? {} : { resourceVersion: claim.metadata.resourceVersion }),
  };
}

/** bindVolumeToClaim: the claim reference with the claim's uid; the annotation when the controller chose the volume. */
function bindVolumeToClaim(volume: PersistentVolume, claim: Claim): Effect[] {
  const ref = volume.spec.claimRef;
  if (ref !== undefined && ref.uid === claim.metadata.uid && isVolumeBoundToClaim(volume, claim)) return [];
  const byController = !isVolumeBoundToClaim(volume, claim);
  const annotations = byController ? { metadata: { annotations: { [ANN_BOUND_BY_CONTROLLER]: 'yes' } } } : {};
  return [patchVolume(volume, withFields(annotations, { spec: { claimRef: claimReference(claim) } }))];
}

/** bindClaimToVolume: the volume name, bind-completed, and bound-by-controller when the name was ours to set. */
function bindClaimToVolume(claim: Claim, volume: PersistentVolume): Effect[] {
  const annotations = claim.metadata.annotations ?? {};
  const setsName = claim.spec.volumeName !== volume.metadata.name;
  const wanted: Record<string, string> = {};
  if (setsName && annotations[ANN_BOUND_BY_CONTROLLER] === undefined) wanted[ANN_BOUND_BY_CONTROLLER] = 'yes';
  if (annotations[ANN_BIND_COMPLETED] === undefined) wanted[ANN_BIND_COMPLETED] = 'yes';
  if (!setsName && Object.keys(wanted).length === 0) return [];
  return [patchClaim(claim, { metadata: { annotations: wanted }, ...(setsName ? { spec: { volumeName: volume.metadata.name } } : {}) })];
}

export function bind(volume: PersistentVolume, claim: Claim, nowMs: number): Effect[] {
  return [
    ...bindVolumeToClaim(volume, claim),
    ...volumePhaseEffects(volume, 'Bound', nowMs),
    ...bindClaimToVolume(claim, volume),
    ...claimStatusEffects(claim, 'Bound', volume),
  ];
}

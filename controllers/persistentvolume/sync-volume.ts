// syncVolume (pv_controller.go, v1.34): a volume with no claim, or reserved for one not yet bound,
// is Available; one whose claim is bound to it is Bound; one whose claim is gone is Released and
// then reclaimed by its policy. Retain keeps it Released for an administrator. Delete leaves a
// provisioned volume to its provisioner, which deletes it; a volume an administrator made has no
// deleter in ksim, so it fails as upstream's does without a deletable plugin. A volume the
// controller reserved for a claim that bound elsewhere is freed again.

import { type Effect, wake } from '../../core/controller.ts';
import { ANN_BOUND_BY_CONTROLLER, ANN_PROVISIONED_BY, type Claim, type PersistentVolume } from '../../core/storage.ts';
import { objectKey } from '../../core/objects.ts';
import { lookupObject } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { claimKeyOf } from './keys.ts';
import { patchVolume, volumeEvent, volumePhaseEffects } from './writes.ts';

/** reclaimVolume: what the policy does with a Released volume. */
function reclaim(volume: PersistentVolume, nowMs: number): Effect[] {
  const annotations = volume.metadata.annotations ?? {};
  switch (volume.spec.persistentVolumeReclaimPolicy) {
    case 'Delete': {
      if (annotations[ANN_PROVISIONED_BY] !== undefined) return [];
      const message = `error getting deleter volume plugin for volume "${volume.metadata.name}": no deletable volume plugin matched`;
      return volumePhaseEffects(volume, 'Failed', nowMs, message, volumeEvent(volume, 'Warning', 'VolumeFailedDelete', message));
    }
    case 'Recycle': {
      const message = 'No recycler plugin found for the volume!';
      return volumePhaseEffects(volume, 'Failed', nowMs, message, volumeEvent(volume, 'Warning', 'VolumeFailedRecycle', message));
    }
    default:
      return [];
  }
}

function released(volume: PersistentVolume, nowMs: number): Effect[] {
  // A Failed volume stays Failed, so the user sees that something went wrong.
  const phase = volume.status.phase === 'Failed' ? [] : volumePhaseEffects(volume, 'Released', nowMs);
  return [...phase, ...reclaim(volume, nowMs)];
}

/** unbindVolume: the controller's own reservation is dropped whole; a user's keeps the name, loses the uid. */
function unbind(volume: PersistentVolume, nowMs: number): Effect[] {
  const annotations = volume.metadata.annotations ?? {};
  const patch = annotations[ANN_BOUND_BY_CONTROLLER] !== undefined
    ? { metadata: { annotations: { [ANN_BOUND_BY_CONTROLLER]: null } }, spec: { claimRef: null } }
    : { spec: { claimRef: { uid: null } } };
  return [patchVolume(volume, patch), ...volumePhaseEffects(volume, 'Available', nowMs)];
}

export function syncVolume(volume: PersistentVolume, state: ClusterState, nowMs: number): Effect[] {
  const ref = volume.spec.claimRef;
  if (ref === undefined || ref.uid === undefined || ref.uid === '') return volumePhaseEffects(volume, 'Available', nowMs);
  const found = lookupObject<Claim>(state, 'PersistentVolumeClaim', ref.namespace ?? '', ref.name ?? '');
  const claim = found !== undefined && found.metadata.uid === ref.uid ? found : undefined;
  if (claim === undefined) return released(volume, nowMs);
  const volumeName = claim.spec.volumeName ?? '';
  // The claim's sync finishes the binding (a provisioner writes only the volume).
  if (volumeName === '') return [wake(nowMs, claimKeyOf(objectKey(claim.metadata.namespace, claim.metadata.name)))];
  if (volumeName === volume.metadata.name) return volumePhaseEffects(volume, 'Bound', nowMs);
  const provisioned = (volume.metadata.annotations ?? {})[ANN_PROVISIONED_BY] !== undefined;
  if (provisioned && volume.spec.persistentVolumeReclaimPolicy === 'Delete') return released(volume, nowMs);
  return unbind(volume, nowMs);
}

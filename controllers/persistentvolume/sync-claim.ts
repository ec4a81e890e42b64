// syncClaim (pv_controller.go, v1.34): an unbound claim is bound to the best matching volume, or
// waits: for its first consumer (WaitForFirstConsumer, until the scheduler picks a node), for a
// provisioner (a class that names one), or for an administrator (no class). A claim that names its
// volume binds to that one when it fits. A bound claim whose volume is gone or taken is Lost.

import type { Effect } from '../../core/controller.ts';
import { ANN_BETA_STORAGE_PROVISIONER, ANN_BIND_COMPLETED, ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER, type Claim, type PersistentVolume, type StorageClass } from '../../core/storage.ts';
import { listObjects, lookupObject } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { capacityBytes, claimClassName, findBestMatchForClaim, isVolumeBoundToClaim, requestedBytes, volumeClassName } from '../common/volume-matching.ts';
import { eventAbout } from '../common/controller-ref.ts';
import { bind } from './bind.ts';
import { claimEvent, claimStatusEffects, patchClaim } from './writes.ts';

export const MESSAGE_NO_CLASS = 'no persistent volumes available for this claim and no storage class is set';
export const MESSAGE_WAIT_FOR_FIRST_CONSUMER = 'waiting for first consumer to be created before binding';

export function externalProvisioningMessage(provisioner: string): string {
  return `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`;
}

/** IsDelayBindingMode: the claim's class exists and binds on first consumer. */
export function isDelayBinding(claim: Claim, state: ClusterState): boolean {
  const className = claimClassName(claim);
  if (className === '') return false;
  return lookupObject<StorageClass>(state, 'StorageClass', undefined, className)?.volumeBindingMode === 'WaitForFirstConsumer';
}

/** provisionClaim for a provisioner outside the controller: the claim is annotated with it, and waits. */
function provisionClaim(claim: Claim, state: ClusterState): Effect[] {
  const className = claimClassName(claim);
  const storageClass = lookupObject<StorageClass>(state, 'StorageClass', undefined, className);
  if (storageClass === undefined) return [claimEvent(claim, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`)];
  const { provisioner } = storageClass;
  // In-tree names have no plugin left in ksim; an unknown one is an error, as FindProvisionablePluginByName's.
  if (provisioner.startsWith('kubernetes.io/')) return [claimEvent(claim, 'Warning', 'ProvisioningFailed', `no volume plugin matched name: ${provisioner}`)];
  const annotations = claim.metadata.annotations ?? {};
  const annotate = annotations[ANN_STORAGE_PROVISIONER] === provisioner && annotations[ANN_BETA_STORAGE_PROVISIONER] === provisioner
    ? []
    : [patchClaim(claim, { metadata: { annotations: { [ANN_BETA_STORAGE_PROVISIONER]: provisioner, [ANN_STORAGE_PROVISIONER]: provisioner } } })];
  return [...annotate, claimEvent(claim, 'Normal', 'ExternalProvisioning', externalProvisioningMessage(provisioner))];
}

function waitingEffects(claim: Claim, state: ClusterState, delayBinding: boolean): Effect[] {
  const selected = (claim.metadata.annotations ?? {})[ANN_SELECTED_NODE] !== undefined;
  let waiting: Effect[];
  if (delayBinding && !selected) waiting = [claimEvent(claim, 'Normal', 'WaitForFirstConsumer', MESSAGE_WAIT_FOR_FIRST_CONSUMER)];
  else if (claimClassName(claim) !== '') waiting = provisionClaim(claim, state);
  else waiting = [claimEvent(claim, 'Normal', 'FailedBinding', MESSAGE_NO_CLASS)];
  return [...waiting, ...claimStatusEffects(claim, 'Pending', undefined)];
}

/** checkVolumeSatisfyClaim: what a volume the claim names must offer. */
function mismatch(volume: PersistentVolume, claim: Claim): string | undefined {
  if (capacityBytes(volume) < requestedBytes(claim)) return 'requested PV is too small';
  if (volumeClassName(volume) !== claimClassName(claim)) return 'storageClassName does not match';
  if ((volume.spec.volumeMode ?? 'Filesystem') !== (claim.spec.volumeMode ?? 'Filesystem')) return 'incompatible volumeMode';
  return undefined;
}

/** The claim names a volume (spec.volumeName): bind to it when it is free or already ours. */
function syncPreBoundClaim(claim: Claim, volumeName: string, state: ClusterState, nowMs: number): Effect[] {
  const volume = lookupObject<PersistentVolume>(state, 'PersistentVolume', undefined, volumeName);
  if (volume === undefined) return claimStatusEffects(claim, 'Pending', undefined);
  if (volume.spec.claimRef === undefined) {
    const problem = mismatch(volume, claim);
    if (problem !== undefined) return [claimEvent(claim, 'Warning', 'VolumeMismatch', `Cannot bind to requested volume "${volumeName}": ${problem}`), ...claimStatusEffects(claim, 'Pending', undefined)];
    return bind(volume, claim, nowMs);
  }
  if (isVolumeBoundToClaim(volume, claim)) return bind(volume, claim, nowMs);
  return claimStatusEffects(claim, 'Pending', undefined);
}

function syncUnboundClaim(claim: Claim, state: ClusterState, nowMs: number): Effect[] {
  const volumeName = claim.spec.volumeName ?? '';
  if (volumeName !== '') return syncPreBoundClaim(claim, volumeName, state, nowMs);
  const delayBinding = isDelayBinding(claim, state);
  const volume = findBestMatchForClaim(listObjects<PersistentVolume>(state, 'PersistentVolume'), { claim, delayBinding });
  return volume === undefined ? waitingEffects(claim, state, delayBinding) : bind(volume, claim, nowMs);
}

function syncBoundClaim(claim: Claim, state: ClusterState, nowMs: number): Effect[] {
  const volumeName = claim.spec.volumeName ?? '';
  // updateClaimStatusWithEvent: the Event only with the change of phase.
  const lost = (reason: string, message: string) => claimStatusEffects(claim, 'Lost', undefined, eventAbout(claim, 'Warning', reason, message));
  if (volumeName === '') return lost('ClaimLost', 'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!');
  const volume = lookupObject<PersistentVolume>(state, 'PersistentVolume', undefined, volumeName);
  if (volume === undefined) return lost('ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
  if (volume.spec.claimRef === undefined || volume.spec.claimRef.uid === claim.metadata.uid) return bind(volume, claim, nowMs);
  return lost('ClaimMisbound', 'Two claims are bound to the same volume, this one is bound incorrectly');
}

export function syncClaim(claim: Claim, state: ClusterState, nowMs: number): Effect[] {
  const completed = (claim.metadata.annotations ?? {})[ANN_BIND_COMPLETED] !== undefined;
  return completed ? syncBoundClaim(claim, state, nowMs) : syncUnboundClaim(claim, state, nowMs);
}

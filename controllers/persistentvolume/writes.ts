// The requests the PV controller makes, as pv_controller.go makes them: a claim's or a volume's
// phase through the status subresource (with the volume's lastPhaseTransitionTime), the binding
// fields as merge patches, and Events recorded beside them.

import { toTimestamp } from '../../core/clock.ts';
import type { Command, EventRecord } from '../../core/commands.ts';
import { type Effect, submit } from '../../core/controller.ts';
import type { Claim, ClaimPhase, PersistentVolume, VolumePhase } from '../../core/storage.ts';
import { withFields } from '../../core/with-fields.ts';
import { eventAbout } from '../common/controller-ref.ts';

export const PV_CONTROLLER = 'controller/persistentvolume';

function claimTarget(claim: Claim) {
  return { actor: PV_CONTROLLER, kind: 'PersistentVolumeClaim', namespace: claim.metadata.namespace ?? 'default', name: claim.metadata.name };
}

function volumeTarget(volume: PersistentVolume) {
  return { actor: PV_CONTROLLER, kind: 'PersistentVolume', name: volume.metadata.name };
}

export function claimEvent(claim: Claim, type: 'Normal' | 'Warning', reason: string, message: string): Effect {
  return submit({ type: 'recordEvent', actor: PV_CONTROLLER, event: eventAbout(claim, type, reason, message) });
}

export function volumeEvent(volume: PersistentVolume, type: 'Normal' | 'Warning', reason: string, message: string): EventRecord {
  return eventAbout(volume, type, reason, message);
}

/** updateClaimStatus: the phase, with the bound volume's access modes and capacity (none when unbound). */
export function claimStatusEffects(claim: Claim, phase: ClaimPhase, volume: PersistentVolume | undefined, record?: EventRecord): Effect[] {
  const { accessModes: _modes, capacity: _capacity, ...rest } = claim.status;
  const status = volume === undefined ? withFields(rest, { phase }) : withFields(rest, { phase, accessModes: volume.spec.accessModes ?? [], capacity: volume.spec.capacity ?? {} });
  const same = claim.status.phase === phase && JSON.stringify(claim.status.accessModes ?? null) === JSON.stringify(volume?.spec.accessModes ?? null) && JSON.stringify(claim.status.capacity ?? null) === JSON.stringify(volume?.spec.capacity ?? null);
  if (same) return [];
  const command: Command = { type: 'updateStatus', ...claimTarget(claim), status, ...(record === undefined ? {} : { record }) };
  return [submit(command)];
}

/** updateVolumePhase: the phase (and message), stamped with the transition time. */
export function volumePhaseEffects(volume: PersistentVolume, phase: VolumePhase, nowMs: number, message?: string, record?: EventRecord): Effect[] {
  if (volume.status.phase === phase && (message === undefined || volume.status.message === message)) return [];
  const { message: _message, ...rest } = volume.status;
  const status = withFields(rest, { phase, ...(message === undefined ? {} : { message }), lastPhaseTransitionTime: toTimestamp(nowMs) });
  const command: Command = { type: 'updateStatus', ...volumeTarget(volume), status, ...(record === undefined ? {} : { record }) };
  return [submit(command)];
}

export function patchClaim(claim: Claim, patch: unknown): Effect {
  return submit({ type: 'patch', ...claimTarget(claim), patch });
}

export function patchVolume(volume: PersistentVolume, patch: unknown): Effect {
  return submit({ type: 'patch', ...volumeTarget(volume), patch });
}

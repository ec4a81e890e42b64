// One replica's or one condemned pod's turn in a StatefulSet sync, as upstream's processReplica
// and processCondemned (pkg/controller/statefulset/stateful_set_control.go). In monotonic
// (OrderedReady) mode a step that must wait ends the sync; in burst (Parallel) mode it does not.

import type { Pod } from '../../core/objects.ts';
import { aggregateError, podEvent } from './events.ts';
import { isFailed, isPending, isRunningAndAvailable, isRunningAndReady, isSucceeded, isTerminating } from './health.ts';
import { identityMatches, updateIdentity } from './identity.ts';
import type { PodManifest } from './pod-template.ts';
import {
  claimsMatchRetentionPolicy,
  createMissingClaims,
  podClaimIsStale,
  updateClaimsForRetentionPolicy,
} from './claim-steps.ts';
import { storageMatches, updateStorage } from './storage.ts';
import { CONTINUE, EXIT, type StepResult, type SyncContext } from './sync-context.ts';
import { getOrdinal } from './identity.ts';

/** A slot of the ordinal range: a pod that exists, or the one the sync would create. */
export type Replica = { readonly created: true; readonly pod: Pod } | { readonly created: false; readonly pod: PodManifest };

function deletePod(context: SyncContext, pod: Pod): void {
  context.actions.push({ type: 'deletePod', pod, record: podEvent(context.set, 'delete', pod.metadata.name) });
}

/** CreateStatefulPod: claims first, then the pod, then the claims' owner references. */
function createReplica(context: SyncContext, pod: PodManifest): StepResult {
  const { set } = context;
  const claimPod = { metadata: { name: pod.metadata.name, uid: '' } };
  // The retention policy's view of a pod the API server has not seen yet: it has no uid.
  if (podClaimIsStale(context, set, claimPod)) return EXIT;
  const errors = createMissingClaims(context, set, pod.metadata.name);
  if (errors.length > 0) {
    const error = aggregateError(errors);
    context.actions.push({ type: 'recordEvent', record: podEvent(set, 'create', pod.metadata.name, error) });
    return { exit: true, error };
  }
  context.actions.push({ type: 'createPod', pod, record: podEvent(set, 'create', pod.metadata.name) });
  updateClaimsForRetentionPolicy(context, set, claimPod);
  return context.monotonic ? EXIT : CONTINUE;
}

/**
 * UpdateStatefulPod: identity, storage and claim ownership restored; the pod is written back when
 * any of them was off, even when only its claims changed, as upstream does.
 */
function updateReplica(context: SyncContext, pod: Pod): StepResult {
  const set = context.updateSet;
  let updated = pod;
  let consistent = true;
  if (!identityMatches(set, updated)) {
    updated = updateIdentity(set, updated);
    consistent = false;
  }
  if (!storageMatches(set, updated)) {
    updated = { ...updated, spec: updateStorage(set, updated.spec, getOrdinal(updated)) };
    consistent = false;
    const errors = createMissingClaims(context, set, updated.metadata.name);
    if (errors.length > 0) {
      const error = aggregateError(errors);
      context.actions.push({ type: 'recordEvent', record: podEvent(context.set, 'update', pod.metadata.name, error) });
      return { exit: true, error };
    }
  }
  if (!claimsMatchRetentionPolicy(context, set, updated)) {
    updateClaimsForRetentionPolicy(context, set, updated);
    consistent = false;
  }
  if (consistent) return CONTINUE;
  context.actions.push({ type: 'updatePod', pod: updated, record: podEvent(context.set, 'update', updated.metadata.name) });
  return CONTINUE;
}

/** The waits of monotonic mode: terminating, not running and ready, not available. */
function mustWait(context: SyncContext, pod: Pod): boolean {
  if (!context.monotonic) return false;
  return (
    isTerminating(pod) ||
    !isRunningAndReady(pod) ||
    !isRunningAndAvailable(pod, context.minReadySeconds, context.nowMs)
  );
}

/**
 * processReplica: a failed or succeeded pod is deleted (the next sync makes a new one, whatever
 * the exit code: an evicted pod may have succeeded); a missing pod is created; a pending pod gets
 * its missing claims; then, unless monotonic mode must wait, the pod's invariants are enforced.
 */
export function processReplica(context: SyncContext, replica: Replica): StepResult {
  if (!replica.created) return createReplica(context, replica.pod);
  const pod = replica.pod;
  if (isFailed(pod) || isSucceeded(pod)) {
    if (!isTerminating(pod)) deletePod(context, pod);
    return EXIT;
  }
  if (isPending(pod)) {
    const errors = createMissingClaims(context, context.set, pod.metadata.name);
    if (errors.length > 0) return { exit: true, error: aggregateError(errors) };
    updateClaimsForRetentionPolicy(context, context.set, pod);
  }
  if (mustWait(context, pod)) return EXIT;
  const retentionMatch = claimsMatchRetentionPolicy(context, context.updateSet, pod);
  if (identityMatches(context.set, pod) && storageMatches(context.set, pod) && retentionMatch) return CONTINUE;
  return updateReplica(context, pod);
}

/** The condemned pods' claims get the scale-down owner (the pod) before the pods go. */
export function fixCondemnedClaims(context: SyncContext, pod: Pod): StepResult {
  if (!claimsMatchRetentionPolicy(context, context.updateSet, pod)) {
    updateClaimsForRetentionPolicy(context, context.updateSet, pod);
  }
  return CONTINUE;
}

/**
 * processCondemned: pods beyond the range go highest ordinal first; in monotonic mode one per
 * sync, only once the others are running and available, except that the first unavailable pod
 * may itself be the one to go.
 */
export function processCondemned(context: SyncContext, pod: Pod, firstUnavailable: Pod | PodManifest | undefined): StepResult {
  if (isTerminating(pod)) return context.monotonic ? EXIT : CONTINUE;
  const blocking = context.monotonic && pod !== firstUnavailable;
  if (blocking && !isRunningAndReady(pod)) return EXIT;
  if (blocking && !isRunningAndAvailable(pod, context.minReadySeconds, context.nowMs)) return EXIT;
  deletePod(context, pod);
  return EXIT;
}

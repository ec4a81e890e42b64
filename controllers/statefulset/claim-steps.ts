// The claim half of a StatefulSet sync, as upstream's StatefulPodControl
// (pkg/controller/statefulset/stateful_pod_control.go): createPersistentVolumeClaims,
// PodClaimIsStale, ClaimsMatchRetentionPolicy and UpdatePodClaimForRetentionPolicy.

import type { StatefulSet } from '../../core/workloads.ts';
import { claimEvent, conflictingControllerEvent } from './events.ts';
import {
  type ClaimPod,
  claimIsStale,
  claimOwnerRefsForSetAndPod,
  hasUnexpectedController,
  isClaimOwnerUpToDate,
} from './pvc-retention.ts';
import { claimNamesFor, claimsFor } from './storage.ts';
import { claimNamed, type SyncContext } from './sync-context.ts';
import { getOrdinal } from './identity.ts';
import { withFields } from '../../core/with-fields.ts';

/**
 * createPersistentVolumeClaims: each missing claim is created (with its SuccessfulCreate event); a
 * claim being deleted is an error ("pvc www-web-0 is being deleted") the sync fails with.
 */
export function createMissingClaims(context: SyncContext, set: StatefulSet, podName: string): string[] {
  const errors: string[] = [];
  for (const { claim } of claimsFor(set, getOrdinal({ metadata: { name: podName } }))) {
    const existing = claimNamed(context, claim.metadata.name);
    if (existing === undefined) {
      context.actions.push({ type: 'createClaim', claim, podName, record: claimEvent(set, claim.metadata.name, podName) });
    } else if (existing.metadata.deletionTimestamp !== undefined) {
      errors.push(`pvc ${claim.metadata.name} is being deleted`);
    }
  }
  return errors;
}

/** PodClaimIsStale: an existing claim still owned by an earlier pod of that name blocks creation. */
export function podClaimIsStale(context: SyncContext, set: StatefulSet, pod: ClaimPod): boolean {
  return claimNamesFor(set, getOrdinal(pod)).some((name) => {
    const claim = claimNamed(context, name);
    return claim !== undefined && claimIsStale(set, pod, claim);
  });
}

/** ClaimsMatchRetentionPolicy: missing claims are picked up on a later sync, so they match. */
export function claimsMatchRetentionPolicy(context: SyncContext, set: StatefulSet, pod: ClaimPod): boolean {
  return claimNamesFor(set, getOrdinal(pod)).every((name) => {
    const claim = claimNamed(context, name);
    return claim === undefined || isClaimOwnerUpToDate(claim, set, pod);
  });
}

/**
 * UpdatePodClaimForRetentionPolicy: a ConflictingController warning for a claim another
 * controller owns, and an update for each claim whose owner references are out of date.
 */
export function updateClaimsForRetentionPolicy(context: SyncContext, set: StatefulSet, pod: ClaimPod): void {
  for (const name of claimNamesFor(set, getOrdinal(pod))) {
    const claim = claimNamed(context, name);
    if (claim === undefined) continue;
    if (hasUnexpectedController(claim, set, pod)) {
      context.actions.push({ type: 'recordEvent', record: conflictingControllerEvent(context.set, name) });
    }
    if (isClaimOwnerUpToDate(claim, set, pod)) continue;
    const ownerReferences = claimOwnerRefsForSetAndPod(claim, set, pod);
    const updated = { ...claim, metadata: withFields(claim.metadata, { ownerReferences }) };
    context.updatedClaims.set(name, updated);
    context.actions.push({ type: 'updateClaim', claim: updated });
  }
}

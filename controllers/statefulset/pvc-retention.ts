// Which owner references a StatefulSet's claims carry under persistentVolumeClaimRetentionPolicy
// (StatefulSetAutoDeletePVC, GA since v1.32), as upstream's isClaimOwnerUpToDate and
// updateClaimOwnerRefForSetAndPod (pkg/controller/statefulset/stateful_set_utils.go):
//   Retain on scale-down and on set deletion: no reference from us;
//   Retain on scale-down, Delete with the set: the set as controller;
//   Delete on scale-down, Retain with the set: the pod as controller once it is condemned;
//   Delete on both: the set while the pod is in range, the pod once it is condemned.
// The garbage collector then deletes a claim with its controller. References that look stale
// (our name, another uid) or another controller mean hands off.

import type { OwnerReference } from '../../core/objects.ts';
import type { StatefulSet } from '../../core/workloads.ts';
import { podInOrdinalRange } from './identity.ts';
import { withFields } from '../../core/with-fields.ts';

/** The pod the claim belongs to; a pod not created yet has uid "". */
export interface ClaimPod {
  readonly metadata: { readonly name: string; readonly uid: string };
}

export interface ClaimOwners {
  readonly metadata: { readonly ownerReferences?: readonly OwnerReference[] };
}

export interface Kind {
  readonly apiVersion: string;
  readonly kind: string;
}

export const SET_KIND: Kind = { apiVersion: 'apps/v1', kind: 'StatefulSet' };
export const POD_KIND: Kind = { apiVersion: 'v1', kind: 'Pod' };

type Policy = StatefulSet['spec']['persistentVolumeClaimRetentionPolicy'];

/** getPersistentVolumeClaimRetentionPolicy: Retain on both when the set has none. */
export function retentionPolicy(set: StatefulSet): Policy {
  return set.spec.persistentVolumeClaimRetentionPolicy ?? { whenDeleted: 'Retain', whenScaled: 'Retain' };
}

function refsOf(claim: ClaimOwners): readonly OwnerReference[] {
  return claim.metadata.ownerReferences ?? [];
}

/** matchesRef: same group/version, kind and name; the uid is not compared. */
export function matchesRef(ref: OwnerReference, name: string, kind: Kind): boolean {
  return ref.apiVersion === kind.apiVersion && ref.kind === kind.kind && ref.name === name;
}

export function hasOwnerRef(target: ClaimOwners, ownerUid: string): boolean {
  return refsOf(target).some((ref) => ref.uid === ownerUid);
}

/** hasStaleOwnerRef: the first reference by kind and name decides; it is stale when the uid differs. */
export function hasStaleOwnerRef(target: ClaimOwners, owner: ClaimPod, kind: Kind): boolean {
  const ref = refsOf(target).find((candidate) => matchesRef(candidate, owner.metadata.name, kind));
  return ref !== undefined && ref.uid !== owner.metadata.uid;
}

/** hasUnexpectedController: under a Delete policy, a stale ref of ours or another controller. */
export function hasUnexpectedController(claim: ClaimOwners, set: StatefulSet, pod: ClaimPod): boolean {
  const policy = retentionPolicy(set);
  if (policy.whenScaled === 'Retain' && policy.whenDeleted === 'Retain') return false;
  for (const ref of refsOf(claim)) {
    if (matchesRef(ref, set.metadata.name, SET_KIND)) {
      if (ref.uid !== set.metadata.uid) return true;
      continue;
    }
    if (matchesRef(ref, pod.metadata.name, POD_KIND)) {
      if (ref.uid !== pod.metadata.uid) return true;
      continue;
    }
    if (ref.controller === true) return true;
  }
  return false;
}

/** hasNonControllerOwner: the set or the pod (by uid) owns the claim without being its controller. */
export function hasNonControllerOwner(claim: ClaimOwners, set: StatefulSet, pod: ClaimPod): boolean {
  return refsOf(claim).some(
    (ref) => (ref.uid === set.metadata.uid || ref.uid === pod.metadata.uid) && ref.controller !== true,
  );
}

/** The owners the policy asks for: [wants the set's ref, wants the pod's ref]. */
function wantedOwners(set: StatefulSet, pod: ClaimPod): readonly [boolean, boolean] {
  const policy = retentionPolicy(set);
  const condemned = !podInOrdinalRange(pod, set);
  if (policy.whenScaled === 'Delete' && policy.whenDeleted === 'Delete') return [!condemned, condemned];
  if (policy.whenScaled === 'Delete') return [false, condemned];
  if (policy.whenDeleted === 'Delete') return [true, false];
  return [false, false];
}

/** isClaimOwnerUpToDate: true also when the claim is in a state we must not touch. */
export function isClaimOwnerUpToDate(claim: ClaimOwners, set: StatefulSet, pod: ClaimPod): boolean {
  if (hasStaleOwnerRef(claim, set, SET_KIND) || hasStaleOwnerRef(claim, pod, POD_KIND)) return true;
  if (hasUnexpectedController(claim, set, pod)) {
    return !(hasOwnerRef(claim, set.metadata.uid) || hasOwnerRef(claim, pod.metadata.uid));
  }
  if (hasNonControllerOwner(claim, set, pod)) return false;
  const [wantsSet, wantsPod] = wantedOwners(set, pod);
  return hasOwnerRef(claim, set.metadata.uid) === wantsSet && hasOwnerRef(claim, pod.metadata.uid) === wantsPod;
}

function newControllerRef(name: string, uid: string, kind: Kind): OwnerReference {
  return withFields(kind, { name, uid, controller: true, blockOwnerDeletion: true });
}

/** addControllerRef: appended unless a ref with the owner's uid is already there. */
export function addControllerRef(
  refs: readonly OwnerReference[],
  owner: ClaimPod,
  kind: Kind,
): readonly OwnerReference[] {
  if (refs.some((ref) => ref.uid === owner.metadata.uid)) return refs;
  return [...refs, newControllerRef(owner.metadata.name, owner.metadata.uid, kind)];
}

/**
 * updateClaimOwnerRefForSetAndPod: our refs (set and pod, by kind and name) scrubbed, then the ones
 * the policy wants added as controllers; with another controller present none are added.
 */
export function claimOwnerRefsForSetAndPod(claim: ClaimOwners, set: StatefulSet, pod: ClaimPod): readonly OwnerReference[] {
  const unexpected = hasUnexpectedController(claim, set, pod);
  let refs: readonly OwnerReference[] = refsOf(claim).filter(
    (ref) => !matchesRef(ref, set.metadata.name, SET_KIND) && !matchesRef(ref, pod.metadata.name, POD_KIND),
  );
  if (unexpected) return refs;
  const [wantsSet, wantsPod] = wantedOwners(set, pod);
  if (wantsPod) refs = addControllerRef(refs, pod, POD_KIND);
  if (wantsSet) refs = addControllerRef(refs, set, SET_KIND);
  return refs;
}

/**
 * PodClaimIsStale: with whenScaled Delete, a claim still owned by an earlier pod of the same name
 * (another uid, or any uid before the pod exists) blocks creating the pod.
 */
export function claimIsStale(set: StatefulSet, pod: ClaimPod, claim: ClaimOwners): boolean {
  return retentionPolicy(set).whenScaled !== 'Retain' && hasStaleOwnerRef(claim, pod, POD_KIND);
}

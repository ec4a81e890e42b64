// What the garbage collector does with one object, as upstream's attemptToDeleteItem and
// processDeletingDependentsItem (pkg/controller/garbagecollector/garbagecollector.go) decide:
//   - an object being deleted in the foreground waits until no dependent blocks it, deleting
//     those dependents first, then loses its foregroundDeletion finalizer;
//   - an object being deleted with the orphan finalizer releases its dependents, then loses it;
//   - an object with a solid owner only drops references to owners that are gone or waiting;
//   - an object whose owners are all gone is deleted: in the foreground when an owner waits for it
//     and it has dependents of its own, else as its own finalizers say (background by default).

import type { Command, PropagationPolicy } from '../../core/commands.ts';
import { type Effect, submit, wake } from '../../core/controller.ts';
import { keyOf, type KubeObject } from '../../core/objects.ts';
import { dependentsOf, lookupDependent } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { classifyOwners, FOREGROUND_FINALIZER, isDeletingDependents, ORPHAN_FINALIZER } from './owners.ts';

export const ACTOR = 'controller/garbage-collector';

/** The work-queue key of an object: "Kind:namespace/name". */
export function itemKey(kind: string, key: string): string {
  return `${kind}:${key}`;
}

export function parseItemKey(item: string): { readonly kind: string; readonly key: string } {
  const colon = item.indexOf(':');
  return { kind: item.slice(0, colon), key: item.slice(colon + 1) };
}

function target(object: KubeObject) {
  const { namespace, name } = object.metadata;
  return { actor: ACTOR, kind: object.kind, ...(namespace === undefined ? {} : { namespace }), name };
}

function deleteCommand(object: KubeObject, propagationPolicy: PropagationPolicy): Command {
  return { type: 'delete', ...target(object), uid: object.metadata.uid, propagationPolicy };
}

function removeFinalizer(object: KubeObject, finalizer: string): Command {
  return { type: 'removeFinalizer', ...target(object), finalizer };
}

function release(object: KubeObject, ownerUid: string): Command {
  return { type: 'release', ...target(object), ownerUid, resourceVersion: object.metadata.resourceVersion };
}

function dependents(state: ClusterState, owner: KubeObject): KubeObject[] {
  return dependentsOf(state, owner.metadata.uid)
    .map((ref) => lookupDependent(state, ref))
    .filter((dependent): dependent is KubeObject => dependent !== undefined);
}

/** Dependents whose reference to the owner blocks its foreground deletion. */
function blockingDependents(state: ClusterState, owner: KubeObject): KubeObject[] {
  return dependents(state, owner).filter((dependent) =>
    (dependent.metadata.ownerReferences ?? []).some((ref) => ref.uid === owner.metadata.uid && ref.blockOwnerDeletion === true),
  );
}

function processDeletingDependents(state: ClusterState, owner: KubeObject, nowMs: number): Effect[] {
  const blocking = blockingDependents(state, owner);
  if (blocking.length === 0) return [submit(removeFinalizer(owner, FOREGROUND_FINALIZER))];
  // Every dependent gets its own attempt; those not yet being deleted will be, in the foreground.
  return dependents(state, owner)
    .filter((dependent) => !isDeletingDependents(dependent))
    .map((dependent) => wake(nowMs, itemKey(dependent.kind, keyOf(dependent))));
}

function orphanDependents(state: ClusterState, owner: KubeObject): Effect[] {
  const releases = dependents(state, owner).map((dependent) => submit(release(dependent, owner.metadata.uid)));
  return [...releases, submit(removeFinalizer(owner, ORPHAN_FINALIZER))];
}

function policyFromFinalizers(object: KubeObject): PropagationPolicy {
  const finalizers = object.metadata.finalizers ?? [];
  if (finalizers.includes(ORPHAN_FINALIZER)) return 'Orphan';
  return finalizers.includes(FOREGROUND_FINALIZER) ? 'Foreground' : 'Background';
}

function attemptToDelete(state: ClusterState, object: KubeObject): Effect[] {
  if ((object.metadata.ownerReferences ?? []).length === 0) return [];
  const { solid, dangling, waitingForDependentsDeletion } = classifyOwners(state, object);
  if (solid.length > 0) {
    // References to owners that are gone or waiting would keep those owners' deletion stuck.
    return [...dangling, ...waitingForDependentsDeletion].map((ref) => submit(release(object, ref.uid)));
  }
  if (waitingForDependentsDeletion.length > 0 && dependentsOf(state, object.metadata.uid).length > 0) {
    return [submit(deleteCommand(object, 'Foreground'))];
  }
  return [submit(deleteCommand(object, policyFromFinalizers(object)))];
}

export function collectItem(state: ClusterState, item: string, nowMs: number): Effect[] {
  const { kind, key } = parseItemKey(item);
  const object = lookupDependent(state, { kind, key });
  if (object === undefined) return [];
  if (object.metadata.deletionTimestamp !== undefined) {
    const finalizers = object.metadata.finalizers ?? [];
    if (finalizers.includes(ORPHAN_FINALIZER)) return orphanDependents(state, object);
    if (finalizers.includes(FOREGROUND_FINALIZER)) return processDeletingDependents(state, object, nowMs);
    return [];
  }
  return attemptToDelete(state, object);
}

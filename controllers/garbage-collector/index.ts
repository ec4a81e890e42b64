// The garbage collector (kube-controller-manager's garbagecollector): deletes objects whose owners
// are all gone, in the background; carries out foreground deletion (dependents first, then the
// owner's foregroundDeletion finalizer) and orphaning (dependents released, then the owner's
// orphan finalizer). Keys are objects, "Kind:namespace/name". Upstream keeps a graph of every
// object and its owners; the reducers' dependents index is that graph here, so the watch only
// queues objects with something to decide, never every object that has an owner.

import { keysOf } from '../../core/keys-of.ts';
import type { Change, Controller } from '../../core/controller.ts';
import type { KsimEvent } from '../../core/events.ts';
import { keyOf, type KubeObject } from '../../core/objects.ts';
import { dependentsOf } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { changedObject } from '../common/changed-object.ts';
import { ACTOR, collectItem, itemKey } from './attempt.ts';
import { FOREGROUND_FINALIZER, isDeletingDependents, needsAttention, ORPHAN_FINALIZER, resolveOwner } from './owners.ts';

export { ACTOR as GARBAGE_COLLECTOR };

/** Owners of `object` that delete in the foreground: a change of `object` may unblock them. */
function foregroundOwners(state: ClusterState, object: KubeObject | undefined): string[] {
  const keys: string[] = [];
  for (const ref of object?.metadata.ownerReferences ?? []) {
    const owner = object === undefined ? undefined : resolveOwner(state, object, ref);
    if (owner !== undefined && isDeletingDependents(owner)) keys.push(itemKey(owner.kind, keyOf(owner)));
  }
  return keys;
}

function propagationPending(object: KubeObject): boolean {
  const finalizers = object.metadata.finalizers ?? [];
  return object.metadata.deletionTimestamp !== undefined && (finalizers.includes(FOREGROUND_FINALIZER) || finalizers.includes(ORPHAN_FINALIZER));
}

/**
 * Events that cannot move an owner reference, a finalizer or an object's existence: status
 * reports, bindings, scaling. Most of a run's events are these, so they are let by at once.
 */
const IRRELEVANT = new Set<KsimEvent['type']>([
  'pod/bound',
  'pod/schedulingFailed',
  'pod/statusUpdated',
  'node/statusReported',
  'node/cordoned',
  'node/uncordoned',
  'object/statusUpdated',
  'object/scaled',
  'event/recorded',
  'request/rejected',
  'request/warned',
  'traffic/served',
]);

/** The items a change gives the collector. */
export function garbageKeysFor(change: Change<ClusterState>): string[] {
  if (IRRELEVANT.has(change.event.type)) return [];
  const changed = changedObject(change);
  if (changed === undefined) return [];
  const { kind, key, before, after } = changed;
  if (after === undefined) {
    // Gone: its dependents may have lost their last owner, and a foreground owner may be free.
    const uid = before?.metadata.uid;
    const orphaned = uid === undefined ? [] : dependentsOf(change.after, uid).map((ref) => itemKey(ref.kind, ref.key));
    return [...orphaned, ...foregroundOwners(change.after, before)];
  }
  const keys: string[] = [];
  if (propagationPending(after) || needsAttention(change.after, after)) keys.push(itemKey(kind, key));
  if (before !== undefined && before.metadata.ownerReferences !== after.metadata.ownerReferences) keys.push(...foregroundOwners(change.after, before));
  return keys;
}

export function garbageCollector(): Controller<ClusterState> {
  return {
    name: ACTOR,
    watch: (changes) => changes.pipe(keysOf(garbageKeysFor)),
    reconcile: (item, { state, nowMs }) => collectItem(state, item, nowMs),
  };
}

// A minimal garbage collector: when an owner is deleted, its dependents are deleted in the
// background, as upstream's garbage collector does for objects whose owners are all gone. Keys are
// owner uids, taken from the state before the deletion, since the owner is gone after it.
// Left out on purpose: foreground and orphan propagation, the dependency graph of every kind
// (only pods, which the pods-by-owner index finds, and ReplicaSets are collected), objects created
// with an owner that never existed, and owner references that are not the controller reference
// (the pods-by-owner index files pods under their controller only).

import { mergeMap } from 'rxjs';
import type { Change, Controller, Effect } from '../../core/controller.ts';
import { submit } from '../../core/controller.ts';
import { objectKey } from '../../core/objects.ts';
import { type ClusterState, otherObjectKey } from '../../reducers/state.ts';
import { ACTOR, collect, dependentsOf } from './dependents.ts';

export { ACTOR as GARBAGE_COLLECTOR };

/** The uid of the owner a deletion removed, read from the state before it. */
export function deletedOwnerUids({ event, before }: Change<ClusterState>): string[] {
  switch (event.type) {
    case 'replicaset/deleted': {
      const uid = before.replicaSets.get(objectKey(event.namespace, event.name))?.metadata.uid;
      return uid === undefined ? [] : [uid];
    }
    case 'object/deleted': {
      const uid = before.objects.get(otherObjectKey(event.kind, event.namespace, event.name))?.metadata.uid;
      return uid === undefined ? [] : [uid];
    }
    default:
      return [];
  }
}

export function collectGarbage(ownerUid: string, state: ClusterState): Effect[] {
  const effects: Effect[] = [];
  for (const dependent of dependentsOf(state, ownerUid)) {
    const command = collect(state, dependent, ownerUid);
    if (command !== undefined) effects.push(submit(command));
  }
  return effects;
}

export function garbageCollector(): Controller<ClusterState> {
  return {
    name: ACTOR,
    watch: (changes) => changes.pipe(mergeMap(deletedOwnerUids)),
    reconcile: (ownerUid, { state }) => collectGarbage(ownerUid, state),
  };
}

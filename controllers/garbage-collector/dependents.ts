// The dependents of a deleted owner and what the garbage collector does with each, as upstream's
// attemptToDeleteItem (pkg/controller/garbagecollector/garbagecollector.go) decides with background
// propagation: a dependent whose owners are all gone is deleted (with its uid as precondition); one
// that still has a live owner only loses the dangling reference; one already being deleted is left.

import type { Command } from '../../core/commands.ts';
import { kindInfo } from '../../core/kinds.ts';
import { controllerOf, type KubeObject, type OwnerReference, objectKey } from '../../core/objects.ts';
import { type ClusterState, otherObjectKey } from '../../reducers/state.ts';

export const ACTOR = 'controller/garbage-collector';

function lookup(
  state: ClusterState,
  kind: string,
  namespace: string | undefined,
  name: string,
): KubeObject | undefined {
  const scoped = kindInfo(kind)?.namespaced ?? namespace !== undefined;
  const ns = scoped ? namespace : undefined;
  switch (kind) {
    case 'Pod':
      return state.pods.get(objectKey(ns, name));
    case 'ReplicaSet':
      return state.replicaSets.get(objectKey(ns, name));
    case 'Node':
      return state.nodes.get(name);
    case 'Namespace':
      return state.namespaces.get(name);
    default:
      return state.objects.get(otherObjectKey(kind, ns, name));
  }
}

/** An owner reference resolves when an object of that kind and name exists with that uid. */
export function ownerExists(state: ClusterState, dependent: KubeObject, ref: OwnerReference): boolean {
  return lookup(state, ref.kind, dependent.metadata.namespace, ref.name)?.metadata.uid === ref.uid;
}

/** The command for one dependent of the owner `ownerUid`, or undefined when it is left alone. */
export function collect(state: ClusterState, dependent: KubeObject, ownerUid: string): Command | undefined {
  const { metadata } = dependent;
  if (metadata.deletionTimestamp !== undefined) return undefined;
  const refs = metadata.ownerReferences ?? [];
  const dangling = refs.find((ref) => ref.uid === ownerUid);
  if (dangling === undefined || ownerExists(state, dependent, dangling)) return undefined;
  const namespace = metadata.namespace ?? '';
  if (refs.some((ref) => ref.uid !== ownerUid && ownerExists(state, dependent, ref))) {
    // Only pods have a command that drops one owner reference; other kinds keep theirs.
    if (dependent.kind !== 'Pod') return undefined;
    return {
      type: 'releasePod',
      actor: ACTOR,
      namespace,
      name: metadata.name,
      ownerUid,
      resourceVersion: metadata.resourceVersion,
    };
  }
  return {
    type: 'delete',
    actor: ACTOR,
    kind: dependent.kind,
    namespace,
    name: metadata.name,
    uid: metadata.uid,
  };
}

/** The dependents of an owner: its pods from the index, and ReplicaSets it controls (few, so scanned). */
export function dependentsOf(state: ClusterState, ownerUid: string): KubeObject[] {
  const dependents: KubeObject[] = [];
  for (const key of state.indexes.podsByOwner.members(ownerUid)) {
    const pod = state.pods.get(key);
    if (pod !== undefined) dependents.push(pod);
  }
  for (const rs of state.replicaSets.sortedValues()) {
    if (controllerOf(rs)?.uid === ownerUid) dependents.push(rs);
  }
  return dependents;
}

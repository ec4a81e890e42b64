// Keeps the generic indexes in step with every object of every kind (Events aside): who controls
// it, whom it depends on, whether it is an orphan, its namespace and its labels. Pod and generic
// reducers both call reindexObject with the object before and after the event, so no event type
// can forget an index.

import { controllerOf, keyOf, type KubeObject } from '../core/objects.ts';
import type { SetIndex } from '../core/table.ts';
import type { ClusterIndexes } from './state.ts';

/** The group of a kind-scoped index: "ReplicaSet:<uid>", "Pod:default". */
export function kindGroup(kind: string, rest: string): string {
  return `${kind}:${rest}`;
}

export function labelGroup(kind: string, namespace: string, key: string, value: string): string {
  return `${kind}:${namespace}:${key}=${value}`;
}

/** A member of the dependents index: "Kind:namespace/name". */
export function dependentRef(kind: string, key: string): string {
  return `${kind}:${key}`;
}

function moved(index: SetIndex, key: string, groupBefore: string | undefined, groupAfter: string | undefined): SetIndex {
  if (groupBefore === groupAfter) return index;
  const removed = groupBefore === undefined ? index : index.remove(groupBefore, key);
  return groupAfter === undefined ? removed : removed.add(groupAfter, key);
}

function ownerUids(object: KubeObject | undefined): readonly string[] {
  return object?.metadata.ownerReferences?.map((owner) => owner.uid) ?? [];
}

function reindexDependents(index: SetIndex, member: string, before: KubeObject | undefined, after: KubeObject | undefined): SetIndex {
  const was = ownerUids(before);
  const is = ownerUids(after);
  let next = index;
  for (const uid of was) if (!is.includes(uid)) next = next.remove(uid, member);
  for (const uid of is) if (!was.includes(uid)) next = next.add(uid, member);
  return next;
}

function reindexLabels(index: SetIndex, kind: string, key: string, before: KubeObject | undefined, after: KubeObject | undefined): SetIndex {
  const was = before?.metadata.labels ?? {};
  const is = after?.metadata.labels ?? {};
  const namespace = (after ?? before)?.metadata.namespace ?? '';
  let next = index;
  for (const [label, value] of Object.entries(was)) {
    if (is[label] !== value) next = next.remove(labelGroup(kind, namespace, label, value), key);
  }
  for (const [label, value] of Object.entries(is)) {
    if (was[label] !== value) next = next.add(labelGroup(kind, namespace, label, value), key);
  }
  return next;
}

/** The controller and orphan groups of an object: exactly one of them holds it. */
function ownership(kind: string, object: KubeObject | undefined): { controller?: string; orphan?: string } {
  if (object === undefined) return {};
  const controller = controllerOf(object)?.uid;
  return controller === undefined ? { orphan: kindGroup(kind, object.metadata.namespace ?? '') } : { controller: kindGroup(kind, controller) };
}

export function reindexObject(indexes: ClusterIndexes, kind: string, before: KubeObject | undefined, after: KubeObject | undefined): ClusterIndexes {
  const object = after ?? before;
  if (object === undefined) return indexes;
  const unchanged =
    before !== undefined &&
    after !== undefined &&
    before.metadata.labels === after.metadata.labels &&
    before.metadata.ownerReferences === after.metadata.ownerReferences;
  if (unchanged) return indexes;
  const key = keyOf(object);
  const was = ownership(kind, before);
  const is = ownership(kind, after);
  const namespaceGroup = kindGroup(kind, object.metadata.namespace ?? '');
  return {
    ...indexes,
    controllees: moved(indexes.controllees, key, was.controller, is.controller),
    orphans: moved(indexes.orphans, key, was.orphan, is.orphan),
    dependents: reindexDependents(indexes.dependents, dependentRef(kind, key), before, after),
    byNamespace: moved(indexes.byNamespace, key, before === undefined ? undefined : namespaceGroup, after === undefined ? undefined : namespaceGroup),
    byLabel: reindexLabels(indexes.byLabel, kind, key, before, after),
  };
}

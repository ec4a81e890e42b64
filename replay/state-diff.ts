// The difference between two cluster states, object by object, as `kubectl diff` shows it: the
// objects added, the objects removed, and for each changed object its field changes. States
// share every object a revision did not touch, so an object held by both at the same reference
// is skipped without a look inside: a diff costs what changed, not the size of the cluster.

import type { KubeObject } from '../core/objects.ts';
import { kindTable } from '../reducers/lookup.ts';
import type { ClusterState } from '../reducers/state.ts';
import { applyFieldChanges } from './apply-field-changes.ts';
import { diffFields, type FieldChange } from './field-diff.ts';

export interface ObjectRef {
  readonly kind: string;
  /** Absent for cluster-scoped kinds. */
  readonly namespace?: string;
  readonly name: string;
}

export type ObjectDiff =
  | { readonly change: 'added'; readonly ref: ObjectRef; readonly after: KubeObject }
  | { readonly change: 'removed'; readonly ref: ObjectRef; readonly before: KubeObject }
  | { readonly change: 'changed'; readonly ref: ObjectRef; readonly fields: readonly FieldChange[] };

/** Sorted by kind, then namespace (cluster-scoped first), then name. */
export type StateDiff = readonly ObjectDiff[];

/** Which objects to compare; an absent field does not narrow. */
export interface DiffFilter {
  readonly kinds?: readonly string[];
  /** Narrows namespaced kinds only: cluster-scoped objects always pass, as with kubectl's -n. */
  readonly namespace?: string;
  readonly name?: string;
}

/** Every object of a state, by objectMapKey, sorted by kind, namespace and name. */
export type ObjectMap = ReadonlyMap<string, KubeObject>;

export function refOf(object: KubeObject): ObjectRef {
  const { namespace, name } = object.metadata;
  return namespace === undefined ? { kind: object.kind, name } : { kind: object.kind, namespace, name };
}

export function objectMapKey(ref: ObjectRef): string {
  return `${ref.kind}\u0000${ref.namespace ?? ''}\u0000${ref.name}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareRefs(a: ObjectRef, b: ObjectRef): number {
  return compareText(a.kind, b.kind) || compareText(a.namespace ?? '', b.namespace ?? '') || compareText(a.name, b.name);
}

/** The kinds a state holds objects of, sorted. */
export function kindsIn(state: ClusterState): string[] {
  const kinds = state.objects.sortedKeys().filter((kind) => (state.objects.get(kind)?.size ?? 0) > 0);
  if (state.pods.size > 0) kinds.push('Pod');
  if (state.nodes.size > 0) kinds.push('Node');
  return kinds.sort(compareText);
}

/** Whether an object passes the filter's namespace and name (its kinds aside). */
export function passesFilter(object: KubeObject, filter: DiffFilter): boolean {
  const { namespace, name } = object.metadata;
  if (filter.name !== undefined && name !== filter.name) return false;
  return filter.namespace === undefined || namespace === undefined || namespace === filter.namespace;
}

/** The objects of a state that the filter lets through, as a map. */
export function clusterObjects(state: ClusterState, filter: DiffFilter = {}): ObjectMap {
  const objects = new Map<string, KubeObject>();
  for (const kind of filter.kinds ?? kindsIn(state)) {
    for (const object of kindTable(state, kind).sortedValues()) {
      if (passesFilter(object, filter)) objects.set(objectMapKey(refOf(object)), object);
    }
  }
  return sortedMap(objects);
}

function sortedMap(objects: ReadonlyMap<string, KubeObject>): ObjectMap {
  return new Map([...objects.values()].sort((a, b) => compareRefs(refOf(a), refOf(b))).map((object) => [objectMapKey(refOf(object)), object]));
}

function objectDiff(before: KubeObject | undefined, after: KubeObject | undefined): ObjectDiff | undefined {
  if (before === after) return undefined;
  if (before === undefined) return after === undefined ? undefined : { change: 'added', ref: refOf(after), after };
  if (after === undefined) return { change: 'removed', ref: refOf(before), before };
  const fields = diffFields(before, after);
  return fields.length === 0 ? undefined : { change: 'changed', ref: refOf(after), fields };
}

/** The difference between two maps of objects (see clusterObjects). */
export function diffObjectMaps(before: ObjectMap, after: ObjectMap): StateDiff {
  const diffs: ObjectDiff[] = [];
  for (const [key, was] of before) {
    const diff = objectDiff(was, after.get(key));
    if (diff !== undefined) diffs.push(diff);
  }
  for (const [key, is] of after) if (!before.has(key)) diffs.push({ change: 'added', ref: refOf(is), after: is });
  return diffs.sort((a, b) => compareRefs(a.ref, b.ref));
}

/**
 * What changed from state `before` to state `after`: plain data, sorted by object. Recorded
 * core/v1 Events are objects like any other; leave them out with `filter.kinds`.
 */
export function diffStates(before: ClusterState, after: ClusterState, filter: DiffFilter = {}): StateDiff {
  const kinds = filter.kinds ?? [...new Set([...kindsIn(before), ...kindsIn(after)])];
  return diffObjectMaps(clusterObjects(before, { ...filter, kinds }), clusterObjects(after, { ...filter, kinds }));
}

/** The objects after the diff: added ones set, removed ones gone, changed ones with their fields changed. */
export function applyDiff(objects: ObjectMap, diff: StateDiff): ObjectMap {
  const result = new Map(objects);
  for (const entry of diff) {
    const key = objectMapKey(entry.ref);
    if (entry.change === 'added') result.set(key, entry.after);
    else if (entry.change === 'removed') result.delete(key);
    else {
      const object = result.get(key);
      if (object === undefined) throw new Error(`the diff changes ${entry.ref.kind} ${entry.ref.name}, which the objects do not hold`);
      result.set(key, applyFieldChanges(object, entry.fields));
    }
  }
  return sortedMap(result);
}

// Reading stored objects by kind, whichever table holds them, and through the generic indexes:
// what an owner controls, what depends on an owner, the orphans of a namespace, the objects a
// label selector picks. Everything returned is sorted by key, so callers may decide from the order.

import type { LabelSelector } from '../core/labels.ts';
import { selectorMatches } from '../core/labels.ts';
import type { KubeObject } from '../core/objects.ts';
import { objectKey } from '../core/objects.ts';
import { Table } from '../core/table.ts';
import { kindGroup, labelGroup } from './object-indexes.ts';
import type { ClusterState } from './state.ts';

const EMPTY = Table.empty<KubeObject>();

/** The table a kind lives in, keyed by "namespace/name" (or "name" for cluster-scoped kinds). */
export function kindTable<T extends KubeObject = KubeObject>(state: ClusterState, kind: string): Table<T> {
  switch (kind) {
    case 'Pod':
      return state.pods as unknown as Table<T>;
    case 'Node':
      return state.nodes as unknown as Table<T>;
    default:
      return (state.objects.get(kind) ?? EMPTY) as Table<T>;
  }
}

export function lookupObject<T extends KubeObject = KubeObject>(
  state: ClusterState,
  kind: string,
  namespace: string | undefined,
  name: string,
): T | undefined {
  return kindTable<T>(state, kind).get(objectKey(namespace, name));
}

function objectsAt<T extends KubeObject>(table: Table<T>, keys: Iterable<string>): T[] {
  const found: T[] = [];
  for (const key of keys) {
    const object = table.get(key);
    if (object !== undefined) found.push(object);
  }
  return found;
}

/** Every stored object of a kind, optionally in one namespace, sorted by namespace then name. */
export function listObjects<T extends KubeObject = KubeObject>(state: ClusterState, kind: string, namespace?: string): T[] {
  const table = kindTable<T>(state, kind);
  if (namespace === undefined) return table.sortedValues();
  return objectsAt(table, state.indexes.byNamespace.members(kindGroup(kind, namespace)));
}

/** The keys of the objects of a kind whose controller reference names this uid, sorted. */
export function controlledKeys(state: ClusterState, kind: string, controllerUid: string): string[] {
  return state.indexes.controllees.members(kindGroup(kind, controllerUid));
}

export function controlledObjects<T extends KubeObject = KubeObject>(state: ClusterState, kind: string, controllerUid: string): T[] {
  return objectsAt(kindTable<T>(state, kind), controlledKeys(state, kind, controllerUid));
}

/** The objects of a kind in a namespace with no controller reference, which a controller may adopt. */
export function orphanObjects<T extends KubeObject = KubeObject>(state: ClusterState, kind: string, namespace: string): T[] {
  return objectsAt(kindTable<T>(state, kind), state.indexes.orphans.members(kindGroup(kind, namespace)));
}

export interface DependentRef {
  readonly kind: string;
  /** "namespace/name", or "name" for a cluster-scoped dependent. */
  readonly key: string;
}

/** Every object with an owner reference to this uid, controller or not, sorted by kind then key. */
export function dependentsOf(state: ClusterState, ownerUid: string): DependentRef[] {
  return state.indexes.dependents.members(ownerUid).map((member) => {
    const colon = member.indexOf(':');
    return { kind: member.slice(0, colon), key: member.slice(colon + 1) };
  });
}

export function lookupDependent(state: ClusterState, ref: DependentRef): KubeObject | undefined {
  return kindTable(state, ref.kind).get(ref.key);
}

/**
 * The objects of a kind in a namespace that a selector picks. With matchLabels, the smallest of
 * the label groups is the candidate list; the whole selector then decides. An empty selector
 * picks every object of the namespace.
 */
export function selectObjects<T extends KubeObject = KubeObject>(
  state: ClusterState,
  kind: string,
  namespace: string,
  selector: LabelSelector,
): T[] {
  const pairs = Object.entries(selector.matchLabels ?? {});
  let candidates: string[] | undefined;
  let smallest = Number.POSITIVE_INFINITY;
  for (const [key, value] of pairs) {
    const group = labelGroup(kind, namespace, key, value);
    const size = state.indexes.byLabel.count(group);
    if (size < smallest) {
      smallest = size;
      candidates = state.indexes.byLabel.members(group);
    }
  }
  const objects = candidates === undefined ? listObjects<T>(state, kind, namespace) : objectsAt(kindTable<T>(state, kind), candidates);
  return objects.filter((object) => selectorMatches(selector, object.metadata.labels));
}

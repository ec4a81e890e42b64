// Finding a stored object by kind, namespace and name, whichever table holds it.

import type { KubeObject } from '../core/objects.ts';
import { objectKey } from '../core/objects.ts';
import type { Table } from '../core/table.ts';
import { type ClusterState, otherObjectKey } from './state.ts';

/** The table a modelled kind lives in, or undefined for kinds kept in `objects`. */
export function tableOf(state: ClusterState, kind: string): Table<KubeObject> | undefined {
  switch (kind) {
    case 'Pod':
      return state.pods;
    case 'ReplicaSet':
      return state.replicaSets;
    case 'Node':
      return state.nodes;
    case 'Namespace':
      return state.namespaces;
    default:
      return undefined;
  }
}

export function lookupObject(state: ClusterState, kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
  const table = tableOf(state, kind);
  if (table !== undefined) return table.get(objectKey(namespace, name));
  return state.objects.get(otherObjectKey(kind, namespace, name));
}

/** Every stored object of a kind, optionally in one namespace, sorted by namespace then name. */
export function listObjects(state: ClusterState, kind: string, namespace?: string): KubeObject[] {
  const table = tableOf(state, kind);
  const values = table !== undefined ? table.sortedValues() : state.objects.sortedValues().filter((object) => object.kind === kind);
  return namespace === undefined ? values : values.filter((object) => object.metadata.namespace === namespace);
}

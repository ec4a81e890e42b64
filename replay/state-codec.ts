// Cluster state as plain JSON and back, for the checkpoint index. The objects and the indexes are
// both written: some indexes cannot be derived from the objects as they stand (a pod's requests
// are those it was created with, an Event's identity keeps the message it was first recorded
// with), and loading an index's groups in one pass is cheaper than re-indexing every object.
// Tables become lists of [key, value] pairs and are rebuilt with the persistent maps' one-pass
// constructors. The decoder trusts its input: the index file that holds it carries a checksum.

import type { KubeObject, Node, Pod } from '../core/objects.ts';
import { SetIndex, Table } from '../core/table.ts';
import type { LabelSet } from '../reducers/placed-pods.ts';
import type { Allocatable, NodeUsage, PodResources } from '../reducers/pod-resources.ts';
import type { ClusterIndexes, ClusterState } from '../reducers/state.ts';

type Pairs<V> = [string, V][];
type Groups = [string, string[]][];

interface EncodedLabelSet {
  readonly namespace: string;
  readonly labels: LabelSet['labels'];
  readonly nodes: Pairs<number>;
  readonly deleting: Pairs<number>;
  readonly pods: number;
}

/** The names of the SetIndex-valued indexes, in a fixed order. */
const SET_INDEXES = [
  'controllees',
  'dependents',
  'orphans',
  'byNamespace',
  'byLabel',
  'eventsByObject',
  'podsByNode',
  'podIPsByNode',
  'unscheduledPods',
  'terminatedPods',
  'labelSetsByPair',
  'labelSetsByNamespace',
  'affinityPods',
  'hostPortPodsByNode',
] as const satisfies readonly (keyof ClusterIndexes)[];

export interface EncodedState {
  readonly rev: number;
  readonly timeMs: number;
  readonly nodes: Pairs<Node>;
  readonly pods: Pairs<Pod>;
  readonly objects: [string, Pairs<KubeObject>][];
  readonly sets: Groups[];
  readonly eventsByIdentity: Pairs<string>;
  readonly podRequests: Pairs<PodResources>;
  readonly nodeUsage: Pairs<NodeUsage>;
  readonly nodeAllocatable: Pairs<Allocatable>;
  readonly labelSets: Pairs<EncodedLabelSet>;
}

function pairs<V>(table: Table<V>): Pairs<V> {
  return [...table.pairs()];
}

function groups(index: SetIndex): Groups {
  const out: Groups = [];
  for (const group of index.unorderedGroupNames()) out.push([group, [...index.unorderedMembers(group)]]);
  return out;
}

export function encodeState(state: ClusterState): EncodedState {
  const { indexes } = state;
  return {
    rev: state.rev,
    timeMs: state.timeMs,
    nodes: pairs(state.nodes),
    pods: pairs(state.pods),
    objects: [...state.objects.pairs()].map(([kind, table]) => [kind, pairs(table)]),
    sets: SET_INDEXES.map((name) => groups(indexes[name])),
    eventsByIdentity: pairs(indexes.eventsByIdentity),
    podRequests: pairs(indexes.podRequests),
    nodeUsage: pairs(indexes.nodeUsage),
    nodeAllocatable: pairs(indexes.nodeAllocatable),
    labelSets: [...indexes.labelSets.pairs()].map(([id, set]) => [id, { ...set, nodes: pairs(set.nodes), deleting: pairs(set.deleting) }]),
  };
}

function decodeLabelSet(set: EncodedLabelSet): LabelSet {
  return { ...set, nodes: Table.fromPairs(set.nodes), deleting: Table.fromPairs(set.deleting) };
}

export function decodeState(encoded: EncodedState): ClusterState {
  const sets = Object.fromEntries(SET_INDEXES.map((name, i) => [name, SetIndex.fromGroups(encoded.sets[i] ?? [])])) as Record<(typeof SET_INDEXES)[number], SetIndex>;
  const indexes: ClusterIndexes = {
    ...sets,
    eventsByIdentity: Table.fromPairs(encoded.eventsByIdentity),
    podRequests: Table.fromPairs(encoded.podRequests),
    nodeUsage: Table.fromPairs(encoded.nodeUsage),
    nodeAllocatable: Table.fromPairs(encoded.nodeAllocatable),
    labelSets: Table.fromPairs(encoded.labelSets.map(([id, set]): [string, LabelSet] => [id, decodeLabelSet(set)])),
  };
  return {
    rev: encoded.rev,
    timeMs: encoded.timeMs,
    nodes: Table.fromPairs(encoded.nodes),
    pods: Table.fromPairs(encoded.pods),
    objects: Table.fromPairs(encoded.objects.map(([kind, table]): [string, Table<KubeObject>] => [kind, Table.fromPairs(table)])),
    indexes,
  };
}

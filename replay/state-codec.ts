// Cluster state as named streams of entries and back, for the checkpoint index. Every table of
// the state (pods, nodes, each kind's objects, each index) is one stream; a table's entry is a
// [key, value] pair, a SetIndex's entry is a [group, member] pair, so that a group of 3,000 pods
// is 3,000 small entries rather than one large value that changes whenever any member does.
// The index cuts streams into chunks and writes a chunk only when it changed
// (replay/snapshot-chunks.ts); this file only says what the entries are.
//
// The indexes are stored rather than derived again: some cannot be derived from the objects as
// they stand (a pod's requests are those it was created with, an Event's identity keeps the
// message it was first recorded with), and loading them in one pass with the persistent maps'
// one-pass constructors is cheaper than re-indexing every object. The decoder trusts its input:
// every chunk that holds it carries a checksum.

import type { KubeObject, Node, Pod } from '../core/objects.ts';
import { SetIndex, Table } from '../core/table.ts';
import type { LabelSet } from '../reducers/placed-pods.ts';
import type { ClusterIndexes, ClusterState } from '../reducers/state.ts';

export type Entry = readonly [string, unknown];

/** How a stream's entries are told apart and cut: by key (a table) or by group and member (a SetIndex). */
export type StreamShape = 'table' | 'groups';

export interface StateStream {
  readonly name: string;
  readonly shape: StreamShape;
  /** The entries in the persistent map's own order (stable for unchanged keys), values as they are in the state. */
  readonly entries: () => Iterable<Entry>;
  /** The entry as it is written: a value with tables inside becomes plain JSON. */
  readonly toJson: (entry: Entry) => unknown;
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

/** The Table-valued indexes whose values are plain JSON. */
const PLAIN_TABLE_INDEXES = ['eventsByIdentity', 'podRequests', 'nodeUsage', 'nodeAllocatable'] as const satisfies readonly (keyof ClusterIndexes)[];

const OBJECTS_PREFIX = 'objects/';
const SETS_PREFIX = 'sets/';
const LABEL_SETS = 'labelSets';

interface EncodedLabelSet {
  readonly namespace: string;
  readonly labels: LabelSet['labels'];
  readonly nodes: [string, number][];
  readonly deleting: [string, number][];
  readonly pods: number;
}

const asIs = (entry: Entry): unknown => entry;

function tableStream<V>(name: string, table: Table<V>, toJson: (entry: Entry) => unknown = asIs): StateStream {
  return { name, shape: 'table', entries: () => table.pairs(), toJson };
}

function* groupEntries(index: SetIndex): Iterable<Entry> {
  for (const group of index.unorderedGroupNames()) for (const member of index.unorderedMembers(group)) yield [group, member];
}

function labelSetJson([id, value]: Entry): unknown {
  const set = value as LabelSet;
  return [id, { ...set, nodes: [...set.nodes.pairs()], deleting: [...set.deleting.pairs()] }];
}

/** The state's streams, in a fixed order (the kinds of objects in the map's own order). */
export function stateStreams(state: ClusterState): StateStream[] {
  const { indexes } = state;
  return [
    tableStream('nodes', state.nodes),
    tableStream('pods', state.pods),
    ...[...state.objects.pairs()].map(([kind, table]) => tableStream(`${OBJECTS_PREFIX}${kind}`, table)),
    ...SET_INDEXES.map((name): StateStream => ({ name: `${SETS_PREFIX}${name}`, shape: 'groups', entries: () => groupEntries(indexes[name]), toJson: asIs })),
    ...PLAIN_TABLE_INDEXES.map((name) => tableStream(name, indexes[name] as Table<unknown>)),
    tableStream(LABEL_SETS, indexes.labelSets, labelSetJson),
  ];
}

/** A snapshot's entries as read back: each stream's entries, in the order written. */
export type StreamEntries = ReadonlyMap<string, readonly (readonly [string, unknown])[]>;

function pairsOf<V>(streams: StreamEntries, name: string): [string, V][] {
  return (streams.get(name) ?? []) as [string, V][];
}

function setIndexOf(entries: readonly (readonly [string, unknown])[]): SetIndex {
  const members = new Map<string, string[]>();
  for (const [group, member] of entries) {
    const list = members.get(group);
    if (list === undefined) members.set(group, [member as string]);
    else list.push(member as string);
  }
  return SetIndex.fromGroups([...members]);
}

function decodeLabelSet(set: EncodedLabelSet): LabelSet {
  return { ...set, nodes: Table.fromPairs(set.nodes), deleting: Table.fromPairs(set.deleting) };
}

export function decodeStreams(rev: number, timeMs: number, streams: StreamEntries): ClusterState {
  const sets = Object.fromEntries(SET_INDEXES.map((name) => [name, setIndexOf(streams.get(`${SETS_PREFIX}${name}`) ?? [])])) as Record<(typeof SET_INDEXES)[number], SetIndex>;
  const plain = Object.fromEntries(PLAIN_TABLE_INDEXES.map((name) => [name, Table.fromPairs(pairsOf(streams, name))])) as Pick<ClusterIndexes, (typeof PLAIN_TABLE_INDEXES)[number]>;
  const labelSets = pairsOf<EncodedLabelSet>(streams, LABEL_SETS).map(([id, set]): [string, LabelSet] => [id, decodeLabelSet(set)]);
  const kinds = [...streams.keys()].filter((name) => name.startsWith(OBJECTS_PREFIX));
  return {
    rev,
    timeMs,
    nodes: Table.fromPairs(pairsOf<Node>(streams, 'nodes')),
    pods: Table.fromPairs(pairsOf<Pod>(streams, 'pods')),
    objects: Table.fromPairs(kinds.map((name): [string, Table<KubeObject>] => [name.slice(OBJECTS_PREFIX.length), Table.fromPairs(pairsOf<KubeObject>(streams, name))])),
    indexes: { ...sets, ...plain, labelSets: Table.fromPairs(labelSets) },
  };
}

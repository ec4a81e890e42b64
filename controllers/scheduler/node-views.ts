// The scheduler's view of the nodes: each node with what the plugins read from it, in the order
// the scheduler searches them. Upstream lists nodes from its node tree, taking one node from each
// zone in turn so that the search spreads across zones (pkg/scheduler/backend/cache/node_tree.go).
// Upstream keeps zones and nodes in the order they were added; we sort both by name, which is
// deterministic and needs no history. The snapshot also finds a node by name and holds the image
// states ImageLocality reads (upstream's cache imageStates, summarised in its snapshot).

import type { Labels } from '../../core/labels.ts';
import type { Node, Taint } from '../../core/objects.ts';
import { compareStrings, type Table } from '../../core/table.ts';
import { type Allocatable, parseAllocatable } from '../../reducers/pod-resources.ts';
import type { ClusterState } from '../../reducers/state.ts';

export interface NodeView {
  readonly name: string;
  /** The node's place in the snapshot's list, which arrays of per-node values are indexed by. */
  readonly ordinal: number;
  readonly node: Node;
  readonly labels: Labels;
  readonly taints: readonly Taint[];
  readonly unschedulable: boolean;
  readonly allocatable: Allocatable;
  /** Each image name the node reports (status.images[*].names), with that image's cluster-wide state. */
  readonly images: ReadonlyMap<string, ImageState>;
}

/** framework.ImageStateSummary: an image's size and how many nodes have it. */
export interface ImageState {
  readonly sizeBytes: number;
  numNodes: number;
}

export interface NodeSnapshot {
  /** Every node, in the scheduler's search order. */
  readonly list: readonly NodeView[];
  readonly byName: ReadonlyMap<string, NodeView>;
  /** Every label key some node carries: a topology key none has splits nothing. */
  readonly labelKeys: ReadonlySet<string>;
}

const NO_LABELS: Labels = {};
const NO_TAINTS: readonly Taint[] = [];
const NO_IMAGES: ReadonlyMap<string, ImageState> = new Map();

/** Upstream's utilnode.GetZoneKey: region and zone, the GA labels first, then the beta ones. */
export function zoneKey(labels: Labels): string {
  const zone =
    labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? '';
  const region =
    labels['topology.kubernetes.io/region'] ?? labels['failure-domain.beta.kubernetes.io/region'] ?? '';
  return region === '' && zone === '' ? '' : `${region}:\u0000:${zone}`;
}

/**
 * The node's image names, each tied to the image's shared state. As upstream's cache, an image
 * name keeps the size of the first node that reported it (nodes are taken in name order here) and
 * counts every node that has it once, however many of its images carry the name.
 */
function imagesOf(node: Node, states: Map<string, ImageState>): ReadonlyMap<string, ImageState> {
  const reported = node.status.images ?? [];
  if (reported.length === 0) return NO_IMAGES;
  const images = new Map<string, ImageState>();
  for (const image of reported) {
    for (const name of image.names ?? []) {
      if (images.has(name)) continue;
      let state = states.get(name);
      if (state === undefined) {
        state = { sizeBytes: image.sizeBytes ?? 0, numNodes: 0 };
        states.set(name, state);
      }
      state.numNodes++;
      images.set(name, state);
    }
  }
  return images;
}

function viewOf(node: Node, ordinal: number, allocatable: Allocatable | undefined, images: ReadonlyMap<string, ImageState>): NodeView {
  return {
    name: node.metadata.name,
    ordinal,
    node,
    labels: node.metadata.labels ?? NO_LABELS,
    taints: node.spec.taints ?? NO_TAINTS,
    unschedulable: node.spec.unschedulable === true,
    // The index holds every node's parsed allocatable; parsing here is only a fallback.
    allocatable: allocatable ?? parseAllocatable(node.status.allocatable),
    images,
  };
}

/** Round-robin over zones, as nodeTree.list does: the first node of every zone, then the second... */
function interleaveZones<T>(zones: readonly (readonly T[])[]): T[] {
  const list: T[] = [];
  const longest = Math.max(0, ...zones.map((zone) => zone.length));
  for (let index = 0; index < longest; index++) {
    for (const zone of zones) {
      const item = zone[index];
      if (item !== undefined) list.push(item);
    }
  }
  return list;
}

export function buildNodeViews(nodes: Table<Node>, allocatable: Table<Allocatable>): NodeView[] {
  const byZone = new Map<string, Node[]>();
  const imageStates = new Map<string, ImageState>();
  const images = new Map<string, ReadonlyMap<string, ImageState>>();
  for (const name of nodes.sortedKeys()) {
    const node = nodes.get(name) as Node;
    // Image states are shared in name order, whatever the search order.
    images.set(name, imagesOf(node, imageStates));
    const key = zoneKey(node.metadata.labels ?? NO_LABELS);
    const zone = byZone.get(key);
    if (zone === undefined) byZone.set(key, [node]);
    else zone.push(node);
  }
  const zoneKeys = [...byZone.keys()].sort(compareStrings);
  const ordered = interleaveZones(zoneKeys.map((key) => byZone.get(key) as Node[]));
  // Every view is built by one literal, so the plugins' reads of them stay monomorphic.
  return ordered.map((node, ordinal) => {
    const name = node.metadata.name;
    return viewOf(node, ordinal, allocatable.get(name), images.get(name) ?? NO_IMAGES);
  });
}

export function buildNodeSnapshot(nodes: Table<Node>, allocatable: Table<Allocatable>): NodeSnapshot {
  const list = buildNodeViews(nodes, allocatable);
  const labelKeys = new Set(list.flatMap((view) => Object.keys(view.labels)));
  return { list, byName: new Map(list.map((view) => [view.name, view])), labelKeys };
}

/**
 * Remembers the snapshot for the last nodes table seen. Node objects change rarely compared with
 * scheduling cycles, so most cycles reuse it; a pure function of the two tables, cached.
 */
export function createNodeSnapshotCache(): (state: ClusterState) => NodeSnapshot {
  let nodes: Table<Node> | undefined;
  let allocatable: Table<Allocatable> | undefined;
  let snapshot: NodeSnapshot = { list: [], byName: new Map(), labelKeys: new Set() };
  return (state) => {
    if (state.nodes !== nodes || state.indexes.nodeAllocatable !== allocatable) {
      nodes = state.nodes;
      allocatable = state.indexes.nodeAllocatable;
      snapshot = buildNodeSnapshot(nodes, allocatable);
    }
    return snapshot;
  };
}

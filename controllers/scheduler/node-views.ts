// The scheduler's view of the nodes: each node with what the plugins read from it, in the order
// the scheduler searches them. Upstream lists nodes from its node tree, taking one node from each
// zone in turn so that the search spreads across zones (pkg/scheduler/backend/cache/node_tree.go).
// Upstream keeps zones and nodes in the order they were added; we sort both by name, which is
// deterministic and needs no history.

import type { Labels } from '../../core/labels.ts';
import type { Node, Taint } from '../../core/objects.ts';
import { compareStrings, type Table } from '../../core/table.ts';
import { type Allocatable, parseAllocatable } from '../../reducers/pod-resources.ts';
import type { ClusterState } from '../../reducers/state.ts';

export interface NodeView {
  readonly name: string;
  readonly node: Node;
  readonly labels: Labels;
  readonly taints: readonly Taint[];
  readonly unschedulable: boolean;
  readonly allocatable: Allocatable;
}

const NO_LABELS: Labels = {};
const NO_TAINTS: readonly Taint[] = [];

/** Upstream's utilnode.GetZoneKey: region and zone, the GA labels first, then the beta ones. */
export function zoneKey(labels: Labels): string {
  const zone =
    labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? '';
  const region =
    labels['topology.kubernetes.io/region'] ?? labels['failure-domain.beta.kubernetes.io/region'] ?? '';
  return region === '' && zone === '' ? '' : `${region}:\u0000:${zone}`;
}

function viewOf(node: Node, allocatable: Allocatable | undefined): NodeView {
  return {
    name: node.metadata.name,
    node,
    labels: node.metadata.labels ?? NO_LABELS,
    taints: node.spec.taints ?? NO_TAINTS,
    unschedulable: node.spec.unschedulable === true,
    // The index holds every node's parsed allocatable; parsing here is only a fallback.
    allocatable: allocatable ?? parseAllocatable(node.status.allocatable),
  };
}

/** Round-robin over zones, as nodeTree.list does: the first node of every zone, then the second... */
function interleaveZones(zones: readonly (readonly NodeView[])[]): NodeView[] {
  const list: NodeView[] = [];
  const longest = Math.max(0, ...zones.map((zone) => zone.length));
  for (let index = 0; index < longest; index++) {
    for (const zone of zones) {
      const view = zone[index];
      if (view !== undefined) list.push(view);
    }
  }
  return list;
}

export function buildNodeViews(nodes: Table<Node>, allocatable: Table<Allocatable>): NodeView[] {
  const byZone = new Map<string, NodeView[]>();
  for (const name of nodes.sortedKeys()) {
    const view = viewOf(nodes.get(name) as Node, allocatable.get(name));
    const key = zoneKey(view.labels);
    const zone = byZone.get(key);
    if (zone === undefined) byZone.set(key, [view]);
    else zone.push(view);
  }
  const zoneKeys = [...byZone.keys()].sort(compareStrings);
  return interleaveZones(zoneKeys.map((key) => byZone.get(key) as NodeView[]));
}

/**
 * Remembers the views for the last nodes table seen. Node objects change rarely compared with
 * scheduling cycles, so most cycles reuse the list; a pure function of the two tables, cached.
 */
export function createNodeViewCache(): (state: ClusterState) => readonly NodeView[] {
  let nodes: Table<Node> | undefined;
  let allocatable: Table<Allocatable> | undefined;
  let views: readonly NodeView[] = [];
  return (state) => {
    if (state.nodes !== nodes || state.indexes.nodeAllocatable !== allocatable) {
      nodes = state.nodes;
      allocatable = state.indexes.nodeAllocatable;
      views = buildNodeViews(nodes, allocatable);
    }
    return views;
  };
}

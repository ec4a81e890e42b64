// The Node reducer: a kubelet registers its node, reports status, and users cordon it.

import { sameJson } from '../core/canonical-json.ts';
import type { EventOf, KsimEvent } from '../core/events.ts';
import type { Node, NodeStatus } from '../core/objects.ts';
import { NODE_STATUS_LIST_KEYS, statusAfter } from '../core/status-patch.ts';
import { reindexObject } from './object-indexes.ts';
import { parseAllocatable } from './pod-resources.ts';
import { stamp } from './stamp.ts';
import type { ClusterState } from './state.ts';
import { withFields } from '../core/with-fields.ts';

export type NodeEvent = Extract<KsimEvent, { type: `node/${string}` }>;

function withUnschedulable(node: Node, unschedulable: boolean): Node {
  const { unschedulable: _previous, ...spec } = node.spec;
  return { ...node, spec: unschedulable ? withFields(spec, { unschedulable: true }) : spec };
}

/** A node registered by its kubelet, or changed by a user's apply (labels, taints, capacity). */
function joined(state: ClusterState, event: EventOf<'node/joined' | 'node/updated'>): ClusterState {
  const node = stamp(event.object, event.rev);
  const name = node.metadata.name;
  const nodeAllocatable = state.indexes.nodeAllocatable.set(name, parseAllocatable(node.status.allocatable));
  const indexes = reindexObject({ ...state.indexes, nodeAllocatable }, 'Node', state.nodes.get(name), node);
  return { ...state, nodes: state.nodes.set(name, node), indexes };
}

/** A node's status after its kubelet's report, whole or as a patch. The story reads nodes through it too. */
export function nodeStatusAfter(status: NodeStatus, event: EventOf<'node/statusReported'>): NodeStatus {
  return statusAfter(status, event, NODE_STATUS_LIST_KEYS);
}

function statusReported(state: ClusterState, node: Node, event: EventOf<'node/statusReported'>): ClusterState {
  const status = nodeStatusAfter(node.status, event);
  const next = stamp({ ...node, status }, event.rev);
  const allocatableChanged = !sameJson(node.status.allocatable, status.allocatable);
  const nodeAllocatable = allocatableChanged
    ? state.indexes.nodeAllocatable.set(event.name, parseAllocatable(status.allocatable))
    : state.indexes.nodeAllocatable;
  return { ...state, nodes: state.nodes.set(event.name, next), indexes: { ...state.indexes, nodeAllocatable } };
}

export function reduceNode(state: ClusterState, event: NodeEvent): ClusterState {
  if (event.type === 'node/joined' || event.type === 'node/updated') return joined(state, event);
  const node = state.nodes.get(event.name);
  if (node === undefined) return state;
  switch (event.type) {
    case 'node/statusReported':
      return statusReported(state, node, event);
    case 'node/cordoned':
      return { ...state, nodes: state.nodes.set(event.name, stamp(withUnschedulable(node, true), event.rev)) };
    case 'node/uncordoned':
      return { ...state, nodes: state.nodes.set(event.name, stamp(withUnschedulable(node, false), event.rev)) };
    case 'node/deleted': {
      const nodeAllocatable = state.indexes.nodeAllocatable.delete(event.name);
      const indexes = reindexObject({ ...state.indexes, nodeAllocatable }, 'Node', node, undefined);
      return { ...state, nodes: state.nodes.delete(event.name), indexes };
    }
  }
}

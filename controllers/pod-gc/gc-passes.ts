// The four passes of one pod garbage collection (gc in pkg/controller/podgc/gc_controller.go), in
// upstream's order: terminated pods beyond the threshold, oldest first; terminating pods on
// out-of-service nodes; pods bound to nodes that are gone (after a quarantine); and terminating
// pods no node was ever chosen for. Each reads the reducers' indexes, not every pod.

import type { Command } from '../../core/commands.ts';
import { findCondition, type Node, type Pod } from '../../core/objects.ts';
import { TERMINATED, UNSCHEDULED, type ClusterState } from '../../reducers/state.ts';
import { markFailedAndDelete, ORPHAN_CONDITION } from './mark-and-delete.ts';

/** kube-controller-manager's --terminated-pod-gc-threshold default. */
export const TERMINATED_POD_GC_THRESHOLD = 12_500;
/** quarantineTime: how long a node must stay missing before its pods are deleted. */
export const QUARANTINE_MS = 40_000;
export const OUT_OF_SERVICE_TAINT = 'node.kubernetes.io/out-of-service';

function podsOf(state: ClusterState, keys: Iterable<string>): Pod[] {
  const pods: Pod[] = [];
  for (const key of keys) {
    const pod = state.pods.get(key);
    if (pod !== undefined) pods.push(pod);
  }
  return pods;
}

/** byEvictionAndCreationTimestamp: evicted pods first, then the oldest, then by name. */
export function gcOrder(a: Pod, b: Pod): number {
  const evictedA = a.status.reason === 'Evicted';
  const evictedB = b.status.reason === 'Evicted';
  if (evictedA !== evictedB) return evictedA ? -1 : 1;
  const created = a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp);
  if (created !== 0) return created;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

export function gcTerminated(state: ClusterState, nowMs: number, threshold = TERMINATED_POD_GC_THRESHOLD): Command[] {
  const excess = state.indexes.terminatedPods.count(TERMINATED) - threshold;
  if (threshold <= 0 || excess <= 0) return [];
  const oldest = podsOf(state, state.indexes.terminatedPods.members(TERMINATED)).sort(gcOrder).slice(0, excess);
  return oldest.flatMap((pod) => markFailedAndDelete(pod, nowMs));
}

function isReady(node: Node): boolean {
  return findCondition(node.status.conditions, 'Ready')?.status === 'True';
}

export function gcTerminating(state: ClusterState, nowMs: number): Command[] {
  const outOfService = state.nodes
    .sortedValues()
    .filter((node) => !isReady(node) && (node.spec.taints ?? []).some((taint) => taint.key === OUT_OF_SERVICE_TAINT));
  const pods = outOfService.flatMap((node) => podsOf(state, state.indexes.podsByNode.members(node.metadata.name)));
  return pods
    .filter((pod) => pod.metadata.deletionTimestamp !== undefined)
    .sort(gcOrder)
    .flatMap((pod) => markFailedAndDelete(pod, nowMs));
}

/** Names of nodes that pods are bound to but that do not exist. */
export function missingNodes(state: ClusterState): string[] {
  return state.indexes.podsByNode
    .groupNames()
    .filter((name) => !state.nodes.has(name))
    .sort();
}

/** The pods bound to `nodeName`, failed with DisruptionTarget and deleted. */
export function gcOrphansOf(state: ClusterState, nodeName: string, nowMs: number): Command[] {
  return podsOf(state, state.indexes.podsByNode.members(nodeName)).flatMap((pod) => markFailedAndDelete(pod, nowMs, ORPHAN_CONDITION));
}

export function gcUnscheduledTerminating(state: ClusterState, nowMs: number): Command[] {
  return podsOf(state, state.indexes.unscheduledPods.members(UNSCHEDULED))
    .filter((pod) => pod.metadata.deletionTimestamp !== undefined)
    .flatMap((pod) => markFailedAndDelete(pod, nowMs));
}

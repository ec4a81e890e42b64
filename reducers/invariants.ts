// Invariants that must hold at every revision. Property tests call checkInvariants after every
// event; it returns what is broken, in words, rather than throwing, so a failure names them all.

import { controllerOf, keyOf } from '../core/objects.ts';
import { addUsage, NO_USAGE, type NodeUsage } from './pod-resources.ts';
import { isTerminal } from './pod-indexes.ts';
import { type ClusterState, UNSCHEDULED } from './state.ts';

function overcommitted(state: ClusterState): string[] {
  const problems: string[] = [];
  for (const name of state.nodes.sortedKeys()) {
    const usage = state.indexes.nodeUsage.get(name) ?? NO_USAGE;
    const allocatable = state.indexes.nodeAllocatable.get(name);
    if (allocatable === undefined) continue;
    if (usage.cpuMilli > allocatable.cpuMilli) problems.push(`node ${name}: requested cpu ${usage.cpuMilli}m > allocatable ${allocatable.cpuMilli}m`);
    if (usage.memoryBytes > allocatable.memoryBytes) problems.push(`node ${name}: requested memory ${usage.memoryBytes} > allocatable ${allocatable.memoryBytes}`);
    if (usage.pods > allocatable.pods) problems.push(`node ${name}: ${usage.pods} pods > allocatable ${allocatable.pods}`);
  }
  return problems;
}

function danglingBindings(state: ClusterState): string[] {
  const problems: string[] = [];
  for (const node of state.indexes.podsByNode.groupNames()) {
    if (!state.nodes.has(node)) problems.push(`pods ${state.indexes.podsByNode.members(node).join(', ')} are bound to missing node ${node}`);
  }
  return problems;
}

function sameUsage(a: NodeUsage, b: NodeUsage): boolean {
  return a.cpuMilli === b.cpuMilli && a.memoryBytes === b.memoryBytes && a.pods === b.pods && a.nonZeroCpuMilli === b.nonZeroCpuMilli && a.nonZeroMemoryBytes === b.nonZeroMemoryBytes;
}

/** Recomputes the indexes from the pods table and compares: a check on the reducers themselves. */
function staleIndexes(state: ClusterState): string[] {
  const problems: string[] = [];
  const usage = new Map<string, NodeUsage>();
  let unscheduled = 0;
  for (const pod of state.pods.values()) {
    const key = keyOf(pod);
    const owner = controllerOf(pod)?.uid;
    const filed = owner === undefined ? state.indexes.orphanPods.has(pod.metadata.namespace ?? '', key) : state.indexes.podsByOwner.has(owner, key);
    if (!filed) problems.push(`pod ${key} is missing from the ${owner === undefined ? 'orphan' : 'owner'} index`);
    const node = pod.spec.nodeName;
    if (node === undefined || node === '') {
      unscheduled++;
      if (!state.indexes.unscheduledPods.has(UNSCHEDULED, key)) problems.push(`pod ${key} is unscheduled but not indexed so`);
      continue;
    }
    if (!state.indexes.podsByNode.has(node, key)) problems.push(`pod ${key} is missing from node ${node}'s index`);
    const requests = state.indexes.podRequests.get(key);
    if (requests === undefined) problems.push(`pod ${key} has no indexed requests`);
    else if (!isTerminal(pod)) usage.set(node, addUsage(usage.get(node) ?? NO_USAGE, requests, 1));
  }
  if (state.indexes.unscheduledPods.count(UNSCHEDULED) !== unscheduled) problems.push('the unscheduled-pods index holds pods that are gone or bound');
  for (const name of state.indexes.nodeUsage.sortedKeys()) {
    const indexed = state.indexes.nodeUsage.get(name) ?? NO_USAGE;
    if (!sameUsage(indexed, usage.get(name) ?? NO_USAGE)) problems.push(`node ${name}: indexed usage ${JSON.stringify(indexed)} differs from its pods'`);
  }
  return problems;
}

/** Everything wrong with the state; empty when it is sound. `deep` also audits the indexes (O(pods)). */
export function checkInvariants(state: ClusterState, options: { deep?: boolean } = {}): string[] {
  return [...overcommitted(state), ...danglingBindings(state), ...(options.deep ? staleIndexes(state) : [])];
}

// The audit of the pod indexes: each is rebuilt from the pods table alone and compared with the
// one the reducers kept, both ways, so an entry the reducers forgot to remove (stale) is caught
// as surely as one they forgot to add (missing). O(pods); property tests run it after every event.

import { keyOf, type Pod } from '../core/objects.ts';
import { compareStrings, type SetIndex, type Table } from '../core/table.ts';
import { failedScheduling, isTerminal } from './pod-indexes.ts';
import { affinityGroupsOf, hasHostPorts, labelPairGroup, labelSetId, type LabelSet, placedNode } from './placed-pods.ts';
import { addLabelSetPod, addUsage, NO_USAGE, type NodeUsage, sameScalar } from './pod-resources.ts';
import { type ClusterState, TERMINATED, UNSCHEDULABLE, UNSCHEDULED } from './state.ts';

type Groups = Map<string, Set<string>>;

function file(groups: Groups, group: string, member: string): void {
  const members = groups.get(group);
  if (members === undefined) groups.set(group, new Set([member]));
  else members.add(member);
}

/** Every entry of `index` that `expected` lacks (stale) and every one of `expected` it lacks (missing). */
export function auditSetIndex(name: string, index: SetIndex, expected: Groups): string[] {
  const problems: string[] = [];
  for (const group of index.groupNames()) {
    for (const member of index.members(group)) {
      if (!(expected.get(group)?.has(member) ?? false)) problems.push(`${name}: stale entry ${member} in ${JSON.stringify(group)}`);
    }
  }
  for (const group of [...expected.keys()].sort(compareStrings)) {
    for (const member of [...(expected.get(group) ?? [])].sort(compareStrings)) {
      if (!index.has(group, member)) problems.push(`${name}: missing entry ${member} in ${JSON.stringify(group)}`);
    }
  }
  return problems;
}

function sameUsage(a: NodeUsage, b: NodeUsage): boolean {
  return (
    a.cpuMilli === b.cpuMilli &&
    a.memoryBytes === b.memoryBytes &&
    a.ephemeralStorageBytes === b.ephemeralStorageBytes &&
    a.pods === b.pods &&
    a.nonZeroCpuMilli === b.nonZeroCpuMilli &&
    a.nonZeroMemoryBytes === b.nonZeroMemoryBytes &&
    sameScalar(a.scalar, b.scalar) &&
    sameScalar(a.labelSets, b.labelSets) &&
    sameScalar(a.deletingLabelSets, b.deletingLabelSets)
  );
}

function auditUsage(state: ClusterState, usage: Map<string, NodeUsage>): string[] {
  const problems: string[] = [];
  const indexed = state.indexes.nodeUsage;
  const names = new Set([...indexed.keys(), ...usage.keys()]);
  for (const name of [...names].sort(compareStrings)) {
    const kept = indexed.get(name) ?? NO_USAGE;
    if (!sameUsage(kept, usage.get(name) ?? NO_USAGE)) problems.push(`node ${name}: indexed usage ${JSON.stringify(kept)} differs from its pods'`);
  }
  return problems;
}

function sameCounts(a: Table<number>, b: Map<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [node, count] of b) if (a.get(node) !== count) return false;
  return true;
}

interface ExpectedSet {
  readonly namespace: string;
  readonly nodes: Map<string, number>;
  readonly deleting: Map<string, number>;
  pods: number;
}

function auditLabelSets(state: ClusterState, expected: Map<string, ExpectedSet>): string[] {
  const problems: string[] = [];
  const { labelSets } = state.indexes;
  for (const id of labelSets.sortedKeys()) {
    if (!expected.has(id)) problems.push(`labelSets: stale set ${JSON.stringify(id)}`);
  }
  const byPair: Groups = new Map();
  const byNamespace: Groups = new Map();
  for (const id of [...expected.keys()].sort(compareStrings)) {
    const want = expected.get(id) as ExpectedSet;
    const kept: LabelSet | undefined = labelSets.get(id);
    if (kept === undefined) problems.push(`labelSets: missing set ${JSON.stringify(id)}`);
    else if (kept.pods !== want.pods || !sameCounts(kept.nodes, want.nodes) || !sameCounts(kept.deleting, want.deleting)) {
      problems.push(`labelSets: set ${JSON.stringify(id)} counts differ from its pods'`);
    }
    file(byNamespace, want.namespace, id);
    for (const [key, value] of Object.entries(kept?.labels ?? {})) file(byPair, labelPairGroup(want.namespace, key, value), id);
  }
  return [
    ...problems,
    ...auditSetIndex('labelSetsByPair', state.indexes.labelSetsByPair, byPair),
    ...auditSetIndex('labelSetsByNamespace', state.indexes.labelSetsByNamespace, byNamespace),
  ];
}

function countIn(counts: Map<string, number>, node: string): void {
  counts.set(node, (counts.get(node) ?? 0) + 1);
}

/** Files the pod in its expected label set and returns the set's id. */
function placeInSet(sets: Map<string, ExpectedSet>, pod: Pod, node: string): string {
  const namespace = pod.metadata.namespace ?? '';
  const id = labelSetId(namespace, pod.metadata.labels ?? {});
  const set = sets.get(id) ?? { namespace, nodes: new Map(), deleting: new Map(), pods: 0 };
  sets.set(id, set);
  set.pods++;
  countIn(set.nodes, node);
  if (pod.metadata.deletionTimestamp !== undefined) countIn(set.deleting, node);
  return id;
}

/** Rebuilds every pod index from the pods table and reports each difference. */
export function auditPodIndexes(state: ClusterState): string[] {
  const problems: string[] = [];
  const { indexes } = state;
  const byNode: Groups = new Map();
  const unscheduled: Groups = new Map();
  const terminated: Groups = new Map();
  const affinity: Groups = new Map();
  const hostPorts: Groups = new Map();
  const usage = new Map<string, NodeUsage>();
  const sets = new Map<string, ExpectedSet>();
  for (const pod of state.pods.values()) {
    const key = keyOf(pod);
    const requests = indexes.podRequests.get(key);
    if (requests === undefined) problems.push(`pod ${key} has no indexed requests`);
    const bound = pod.spec.nodeName;
    if (bound === undefined || bound === '') file(unscheduled, UNSCHEDULED, key);
    else file(byNode, bound, key);
    if (failedScheduling(pod)) file(unscheduled, UNSCHEDULABLE, key);
    if (isTerminal(pod)) file(terminated, TERMINATED, key);
    const node = placedNode(pod);
    if (node === undefined) continue;
    const placed = requests === undefined ? (usage.get(node) ?? NO_USAGE) : addUsage(usage.get(node) ?? NO_USAGE, requests, 1);
    usage.set(node, addLabelSetPod(placed, placeInSet(sets, pod, node), pod.metadata.deletionTimestamp !== undefined, 1));
    for (const group of affinityGroupsOf(pod)) file(affinity, group, key);
    if (hasHostPorts(pod)) file(hostPorts, node, key);
  }
  if (indexes.podRequests.size !== state.pods.size) problems.push(`podRequests holds ${indexes.podRequests.size} pods, the table ${state.pods.size}`);
  return [
    ...problems,
    ...auditSetIndex('podsByNode', indexes.podsByNode, byNode),
    ...auditSetIndex('unscheduledPods', indexes.unscheduledPods, unscheduled),
    ...auditSetIndex('terminatedPods', indexes.terminatedPods, terminated),
    ...auditUsage(state, usage),
    ...auditLabelSets(state, sets),
    ...auditSetIndex('affinityPods', indexes.affinityPods, affinity),
    ...auditSetIndex('hostPortPodsByNode', indexes.hostPortPodsByNode, hostPorts),
  ];
}

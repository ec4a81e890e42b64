// Indexes of the pods placed on nodes (bound and not terminal, as the scheduler's cache holds
// them) that the scheduler's pod-matching plugins count per cycle: topology spreading and
// inter-pod affinity ask "how many pods matching this selector sit on each node", which a scan of
// every pod would answer at a cost no cluster of 150,000 pods can pay per cycle.
//
// Pods are grouped into label sets: the pods of one namespace with exactly the same labels (every
// pod of one ReplicaSet template, say). A selector is matched once per label set, not once per
// pod, and each set counts its pods per node; each node's usage (the scheduler's NodeInfo) counts
// its pods per set the other way round. Sets are found by namespace, or by one of their label
// pairs. NodePorts and InterPodAffinity also need the few pods with host ports or with pod
// affinity terms, indexed apart.

import type { Labels } from '../core/labels.ts';
import { keyOf, type Pod } from '../core/objects.ts';
import { compareStrings, Table } from '../core/table.ts';
import { addLabelSetPod, NO_USAGE } from './pod-resources.ts';
import type { ClusterIndexes } from './state.ts';

export interface LabelSet {
  readonly namespace: string;
  readonly labels: Labels;
  /** Placed pods with these labels on each node. */
  readonly nodes: Table<number>;
  /** Of those, the ones marked for deletion (topology spreading leaves them out). */
  readonly deleting: Table<number>;
  readonly pods: number;
}

/** Groups of the affinityPods index. */
export const WITH_POD_AFFINITY = 'affinity';
export const WITH_REQUIRED_ANTI_AFFINITY = 'requiredAntiAffinity';

interface Placement {
  readonly node: string;
  readonly deleting: boolean;
}

/** Where the scheduler counts a pod: on its node from binding until it is terminal or gone. */
export function placedNode(pod: Pod | undefined): string | undefined {
  if (pod === undefined) return undefined;
  const { nodeName } = pod.spec;
  const terminal = pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
  return nodeName === undefined || nodeName === '' || terminal ? undefined : nodeName;
}

function placementOf(pod: Pod | undefined): Placement | undefined {
  const node = placedNode(pod);
  return node === undefined ? undefined : { node, deleting: pod?.metadata.deletionTimestamp !== undefined };
}

function sortedPairs(labels: Labels): [string, string][] {
  return Object.entries(labels).sort(([a], [b]) => compareStrings(a, b));
}

/** Label keys and values cannot hold control characters, so these separators are unambiguous. */
export function labelSetId(namespace: string, labels: Labels): string {
  return `${namespace}\u0000${sortedPairs(labels)
    .map(([key, value]) => `${key}\u0001${value}`)
    .join('\u0002')}`;
}

/** The group of labelSetsByPair: a namespace and one label pair. */
export function labelPairGroup(namespace: string, key: string, value: string): string {
  return `${namespace}\u0000${key}=${value}`;
}

function addCount(table: Table<number>, node: string, delta: number): Table<number> {
  const count = (table.get(node) ?? 0) + delta;
  return count === 0 ? table.delete(node) : table.set(node, count);
}

function moveLabelSet(indexes: ClusterIndexes, pod: Pod, placement: Placement, delta: 1 | -1): ClusterIndexes {
  const namespace = pod.metadata.namespace ?? '';
  const labels = pod.metadata.labels ?? {};
  const id = labelSetId(namespace, labels);
  const current = indexes.labelSets.get(id) ?? { namespace, labels, nodes: Table.empty<number>(), deleting: Table.empty<number>(), pods: 0 };
  const next: LabelSet = {
    ...current,
    nodes: addCount(current.nodes, placement.node, delta),
    deleting: placement.deleting ? addCount(current.deleting, placement.node, delta) : current.deleting,
    pods: current.pods + delta,
  };
  let { labelSets, labelSetsByPair, labelSetsByNamespace } = indexes;
  if (next.pods === 0) {
    labelSets = labelSets.delete(id);
    labelSetsByNamespace = labelSetsByNamespace.remove(namespace, id);
    for (const [key, value] of Object.entries(labels)) labelSetsByPair = labelSetsByPair.remove(labelPairGroup(namespace, key, value), id);
  } else {
    labelSets = labelSets.set(id, next);
    if (current.pods === 0) {
      labelSetsByNamespace = labelSetsByNamespace.add(namespace, id);
      for (const [key, value] of Object.entries(labels)) labelSetsByPair = labelSetsByPair.add(labelPairGroup(namespace, key, value), id);
    }
  }
  const usage = indexes.nodeUsage.get(placement.node) ?? NO_USAGE;
  const nodeUsage = indexes.nodeUsage.set(placement.node, addLabelSetPod(usage, id, placement.deleting, delta));
  return { ...indexes, labelSets, labelSetsByPair, labelSetsByNamespace, nodeUsage };
}

/** A field given as null is absent, as Go decodes it. */
function absent(value: unknown): boolean {
  return value === undefined || value === null;
}

/** upstream's podWithAffinity and podWithRequiredAntiAffinity (framework/types.go). */
export function affinityGroupsOf(pod: Pod): string[] {
  const affinity = pod.spec.affinity;
  if (affinity === undefined || (absent(affinity.podAffinity) && absent(affinity.podAntiAffinity))) return [];
  const required = affinity.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  return required.length > 0 ? [WITH_POD_AFFINITY, WITH_REQUIRED_ANTI_AFFINITY] : [WITH_POD_AFFINITY];
}

/** Whether any container or sidecar asks for a host port (util.GetHostPorts). */
export function hasHostPorts(pod: Pod): boolean {
  const sidecars = (pod.spec.initContainers ?? []).filter((container) => container.restartPolicy === 'Always');
  return [...sidecars, ...pod.spec.containers].some((container) => (container.ports ?? []).some((port) => (port.hostPort ?? 0) > 0));
}

function moveSpecIndexes(indexes: ClusterIndexes, key: string, pod: Pod, node: string, delta: 1 | -1): ClusterIndexes {
  let { affinityPods, hostPortPodsByNode } = indexes;
  for (const group of affinityGroupsOf(pod)) affinityPods = delta > 0 ? affinityPods.add(group, key) : affinityPods.remove(group, key);
  if (hasHostPorts(pod)) hostPortPodsByNode = delta > 0 ? hostPortPodsByNode.add(node, key) : hostPortPodsByNode.remove(node, key);
  return affinityPods === indexes.affinityPods && hostPortPodsByNode === indexes.hostPortPodsByNode ? indexes : { ...indexes, affinityPods, hostPortPodsByNode };
}

export function reindexPlacement(indexes: ClusterIndexes, before: Pod | undefined, after: Pod | undefined): ClusterIndexes {
  const was = placementOf(before);
  const is = placementOf(after);
  if (was === undefined && is === undefined) return indexes;
  const sameLabels = before?.metadata.labels === after?.metadata.labels;
  if (was !== undefined && is !== undefined && was.node === is.node && was.deleting === is.deleting && sameLabels) return indexes;
  let next = indexes;
  const key = keyOf((after ?? before) as Pod);
  if (was !== undefined) next = moveLabelSet(next, before as Pod, was, -1);
  if (is !== undefined) next = moveLabelSet(next, after as Pod, is, 1);
  // A pod's spec does not change once bound, so the spec indexes move only with the node.
  if (was?.node !== is?.node) {
    if (was !== undefined) next = moveSpecIndexes(next, key, before as Pod, was.node, -1);
    if (is !== undefined) next = moveSpecIndexes(next, key, after as Pod, is.node, 1);
  }
  return next;
}

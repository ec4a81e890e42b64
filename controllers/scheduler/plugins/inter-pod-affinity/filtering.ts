// InterPodAffinity's PreFilter and Filter (interpodaffinity/filtering.go). PreFilter counts, per
// topology pair (key and value of a node label):
//  - existing pods whose required anti-affinity terms match the incoming pod (symmetry: a pod
//    that refuses company keeps the newcomer out of its domain);
//  - existing pods matching all of the incoming pod's required affinity terms;
//  - existing pods matching each of its required anti-affinity terms.
// Filter then checks the node's pairs. A pod whose affinity terms match only itself may go
// anywhere that has the topology keys while no pod in the cluster matches them (the first pod of
// a group that wants to be together).
//
// The state is a value the filter only reads; interPodWithPod returns a copy with one pod added
// or removed, as upstream's AddPod and RemovePod do for preemption (the extension point it will
// use; preemption is not modelled yet).

import type { Labels } from '../../../../core/labels.ts';
import type { Pod } from '../../../../core/objects.ts';
import { placedNode, WITH_REQUIRED_ANTI_AFFINITY } from '../../../../reducers/placed-pods.ts';
import type { ClusterState } from '../../../../reducers/state.ts';
import { matchingPods } from '../../matching-pods.ts';
import type { NodeSnapshot, NodeView } from '../../node-views.ts';
import type { PodInfo } from '../../pod-info.ts';
import { type AffinityTerm, affinityTermsOf, matchesAllTerms, namespaceLabelsOf, termMatches, termScope } from './terms.ts';

export const ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't satisfy existing pods anti-affinity rules";
export const ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";

/** Counts by topology pair, keyed "key\u0000value"; a count that falls to zero is removed. */
export type PairCounts = ReadonlyMap<string, number>;

export function pairKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

export interface InterPodFilterState {
  readonly namespaceLabels: Labels | undefined;
  readonly existingAntiAffinityCounts: PairCounts;
  readonly affinityCounts: PairCounts;
  readonly antiAffinityCounts: PairCounts;
}

/** topologyToMatchedTermCount.update: only nodes carrying the key count. */
function addAt(counts: Map<string, number>, node: NodeView, topologyKey: string, value: number): void {
  if (!Object.hasOwn(node.labels, topologyKey)) return;
  const pair = pairKey(topologyKey, node.labels[topologyKey] as string);
  const next = (counts.get(pair) ?? 0) + value;
  if (next === 0) counts.delete(pair);
  else counts.set(pair, next);
}

function existingAntiAffinityCounts(pod: Pod, namespaceLabels: Labels | undefined, nodes: NodeSnapshot, cluster: ClusterState): Map<string, number> {
  const counts = new Map<string, number>();
  const namespace = pod.metadata.namespace ?? '';
  for (const key of cluster.indexes.affinityPods.unorderedMembers(WITH_REQUIRED_ANTI_AFFINITY)) {
    const existing = cluster.pods.get(key);
    const node = nodes.byName.get(placedNode(existing) ?? '');
    if (existing === undefined || node === undefined) continue;
    for (const term of affinityTermsOf(existing).requiredAntiAffinity) {
      if (termMatches(term, namespace, pod.metadata.labels, namespaceLabels)) addAt(counts, node, term.topologyKey, 1);
    }
  }
  return counts;
}

/** Pods matching every affinity term count once under each term's pair. */
function affinityCounts(terms: readonly AffinityTerm[], nodes: NodeSnapshot, cluster: ClusterState): Map<string, number> {
  const counts = new Map<string, number>();
  const first = terms[0];
  if (first === undefined) return counts;
  const also = (set: { namespace: string; labels: Labels }) => matchesAllTerms(terms, set.namespace, set.labels);
  matchingPods(cluster, termScope(first), first.selector, { skipDeleting: false, also }).forEachNode((nodeName, count) => {
    const node = nodes.byName.get(nodeName);
    if (node !== undefined) for (const term of terms) addAt(counts, node, term.topologyKey, count);
  });
  return counts;
}

/** Pods count under the pair of each anti-affinity term they match. */
function antiAffinityCounts(terms: readonly AffinityTerm[], nodes: NodeSnapshot, cluster: ClusterState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) {
    const also = (set: { namespace: string; labels: Labels }) => termMatches(term, set.namespace, set.labels, undefined);
    matchingPods(cluster, termScope(term), term.selector, { skipDeleting: false, also }).forEachNode((nodeName, count) => {
      const node = nodes.byName.get(nodeName);
      if (node !== undefined) addAt(counts, node, term.topologyKey, count);
    });
  }
  return counts;
}

/** PreFilter; undefined when nothing constrains the pod (the plugin skips). */
export function interPodPreFilter(pod: PodInfo, nodes: NodeSnapshot, cluster: ClusterState): InterPodFilterState | undefined {
  const namespaceLabels = namespaceLabelsOf(cluster, pod.pod.metadata.namespace ?? '');
  const existing = existingAntiAffinityCounts(pod.pod, namespaceLabels, nodes, cluster);
  const { requiredAffinity, requiredAntiAffinity } = pod.affinityTerms;
  if (existing.size === 0 && requiredAffinity.length === 0 && requiredAntiAffinity.length === 0) return undefined;
  return {
    namespaceLabels,
    existingAntiAffinityCounts: existing,
    affinityCounts: affinityCounts(requiredAffinity, nodes, cluster),
    antiAffinityCounts: antiAffinityCounts(requiredAntiAffinity, nodes, cluster),
  };
}

function satisfiesExistingPodsAntiAffinity(state: InterPodFilterState, node: NodeView): boolean {
  if (state.existingAntiAffinityCounts.size === 0) return true;
  for (const [key, value] of Object.entries(node.labels)) {
    if ((state.existingAntiAffinityCounts.get(pairKey(key, value)) ?? 0) > 0) return false;
  }
  return true;
}

function satisfiesPodAntiAffinity(state: InterPodFilterState, terms: readonly AffinityTerm[], node: NodeView): boolean {
  if (state.antiAffinityCounts.size === 0) return true;
  for (const term of terms) {
    if (!Object.hasOwn(node.labels, term.topologyKey)) continue;
    if ((state.antiAffinityCounts.get(pairKey(term.topologyKey, node.labels[term.topologyKey] as string)) ?? 0) > 0) return false;
  }
  return true;
}

function satisfiesPodAffinity(state: InterPodFilterState, pod: PodInfo, node: NodeView): boolean {
  const terms = pod.affinityTerms.requiredAffinity;
  let podsExist = true;
  for (const term of terms) {
    // Every topology key must be on the node, whatever the counts.
    if (!Object.hasOwn(node.labels, term.topologyKey)) return false;
    if ((state.affinityCounts.get(pairKey(term.topologyKey, node.labels[term.topologyKey] as string)) ?? 0) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  // The first pod of a group with affinity to itself: no pod anywhere matches yet.
  return state.affinityCounts.size === 0 && matchesAllTerms(terms, pod.pod.metadata.namespace ?? '', pod.pod.metadata.labels);
}

export function interPodFilter(state: InterPodFilterState | undefined, pod: PodInfo, node: NodeView): string | undefined {
  if (state === undefined) return undefined;
  if (!satisfiesPodAffinity(state, pod, node)) return ERR_REASON_AFFINITY_RULES_NOT_MATCH;
  if (!satisfiesPodAntiAffinity(state, pod.affinityTerms.requiredAntiAffinity, node)) return ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH;
  if (!satisfiesExistingPodsAntiAffinity(state, node)) return ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH;
  return undefined;
}

/** updateWithPod: the state with `other` added to (1) or removed from (-1) `node`, for preemption. */
export function interPodWithPod(state: InterPodFilterState | undefined, pod: PodInfo, other: Pod, node: NodeView, delta: 1 | -1): InterPodFilterState | undefined {
  if (state === undefined) return undefined;
  const namespace = pod.pod.metadata.namespace ?? '';
  const otherNamespace = other.metadata.namespace ?? '';
  const existing = new Map(state.existingAntiAffinityCounts);
  for (const term of affinityTermsOf(other).requiredAntiAffinity) {
    if (termMatches(term, namespace, pod.pod.metadata.labels, state.namespaceLabels)) addAt(existing, node, term.topologyKey, delta);
  }
  const affinity = new Map(state.affinityCounts);
  const { requiredAffinity, requiredAntiAffinity } = pod.affinityTerms;
  if (matchesAllTerms(requiredAffinity, otherNamespace, other.metadata.labels)) {
    for (const term of requiredAffinity) addAt(affinity, node, term.topologyKey, delta);
  }
  const anti = new Map(state.antiAffinityCounts);
  for (const term of requiredAntiAffinity) {
    if (termMatches(term, otherNamespace, other.metadata.labels, undefined)) addAt(anti, node, term.topologyKey, delta);
  }
  return { ...state, existingAntiAffinityCounts: existing, affinityCounts: affinity, antiAffinityCounts: anti };
}

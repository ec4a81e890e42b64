// InterPodAffinity's PreScore, Score and NormalizeScore (interpodaffinity/scoring.go). Every
// topology pair collects:
//  - the weight of each of the pod's preferred affinity terms per existing pod matching it there,
//    minus the same for its preferred anti-affinity terms;
//  - for each existing pod there with pod affinity terms: hardPodAffinityWeight (1) per required
//    affinity term the pod matches, plus the weight of each preferred affinity term it matches,
//    minus the weight of each preferred anti-affinity term it matches (the symmetric half).
// A node scores the sum over its pairs; scores are then scaled to 0..100 between the lowest and
// the highest.

import type { Labels } from '../../../../core/labels.ts';
import type { Pod } from '../../../../core/objects.ts';
import { placedNode, WITH_POD_AFFINITY } from '../../../../reducers/placed-pods.ts';
import type { ClusterState } from '../../../../reducers/state.ts';
import { matchingPods } from '../../matching-pods.ts';
import type { NodeSnapshot, NodeView } from '../../node-views.ts';
import { MAX_NODE_SCORE } from '../../normalize-score.ts';
import type { PodInfo } from '../../pod-info.ts';
import { type AffinityTerm, affinityTermsOf, namespaceLabelsOf, termMatches, termScope, type WeightedAffinityTerm } from './terms.ts';

export const INTER_POD_AFFINITY_WEIGHT = 2;
/** InterPodAffinityArgs.HardPodAffinityWeight's default. */
export const HARD_POD_AFFINITY_WEIGHT = 1;

/** Topology key to value to score: the pairs that have anything to say. */
export interface InterPodScoreState {
  readonly topologyScore: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

type ScoreMap = Map<string, Map<string, number>>;

function addScore(scores: ScoreMap, node: NodeView, topologyKey: string, value: number): void {
  if (!Object.hasOwn(node.labels, topologyKey)) return;
  let values = scores.get(topologyKey);
  if (values === undefined) {
    values = new Map();
    scores.set(topologyKey, values);
  }
  const pair = node.labels[topologyKey] as string;
  values.set(pair, (values.get(pair) ?? 0) + value);
}

/** The incoming pod's preferred terms against every placed pod (processTerms with the pod's terms). */
function incomingPreferred(scores: ScoreMap, terms: readonly WeightedAffinityTerm[], sign: 1 | -1, nodes: NodeSnapshot, cluster: ClusterState): void {
  for (const term of terms) {
    const also = (set: { namespace: string; labels: Labels }) => termMatches(term, set.namespace, set.labels, undefined);
    matchingPods(cluster, termScope(term), term.selector, { skipDeleting: false, also }).forEachNode((nodeName, count) => {
      const node = nodes.byName.get(nodeName);
      if (node !== undefined) addScore(scores, node, term.topologyKey, sign * term.weight * count);
    });
  }
}

/** An existing pod's own terms that the incoming pod matches (the symmetric half of processExistingPod). */
function existingTerms(scores: ScoreMap, existing: Pod, node: NodeView, incoming: Pod, namespaceLabels: Labels | undefined): void {
  const terms = affinityTermsOf(existing);
  const namespace = incoming.metadata.namespace ?? '';
  const labels = incoming.metadata.labels;
  const add = (term: AffinityTerm, weight: number) => {
    if (termMatches(term, namespace, labels, namespaceLabels)) addScore(scores, node, term.topologyKey, weight);
  };
  for (const term of terms.requiredAffinity) add(term, HARD_POD_AFFINITY_WEIGHT);
  for (const term of terms.preferredAffinity) add(term, term.weight);
  for (const term of terms.preferredAntiAffinity) add(term, -term.weight);
}

/** PreScore; undefined when no pair has anything to say (the plugin skips). */
export function interPodPreScore(pod: PodInfo, feasible: readonly NodeView[], nodes: NodeSnapshot, cluster: ClusterState): InterPodScoreState | undefined {
  if (feasible.length === 0) return undefined;
  const scores: ScoreMap = new Map();
  const { preferredAffinity, preferredAntiAffinity } = pod.affinityTerms;
  incomingPreferred(scores, preferredAffinity, 1, nodes, cluster);
  incomingPreferred(scores, preferredAntiAffinity, -1, nodes, cluster);
  const namespaceLabels = namespaceLabelsOf(cluster, pod.pod.metadata.namespace ?? '');
  for (const key of cluster.indexes.affinityPods.unorderedMembers(WITH_POD_AFFINITY)) {
    const existing = cluster.pods.get(key);
    const node = nodes.byName.get(placedNode(existing) ?? '');
    if (existing !== undefined && node !== undefined) existingTerms(scores, existing, node, pod.pod, namespaceLabels);
  }
  return scores.size === 0 ? undefined : { topologyScore: scores };
}

export function interPodScore(state: InterPodScoreState, node: NodeView): number {
  let score = 0;
  for (const [topologyKey, values] of state.topologyScore) {
    if (Object.hasOwn(node.labels, topologyKey)) score += values.get(node.labels[topologyKey] as string) ?? 0;
  }
  return score;
}

/** NormalizeScore: 100 * (score - min) / (max - min), truncated; all 0 when every score is the same. */
export function normalizeInterPodScores(scores: readonly number[]): number[] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const score of scores) {
    if (score < min) min = score;
    if (score > max) max = score;
  }
  const range = max - min;
  return scores.map((score) => (range > 0 ? Math.trunc(MAX_NODE_SCORE * ((score - min) / range)) : 0));
}

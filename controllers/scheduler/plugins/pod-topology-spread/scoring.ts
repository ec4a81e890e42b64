// PodTopologySpread's PreScore, Score and NormalizeScore (podtopologyspread/scoring.go) for the
// ScheduleAnyway constraints, or the system defaults. Each feasible node scores the matching pods
// of its domain times log(number of domains + 2), plus maxSkew - 1, summed over constraints and
// rounded; hostname constraints count the node's own pods. Normalisation gives the node with the
// fewest 100 and scales the rest as 100 * (max + min - score) / max; nodes missing a topology key
// of the pod's own constraints are ignored and score 0.

import type { Selector } from '../../../../core/labels.ts';
import type { NodeUsage } from '../../../../reducers/pod-resources.ts';
import type { ClusterState } from '../../../../reducers/state.ts';
import { inNamespaces, type MatchingPods, matchingPods } from '../../matching-pods.ts';
import type { NodeSnapshot, NodeView } from '../../node-views.ts';
import { MAX_NODE_SCORE } from '../../normalize-score.ts';
import type { PodInfo } from '../../pod-info.ts';
import { hasAllTopologyKeys, LABEL_HOSTNAME, type SpreadConstraint, spreadConstraints } from './constraints.ts';
import { includesNode } from './filtering.ts';

export const POD_TOPOLOGY_SPREAD_WEIGHT = 2;

interface ScoredConstraint {
  readonly constraint: SpreadConstraint;
  readonly matching: MatchingPods;
  /** topologyNormalizingWeight: log(number of domains among the scored nodes + 2). */
  readonly weight: number;
  /** Matching pods per domain that a scored node reads; absent for hostname constraints. */
  readonly domainCounts: ReadonlyMap<string, number> | undefined;
}

export interface SpreadScoreState {
  readonly constraints: readonly ScoredConstraint[];
  /** Nodes missing a topology key of the pod's own constraints. */
  readonly ignored: ReadonlySet<string>;
}

/** The node's value of the key; "" when it has none, as a Go map lookup gives. */
function valueOf(node: NodeView, key: string): string {
  return Object.hasOwn(node.labels, key) ? (node.labels[key] as string) : '';
}

/** The domains each constraint's scored nodes fall in (initPreScoreState), and how many there are. */
function domainsOf(constraint: SpreadConstraint, feasible: readonly NodeView[], ignored: ReadonlySet<string>): { all: Set<string>; read: Set<string> } {
  const all = new Set<string>();
  const read = new Set<string>();
  for (const node of feasible) {
    if (ignored.has(node.name)) continue;
    // A node without the key still opens the "" domain.
    const value = valueOf(node, constraint.topologyKey);
    all.add(value);
    if (Object.hasOwn(node.labels, constraint.topologyKey)) read.add(value);
  }
  return { all, read };
}

/** The matching pods of each domain a scored node reads, from every node that counts (processAllNode). */
function countDomains(
  constraint: SpreadConstraint,
  all: readonly SpreadConstraint[],
  matching: MatchingPods,
  read: ReadonlySet<string>,
  context: { pod: PodInfo; nodes: NodeSnapshot; requireAllTopologies: boolean },
): Map<string, number> {
  const counts = new Map<string, number>([...read].map((value) => [value, 0]));
  if (read.size === 0) return counts;
  matching.forEachNode((nodeName, count) => {
    const node = context.nodes.byName.get(nodeName);
    if (node === undefined) return;
    if (context.requireAllTopologies && !hasAllTopologyKeys(node.labels, all)) return;
    if (!includesNode(constraint, context.pod, node)) return;
    const value = valueOf(node, constraint.topologyKey);
    const current = counts.get(value);
    if (current !== undefined) counts.set(value, current + count);
  });
  return counts;
}

/** PreScore; undefined when the pod has nothing to spread (the plugin skips and adds nothing). */
export function spreadPreScore(pod: PodInfo, feasible: readonly NodeView[], nodes: NodeSnapshot, cluster: ClusterState): SpreadScoreState | undefined {
  const constraints = spreadConstraints(pod.pod, cluster, 'ScheduleAnyway');
  if (constraints.length === 0 || nodes.list.length === 0) return undefined;
  // Only the pod's own constraints need every key: nodes without a zone still spread by hostname.
  const requireAllTopologies = (pod.pod.spec.topologySpreadConstraints ?? []).length > 0;
  const ignored = new Set<string>();
  if (requireAllTopologies) {
    for (const node of feasible) if (!hasAllTopologyKeys(node.labels, constraints)) ignored.add(node.name);
  }
  const namespace = pod.pod.metadata.namespace ?? '';
  const context = { pod, nodes, requireAllTopologies };
  // The system defaults share one selector; its pods are found once.
  const found = new Map<Selector, MatchingPods>();
  const scored: ScoredConstraint[] = [];
  for (const constraint of constraints) {
    // A key no node carries gives no node a score for this constraint (Score skips nodes without it).
    if (!nodes.labelKeys.has(constraint.topologyKey)) continue;
    const matching = found.get(constraint.selector) ?? matchingPods(cluster, inNamespaces(namespace), constraint.selector, { skipDeleting: true });
    found.set(constraint.selector, matching);
    if (constraint.topologyKey === LABEL_HOSTNAME) {
      scored.push({ constraint, matching, weight: Math.log(feasible.length - ignored.size + 2), domainCounts: undefined });
      continue;
    }
    const { all, read } = domainsOf(constraint, feasible, ignored);
    scored.push({ constraint, matching, weight: Math.log(all.size + 2), domainCounts: countDomains(constraint, constraints, matching, read, context) });
  }
  return { constraints: scored, ignored };
}

/** Score: the node's raw score before normalisation; the usage counts the node's pods by label set. */
export function spreadScore(state: SpreadScoreState, node: NodeView, usage: NodeUsage): number {
  if (isIgnored(state, node)) return 0;
  const { constraints } = state;
  let score = 0;
  for (let index = 0; index < constraints.length; index++) {
    const { constraint, matching, weight, domainCounts } = constraints[index] as ScoredConstraint;
    const key = constraint.topologyKey;
    if (!Object.hasOwn(node.labels, key)) continue;
    const count = domainCounts === undefined ? matching.countOn(usage) : (domainCounts.get(node.labels[key] as string) ?? 0);
    score += count * weight + (constraint.maxSkew - 1);
  }
  return Math.round(score);
}

/** NormalizeScore over the feasible nodes, in their order. */
function isIgnored(state: SpreadScoreState, node: NodeView): boolean {
  return state.ignored.size > 0 && state.ignored.has(node.name);
}

export function normalizeSpreadScores(state: SpreadScoreState, nodes: readonly NodeView[], scores: readonly number[]): number[] {
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (let index = 0; index < scores.length; index++) {
    if (isIgnored(state, nodes[index] as NodeView)) continue;
    const score = scores[index] as number;
    if (score < min) min = score;
    if (score > max) max = score;
  }
  const normalized = new Array<number>(scores.length);
  for (let index = 0; index < scores.length; index++) {
    if (isIgnored(state, nodes[index] as NodeView)) normalized[index] = 0;
    else normalized[index] = max === 0 ? MAX_NODE_SCORE : Math.floor((MAX_NODE_SCORE * (max + min - (scores[index] as number))) / max);
  }
  return normalized;
}

// PodTopologySpread's PreFilter and Filter (podtopologyspread/filtering.go) for the pod's
// DoNotSchedule constraints. PreFilter counts, per constraint, the matching pods of each topology
// domain over the nodes that carry every constraint's key and pass the constraint's node inclusion
// policies; Filter lets a node through when its domain's count, plus one if the pod matches its
// own selector, exceeds the smallest domain's count by no more than maxSkew. With fewer eligible
// domains than minDomains the smallest count is taken as 0.
//
// The state is a value the filter only reads; withPod returns a copy with one pod added to or
// taken from a node, as upstream's AddPod and RemovePod update the cycle state when preemption
// tries removing victims (not modelled yet; this is the extension point it will use).

import { type Labels, matchesSelector } from '../../../../core/labels.ts';
import type { Pod } from '../../../../core/objects.ts';
import { NO_USAGE, type NodeUsage } from '../../../../reducers/pod-resources.ts';
import type { ClusterState } from '../../../../reducers/state.ts';
import { matchingPods, inNamespaces } from '../../matching-pods.ts';
import type { NodeView } from '../../node-views.ts';
import type { PodInfo } from '../../pod-info.ts';
import { matchesRequired } from '../node-affinity.ts';
import { taintTolerationFilter } from '../taint-toleration.ts';
import { hasAllTopologyKeys, type SpreadConstraint, spreadConstraints } from './constraints.ts';

export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`;

export interface SpreadFilterState {
  readonly constraints: readonly SpreadConstraint[];
  /** Per constraint, the matching pods of each eligible domain (topology value). */
  readonly domainCounts: readonly ReadonlyMap<string, number>[];
  /** Per constraint, the smallest domain count (upstream keeps it on two critical paths). */
  readonly minCounts: readonly number[];
}

/** matchNodeInclusionPolicies: whether the node's domain counts for this constraint. */
export function includesNode(constraint: SpreadConstraint, pod: PodInfo, node: NodeView): boolean {
  if (constraint.nodeAffinityPolicy === 'Honor' && !matchesRequired(pod.requiredAffinity, node.labels, node.name)) return false;
  if (constraint.nodeTaintsPolicy === 'Honor' && taintTolerationFilter(pod, node) !== undefined) return false;
  return true;
}

function smallest(counts: ReadonlyMap<string, number>): number {
  let min = Number.POSITIVE_INFINITY;
  for (const count of counts.values()) if (count < min) min = count;
  return min;
}

/** calPreFilterState; undefined when the pod has no DoNotSchedule constraint (the plugin skips). */
export function spreadPreFilter(pod: PodInfo, nodes: readonly NodeView[], usages: readonly NodeUsage[], cluster: ClusterState): SpreadFilterState | undefined {
  const constraints = spreadConstraints(pod.pod, cluster, 'DoNotSchedule');
  if (constraints.length === 0) return undefined;
  const namespace = pod.pod.metadata.namespace ?? '';
  const matching = constraints.map((constraint) => matchingPods(cluster, inNamespaces(namespace), constraint.selector, { skipDeleting: true }));
  const domainCounts = constraints.map(() => new Map<string, number>());
  for (const node of nodes) {
    if (!hasAllTopologyKeys(node.labels, constraints)) continue;
    const usage = usages[node.ordinal] ?? NO_USAGE;
    constraints.forEach((constraint, index) => {
      if (!includesNode(constraint, pod, node)) return;
      const counts = domainCounts[index] as Map<string, number>;
      const value = node.labels[constraint.topologyKey] as string;
      counts.set(value, (counts.get(value) ?? 0) + (matching[index]?.countOn(usage) ?? 0));
    });
  }
  return { constraints, domainCounts, minCounts: domainCounts.map(smallest) };
}

/** minMatchNum: with fewer eligible domains than minDomains, the global minimum is 0. */
function globalMinimum(state: SpreadFilterState, index: number): number {
  const constraint = state.constraints[index] as SpreadConstraint;
  const domains = (state.domainCounts[index] as ReadonlyMap<string, number>).size;
  return domains < constraint.minDomains ? 0 : (state.minCounts[index] as number);
}

export function spreadFilter(state: SpreadFilterState | undefined, podLabels: Labels, node: NodeView): string | undefined {
  if (state === undefined) return undefined;
  for (let index = 0; index < state.constraints.length; index++) {
    const constraint = state.constraints[index] as SpreadConstraint;
    if (!Object.hasOwn(node.labels, constraint.topologyKey)) return ERR_REASON_NODE_LABEL_NOT_MATCH;
    const value = node.labels[constraint.topologyKey] as string;
    const selfMatch = matchesSelector(constraint.selector, podLabels) ? 1 : 0;
    const matchNum = state.domainCounts[index]?.get(value) ?? 0;
    if (matchNum + selfMatch - globalMinimum(state, index) > constraint.maxSkew) return ERR_REASON_CONSTRAINTS_NOT_MATCH;
  }
  return undefined;
}

/**
 * updateWithPod: the state with `other` added to (delta 1) or removed from (delta -1) `node`, for
 * a preemption that simulates its victims gone. Only pods of the incoming pod's namespace count.
 */
export function spreadWithPod(state: SpreadFilterState | undefined, pod: PodInfo, other: Pod, node: NodeView, delta: 1 | -1): SpreadFilterState | undefined {
  if (state === undefined || other.metadata.namespace !== pod.pod.metadata.namespace) return state;
  if (!hasAllTopologyKeys(node.labels, state.constraints)) return state;
  const domainCounts = state.domainCounts.map((counts, index) => {
    const constraint = state.constraints[index] as SpreadConstraint;
    if (!matchesSelector(constraint.selector, other.metadata.labels) || !includesNode(constraint, pod, node)) return counts;
    const value = node.labels[constraint.topologyKey] as string;
    const next = new Map(counts);
    next.set(value, (next.get(value) ?? 0) + delta);
    return next;
  });
  return { ...state, domainCounts, minCounts: domainCounts.map(smallest) };
}

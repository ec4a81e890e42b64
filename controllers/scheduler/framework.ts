// The scheduling framework's two extension points that ksim runs, with upstream's default plugins
// (pkg/scheduler/apis/config/v1/default_plugins.go, framework/runtime/framework.go). Filter runs
// the plugins in upstream's order and stops at the first that rejects the node. Score adds each
// plugin's score times its weight; TaintToleration and NodeAffinity are normalised over the
// feasible nodes first (reverse for TaintToleration), the resource scores are already 0..100.
// The plugins are called directly rather than through a list so the per-node calls stay cheap.

import type { NodeUsage } from '../../reducers/pod-resources.ts';
import type { NodeView } from './node-views.ts';
import { highestScore, normalizeScore } from './normalize-score.ts';
import { NODE_AFFINITY_WEIGHT, nodeAffinityFilter, nodeAffinityScore } from './plugins/node-affinity.ts';
import { nodeNameFilter } from './plugins/node-name.ts';
import {
  BALANCED_ALLOCATION_WEIGHT,
  balancedAllocationApplies,
  balancedAllocationScore,
} from './plugins/node-resources-balanced-allocation.ts';
import {
  leastAllocatedScore,
  NODE_RESOURCES_FIT_WEIGHT,
  nodeResourcesFitFilter,
} from './plugins/node-resources-fit.ts';
import { nodeUnschedulableFilter } from './plugins/node-unschedulable.ts';
import {
  TAINT_TOLERATION_WEIGHT,
  taintTolerationFilter,
  taintTolerationScore,
} from './plugins/taint-toleration.ts';
import type { PodInfo } from './pod-info.ts';

/** Undefined when the node fits; otherwise the reason, or several for NodeResourcesFit. */
export type FilterStatus = string | readonly string[] | undefined;

export function runFilterPlugins(pod: PodInfo, node: NodeView, usage: NodeUsage): FilterStatus {
  return (
    nodeUnschedulableFilter(pod, node) ??
    nodeNameFilter(pod, node) ??
    taintTolerationFilter(pod, node) ??
    nodeAffinityFilter(pod, node) ??
    nodeResourcesFitFilter(pod, node, usage)
  );
}

function addNormalized(totals: number[], raw: readonly number[], reverse: boolean, weight: number): void {
  const highest = highestScore(raw);
  for (let index = 0; index < totals.length; index++) {
    totals[index] =
      (totals[index] as number) + normalizeScore(raw[index] as number, highest, reverse) * weight;
  }
}

/** Each node's weighted total over the score plugins, in the order of `nodes`. */
export function prioritizeNodes(
  pod: PodInfo,
  nodes: readonly NodeView[],
  usages: readonly NodeUsage[],
): number[] {
  // BalancedAllocation's PreScore skips pods that request nothing, so it adds nothing for them.
  const balanced = balancedAllocationApplies(pod);
  const totals = nodes.map((node, index) => {
    const usage = usages[index] as NodeUsage;
    const fit = leastAllocatedScore(pod, node, usage) * NODE_RESOURCES_FIT_WEIGHT;
    return balanced ? fit + balancedAllocationScore(pod, node, usage) * BALANCED_ALLOCATION_WEIGHT : fit;
  });
  addNormalized(
    totals,
    nodes.map((node) => taintTolerationScore(pod, node)),
    true,
    TAINT_TOLERATION_WEIGHT,
  );
  // NodeAffinity's PreScore skips pods without preferred terms.
  if (pod.preferredTerms !== undefined) {
    addNormalized(
      totals,
      nodes.map((node) => nodeAffinityScore(pod, node)),
      false,
      NODE_AFFINITY_WEIGHT,
    );
  }
  return totals;
}

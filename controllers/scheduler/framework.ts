// The scheduling framework's Filter and Score extension points with upstream's default profile
// (pkg/scheduler/apis/config/v1/default_plugins.go, framework/runtime/framework.go), in its order:
//
//   NodeUnschedulable, NodeName, TaintToleration (3), NodeAffinity (2), NodePorts,
//   NodeResourcesFit (1), VolumeBinding, PodTopologySpread (2), InterPodAffinity (2),
//   NodeResourcesBalancedAllocation (1), ImageLocality (1)
//
// with the score weights in brackets. Filter runs the filters in that order and stops at the first
// that rejects the node. Score adds each plugin's score times its weight: TaintToleration and
// NodeAffinity are normalised over the feasible nodes (reverse for TaintToleration),
// PodTopologySpread and InterPodAffinity by their own NormalizeScore; the resource scores and
// ImageLocality are already 0..100. A plugin whose PreScore skips adds nothing. The plugins are
// called directly rather than through a list so the per-node calls stay cheap.

import type { NodeUsage } from '../../reducers/pod-resources.ts';
import type { CycleState } from './cycle-state.ts';
import type { NodeView } from './node-views.ts';
import { highestScore, normalizeScore } from './normalize-score.ts';
import { IMAGE_LOCALITY_WEIGHT, imageLocalityScore } from './plugins/image-locality.ts';
import { interPodFilter } from './plugins/inter-pod-affinity/filtering.ts';
import {
  INTER_POD_AFFINITY_WEIGHT,
  interPodPreScore,
  interPodScore,
  normalizeInterPodScores,
} from './plugins/inter-pod-affinity/scoring.ts';
import { NODE_AFFINITY_WEIGHT, nodeAffinityFilter, nodeAffinityScore } from './plugins/node-affinity.ts';
import { nodeNameFilter } from './plugins/node-name.ts';
import { nodePortsFilter } from './plugins/node-ports.ts';
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
import { volumeBindingFilter } from './plugins/volume-binding.ts';
import { spreadFilter } from './plugins/pod-topology-spread/filtering.ts';
import {
  normalizeSpreadScores,
  POD_TOPOLOGY_SPREAD_WEIGHT,
  spreadPreScore,
  spreadScore,
} from './plugins/pod-topology-spread/scoring.ts';
import {
  TAINT_TOLERATION_WEIGHT,
  taintTolerationFilter,
  taintTolerationScore,
} from './plugins/taint-toleration.ts';

/** Undefined when the node fits; otherwise the reason, or several for NodeResourcesFit. */
export type FilterStatus = string | readonly string[] | undefined;

export function runFilterPlugins(cycle: CycleState, node: NodeView, usage: NodeUsage): FilterStatus {
  const { pod } = cycle;
  return (
    nodeUnschedulableFilter(pod, node) ??
    nodeNameFilter(pod, node) ??
    taintTolerationFilter(pod, node) ??
    nodeAffinityFilter(pod, node) ??
    nodePortsFilter(pod.hostPorts, node, cycle.cluster) ??
    nodeResourcesFitFilter(pod, node, usage) ??
    volumeBindingFilter(cycle.volumes, node) ??
    spreadFilter(cycle.spread, pod.pod.metadata.labels ?? {}, node) ??
    interPodFilter(cycle.interPod, pod, node)
  );
}

function addNormalized(totals: number[], raw: readonly number[], reverse: boolean, weight: number): void {
  const highest = highestScore(raw);
  for (let index = 0; index < totals.length; index++) {
    totals[index] =
      (totals[index] as number) + normalizeScore(raw[index] as number, highest, reverse) * weight;
  }
}

function addWeighted(totals: number[], normalized: readonly number[], weight: number): void {
  for (let index = 0; index < totals.length; index++) {
    totals[index] = (totals[index] as number) + (normalized[index] as number) * weight;
  }
}

/** The two plugins that count other pods, each with its PreScore state and NormalizeScore. */
function addPodCountingScores(totals: number[], cycle: CycleState, nodes: readonly NodeView[], usages: readonly NodeUsage[]): void {
  const spread = spreadPreScore(cycle.pod, nodes, cycle.nodes, cycle.cluster);
  if (spread !== undefined) {
    const raw = new Array<number>(nodes.length);
    for (let index = 0; index < nodes.length; index++) raw[index] = spreadScore(spread, nodes[index] as NodeView, usages[index] as NodeUsage);
    addWeighted(totals, normalizeSpreadScores(spread, nodes, raw), POD_TOPOLOGY_SPREAD_WEIGHT);
  }
  const interPod = interPodPreScore(cycle.pod, nodes, cycle.nodes, cycle.cluster);
  if (interPod !== undefined) {
    const raw = nodes.map((node) => interPodScore(interPod, node));
    addWeighted(totals, normalizeInterPodScores(raw), INTER_POD_AFFINITY_WEIGHT);
  }
}

/** Each node's weighted total over the score plugins, in the order of `nodes`. */
export function prioritizeNodes(
  cycle: CycleState,
  nodes: readonly NodeView[],
  usages: readonly NodeUsage[],
): number[] {
  const { pod } = cycle;
  // BalancedAllocation's PreScore skips pods that request nothing, so it adds nothing for them.
  const balanced = balancedAllocationApplies(pod);
  const totalNodes = cycle.nodes.list.length;
  const totals = nodes.map((node, index) => {
    const usage = usages[index] as NodeUsage;
    const fit = leastAllocatedScore(pod, node, usage) * NODE_RESOURCES_FIT_WEIGHT;
    const images = imageLocalityScore(pod.images, node, totalNodes) * IMAGE_LOCALITY_WEIGHT;
    return balanced ? fit + images + balancedAllocationScore(pod, node, usage) * BALANCED_ALLOCATION_WEIGHT : fit + images;
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
  addPodCountingScores(totals, cycle, nodes, usages);
  return totals;
}

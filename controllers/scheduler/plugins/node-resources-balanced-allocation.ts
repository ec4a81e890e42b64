// NodeResourcesBalancedAllocation (pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go):
// favours nodes whose cpu and memory would be used in equal shares after placing the pod,
// score = (1 - standard deviation of the shares) * 100, truncated. It counts actual requests,
// not the non-zero defaults, and skips pods that request nothing at all (best-effort pods).

import type { NodeUsage } from '../../../reducers/pod-resources.ts';
import type { NodeView } from '../node-views.ts';
import { MAX_NODE_SCORE } from '../normalize-score.ts';
import type { PodInfo } from '../pod-info.ts';

export const BALANCED_ALLOCATION_WEIGHT = 1;

/** Upstream's PreScore returns Skip for a pod whose every request is zero. */
export function balancedAllocationApplies(pod: PodInfo): boolean {
  return pod.requests.cpuMilli !== 0 || pod.requests.memoryBytes !== 0;
}

/**
 * balancedResourceScorer for cpu and memory: each share capped at 1, the deviation of two shares
 * is half their difference, and a resource the node lacks is left out.
 */
export function balancedAllocationScore(pod: PodInfo, node: NodeView, usage: NodeUsage): number {
  const { cpuMilli, memoryBytes } = node.allocatable;
  if (cpuMilli === 0 || memoryBytes === 0) {
    // With one share or none the deviation is zero.
    return MAX_NODE_SCORE;
  }
  const cpuShare = Math.min((usage.cpuMilli + pod.requests.cpuMilli) / cpuMilli, 1);
  const memoryShare = Math.min((usage.memoryBytes + pod.requests.memoryBytes) / memoryBytes, 1);
  return Math.trunc((1 - Math.abs((cpuShare - memoryShare) / 2)) * MAX_NODE_SCORE);
}

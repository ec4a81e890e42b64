// NodeResourcesFit (pkg/scheduler/framework/plugins/noderesources/fit.go and least_allocated.go):
// the filter checks the pod count, cpu, memory, ephemeral storage and every scalar resource the pod
// asks for (extended resources such as example.com/foo, hugepages) against what is left of the
// node's allocatable;
// the default LeastAllocated score favours nodes with more left, over cpu and memory weighted 1
// each, counting a container that requests nothing as 100m cpu and 200Mi memory.

import type { NodeUsage } from '../../../reducers/pod-resources.ts';
import type { NodeView } from '../node-views.ts';
import { MAX_NODE_SCORE } from '../normalize-score.ts';
import type { PodInfo } from '../pod-info.ts';

export const NODE_RESOURCES_FIT_WEIGHT = 1;
export const REASON_TOO_MANY_PODS = 'Too many pods';
export const REASON_INSUFFICIENT_CPU = 'Insufficient cpu';
export const REASON_INSUFFICIENT_MEMORY = 'Insufficient memory';

const TOO_MANY_PODS = 1;
const INSUFFICIENT_CPU = 2;
const INSUFFICIENT_MEMORY = 4;

/** Every combination of reasons, built once, in upstream's order (pods, cpu, memory). */
const REASONS: readonly (readonly string[])[] = Array.from({ length: 8 }, (_, mask) =>
  [
    mask & TOO_MANY_PODS ? REASON_TOO_MANY_PODS : undefined,
    mask & INSUFFICIENT_CPU ? REASON_INSUFFICIENT_CPU : undefined,
    mask & INSUFFICIENT_MEMORY ? REASON_INSUFFICIENT_MEMORY : undefined,
  ].filter((reason): reason is string => reason !== undefined),
);

/**
 * The less common shortages: ephemeral storage, then each scalar resource the pod requests. Their
 * order does not reach the failure message, which sorts its reasons.
 */
function otherShortages(pod: PodInfo, node: NodeView, usage: NodeUsage): string[] {
  const { allocatable } = node;
  const { ephemeralStorageBytes, scalar } = pod.requests;
  const shortages: string[] = [];
  if (ephemeralStorageBytes > 0 && ephemeralStorageBytes > allocatable.ephemeralStorageBytes - usage.ephemeralStorageBytes) {
    shortages.push('Insufficient ephemeral-storage');
  }
  for (const [name, requested] of Object.entries(scalar)) {
    if (requested === 0) continue;
    if (requested > (allocatable.scalar[name] ?? 0) - (usage.scalar[name] ?? 0)) shortages.push(`Insufficient ${name}`);
  }
  return shortages;
}

/** fitsRequest: every shortage is a reason of its own, and each counts in the failure message. */
export function nodeResourcesFitFilter(
  pod: PodInfo,
  node: NodeView,
  usage: NodeUsage,
): readonly string[] | undefined {
  const { allocatable } = node;
  const { cpuMilli, memoryBytes } = pod.requests;
  const freeMemoryBytes = allocatable.memoryBytes - usage.memoryBytes;
  let mask = usage.pods + 1 > allocatable.pods ? TOO_MANY_PODS : 0;
  if (cpuMilli > 0 && cpuMilli > allocatable.cpuMilli - usage.cpuMilli) mask |= INSUFFICIENT_CPU;
  if (memoryBytes > 0 && memoryBytes > freeMemoryBytes) mask |= INSUFFICIENT_MEMORY;
  const others = pod.hasOtherRequests ? otherShortages(pod, node, usage) : [];
  if (others.length > 0) return [...(REASONS[mask] as readonly string[]), ...others];
  return mask === 0 ? undefined : REASONS[mask];
}

/**
 * leastRequestedScore: the share left free, 0..100, with Go's integer division. The quotient is
 * exact in floating point while capacity stays below 2^46 (64 TiB of memory in bytes).
 */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.floor(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** leastResourceScorer over cpu and memory with weight 1 each; a resource the node lacks is left out. */
export function leastAllocatedScore(pod: PodInfo, node: NodeView, usage: NodeUsage): number {
  const { cpuMilli, memoryBytes } = node.allocatable;
  let score = 0;
  let weights = 0;
  if (cpuMilli !== 0) {
    score += leastRequestedScore(usage.nonZeroCpuMilli + pod.requests.nonZeroCpuMilli, cpuMilli);
    weights++;
  }
  if (memoryBytes !== 0) {
    score += leastRequestedScore(usage.nonZeroMemoryBytes + pod.requests.nonZeroMemoryBytes, memoryBytes);
    weights++;
  }
  return weights === 0 ? 0 : Math.floor(score / weights);
}

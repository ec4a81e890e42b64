// Which surplus pods go first when a ReplicaSet scales down: upstream's controller.ActivePodsWithRanks
// (pkg/controller/controller_utils.go) with the features on by default, PodDeletionCost (beta, on)
// and LogarithmicScaleDown (GA since 1.31). Each rule applies in turn until one decides:
//   1. unassigned before assigned;
//   2. Pending before Unknown before Running;
//   3. not ready before ready;
//   4. lower controller.kubernetes.io/pod-deletion-cost before higher;
//   5. higher rank (more related pods on the same node) before lower;
//   6. both ready: ready for less time before longer, compared in powers-of-two buckets of age;
//   7. more container restarts before fewer;
//   8. newer before older by creationTimestamp, in the same buckets.
// In 6 and 8 a missing time sorts first, and two pods in the same bucket are ordered by uid.

import { fromTimestamp } from '../../core/clock.ts';
import type { Pod } from '../../core/objects.ts';
import { isPodReady, maxContainerRestarts, readySinceMs } from '../common/pod-state.ts';

export const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

/** Phases missing here rank as Pending, as a missing key of upstream's podPhaseToOrdinal map does. */
const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

/** Everything the comparison reads, computed once per pod rather than once per comparison. */
export interface RankedPod {
  readonly pod: Pod;
  readonly uid: string;
  readonly assigned: boolean;
  readonly phase: number;
  readonly ready: boolean;
  readonly deletionCost: number;
  readonly rank: number;
  readonly readySinceMs: number | undefined;
  readonly readyBucket: number;
  readonly restarts: number;
  readonly createdMs: number | undefined;
  readonly createdBucket: number;
}

/**
 * The pod-deletion-cost annotation as helper.GetDeletionCostFromPodAnnotations reads it: a base-10
 * int32 that starts with a minus sign or a digit other than a leading zero; anything else counts as 0.
 */
export function deletionCost(pod: Pod): number {
  const value = pod.metadata.annotations?.[POD_DELETION_COST];
  if (value === undefined || !/^(0|[1-9][0-9]*|-[0-9]+)$/.test(value)) return 0;
  const cost = Number.parseInt(value, 10);
  return cost >= -(2 ** 31) && cost <= 2 ** 31 - 1 ? cost : 0;
}

/** floor(log2) of the age in nanoseconds, as upstream's logarithmicRankDiff; -1 for no age. */
export function ageBucket(sinceMs: number | undefined, nowMs: number): number {
  if (sinceMs === undefined) return -1;
  const ageNs = (nowMs - sinceMs) * 1e6;
  return ageNs > 0 ? Math.floor(Math.log2(ageNs)) : -1;
}

function timestampMs(timestamp: string | undefined): number | undefined {
  return timestamp === undefined || timestamp === '' ? undefined : fromTimestamp(timestamp);
}

export function rankPod(pod: Pod, rank: number, nowMs: number): RankedPod {
  const ready = isPodReady(pod);
  const since = readySinceMs(pod);
  const createdMs = timestampMs(pod.metadata.creationTimestamp);
  return {
    pod,
    uid: pod.metadata.uid,
    assigned: (pod.spec.nodeName ?? '') !== '',
    phase: PHASE_ORDINAL[pod.status.phase] ?? 0,
    ready,
    deletionCost: deletionCost(pod),
    rank,
    readySinceMs: since,
    readyBucket: ageBucket(since, nowMs),
    restarts: maxContainerRestarts(pod),
    createdMs,
    createdBucket: ageBucket(createdMs, nowMs),
  };
}

/** Newer first: a missing time counts as newest (upstream's afterOrZero), else buckets, then uid. */
function newerFirst(
  a: RankedPod,
  b: RankedPod,
  aMs: number | undefined,
  bMs: number | undefined,
  aBucket: number,
  bBucket: number,
): boolean {
  if (aMs === undefined || bMs === undefined) return aMs === undefined;
  if (aBucket === bBucket) return a.uid < b.uid;
  return aBucket < bBucket;
}

/** True when `a` should be deleted before `b`: upstream's ActivePodsWithRanks.Less. */
export function deleteBefore(a: RankedPod, b: RankedPod): boolean {
  if (a.assigned !== b.assigned) return !a.assigned;
  if (a.phase !== b.phase) return a.phase < b.phase;
  if (a.ready !== b.ready) return !a.ready;
  if (a.deletionCost !== b.deletionCost) return a.deletionCost < b.deletionCost;
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (a.ready && b.ready && a.readySinceMs !== b.readySinceMs) {
    return newerFirst(a, b, a.readySinceMs, b.readySinceMs, a.readyBucket, b.readyBucket);
  }
  if (a.restarts !== b.restarts) return a.restarts > b.restarts;
  if (a.createdMs !== b.createdMs)
    return newerFirst(a, b, a.createdMs, b.createdMs, a.createdBucket, b.createdBucket);
  return false;
}

export function compareForDeletion(a: RankedPod, b: RankedPod): number {
  if (deleteBefore(a, b)) return -1;
  return deleteBefore(b, a) ? 1 : 0;
}

/**
 * The `count` pods to delete, as upstream's getPodsToDelete: no sort when every pod goes. The sort
 * is stable, so pods the rules cannot tell apart keep the order they came in (sorted by key).
 */
export function podsToDelete(
  pods: readonly Pod[],
  count: number,
  rankOf: (pod: Pod) => number,
  nowMs: number,
): Pod[] {
  if (count >= pods.length) return pods.slice(0, count);
  const ranked = pods.map((pod) => rankPod(pod, rankOf(pod), nowMs));
  ranked.sort(compareForDeletion);
  return ranked.slice(0, count).map((entry) => entry.pod);
}

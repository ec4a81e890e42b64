// What the ReplicaSet controller reads from a pod: whether it still counts (active), whether it is
// ready and since when, and whether it has been ready for long enough to be available. The rules
// are upstream's controller.IsPodActive (pkg/controller/controller_utils.go) and podutil.IsPodReady /
// IsPodAvailable (pkg/api/v1/pod/util.go).

import { fromTimestamp } from '../../core/clock.ts';
import { findCondition, type Pod } from '../../core/objects.ts';

/** A pod counts towards replicas until it is terminal or being deleted (controller.IsPodActive). */
export function isPodActive(pod: Pod): boolean {
  return (
    pod.status.phase !== 'Succeeded' &&
    pod.status.phase !== 'Failed' &&
    pod.metadata.deletionTimestamp === undefined
  );
}

export function isPodReady(pod: Pod): boolean {
  return findCondition(pod.status.conditions, 'Ready')?.status === 'True';
}

/**
 * When a ready pod became ready, in virtual ms; undefined when the pod is not ready or its Ready
 * condition carries no lastTransitionTime (upstream's zero time).
 */
export function readySinceMs(pod: Pod): number | undefined {
  const condition = findCondition(pod.status.conditions, 'Ready');
  if (condition?.status !== 'True' || condition.lastTransitionTime === undefined) return undefined;
  return fromTimestamp(condition.lastTransitionTime);
}

/**
 * The first virtual ms at which a ready pod counts as available (podutil.IsPodAvailable holds from
 * then on), or undefined when it never will (no transition time). Upstream requires readySince +
 * minReadySeconds to be strictly before now, hence the extra millisecond. With minReadySeconds 0
 * upstream counts every ready pod as available, transition time or not; callers handle that case.
 */
export function availableAtMs(pod: Pod, minReadySeconds: number): number | undefined {
  const since = readySinceMs(pod);
  return since === undefined ? undefined : since + minReadySeconds * 1000 + 1;
}

export function maxContainerRestarts(pod: Pod): number {
  let max = 0;
  for (const status of pod.status.containerStatuses ?? []) max = Math.max(max, status.restartCount);
  return max;
}

/** The second upstream adds to its availability requeue "to avoid milliseconds skew in AddAfter". */
export const READY_REQUEUE_SKEW_MS = 1000;

/**
 * When a controller of pods must sync again to see one turn available: the earliest
 * readySince + minReadySeconds + 1 s still to come among the ready pods, as the AddAfter of the
 * StatefulSet and DaemonSet controllers' updatePod handlers; undefined without minReadySeconds.
 */
export function readyPodRecheckMs(minReadySeconds: number, pods: readonly Pod[], nowMs: number): number | undefined {
  if (minReadySeconds <= 0) return undefined;
  let earliest: number | undefined;
  for (const pod of pods) {
    const since = readySinceMs(pod);
    if (since === undefined) continue;
    const atMs = since + minReadySeconds * 1000 + READY_REQUEUE_SKEW_MS;
    if (atMs > nowMs && (earliest === undefined || atMs < earliest)) earliest = atMs;
  }
  return earliest;
}

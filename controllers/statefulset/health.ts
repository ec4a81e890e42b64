// What the StatefulSet controller reads from a pod, as upstream's isRunningAndReady,
// isRunningAndAvailable, isUnavailable, isTerminating and friends
// (pkg/controller/statefulset/stateful_set_utils.go). Since v1.34 (#130909, "Statefulset now
// respects minReadySeconds") rolling updates and scale-down wait for pods to be available, not
// only ready.

import type { Pod } from '../../core/objects.ts';
import { availableAtMs, isPodReady } from '../common/pod-state.ts';

export function isTerminating(pod: Pod): boolean {
  return pod.metadata.deletionTimestamp !== undefined;
}

export function isFailed(pod: Pod): boolean {
  return pod.status.phase === 'Failed';
}

export function isSucceeded(pod: Pod): boolean {
  return pod.status.phase === 'Succeeded';
}

export function isPending(pod: Pod): boolean {
  return pod.status.phase === 'Pending';
}

export function isRunningAndReady(pod: Pod): boolean {
  return pod.status.phase === 'Running' && isPodReady(pod);
}

/**
 * podutil.IsPodAvailable at nowMs: ready, and with minReadySeconds ready for strictly longer than
 * that. Upstream's isRunningAndAvailable does not look at the phase.
 */
export function isRunningAndAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds === 0) return true;
  const at = availableAtMs(pod, minReadySeconds);
  return at !== undefined && at <= nowMs;
}

/** isUnavailable: not available yet, or on its way out. */
export function isUnavailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  return !isRunningAndAvailable(pod, minReadySeconds, nowMs) || isTerminating(pod);
}


// Back-off of pods that failed (pkg/scheduler/backend/queue/backoff_queue.go, v1.34): the first
// attempt costs nothing, then podInitialBackoffSeconds (1 s) doubling with each attempt up to
// podMaxBackoffSeconds (10 s), counted from the pod's queue timestamp. With SchedulerPopFromBackoffQ
// (beta, on by default in v1.34) the expiry is truncated to a one-second window, the back-off queue
// is flushed on whole seconds, and a pod counts as backing off until the window of "now" is past
// its expiry's window.

import type { QueuedPod } from './queued-pod.ts';
import { queueOrderLess } from './queued-pod.ts';

export const POD_INITIAL_BACKOFF_MS = 1_000;
export const POD_MAX_BACKOFF_MS = 10_000;
export const BACKOFF_ORDERING_WINDOW_MS = 1_000;

export function alignToWindow(timeMs: number): number {
  return Math.floor(timeMs / BACKOFF_ORDERING_WINDOW_MS) * BACKOFF_ORDERING_WINDOW_MS;
}

/** calculateBackoffDuration: 0 before any attempt, then 1 s, 2 s, 4 s, 8 s, 10 s, 10 s ... */
export function backoffDurationMs(attempts: number, initialMs = POD_INITIAL_BACKOFF_MS, maxMs = POD_MAX_BACKOFF_MS): number {
  if (attempts === 0) return 0;
  const shift = attempts - 1;
  // Upstream compares with maxBackoff >> shift so the doubling never overflows; here too.
  if (initialMs > Math.floor(maxMs / 2 ** shift)) return maxMs;
  return initialMs * 2 ** shift;
}

/** getBackoffTime: a pod never tried has no back-off (Go's zero time, before any instant). */
export function backoffExpirationMs(pod: QueuedPod): number {
  if (pod.attempts === 0) return Number.NEGATIVE_INFINITY;
  return alignToWindow(pod.timestampMs + backoffDurationMs(pod.attempts));
}

/** isPodBackingoff: true while the expiry is not before the window "now" falls in. */
export function isBackingOff(pod: QueuedPod, nowMs: number): boolean {
  return !(backoffExpirationMs(pod) < alignToWindow(nowMs));
}

/** The first whole-second flush at which the pod is no longer backing off. */
export function backoffCompletesAtMs(pod: QueuedPod): number {
  return backoffExpirationMs(pod) + BACKOFF_ORDERING_WINDOW_MS;
}

/** lessBackoffCompletedWithPriority: the earlier window first, then as activeQ orders. */
export function backoffOrderLess(a: QueuedPod, b: QueuedPod): boolean {
  const expiryA = backoffExpirationMs(a);
  const expiryB = backoffExpirationMs(b);
  if (expiryA !== expiryB) return expiryA < expiryB;
  return queueOrderLess(a, b);
}

// A pod in the scheduling queue (upstream's framework.QueuedPodInfo) and the queue's orderings:
// PrioritySort for activeQ (higher priority first, then the earlier queue timestamp), and the
// back-off ordering (pkg/scheduler/backend/queue/backoff_queue.go, v1.34 with
// SchedulerPopFromBackoffQ on): back-off expiry truncated to a one-second window, then PrioritySort
// within a window. Upstream's heaps leave equal entries in no defined order; here a sequence
// number, taken when the timestamp is, breaks the last tie so the order is total.

import type { Pod } from '../../../core/objects.ts';

export interface QueuedPod {
  readonly key: string;
  readonly pod: Pod;
  readonly priority: number;
  /** When the pod was added, or last re-added after a failed attempt (virtual ms). */
  readonly timestampMs: number;
  /** Taken with the timestamp; breaks ties between equal priorities and timestamps. */
  readonly seq: number;
  /** Scheduling attempts so far; the back-off doubles with each. */
  readonly attempts: number;
  /** The plugins that rejected the pod in its last attempt (upstream's UnschedulablePlugins). */
  readonly rejectors: ReadonlySet<string>;
}

export const podPriority = (pod: Pod): number => pod.spec.priority ?? 0;

/** PrioritySort's Less. */
export function queueOrderLess(a: QueuedPod, b: QueuedPod): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.timestampMs !== b.timestampMs) return a.timestampMs < b.timestampMs;
  return a.seq < b.seq;
}

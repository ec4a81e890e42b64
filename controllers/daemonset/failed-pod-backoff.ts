// The back-off between deletions of failed daemon pods on one node, as the DaemonSet controller's
// failedPodsBackoff: flowcontrol.NewBackOff(1s, 15m) from kube-controller-manager, keyed by
// failedPodsBackoffKey "<ds uid>/<observedGeneration>/<node>". A kubelet that keeps rejecting the
// pod would otherwise make the controller delete and recreate it in a hot loop. The state is the
// controller's memory, not the cluster's; the wiring keeps it between syncs.

import type { DaemonSet } from '../../core/workloads.ts';

export const INITIAL_BACKOFF_MS = 1_000;
export const MAX_BACKOFF_MS = 15 * 60 * 1_000;

export interface BackoffEntry {
  readonly backoffMs: number;
  readonly lastUpdateMs: number;
}

export type FailedPodBackoff = ReadonlyMap<string, BackoffEntry>;

export function failedPodsBackoffKey(ds: DaemonSet, nodeName: string): string {
  return `${ds.metadata.uid}/${ds.status.observedGeneration ?? 0}/${nodeName}`;
}

/** hasExpired: an entry untouched for twice the maximum starts over. */
function hasExpired(entry: BackoffEntry, nowMs: number): boolean {
  return nowMs - entry.lastUpdateMs > 2 * MAX_BACKOFF_MS;
}

/** IsInBackOffSinceUpdate: less than the current back-off has passed since the last deletion. */
export function isInBackoff(backoff: FailedPodBackoff, key: string, nowMs: number): boolean {
  const entry = backoff.get(key);
  if (entry === undefined || hasExpired(entry, nowMs)) return false;
  return nowMs - entry.lastUpdateMs < entry.backoffMs;
}

/** Backoff.Next: 1 s for a new (or expired) key, else double, at most 15 min; no jitter. */
export function nextBackoff(backoff: FailedPodBackoff, key: string, nowMs: number): FailedPodBackoff {
  const entry = backoff.get(key);
  const backoffMs =
    entry === undefined || hasExpired(entry, nowMs) ? INITIAL_BACKOFF_MS : Math.min(entry.backoffMs * 2, MAX_BACKOFF_MS);
  return new Map(backoff).set(key, { backoffMs, lastUpdateMs: nowMs });
}

/** Backoff.Get: the current delay, which upstream requeues the DaemonSet after. */
export function currentBackoffMs(backoff: FailedPodBackoff, key: string): number {
  return backoff.get(key)?.backoffMs ?? 0;
}

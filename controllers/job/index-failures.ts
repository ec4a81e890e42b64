// backoffLimitPerIndex (GA in v1.33), as upstream's indexed_job_utils.go handles it: each index
// counts its own failures in the batch.kubernetes.io/job-index-failure-count annotation, which the
// replacement pod inherits (plus one) from the failed pod it replaces. To pass the count on, the
// failed pod keeps its tracking finalizer (its deletion is delayed) until the replacement exists.
// An index whose failures exceed backoffLimitPerIndex, or whose pod matched a FailIndex rule, is
// failed and listed in .status.failedIndexes; it is not recreated.

import type { Pod } from '../../core/objects.ts';
import type { Job } from '../../core/workloads.ts';
import { podFinishedMs, remainingTimePerIndexMs } from './backoff.ts';
import {
  hasIndex,
  type Interval,
  type Intervals,
  JOB_INDEX_FAILURE_COUNT_ANNOTATION,
  JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION,
  parseCountAnnotation,
  parseIndexes,
  sortedIndexes,
  withOrderedIndexes,
} from './indexes.ts';
import { hasValidIndex, podIndex } from './indexed-pods.ts';
import { hasJobTrackingFinalizer, isPodFailed } from './job-pods.ts';
import { matchPodFailurePolicy } from './pod-failure-policy.ts';

export function hasBackoffLimitPerIndex(job: Job): boolean {
  return job.spec.backoffLimitPerIndex !== undefined;
}

/** getIndexFailureCount: the counted failures of the index before this pod. */
export function indexFailureCount(pod: Pod): number {
  return parseCountAnnotation(pod.metadata.annotations?.[JOB_INDEX_FAILURE_COUNT_ANNOTATION]);
}

/** getIndexAbsoluteFailureCount: counted and ignored failures of the index before this pod. */
export function indexAbsoluteFailureCount(pod: Pod): number {
  return indexFailureCount(pod) + parseCountAnnotation(pod.metadata.annotations?.[JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION]);
}

/** isIndexFailed: the pod failed its index by a FailIndex rule or by its counted failures. */
export function isIndexFailed(job: Job, pod: Pod): boolean {
  if (!isPodFailed(pod, job)) return false;
  let counted = true;
  if (job.spec.podFailurePolicy !== undefined) {
    const match = matchPodFailurePolicy(job.spec.podFailurePolicy, pod);
    if (match.action === 'FailIndex') return true;
    counted = match.countFailed;
  }
  return counted && indexFailureCount(pod) >= (job.spec.backoffLimitPerIndex ?? 0);
}

/** calculateFailedIndexes: .status.failedIndexes with the indexes failed since the last sync. */
export function calculateFailedIndexes(job: Job, pods: readonly Pod[]): Interval[] {
  const completions = job.spec.completions ?? 0;
  const previous = job.status.failedIndexes === undefined ? [] : parseIndexes(job.status.failedIndexes, completions);
  const failed: number[] = [];
  for (const pod of pods) {
    if (hasValidIndex(pod, completions) && hasJobTrackingFinalizer(pod) && isIndexFailed(job, pod)) failed.push(podIndex(pod));
  }
  return withOrderedIndexes(previous, sortedIndexes(failed));
}

export interface DelayedDeletionInput {
  readonly job: Job;
  readonly pods: readonly Pod[];
  readonly activePods: readonly Pod[];
  readonly succeededIndexes: Intervals;
  readonly failedIndexes: Intervals;
  /** UIDs of pods whose finalizer removal is already under way (upstream's finalizer expectations). */
  readonly expectedRemovals: ReadonlySet<string>;
}

/**
 * getPodsWithDelayedDeletionPerIndex: per index still to be retried (not succeeded, failed or
 * active), the failed pod whose deletion waits for its replacement: the one with the highest
 * absolute failure count, the latest finished among equals.
 */
export function podsWithDelayedDeletionPerIndex(input: DelayedDeletionInput): ReadonlyMap<number, Pod> {
  const { job, succeededIndexes, failedIndexes } = input;
  const completions = job.spec.completions ?? 0;
  const active = new Set(input.activePods.map(podIndex));
  const delayed = new Map<number, Pod>();
  for (const pod of input.pods) {
    if (!hasJobTrackingFinalizer(pod) || input.expectedRemovals.has(pod.metadata.uid)) continue;
    if (!hasValidIndex(pod, completions) || !isPodFailed(pod, job)) continue;
    const index = podIndex(pod);
    if (hasIndex(succeededIndexes, index) || hasIndex(failedIndexes, index) || active.has(index)) continue;
    const kept = delayed.get(index);
    if (
      kept === undefined ||
      (indexAbsoluteFailureCount(kept) <= indexAbsoluteFailureCount(pod) && podFinishedMs(pod) >= podFinishedMs(kept))
    ) {
      delayed.set(index, pod);
    }
  }
  return delayed;
}

export interface IndexFailureCounts {
  readonly failureCount: number;
  readonly ignoredFailureCount: number;
}

/**
 * getNewIndexFailureCounts: the counts a replacement pod carries, from the pod it replaces (0, 0
 * for an index's first pod). An ignored failure (Ignore rule) adds to the ignored count instead.
 */
export function newIndexFailureCounts(job: Job, podBeingReplaced: Pod | undefined): IndexFailureCounts {
  if (podBeingReplaced === undefined) return { failureCount: 0, ignoredFailureCount: 0 };
  const failureCount = indexFailureCount(podBeingReplaced);
  const ignoredFailureCount = parseCountAnnotation(
    podBeingReplaced.metadata.annotations?.[JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION],
  );
  const counted =
    job.spec.podFailurePolicy === undefined || matchPodFailurePolicy(job.spec.podFailurePolicy, podBeingReplaced).countFailed;
  return counted
    ? { failureCount: failureCount + 1, ignoredFailureCount }
    : { failureCount, ignoredFailureCount: ignoredFailureCount + 1 };
}

export interface IndexCreation {
  /** The indexes whose back-off is over, to create now. */
  readonly indexes: readonly number[];
  /** When none is ready: the shortest wait among them. */
  readonly remainingMs: number;
}

/**
 * getPodCreationInfoForIndependentIndexes: of the pending indexes, those whose per-index back-off
 * is over; with none, the least remaining back-off.
 */
export function podCreationInfoForIndependentIndexes(
  indexes: readonly number[],
  delayed: ReadonlyMap<number, Pod>,
  nowMs: number,
): IndexCreation {
  const ready: number[] = [];
  let minRemainingMs: number | undefined;
  for (const index of indexes) {
    const remainingMs = remainingTimePerIndexMs(delayed.get(index), nowMs);
    if (remainingMs === 0) ready.push(index);
    else if (minRemainingMs === undefined || remainingMs < minRemainingMs) minRemainingMs = remainingMs;
  }
  return ready.length > 0 ? { indexes: ready, remainingMs: 0 } : { indexes: [], remainingMs: minRemainingMs ?? 0 };
}

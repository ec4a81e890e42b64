// What one Job sync knows before deciding anything: upstream's syncJobCtx, built at the top of
// syncJob (pkg/controller/job/job_controller.go). Pods are those the Job owns (after adoption,
// which adds the tracking finalizer to adopted pods), in a stable order the caller chooses.
//
// Counting with finalizers: a finished pod is counted in status.succeeded / status.failed only once
// its tracking finalizer is removed; until then its UID sits in status.uncountedTerminatedPods.
// "New" finished pods still carry the finalizer and are in neither uncounted list.

import type { Pod } from '../../core/objects.ts';
import type { Job } from '../../core/workloads.ts';
import { isPodActive } from '../common/pod-state.ts';
import { calculateFailedIndexes, hasBackoffLimitPerIndex, podsWithDelayedDeletionPerIndex } from './index-failures.ts';
import { type Interval, total } from './indexes.ts';
import { calculateSucceededIndexes, hasValidIndex, isIndexedJob } from './indexed-pods.ts';
import { countReadyPods, countTerminatingPods, hasJobTrackingFinalizer, isPodFailed } from './job-pods.ts';
import { countNonIgnoredFailures } from './pod-failure-policy.ts';

export interface JobSyncContext {
  readonly job: Job;
  readonly pods: readonly Pod[];
  /** controller.FilterActivePods: neither terminal nor being deleted. */
  readonly activePods: readonly Pod[];
  readonly ready: number;
  /** controller.CountTerminatingPods. */
  readonly terminating: number;
  readonly uncountedSucceeded: ReadonlySet<string>;
  readonly uncountedFailed: ReadonlySet<string>;
  /** Pods whose finalizer removal was requested and not yet seen (finalizerExpectations). */
  readonly expectedRemovals: ReadonlySet<string>;
  readonly newSucceededPods: readonly Pod[];
  readonly newFailedPods: readonly Pod[];
  /** Counted, uncounted and new successes; for an Indexed Job, the succeeded indexes. */
  readonly succeeded: number;
  /** Counted, uncounted and new failures that count (an Ignore rule's do not). */
  readonly failed: number;
  /** Indexed Jobs: .status.completedIndexes, and with this sync's successes. */
  readonly prevSucceededIndexes: readonly Interval[];
  readonly succeededIndexes: readonly Interval[];
  /** backoffLimitPerIndex only. */
  readonly failedIndexes?: readonly Interval[];
  readonly podsWithDelayedDeletionPerIndex: ReadonlyMap<number, Pod>;
}

/**
 * getValidPodsWithFilter: pods not yet counted (finalizer on, not in the uncounted list, no removal
 * under way) with, for an Indexed Job, a valid index.
 */
function validPods(
  job: Job,
  pods: readonly Pod[],
  uncounted: ReadonlySet<string>,
  expectedRemovals: ReadonlySet<string>,
  keep: (pod: Pod) => boolean,
): Pod[] {
  const indexed = isIndexedJob(job);
  const completions = job.spec.completions ?? 0;
  return pods.filter((pod) => {
    const uid = pod.metadata.uid;
    if (!hasJobTrackingFinalizer(pod) || uncounted.has(uid) || expectedRemovals.has(uid)) return false;
    if (indexed && !hasValidIndex(pod, completions)) return false;
    return keep(pod);
  });
}

export function newJobSyncContext(job: Job, pods: readonly Pod[], expectedRemovals: ReadonlySet<string> = new Set()): JobSyncContext {
  const activePods = pods.filter(isPodActive);
  const uncountedSucceeded = new Set(job.status.uncountedTerminatedPods?.succeeded ?? []);
  const uncountedFailed = new Set(job.status.uncountedTerminatedPods?.failed ?? []);
  const newSucceededPods = validPods(job, pods, uncountedSucceeded, expectedRemovals, (pod) => pod.status.phase === 'Succeeded');
  const newFailedPods = validPods(job, pods, uncountedFailed, expectedRemovals, (pod) => isPodFailed(pod, job));
  let succeeded = (job.status.succeeded ?? 0) + newSucceededPods.length + uncountedSucceeded.size;
  const failed = (job.status.failed ?? 0) + countNonIgnoredFailures(job, newFailedPods) + uncountedFailed.size;
  let prevSucceededIndexes: Interval[] = [];
  let succeededIndexes: Interval[] = [];
  let failedIndexes: Interval[] | undefined;
  let delayed: ReadonlyMap<number, Pod> = new Map();
  if (isIndexedJob(job)) {
    const indexes = calculateSucceededIndexes(job, pods);
    prevSucceededIndexes = indexes.previous;
    succeededIndexes = indexes.current;
    succeeded = total(succeededIndexes);
    if (hasBackoffLimitPerIndex(job)) {
      failedIndexes = calculateFailedIndexes(job, pods);
      delayed = podsWithDelayedDeletionPerIndex({ job, pods, activePods, succeededIndexes, failedIndexes, expectedRemovals });
    }
  }
  return {
    job,
    pods,
    activePods,
    ready: countReadyPods(activePods),
    terminating: countTerminatingPods(pods),
    uncountedSucceeded,
    uncountedFailed,
    expectedRemovals,
    newSucceededPods,
    newFailedPods,
    succeeded,
    failed,
    prevSucceededIndexes,
    succeededIndexes,
    ...(failedIndexes === undefined ? {} : { failedIndexes }),
    podsWithDelayedDeletionPerIndex: delayed,
  };
}

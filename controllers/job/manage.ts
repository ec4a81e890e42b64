// How many pods a Job creates or deletes in one sync, as upstream's manageJob and
// activePodsForRemoval (pkg/controller/job/job_controller.go, v1.34):
//   - suspended: delete every active pod;
//   - wantActive = parallelism without completions (or the active count once a pod succeeded),
//     else min(parallelism, completions - succeeded), never below 0;
//   - delete first: the surplus over wantActive, and for an Indexed Job every active pod with a
//     repeated, missing or out-of-range index; deletions and creations never mix in one sync;
//   - create wantActive - active (- terminating, when only failed pods are replaced), after the
//     pod failure back-off, at most 500 per sync; an Indexed Job creates the lowest pending indexes.
// Deleted pods lose the tracking finalizer first (a PATCH), then are DELETEd, so their result is
// never counted. When the Job is finishing instead, deleteActivePods DELETEs the active pods and
// keeps their finalizers; they are counted as failed when they terminate.

import type { Condition, Pod } from '../../core/objects.ts';
import type { Job } from '../../core/workloads.ts';
import { isPodReady } from '../common/pod-state.ts';
import { type BackoffRecord, remainingTimeMs } from './backoff.ts';
import { ensureJobConditionStatus, JOB_SUSPENDED, JobMessage, JobReason } from './conditions.ts';
import { JOB_RESUMED_EVENT, JOB_SUSPENDED_EVENT, type JobEvent } from './events.ts';
import {
  hasBackoffLimitPerIndex,
  type IndexFailureCounts,
  newIndexFailureCounts,
  podCreationInfoForIndependentIndexes,
} from './index-failures.ts';
import { firstPendingIndexes, mergeIntervals, withOrderedIndexes } from './indexes.ts';
import { duplicatedIndexPodsForRemoval, isIndexedJob, podIndexes } from './indexed-pods.ts';
import { isPodTerminating, onlyReplaceFailedPods, sortActivePods } from './job-pods.ts';
import type { JobSyncContext } from './sync-context.ts';
import { withFields } from '../../core/with-fields.ts';

/** MaxPodCreateDeletePerSync. */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;
/** syncJobBatchPeriod: the least delay of a delayed sync (enqueueSyncJobWithDelay). */
export const SYNC_JOB_BATCH_PERIOD_MS = 1000;

export function wantActive(job: Job, active: number, succeeded: number): number {
  if (job.spec.completions === undefined) return succeeded > 0 ? active : job.spec.parallelism;
  return Math.max(0, Math.min(job.spec.parallelism, job.spec.completions - succeeded));
}

/** activePodsForRemoval: the pods to delete, in upstream's order. */
export function activePodsForRemoval(job: Job, activePods: readonly Pod[], rmAtLeast: number): Pod[] {
  let remove: Pod[] = [];
  let left: readonly Pod[] = activePods;
  if (isIndexedJob(job)) {
    const split = duplicatedIndexPodsForRemoval(activePods, job.spec.completions ?? 0);
    remove = [...split.remove];
    left = split.keep;
  }
  if (remove.length < rmAtLeast) remove.push(...sortActivePods(left).slice(0, rmAtLeast - remove.length));
  return remove;
}

export interface PodCreation {
  readonly index?: number;
  /** With backoffLimitPerIndex: the failure-count annotations of the new pod. */
  readonly failureCounts?: IndexFailureCounts;
}

export type ManagePlan =
  /** PATCH the tracking finalizer away, then DELETE, each pod. */
  | { readonly kind: 'delete'; readonly pods: readonly Pod[] }
  /** Pod failure back-off: create nothing, sync again then (at least 1 s). */
  | { readonly kind: 'wait'; readonly requeueAfterMs: number }
  | { readonly kind: 'create'; readonly creations: readonly PodCreation[] }
  | { readonly kind: 'none' };

function pendingIndexes(ctx: JobSyncContext, count: number): number[] {
  const { job } = ctx;
  let nonPending = withOrderedIndexes(ctx.succeededIndexes, podIndexes(ctx.activePods));
  if (onlyReplaceFailedPods(job)) nonPending = withOrderedIndexes(nonPending, podIndexes(ctx.pods.filter(isPodTerminating)));
  if (ctx.failedIndexes !== undefined) nonPending = mergeIntervals(nonPending, ctx.failedIndexes);
  return firstPendingIndexes(nonPending, count, job.spec.completions ?? 0);
}

function planCreations(ctx: JobSyncContext, diff: number, backoff: BackoffRecord, nowMs: number): ManagePlan {
  const { job } = ctx;
  const perIndex = hasBackoffLimitPerIndex(job);
  const remainingMs = perIndex ? 0 : remainingTimeMs(backoff, nowMs);
  if (remainingMs > 0) return { kind: 'wait', requeueAfterMs: Math.max(remainingMs, SYNC_JOB_BATCH_PERIOD_MS) };
  const count = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC);
  if (!isIndexedJob(job)) return { kind: 'create', creations: Array.from({ length: count }, () => ({})) };
  let indexes = pendingIndexes(ctx, count);
  if (perIndex) {
    const info = podCreationInfoForIndependentIndexes(indexes, ctx.podsWithDelayedDeletionPerIndex, nowMs);
    if (info.remainingMs > 0) return { kind: 'wait', requeueAfterMs: Math.max(info.remainingMs, SYNC_JOB_BATCH_PERIOD_MS) };
    indexes = [...info.indexes];
  }
  const creations = indexes.map((index): PodCreation => {
    if (!perIndex) return { index };
    return { index, failureCounts: newIndexFailureCounts(job, ctx.podsWithDelayedDeletionPerIndex.get(index)) };
  });
  return creations.length === 0 ? { kind: 'none' } : { kind: 'create', creations };
}

/**
 * manageJob, for a sync whose expectations are satisfied, on a Job not being deleted and not
 * finishing. `backoff` is the record after this sync's newly finished pods (newBackoffRecord).
 */
export function planManageJob(ctx: JobSyncContext, backoff: BackoffRecord, nowMs: number): ManagePlan {
  const { job, activePods } = ctx;
  const active = activePods.length;
  if (job.spec.suspend) {
    const pods = activePodsForRemoval(job, activePods, active);
    return pods.length === 0 ? { kind: 'none' } : { kind: 'delete', pods };
  }
  const want = wantActive(job, active, ctx.succeeded);
  const toDelete = activePodsForRemoval(job, activePods, Math.max(active - want, 0)).slice(0, MAX_POD_CREATE_DELETE_PER_SYNC);
  if (toDelete.length > 0) return { kind: 'delete', pods: toDelete };
  const terminating = onlyReplaceFailedPods(job) ? ctx.terminating : 0;
  const diff = want - terminating - active;
  return diff > 0 ? planCreations(ctx, diff, backoff, nowMs) : { kind: 'none' };
}

export interface PodCounts {
  readonly active: number;
  readonly ready: number;
  readonly terminating: number;
}

/**
 * The counts status gets after the plan's calls succeed. A wait keeps the active count: v1.34's
 * manageJob returned 0 there, which made the status update fail validation (ready > active) while
 * ready pods ran; upstream has since returned the active count, and so do we.
 */
export function countsAfter(ctx: JobSyncContext, plan: ManagePlan): PodCounts {
  const base = { active: ctx.activePods.length, ready: ctx.ready, terminating: ctx.terminating };
  switch (plan.kind) {
    case 'delete':
      return countsAfterDeleting(base, plan.pods);
    case 'create':
      return { ...base, active: base.active + plan.creations.length };
    default:
      return base;
  }
}

/** After deleting pods (manageJob's deleteJobPods, or deleteActivePods when the Job finishes). */
export function countsAfterDeleting(counts: PodCounts, deleted: readonly Pod[]): PodCounts {
  const deletedReady = deleted.filter(isPodReady).length;
  return {
    active: counts.active - deleted.length,
    ready: counts.ready - deletedReady,
    terminating: counts.terminating + deleted.length,
  };
}

export interface SuspendTransition {
  readonly conditions: readonly Condition[];
  readonly changed: boolean;
  readonly event?: JobEvent;
  /** A resume restarts the activeDeadlineSeconds clock: startTime becomes now. */
  readonly resetStartTime: boolean;
}

/**
 * The Suspended condition, updated only in a sync that ran manageJob and did not complete the
 * Job: True (JobSuspended, "Job suspended", event Suspended) while suspended, False (JobResumed,
 * "Job resumed", event Resumed) once resumed if it was there.
 */
export function suspendTransition(job: Job, conditions: readonly Condition[] | undefined, nowMs: number): SuspendTransition {
  if (job.spec.suspend) {
    const update = ensureJobConditionStatus(conditions, JOB_SUSPENDED, 'True', JobReason.JobSuspended, JobMessage.JobSuspended, nowMs);
    return withFields(update, { changed: update.updated, resetStartTime: false, ...(update.updated ? { event: JOB_SUSPENDED_EVENT } : {}) });
  }
  const update = ensureJobConditionStatus(conditions, JOB_SUSPENDED, 'False', JobReason.JobResumed, JobMessage.JobResumed, nowMs);
  return withFields(update, { changed: update.updated, resetStartTime: update.updated, ...(update.updated ? { event: JOB_RESUMED_EVENT } : {}) });
}

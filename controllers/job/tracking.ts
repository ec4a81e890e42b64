// Counting finished pods and finishing the Job, as upstream's trackJobStatusAndRemoveFinalizers,
// flushUncountedAndRemoveFinalizers and enactJobFinished (pkg/controller/job/job_controller.go).
// The API calls come in this order, each only when something changed:
//   1. UpdateStatus: the UIDs of newly finished pods added to status.uncountedTerminatedPods (an
//      Indexed Job's successes go straight into completedIndexes instead), the counts, and the
//      interim FailureTarget / SuccessCriteriaMet condition;
//   2. PATCH each finished pod (and, once the Job is finishing, every pod) to remove the
//      batch.kubernetes.io/job-tracking finalizer;
//   3. UpdateStatus: the UIDs whose finalizer is gone moved from uncountedTerminatedPods into
//      succeeded / failed, and, when nothing is left uncounted and no pod is terminating, the
//      Complete (with completionTime) or Failed condition; then the finished Job's events.
// The plan assumes every PATCH succeeds, as it does in the simulator; the wiring must fall back to
// a new sync if one is refused. At most 500 pods are added to the uncounted lists per sync.

import type { Condition, Pod } from '../../core/objects.ts';
import type { JobStatus } from '../../core/workloads.ts';
import {
  completeFromSuccessCriteriaMet,
  ensureJobConditionStatus,
  failedFromFailureTarget,
  isSuccessCriteriaMet,
  JOB_COMPLETE,
  JOB_FAILURE_TARGET,
  successCriteriaMetCondition,
} from './conditions.ts';
import { jobFinishedEvents, type JobEvent } from './events.ts';
import { hasBackoffLimitPerIndex } from './index-failures.ts';
import { formatIntervals, hasIndex, total, withOrderedIndexes } from './indexes.ts';
import { hasValidIndex, isIndexedJob, podIndex, sortByCompletionIndex } from './indexed-pods.ts';
import { hasJobTrackingFinalizer, isPodFailed } from './job-pods.ts';
import { matchPodFailurePolicy } from './pod-failure-policy.ts';
import type { JobSyncContext } from './sync-context.ts';
import { withFields } from '../../core/with-fields.ts';

/** MaxUncountedPods. */
export const MAX_UNCOUNTED_PODS = 500;

export interface TrackingPlan {
  /** Call 1, when set. */
  readonly statusBeforeRemoval?: JobStatus;
  /** Call 2: the pods to PATCH. */
  readonly podsToRemoveFinalizer: readonly Pod[];
  /** Call 3, when set. */
  readonly statusAfterRemoval?: JobStatus;
  /** The Complete or Failed condition, when this sync finished the Job. */
  readonly finished?: Condition;
  /** recordJobFinished's events, after call 3. */
  readonly events: readonly JobEvent[];
}

interface Draft {
  status: JobStatus;
  succeededUids: string[];
  failedUids: string[];
}

/** Upstream's JSON leaves zero active, succeeded and failed out (omitempty); ready and terminating stay. */
function normalized(draft: Draft): JobStatus {
  const { active, succeeded, failed, ...rest } = draft.status;
  const uncountedTerminatedPods = withFields(
    draft.succeededUids.length > 0 ? { succeeded: [...draft.succeededUids] } : {},
    draft.failedUids.length > 0 ? { failed: [...draft.failedUids] } : {},
  );
  return withFields(rest, active ? { active } : {}, succeeded ? { succeeded } : {}, failed ? { failed } : {}, { uncountedTerminatedPods });
}

/** cleanUncountedPodsWithoutFinalizers: UIDs whose finalizer is gone move into the counters. */
function cleanUncounted(draft: Draft, withFinalizer: ReadonlySet<string>): boolean {
  const succeeded = draft.succeededUids.filter((uid) => withFinalizer.has(uid));
  const failed = draft.failedUids.filter((uid) => withFinalizer.has(uid));
  const changed = succeeded.length !== draft.succeededUids.length || failed.length !== draft.failedUids.length;
  draft.status = withFields(draft.status, {
    succeeded: (draft.status.succeeded ?? 0) + draft.succeededUids.length - succeeded.length,
    failed: (draft.status.failed ?? 0) + draft.failedUids.length - failed.length,
  });
  draft.succeededUids = succeeded;
  draft.failedUids = failed;
  return changed;
}

/**
 * canRemoveFinalizer: always once the Job is deleted or finishing, or for a succeeded pod; for a
 * failed pod unless it is the one kept for its index's replacement (backoffLimitPerIndex).
 */
function canRemoveFinalizer(ctx: JobSyncContext, pod: Pod, failed: boolean, finishing: boolean): boolean {
  if (ctx.job.metadata.deletionTimestamp !== undefined || finishing || pod.status.phase === 'Succeeded') return true;
  if (!failed) return false;
  if (!hasBackoffLimitPerIndex(ctx.job)) return true;
  const kept = ctx.podsWithDelayedDeletionPerIndex.get(podIndex(pod));
  return kept?.metadata.uid !== pod.metadata.uid;
}

interface PodScan {
  readonly toRemove: Pod[];
  readonly newSucceededIndexes: number[];
  readonly reachedMax: boolean;
  readonly changed: boolean;
}

/** The loop over the pods: who loses the finalizer, and what is added to the uncounted lists. */
function scanPods(ctx: JobSyncContext, draft: Draft, finished: Condition | undefined): PodScan {
  const { job } = ctx;
  const indexed = isIndexedJob(job);
  const completions = job.spec.completions ?? 0;
  const failing = finished !== undefined && !isSuccessCriteriaMet(finished);
  const toRemove: Pod[] = [];
  const newSucceededIndexes: number[] = [];
  let changed = false;
  const pods = indexed ? sortByCompletionIndex(ctx.pods) : ctx.pods;
  for (const pod of pods) {
    const uid = pod.metadata.uid;
    if (!hasJobTrackingFinalizer(pod) || ctx.expectedRemovals.has(uid)) continue;
    const failed = isPodFailed(pod, job);
    if (!canRemoveFinalizer(ctx, pod, failed, finished !== undefined)) continue;
    toRemove.push(pod);
    if (pod.status.phase === 'Succeeded' && !ctx.uncountedFailed.has(uid)) {
      if (indexed) {
        if (hasValidIndex(pod, completions) && !hasIndex(ctx.prevSucceededIndexes, podIndex(pod))) {
          newSucceededIndexes.push(podIndex(pod));
          changed = true;
        }
      } else if (!ctx.uncountedSucceeded.has(uid)) {
        draft.succeededUids.push(uid);
        changed = true;
      }
    } else if ((failed || failing) && !ctx.uncountedFailed.has(uid) && (!indexed || hasValidIndex(pod, completions))) {
      if (job.spec.podFailurePolicy === undefined || matchPodFailurePolicy(job.spec.podFailurePolicy, pod).countFailed) {
        draft.failedUids.push(uid);
        changed = true;
      }
    }
    if (newSucceededIndexes.length + draft.succeededUids.length + draft.failedUids.length >= MAX_UNCOUNTED_PODS) {
      return { toRemove, newSucceededIndexes, reachedMax: true, changed };
    }
  }
  return { toRemove, newSucceededIndexes, reachedMax: false, changed };
}

/** The indexed fields: completedIndexes and succeeded from the indexes, failedIndexes with backoffLimitPerIndex. */
function indexedFields(ctx: JobSyncContext, draft: Draft, newSucceededIndexes: readonly number[]): boolean {
  const succeeded = withOrderedIndexes(ctx.succeededIndexes, newSucceededIndexes);
  const completedIndexes = formatIntervals(succeeded);
  const failedIndexes = ctx.failedIndexes === undefined ? undefined : formatIntervals(ctx.failedIndexes);
  const changed = completedIndexes !== (draft.status.completedIndexes ?? '') || failedIndexes !== draft.status.failedIndexes;
  const { completedIndexes: _completed, failedIndexes: _failed, ...rest } = draft.status;
  draft.status = withFields(rest, {
    succeeded: total(succeeded),
    ...(completedIndexes === '' ? {} : { completedIndexes }),
    ...(failedIndexes === undefined ? {} : { failedIndexes }),
  });
  return changed;
}

/** The interim condition is written now; the returned one is written once the Job is done. */
function interimCondition(ctx: JobSyncContext, draft: Draft, finished: Condition | undefined, nowMs: number): { final?: Condition; changed: boolean } {
  if (finished === undefined) return { changed: false };
  if (finished.type === JOB_FAILURE_TARGET) {
    draft.status = withFields(draft.status, { conditions: [...(draft.status.conditions ?? []), finished] });
    return { final: failedFromFailureTarget(finished, nowMs), changed: true };
  }
  if (isSuccessCriteriaMet(finished)) {
    const present = successCriteriaMetCondition(ctx.job) !== undefined;
    if (!present) draft.status = withFields(draft.status, { conditions: [...(draft.status.conditions ?? []), finished] });
    return { final: completeFromSuccessCriteriaMet(finished, nowMs), changed: !present };
  }
  return { final: finished, changed: false };
}

/** enactJobFinished: only with nothing uncounted and no pod terminating. */
function enactFinished(draft: Draft, final: Condition | undefined, nowMs: number): Condition | undefined {
  if (final === undefined || draft.succeededUids.length + draft.failedUids.length > 0) return undefined;
  if ((draft.status.terminating ?? 0) > 0) return undefined;
  const { conditions } = ensureJobConditionStatus(draft.status.conditions, final.type, final.status, final.reason ?? '', final.message ?? '', nowMs);
  draft.status = withFields(draft.status, {
    conditions,
    ...(final.type === JOB_COMPLETE && final.lastTransitionTime !== undefined ? { completionTime: final.lastTransitionTime } : {}),
  });
  return final;
}

/**
 * The plan for the rest of a sync. `status` is the Job's status as syncJob left it (startTime,
 * active, ready, terminating, Suspended condition); `finished` the condition the sync found (or
 * undefined when it could not finish the Job yet); `needsFlush` whether that status already
 * differs from the stored one.
 */
export function planStatusTracking(
  ctx: JobSyncContext,
  status: JobStatus,
  finished: Condition | undefined,
  needsFlush: boolean,
  nowMs: number,
): TrackingPlan {
  const draft: Draft = {
    status,
    succeededUids: [...(status.uncountedTerminatedPods?.succeeded ?? [])],
    failedUids: [...(status.uncountedTerminatedPods?.failed ?? [])],
  };
  const withFinalizer = new Set(
    ctx.pods.filter((pod) => hasJobTrackingFinalizer(pod) && !ctx.expectedRemovals.has(pod.metadata.uid)).map((pod) => pod.metadata.uid),
  );
  let flush = cleanUncounted(draft, withFinalizer) || needsFlush;
  const scan = scanPods(ctx, draft, finished);
  flush = scan.changed || flush;
  if (isIndexedJob(ctx.job)) flush = indexedFields(ctx, draft, scan.newSucceededIndexes) || flush;
  const interim = interimCondition(ctx, draft, finished, nowMs);
  flush = interim.changed || flush;
  const statusBeforeRemoval = flush ? normalized(draft) : undefined;
  for (const pod of scan.toRemove) withFinalizer.delete(pod.metadata.uid);
  flush = cleanUncounted(draft, withFinalizer);
  const enacted = scan.reachedMax ? undefined : enactFinished(draft, interim.final, nowMs);
  const statusAfterRemoval = flush || enacted !== undefined ? normalized(draft) : undefined;
  return withFields(statusBeforeRemoval === undefined ? {} : { statusBeforeRemoval }, {
    podsToRemoveFinalizer: scan.toRemove,
    ...(statusAfterRemoval === undefined ? {} : { statusAfterRemoval }),
    ...(enacted === undefined ? {} : { finished: enacted }),
    events: enacted === undefined || statusAfterRemoval === undefined ? [] : jobFinishedEvents({ ...ctx.job, status: statusAfterRemoval }, enacted),
  });
}

// Whether a Job has finished, and how, in the order syncJob evaluates it (v1.34,
// pkg/controller/job/job_controller.go). The first that applies wins:
//   1. a SuccessCriteriaMet=True condition from an earlier sync (it will become Complete);
//   2. a FailureTarget=True condition from an earlier sync (it becomes Failed with its reason);
//   3. a failed pod matching a FailJob rule: FailureTarget, reason PodFailurePolicy;
//   4. more counted failures than backoffLimit, or (restartPolicy OnFailure) container restarts of
//      running and pending pods reaching it: FailureTarget, BackoffLimitExceeded;
//   5. activeDeadlineSeconds passed since startTime (never while suspended): DeadlineExceeded;
//      otherwise, with a deadline, a sync is asked for when it will pass;
//   6. backoffLimitPerIndex: more failed indexes than maxFailedIndexes (MaxFailedIndexesExceeded),
//      or every index failed or succeeded with at least one failed (FailedIndexes);
//   7. an Indexed Job meeting its successPolicy: SuccessCriteriaMet, reason SuccessPolicy.
// Reaching completions is decided after manageJob (completionsReached below).

import { fromTimestamp, toTimestamp } from '../../core/clock.ts';
import type { Condition, Pod } from '../../core/objects.ts';
import type { Job } from '../../core/workloads.ts';
import {
  failedFromFailureTarget,
  failureTarget,
  failureTargetCondition,
  JobMessage,
  JobReason,
  JOB_SUCCESS_CRITERIA_MET,
  newCondition,
  successCriteriaMetCondition,
} from './conditions.ts';
import { hasBackoffLimitPerIndex } from './index-failures.ts';
import { total } from './indexes.ts';
import { isIndexedJob } from './indexed-pods.ts';
import { initContainerStatuses } from './job-pods.ts';
import { failJobMessage } from './pod-failure-policy.ts';
import { matchSuccessPolicy } from './success-policy.ts';
import type { JobSyncContext } from './sync-context.ts';
import { withFields } from '../../core/with-fields.ts';

/**
 * status.startTime after this sync: set on the first sync that finds the Job not suspended. (A
 * resume resets it too; see suspendTransition in manage.ts.)
 */
export function startTimeAfterSync(job: Job, nowMs: number): string | undefined {
  if (job.status.startTime !== undefined || job.spec.suspend) return job.status.startTime;
  return toTimestamp(nowMs);
}

/** pastBackoffLimitOnFailure: restarts of running and pending pods' containers (init ones too). */
export function pastBackoffLimitOnFailure(job: Job, pods: readonly Pod[]): boolean {
  if (job.spec.template.spec.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const pod of pods) {
    if (pod.status.phase !== 'Running' && pod.status.phase !== 'Pending') continue;
    for (const status of initContainerStatuses(pod)) restarts += status.restartCount;
    for (const status of pod.status.containerStatuses ?? []) restarts += status.restartCount;
  }
  return job.spec.backoffLimit === 0 ? restarts > 0 : restarts >= job.spec.backoffLimit;
}

/** pastActiveDeadline: at or past startTime + activeDeadlineSeconds, and not suspended. */
export function pastActiveDeadline(job: Job, startTime: string | undefined, nowMs: number): boolean {
  const deadlineSeconds = job.spec.activeDeadlineSeconds;
  if (deadlineSeconds === undefined || startTime === undefined || job.spec.suspend) return false;
  return nowMs - fromTimestamp(startTime) >= deadlineSeconds * 1000;
}

export interface FinishEvaluation {
  /** SuccessCriteriaMet, FailureTarget, or Failed (from an earlier FailureTarget). */
  readonly condition?: Condition;
  /** Sync again then, for activeDeadlineSeconds (upstream's queue.AddAfter, no minimum). */
  readonly requeueAfterMs?: number;
}

function earlierOutcome(ctx: JobSyncContext, nowMs: number): Condition | undefined {
  const met = successCriteriaMetCondition(ctx.job);
  if (met !== undefined) return met;
  const target = failureTargetCondition(ctx.job);
  if (target !== undefined) return failedFromFailureTarget(target, nowMs);
  const message = failJobMessage(ctx.job, ctx.pods);
  return message === undefined ? undefined : failureTarget(JobReason.PodFailurePolicy, message, nowMs);
}

function indexOutcome(ctx: JobSyncContext, nowMs: number): Condition | undefined {
  const { job } = ctx;
  const completions = job.spec.completions ?? 0;
  if (hasBackoffLimitPerIndex(job) && ctx.failedIndexes !== undefined) {
    const failed = total(ctx.failedIndexes);
    if (job.spec.maxFailedIndexes !== undefined && failed > job.spec.maxFailedIndexes) {
      return failureTarget(JobReason.MaxFailedIndexesExceeded, JobMessage.MaxFailedIndexesExceeded, nowMs);
    }
    if (failed > 0 && failed + total(ctx.succeededIndexes) >= completions) {
      return failureTarget(JobReason.FailedIndexes, JobMessage.FailedIndexes, nowMs);
    }
  }
  const message = matchSuccessPolicy(job.spec.successPolicy, completions, ctx.succeededIndexes);
  return message === undefined ? undefined : newCondition(JOB_SUCCESS_CRITERIA_MET, 'True', JobReason.SuccessPolicy, message, nowMs);
}

/** The finished condition of this sync, before manageJob, with startTime as startTimeAfterSync gives it. */
export function evaluateFinishedCondition(ctx: JobSyncContext, startTime: string | undefined, nowMs: number): FinishEvaluation {
  const { job } = ctx;
  let condition = earlierOutcome(ctx, nowMs);
  let requeueAfterMs: number | undefined;
  if (condition === undefined) {
    if (ctx.failed > job.spec.backoffLimit || pastBackoffLimitOnFailure(job, ctx.pods)) {
      condition = failureTarget(JobReason.BackoffLimitExceeded, JobMessage.BackoffLimitExceeded, nowMs);
    } else if (pastActiveDeadline(job, startTime, nowMs)) {
      condition = failureTarget(JobReason.DeadlineExceeded, JobMessage.DeadlineExceeded, nowMs);
    } else if (job.spec.activeDeadlineSeconds !== undefined && !job.spec.suspend && startTime !== undefined) {
      requeueAfterMs = job.spec.activeDeadlineSeconds * 1000 - (nowMs - fromTimestamp(startTime));
    }
  }
  if (condition === undefined && isIndexedJob(job)) condition = indexOutcome(ctx, nowMs);
  return withFields(condition === undefined ? {} : { condition }, requeueAfterMs === undefined ? {} : { requeueAfterMs });
}

/**
 * After manageJob: without completions, any success with no pod left active; with completions,
 * that many successes (or succeeded indexes) and no pod left active.
 */
export function completionsReached(job: Job, succeeded: number, active: number): boolean {
  if (job.spec.completions === undefined) return succeeded > 0 && active === 0;
  return succeeded >= job.spec.completions && active === 0;
}

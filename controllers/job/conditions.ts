// The conditions a Job's status carries, with upstream's exact types, reasons and messages
// (k8s.io/api/batch/v1 and pkg/controller/job/job_controller.go, v1.34).
//
// Since v1.31 (JobManagedBy and JobPodReplacementPolicy on), the terminal conditions come in two
// steps: first the interim SuccessCriteriaMet or FailureTarget, written while pods may still be
// terminating; then, once no pod is terminating and every finished pod is counted, Complete or
// Failed with the same reason and message. Complete gets status.completionTime.

import { toTimestamp } from '../../core/clock.ts';
import type { Condition, ConditionStatus } from '../../core/objects.ts';
import type { Job } from '../../core/workloads.ts';

export const JOB_COMPLETE = 'Complete';
export const JOB_FAILED = 'Failed';
export const JOB_SUSPENDED = 'Suspended';
export const JOB_FAILURE_TARGET = 'FailureTarget';
export const JOB_SUCCESS_CRITERIA_MET = 'SuccessCriteriaMet';

export const JobReason = {
  BackoffLimitExceeded: 'BackoffLimitExceeded',
  DeadlineExceeded: 'DeadlineExceeded',
  PodFailurePolicy: 'PodFailurePolicy',
  MaxFailedIndexesExceeded: 'MaxFailedIndexesExceeded',
  FailedIndexes: 'FailedIndexes',
  SuccessPolicy: 'SuccessPolicy',
  CompletionsReached: 'CompletionsReached',
  JobSuspended: 'JobSuspended',
  JobResumed: 'JobResumed',
} as const;

export const JobMessage = {
  BackoffLimitExceeded: 'Job has reached the specified backoff limit',
  DeadlineExceeded: 'Job was active longer than specified deadline',
  MaxFailedIndexesExceeded: 'Job has exceeded the specified maximal number of failed indexes',
  FailedIndexes: 'Job has failed indexes',
  CompletionsReached: 'Reached expected number of succeeded pods',
  JobSuspended: 'Job suspended',
  JobResumed: 'Job resumed',
} as const;

/** newCondition: both probe and transition times are now; empty reason and message are left out. */
export function newCondition(type: string, status: ConditionStatus, reason: string, message: string, nowMs: number): Condition {
  const now = toTimestamp(nowMs);
  return {
    type,
    status,
    ...(reason === '' ? {} : { reason }),
    ...(message === '' ? {} : { message }),
    lastProbeTime: now,
    lastTransitionTime: now,
  };
}

export function findJobCondition(conditions: readonly Condition[] | undefined, type: string): Condition | undefined {
  return conditions?.find((condition) => condition.type === type);
}

function isTrue(conditions: readonly Condition[] | undefined, type: string): Condition | undefined {
  const condition = findJobCondition(conditions, type);
  return condition?.status === 'True' ? condition : undefined;
}

/** jobutil.FinishedCondition: the first Complete or Failed condition that is True. */
export function finishedConditionType(job: Job): 'Complete' | 'Failed' | undefined {
  for (const condition of job.status.conditions ?? []) {
    if ((condition.type === JOB_COMPLETE || condition.type === JOB_FAILED) && condition.status === 'True') {
      return condition.type;
    }
  }
  return undefined;
}

/** jobutil.IsJobFinished. */
export function isJobFinished(job: Job): boolean {
  return finishedConditionType(job) !== undefined;
}

/** jobutil.IsJobSucceeded. */
export function isJobSucceeded(job: Job): boolean {
  return isTrue(job.status.conditions, JOB_COMPLETE) !== undefined;
}

/** hasSuccessCriteriaMetCondition. */
export function successCriteriaMetCondition(job: Job): Condition | undefined {
  return isTrue(job.status.conditions, JOB_SUCCESS_CRITERIA_MET);
}

export function failureTargetCondition(job: Job): Condition | undefined {
  return isTrue(job.status.conditions, JOB_FAILURE_TARGET);
}

export function isSuccessCriteriaMet(condition: Condition | undefined): boolean {
  return condition?.type === JOB_SUCCESS_CRITERIA_MET && condition.status === 'True';
}

/** newFailedConditionForFailureTarget: Failed with the interim condition's reason and message. */
export function failedFromFailureTarget(condition: Condition, nowMs: number): Condition {
  return newCondition(JOB_FAILED, 'True', condition.reason ?? '', condition.message ?? '', nowMs);
}

/** Complete with the interim SuccessCriteriaMet condition's reason and message. */
export function completeFromSuccessCriteriaMet(condition: Condition, nowMs: number): Condition {
  return newCondition(JOB_COMPLETE, 'True', condition.reason ?? '', condition.message ?? '', nowMs);
}

/** newFailureCondition: the interim FailureTarget for a failure found in this sync. */
export function failureTarget(reason: string, message: string, nowMs: number): Condition {
  return newCondition(JOB_FAILURE_TARGET, 'True', reason, message, nowMs);
}

/** newSuccessCondition: the interim SuccessCriteriaMet once completions are reached. */
export function completionsReachedCondition(nowMs: number): Condition {
  return newCondition(JOB_SUCCESS_CRITERIA_MET, 'True', JobReason.CompletionsReached, JobMessage.CompletionsReached, nowMs);
}

export interface ConditionsUpdate {
  readonly conditions: readonly Condition[];
  readonly updated: boolean;
}

/**
 * ensureJobConditionStatus: replaces the condition of that type when its status, reason or message
 * differ (with fresh times), appends it when missing unless its status is False (going from
 * nothing to False says nothing), and otherwise leaves the list alone.
 */
export function ensureJobConditionStatus(
  conditions: readonly Condition[] | undefined,
  type: string,
  status: ConditionStatus,
  reason: string,
  message: string,
  nowMs: number,
): ConditionsUpdate {
  const list = conditions ?? [];
  const index = list.findIndex((condition) => condition.type === type);
  const existing = list[index];
  if (existing !== undefined) {
    if (existing.status === status && (existing.reason ?? '') === reason && (existing.message ?? '') === message) {
      return { conditions: list, updated: false };
    }
    const replaced = [...list];
    replaced[index] = newCondition(type, status, reason, message, nowMs);
    return { conditions: replaced, updated: true };
  }
  if (status === 'False') return { conditions: list, updated: false };
  return { conditions: [...list, newCondition(type, status, reason, message, nowMs)], updated: true };
}

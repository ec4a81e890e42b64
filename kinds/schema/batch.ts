// batch/v1: Jobs (pod failure and success policies) and CronJobs.
// Field names and Go types as in upstream v1.34's types.go; see field-types.ts.

import { str, s, bool, int32, int64, time, uid, list, struct } from './field-types.ts';
import { LabelSelector, ObjectMeta, object } from './meta.ts';
import { ObjectReference } from './refs.ts';
import { PodTemplateSpec } from './pod.ts';

export const PodFailurePolicyOnExitCodesRequirement = struct('PodFailurePolicyOnExitCodesRequirement', { containerName: str, operator: s('PodFailurePolicyOnExitCodesOperator'), values: list(int32) });
export const PodFailurePolicyOnPodConditionsPattern = struct('PodFailurePolicyOnPodConditionsPattern', { type: s('PodConditionType'), status: s('ConditionStatus') });
export const PodFailurePolicyRule = struct('PodFailurePolicyRule', { action: s('PodFailurePolicyAction'), onExitCodes: PodFailurePolicyOnExitCodesRequirement, onPodConditions: list(PodFailurePolicyOnPodConditionsPattern) });
export const PodFailurePolicy = struct('PodFailurePolicy', { rules: list(PodFailurePolicyRule) });
export const SuccessPolicyRule = struct('SuccessPolicyRule', { succeededIndexes: str, succeededCount: int32 });
export const SuccessPolicy = struct('SuccessPolicy', { rules: list(SuccessPolicyRule) });
export const JobSpec = struct('JobSpec', {
  parallelism: int32, completions: int32, activeDeadlineSeconds: int64, podFailurePolicy: PodFailurePolicy, successPolicy: SuccessPolicy, backoffLimit: int32,
  backoffLimitPerIndex: int32, maxFailedIndexes: int32, selector: LabelSelector, manualSelector: bool, template: PodTemplateSpec,
  ttlSecondsAfterFinished: int32, completionMode: s('CompletionMode'), suspend: bool, podReplacementPolicy: s('PodReplacementPolicy'), managedBy: str,
});
export const JobTemplateSpec = struct('JobTemplateSpec', { metadata: ObjectMeta, spec: JobSpec });
export const CronJobSpec = struct('CronJobSpec', {
  schedule: str, timeZone: str, startingDeadlineSeconds: int64, concurrencyPolicy: s('ConcurrencyPolicy'), suspend: bool, jobTemplate: JobTemplateSpec,
  successfulJobsHistoryLimit: int32, failedJobsHistoryLimit: int32,
});
export const CronJobStatus = struct('CronJobStatus', { active: list(ObjectReference), lastScheduleTime: time, lastSuccessfulTime: time });
export const CRON_JOB_FIELDS = object('CronJob', { spec: CronJobSpec, status: CronJobStatus });
export const JobCondition = struct('JobCondition', { type: s('JobConditionType'), status: s('ConditionStatus'), lastProbeTime: time, lastTransitionTime: time, reason: str, message: str });
export const UncountedTerminatedPods = struct('UncountedTerminatedPods', { succeeded: list(uid), failed: list(uid) });
export const JobStatus = struct('JobStatus', {
  conditions: list(JobCondition), startTime: time, completionTime: time, active: int32, succeeded: int32, failed: int32, terminating: int32,
  completedIndexes: str, failedIndexes: str, uncountedTerminatedPods: UncountedTerminatedPods, ready: int32,
});
export const JOB_FIELDS = object('Job', { spec: JobSpec, status: JobStatus });

// The Jobs of a CronJob, as the v1.34 controller (pkg/controller/cronjob/{cronjob_controllerv2,
// utils}.go) names, builds, lists and prunes them:
//   - a Job is named "<cronjob>-<scheduled time in Unix minutes>", so one activation can only
//     ever create one Job;
//   - it copies the jobTemplate's labels, annotations and spec, adds the annotation
//     batch.kubernetes.io/cronjob-scheduled-timestamp (RFC 3339 in the CronJob's time zone, UTC
//     without one) and a controller reference to the CronJob;
//   - the CronJob's Jobs are those whose controller reference names it (by name only, as upstream);
//   - finished Jobs beyond successfulJobsHistoryLimit (default 3) and failedJobsHistoryLimit
//     (default 1) are deleted oldest first, by status.startTime (none last), then by name.

import { EPOCH_MS, fromTimestamp } from '../../core/clock.ts';
import { controllerOf } from '../../core/objects.ts';
import type { CronJob, Job, ObjectReference } from '../../core/workloads.ts';
import { controllerRef } from '../common/controller-ref.ts';
import { formatRfc3339 } from '../../core/cron/time-zone.ts';
import { withFields } from '../../core/with-fields.ts';

export const CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
export const DEFAULT_SUCCESSFUL_JOBS_HISTORY_LIMIT = 3;
export const DEFAULT_FAILED_JOBS_HISTORY_LIMIT = 1;

/** getTimeHashInMinutes of the scheduled time. */
export function jobNameFor(cronJob: CronJob, scheduledMs: number): string {
  const unixSeconds = Math.floor((EPOCH_MS + scheduledMs) / 1000);
  return `${cronJob.metadata.name}-${Math.floor(unixSeconds / 60)}`;
}

/**
 * getJobFromTemplate2: the Job to create for an activation. (Upstream also sets
 * creationTimestamp to the scheduled time; the API server replaces it, so it is left out.)
 */
export function jobFromTemplate(cronJob: CronJob, scheduledMs: number): Record<string, unknown> {
  const template = cronJob.spec.jobTemplate;
  const labels = { ...template.metadata?.labels };
  const annotations = withFields(template.metadata?.annotations, {
    [CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION]: formatRfc3339(cronJob.spec.timeZone, EPOCH_MS + scheduledMs),
  });
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobNameFor(cronJob, scheduledMs),
      ...(cronJob.metadata.namespace === undefined ? {} : { namespace: cronJob.metadata.namespace }),
      ...(Object.keys(labels).length > 0 ? { labels } : {}),
      annotations,
      ownerReferences: [controllerRef(cronJob)],
    },
    spec: template.spec,
  };
}

/** ref.GetReference of a Job, as status.active lists it. */
export function jobReference(job: Job): ObjectReference {
  const { namespace, name, uid, resourceVersion } = job.metadata;
  return {
    kind: 'Job',
    ...(namespace === undefined ? {} : { namespace }),
    name,
    uid,
    apiVersion: 'batch/v1',
    ...(resourceVersion === undefined ? {} : { resourceVersion }),
  };
}

/** getJobsToBeReconciled: Jobs whose controller reference has the CronJob's name. */
export function jobsOf(cronJob: CronJob, jobs: readonly Job[]): Job[] {
  return jobs.filter((job) => job.metadata.namespace === cronJob.metadata.namespace && controllerOf(job)?.name === cronJob.metadata.name);
}

/** jobutil.FinishedCondition: the type of the first True Complete or Failed condition. */
export function finishedCondition(job: Job): 'Complete' | 'Failed' | undefined {
  for (const condition of job.status.conditions ?? []) {
    if ((condition.type === 'Complete' || condition.type === 'Failed') && condition.status === 'True') return condition.type;
  }
  return undefined;
}

export function isJobFinished(job: Job): boolean {
  return finishedCondition(job) !== undefined;
}

/** jobutil.IsJobSucceeded: a True Complete condition, wherever it is in the list. */
export function isJobSucceeded(job: Job): boolean {
  return (job.status.conditions ?? []).some((condition) => condition.type === 'Complete' && condition.status === 'True');
}

/** byJobStartTime: earlier start first, no start time last, then by name. */
export function compareByStartTime(a: Job, b: Job): number {
  const aStart = a.status.startTime;
  const bStart = b.status.startTime;
  if (aStart === undefined && bStart !== undefined) return 1;
  if (aStart !== undefined && bStart === undefined) return -1;
  const aMs = aStart === undefined ? 0 : fromTimestamp(aStart);
  const bMs = bStart === undefined ? 0 : fromTimestamp(bStart);
  if (aMs !== bMs) return aMs - bMs;
  if (a.metadata.name === b.metadata.name) return 0;
  return a.metadata.name < b.metadata.name ? -1 : 1;
}

/** removeOldestJobs: the oldest jobs beyond `limit`. */
function oldestBeyond(jobs: readonly Job[], limit: number): Job[] {
  const surplus = jobs.length - limit;
  return surplus <= 0 ? [] : [...jobs].sort(compareByStartTime).slice(0, surplus);
}

/**
 * cleanupFinishedJobs: the finished Jobs to delete (background propagation), successful ones
 * first, then failed ones, each oldest first.
 */
export function historyToDelete(cronJob: CronJob, jobs: readonly Job[]): Job[] {
  const successful = jobs.filter((job) => finishedCondition(job) === 'Complete');
  const failed = jobs.filter((job) => finishedCondition(job) === 'Failed');
  return [
    ...oldestBeyond(successful, cronJob.spec.successfulJobsHistoryLimit),
    ...oldestBeyond(failed, cronJob.spec.failedJobsHistoryLimit),
  ];
}

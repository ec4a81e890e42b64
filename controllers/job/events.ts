// The Events the Job controller records, with upstream's reasons and texts. Pod creates and
// deletes are recorded by controller.RealPodControl (pkg/controller/controller_utils.go) on the
// Job; the rest by syncJob and recordJobFinished (pkg/controller/job/job_controller.go).
// All carry the source component "job-controller".

import type { Condition } from '../../core/objects.ts';
import type { Job } from '../../core/workloads.ts';
import { JOB_COMPLETE, JobMessage } from './conditions.ts';

export const JOB_CONTROLLER_COMPONENT = 'job-controller';

export interface JobEvent {
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
}

export function podCreated(podName: string): JobEvent {
  return { type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${podName}` };
}

export function podCreateFailed(error: string): JobEvent {
  return { type: 'Warning', reason: 'FailedCreate', message: `Error creating: ${error}` };
}

export function podDeleted(podName: string): JobEvent {
  return { type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${podName}` };
}

export function podDeleteFailed(error: string): JobEvent {
  return { type: 'Warning', reason: 'FailedDelete', message: `Error deleting: ${error}` };
}

export const JOB_SUSPENDED_EVENT: JobEvent = { type: 'Normal', reason: 'Suspended', message: JobMessage.JobSuspended };
export const JOB_RESUMED_EVENT: JobEvent = { type: 'Normal', reason: 'Resumed', message: JobMessage.JobResumed };

export const UNKNOWN_COMPLETION_MODE_EVENT: JobEvent = {
  type: 'Warning',
  reason: 'UnknownCompletionMode',
  message: 'Skipped Job sync because completion mode is unknown',
};

/**
 * recordJobFinished: Completed (after TooManySucceededPods when more pods succeeded than
 * completions), or a Warning with the Failed condition's reason and message (BackoffLimitExceeded
 * "Job has reached the specified backoff limit", DeadlineExceeded, PodFailurePolicy, ...).
 */
export function jobFinishedEvents(job: Job, finished: Condition): JobEvent[] {
  if (finished.type !== JOB_COMPLETE) {
    return [{ type: 'Warning', reason: finished.reason ?? '', message: finished.message ?? '' }];
  }
  const events: JobEvent[] = [];
  const completions = job.spec.completions;
  if (completions !== undefined && (job.status.succeeded ?? 0) > completions) {
    events.push({
      type: 'Warning',
      reason: 'TooManySucceededPods',
      message: 'Too many succeeded pods running after completion count reached',
    });
  }
  events.push({ type: 'Normal', reason: 'Completed', message: 'Job completed' });
  return events;
}

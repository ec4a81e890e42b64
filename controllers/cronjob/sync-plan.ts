// One CronJob sync as plain data: upstream's sync, cleanupFinishedJobs and syncCronJob
// (pkg/controller/cronjob/cronjob_controllerv2.go, v1.34), nothing executed. In order:
//   1. delete the finished Jobs beyond the history limits (background propagation, oldest first),
//      each dropped from status.active, with SuccessfulDelete "Deleted job <name>";
//   2. reconcile status.active and lastSuccessfulTime (active-list.ts);
//   3. stop there (no requeue) when the CronJob is being deleted, its timeZone is unknown
//      (UnknownTimeZone), it is suspended, or its schedule does not parse (UnparseableSchedule) or
//      never repeats (InvalidSchedule);
//   4. with no activation due, or one missed by more than startingDeadlineSeconds (MissSchedule),
//      or one already started, or Forbid with a Job still active (JobAlreadyActive): requeue for
//      the next activation;
//   5. Replace: delete the active Jobs (background propagation, SuccessfulDelete);
//   6. create the Job, then add it to status.active with lastScheduleTime (SuccessfulCreate
//      "Created job <name>"), and requeue for the next activation;
//   7. one UpdateStatus for everything above, when anything changed.

import { fromTimestamp, toTimestamp } from '../../core/clock.ts';
import { controllerOf } from '../../core/objects.ts';
import type { CronJob, CronJobStatus, Job } from '../../core/workloads.ts';
import { inActiveList, reconcileActiveList, withoutActive } from './active-list.ts';
import { parseStandard, type ParsedSchedule } from '../../core/cron/cron-spec.ts';
import { type CronJobEvent, CronJobEvents } from './events.ts';
import { historyToDelete, jobFromTemplate, jobNameFor, jobReference, jobsOf } from './jobs.ts';
import { formatSchedule, nextScheduleDelayMs, nextScheduleTime, TOO_MANY_MISSED_TIMES_MESSAGE } from './schedule.ts';
import { isLoadableTimeZone } from '../../core/cron/time-zone.ts';
import { withFields } from '../../core/with-fields.ts';

export interface CronJobSyncInput {
  readonly cronJob: CronJob;
  /** The Jobs in the CronJob's namespace, sorted by name. */
  readonly jobs: readonly Job[];
  readonly nowMs: number;
}

export interface CronJobSyncPlan {
  /** DELETE with propagationPolicy Background, in order. */
  readonly deleteJobs: readonly Job[];
  /** POST this Job; on success add jobReference(created) to status.active (see statusAfterCreate). */
  readonly createJob?: { readonly manifest: Record<string, unknown>; readonly scheduledMs: number };
  /** The status to write (before the created Job's reference), when `updateStatus`. */
  readonly status: CronJobStatus;
  readonly updateStatus: boolean;
  /** Recorded in order; SuccessfulCreate comes last, once the create succeeded. */
  readonly events: readonly CronJobEvent[];
  readonly requeueAfterMs?: number;
}

interface Draft {
  status: CronJobStatus;
  changed: boolean;
  readonly events: CronJobEvent[];
  readonly deleteJobs: Job[];
}

/** status.active with the created Job and lastScheduleTime: what UpdateStatus writes after a create. */
export function statusAfterCreate(status: CronJobStatus, created: Job, scheduledMs: number): CronJobStatus {
  return withFields(status, { active: [...(status.active ?? []), jobReference(created)], lastScheduleTime: toTimestamp(scheduledMs) });
}

function deleteJob(draft: Draft, job: Job): void {
  draft.deleteJobs.push(job);
  draft.status = withoutActive(draft.status, job.metadata.uid);
  draft.events.push(CronJobEvents.deleted(job.metadata.name));
  draft.changed = true;
}

function done(draft: Draft, requeueAfterMs?: number, createJob?: CronJobSyncPlan['createJob']): CronJobSyncPlan {
  return {
    deleteJobs: draft.deleteJobs,
    ...(createJob === undefined ? {} : { createJob }),
    status: draft.status,
    updateStatus: draft.changed,
    events: draft.events,
    ...(requeueAfterMs === undefined ? {} : { requeueAfterMs }),
  };
}

/** The schedule to run, or the plan that stops the sync (step 3). */
function scheduleOrStop(cronJob: CronJob, draft: Draft): ParsedSchedule | CronJobSyncPlan {
  const { timeZone, suspend } = cronJob.spec;
  if (cronJob.metadata.deletionTimestamp !== undefined) return done(draft);
  if (timeZone !== undefined && !isLoadableTimeZone(timeZone)) {
    draft.events.push(CronJobEvents.unknownTimeZone(timeZone));
    return done(draft);
  }
  if (suspend) return done(draft);
  const formatted = formatSchedule(cronJob);
  if (formatted.warning !== undefined) draft.events.push(CronJobEvents.unsupportedSchedule(formatted.warning));
  const parsed = parseStandard(formatted.schedule);
  if ('error' in parsed) {
    draft.events.push(CronJobEvents.unparseable(cronJob.spec.schedule, parsed.error));
    return done(draft);
  }
  return parsed.schedule;
}

/** Steps 4 to 6, once a schedule parsed. */
function startJob(cronJob: CronJob, jobs: readonly Job[], schedule: ParsedSchedule, nowMs: number, draft: Draft): CronJobSyncPlan {
  const current = (): CronJob => ({ ...cronJob, status: draft.status });
  const requeue = (): CronJobSyncPlan => done(draft, nextScheduleDelayMs(current(), nowMs, schedule));
  const next = nextScheduleTime(current(), nowMs, schedule);
  if (next.tooManyMissed) draft.events.push(CronJobEvents.tooManyMissed(TOO_MANY_MISSED_TIMES_MESSAGE));
  if (next.error !== undefined) {
    draft.events.push(CronJobEvents.invalid(cronJob.spec.schedule, next.error));
    return done(draft);
  }
  const scheduledMs = next.scheduledMs;
  if (scheduledMs === undefined) return requeue();
  const deadline = cronJob.spec.startingDeadlineSeconds;
  if (deadline !== undefined && scheduledMs + deadline * 1000 < nowMs) {
    draft.events.push(CronJobEvents.missSchedule(scheduledMs));
    return requeue();
  }
  const name = jobNameFor(cronJob, scheduledMs);
  const last = draft.status.lastScheduleTime;
  if ((draft.status.active ?? []).some((ref) => ref.name === name) || (last !== undefined && fromTimestamp(last) === scheduledMs)) {
    return requeue();
  }
  const active = draft.status.active ?? [];
  if (cronJob.spec.concurrencyPolicy === 'Forbid' && active.length > 0) {
    draft.events.push(CronJobEvents.alreadyActive());
    return requeue();
  }
  if (cronJob.spec.concurrencyPolicy === 'Replace') {
    for (const ref of active) {
      const job = jobs.find((candidate) => candidate.metadata.name === ref.name);
      if (job === undefined) {
        draft.events.push(CronJobEvents.getFailed(`jobs.batch "${ref.name}" not found`));
        return done(draft);
      }
      deleteJob(draft, job);
    }
  }
  return createOrAdopt(cronJob, jobs, scheduledMs, schedule, nowMs, draft);
}

/** Step 6, and upstream's AlreadyExists branch when a Job of that name is there already. */
function createOrAdopt(cronJob: CronJob, jobs: readonly Job[], scheduledMs: number, schedule: ParsedSchedule, nowMs: number, draft: Draft): CronJobSyncPlan {
  const name = jobNameFor(cronJob, scheduledMs);
  const existing = jobs.find((job) => job.metadata.name === name);
  const requeueAfter = (status: CronJobStatus): number | undefined => nextScheduleDelayMs({ ...cronJob, status }, nowMs, schedule);
  if (existing !== undefined) {
    if (controllerOf(existing)?.uid !== cronJob.metadata.uid || inActiveList(draft.status, existing.metadata.uid)) return done(draft);
    draft.status = statusAfterCreate(draft.status, existing, scheduledMs);
    draft.changed = true;
    return done(draft, requeueAfter(draft.status));
  }
  const withSchedule = withFields(draft.status, { lastScheduleTime: toTimestamp(scheduledMs) });
  draft.changed = true;
  draft.events.push(CronJobEvents.created(name));
  return done(draft, requeueAfter(withSchedule), { manifest: jobFromTemplate(cronJob, scheduledMs), scheduledMs });
}

export function planCronJobSync(input: CronJobSyncInput): CronJobSyncPlan {
  const { cronJob, nowMs } = input;
  const jobs = jobsOf(cronJob, input.jobs);
  const draft: Draft = { status: cronJob.status, changed: false, events: [], deleteJobs: [] };
  for (const job of historyToDelete(cronJob, jobs)) deleteJob(draft, job);
  const reconciled = reconcileActiveList(draft.status, jobs);
  draft.status = reconciled.status;
  draft.changed ||= reconciled.changed;
  draft.events.push(...reconciled.events);
  const schedule = scheduleOrStop(cronJob, draft);
  if (!('kind' in schedule)) return schedule;
  return startJob(cronJob, input.jobs, schedule, nowMs, draft);
}

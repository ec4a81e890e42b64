// One reconcile of the CronJob controller, by the kind of key (keys.ts):
//   - a sync, as upstream's sync (pkg/controller/cronjob/cronjob_controllerv2.go): the plan
//     (sync-plan.ts) from the CronJob and every Job of its namespace, sorted by name, becomes its
//     deletes, Events and create (sync-commands.ts), then one status write and the requeue for the
//     next activation. A sync that creates a Job leaves the status write to the next sync, which
//     the created Job's event brings at once (memory.ts): that write needs the Job's uid;
//   - a rescheduling after the schedule or time zone changed (updateCronJob): a sync at the new
//     schedule's next activation, or the UnParseableCronJobSchedule Event.

import { sameJson } from '../../core/canonical-json.ts';
import { type Effect, fail, type ReconcileContext, submit, wake } from '../../core/controller.ts';
import { parseStandard } from '../../core/cron/cron-spec.ts';
import { controllerOf, keyOf } from '../../core/objects.ts';
import type { CronJob, Job } from '../../core/workloads.ts';
import { kindTable, listObjects, lookupObject } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { CronJobEvents } from './events.ts';
import { jobNameFor } from './jobs.ts';
import { parseCronJobControllerKey } from './keys.ts';
import type { CronJobControllerMemory, PendingCreate } from './memory.ts';
import { formatSchedule, nextScheduleDelayMs } from './schedule.ts';
import { planRequests, recordEvent, updateCronJobStatus } from './sync-commands.ts';
import { planCronJobSync, statusAfterCreate } from './sync-plan.ts';

/**
 * The status write the creating sync left over. When the create was refused there is no Job: the
 * status as computed before the create is written (as upstream writes it after a failed create)
 * and the sync fails, to come back after the work queue's back-off and try again.
 */
function finishCreate(state: ClusterState, cronJob: CronJob, pending: PendingCreate): Effect[] {
  const job = lookupObject<Job>(state, 'Job', cronJob.metadata.namespace, pending.jobName);
  const created = job !== undefined && controllerOf(job)?.uid === cronJob.metadata.uid ? job : undefined;
  const status = created === undefined ? pending.status : statusAfterCreate(pending.status, created, pending.scheduledMs);
  const effects = sameJson(status, cronJob.status) ? [] : [submit(updateCronJobStatus(cronJob, status, pending.resourceVersion))];
  if (created === undefined) effects.push(fail(`could not create job ${pending.jobName}`));
  return effects;
}

export function syncCronJob(key: string, { state, nowMs }: ReconcileContext<ClusterState>, memory: CronJobControllerMemory): Effect[] {
  const cronJob = kindTable<CronJob>(state, 'CronJob').get(key);
  const pending = memory.take(key);
  if (cronJob === undefined) return [];
  if (pending !== undefined) return finishCreate(state, cronJob, pending);
  const jobs = listObjects<Job>(state, 'Job', cronJob.metadata.namespace ?? 'default');
  const plan = planCronJobSync({ cronJob, jobs, nowMs });
  const effects = planRequests(cronJob, plan).map(submit);
  const { resourceVersion } = cronJob.metadata;
  if (plan.createJob !== undefined) {
    const { scheduledMs } = plan.createJob;
    memory.remember(key, { jobName: jobNameFor(cronJob, scheduledMs), scheduledMs, status: plan.status, resourceVersion });
  } else if (plan.updateStatus) effects.push(submit(updateCronJobStatus(cronJob, plan.status, resourceVersion)));
  if (plan.requeueAfterMs !== undefined) effects.push(wake(nowMs + plan.requeueAfterMs, key));
  return effects;
}

/** updateCronJob after a new schedule: requeue at its next activation (at once when it has none). */
export function rescheduleCronJob(key: string, { state, nowMs }: ReconcileContext<ClusterState>): Effect[] {
  const cronJob = kindTable<CronJob>(state, 'CronJob').get(key);
  if (cronJob === undefined) return [];
  const parsed = parseStandard(formatSchedule(cronJob).schedule);
  if ('error' in parsed) return [submit(recordEvent(cronJob, CronJobEvents.unparseableOnUpdate(cronJob.spec.schedule)))];
  const delayMs = nextScheduleDelayMs(cronJob, nowMs, parsed.schedule) ?? 0;
  return [wake(nowMs + Math.max(delayMs, 0), keyOf(cronJob))];
}

export function reconcileCronJobKey(key: string, context: ReconcileContext<ClusterState>, memory: CronJobControllerMemory): Effect[] {
  const parsed = parseCronJobControllerKey(key);
  return parsed.kind === 'schedule' ? rescheduleCronJob(parsed.key, context) : syncCronJob(parsed.key, context, memory);
}

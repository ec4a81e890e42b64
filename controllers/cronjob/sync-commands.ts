// A CronJob sync plan (sync-plan.ts) turned into requests, in the order of upstream's sync
// (pkg/controller/cronjob/cronjob_controllerv2.go, v1.34): the plan's Events in the order the sync
// records them, where each SuccessfulDelete is the delete of the next Job to go (background
// propagation, as realJobControl.DeleteJob; FailedDelete when refused) and SuccessfulCreate the
// create of the scheduled Job (FailedCreate when refused); every other Event on its own. The status
// write comes last (reconcile.ts), once per sync.

import type { Command, EventRecord } from '../../core/commands.ts';
import type { CronJob, CronJobStatus, Job } from '../../core/workloads.ts';
import { eventAbout } from '../common/controller-ref.ts';
import { type CronJobEvent, CronJobEvents } from './events.ts';
import type { CronJobSyncPlan } from './sync-plan.ts';

export const CRONJOB_CONTROLLER = 'controller/cronjob';

function eventOn(cronJob: CronJob, event: CronJobEvent): EventRecord {
  return eventAbout(cronJob, event.type, event.reason, event.message);
}

export function recordEvent(cronJob: CronJob, event: CronJobEvent): Command {
  return { type: 'recordEvent', actor: CRONJOB_CONTROLLER, event: eventOn(cronJob, event) };
}

function deleteJob(cronJob: CronJob, job: Job, event: CronJobEvent): Command {
  return {
    type: 'delete',
    actor: CRONJOB_CONTROLLER,
    kind: 'Job',
    namespace: job.metadata.namespace ?? 'default',
    name: job.metadata.name,
    propagationPolicy: 'Background',
    record: eventOn(cronJob, event),
    recordOnRefusal: eventOn(cronJob, CronJobEvents.deleteFailed('{error}')),
  };
}

function createJob(cronJob: CronJob, manifest: Record<string, unknown>, event: CronJobEvent): Command {
  return {
    type: 'create',
    actor: CRONJOB_CONTROLLER,
    manifest,
    record: eventOn(cronJob, event),
    recordOnRefusal: eventOn(cronJob, CronJobEvents.createFailed('{error}')),
  };
}

export function updateCronJobStatus(cronJob: CronJob, status: CronJobStatus, resourceVersion: string | undefined): Command {
  const { namespace = 'default', name } = cronJob.metadata;
  return { type: 'updateStatus', actor: CRONJOB_CONTROLLER, kind: 'CronJob', namespace, name, ...(resourceVersion === undefined ? {} : { resourceVersion }), status };
}

/** The deletes, Events and create of a plan, in the order upstream makes them. */
export function planRequests(cronJob: CronJob, plan: CronJobSyncPlan): Command[] {
  const commands: Command[] = [];
  let deleted = 0;
  let created = false;
  for (const event of plan.events) {
    const job = event.reason === 'SuccessfulDelete' ? plan.deleteJobs[deleted] : undefined;
    if (job !== undefined) {
      commands.push(deleteJob(cronJob, job, event));
      deleted++;
    } else if (event.reason === 'SuccessfulCreate' && plan.createJob !== undefined && !created) {
      commands.push(createJob(cronJob, plan.createJob.manifest, event));
      created = true;
    } else commands.push(recordEvent(cronJob, event));
  }
  return commands;
}

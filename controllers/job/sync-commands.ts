// A Job sync plan (sync-plan.ts) turned into requests, in the order upstream's syncJob makes its
// API calls (pkg/controller/job/job_controller.go, v1.34):
//   1. the pods: when the Job is finishing, DELETE each active pod, keeping its finalizer
//      (deleteActivePods); otherwise manageJob's deletes, each a PATCH that removes the tracking
//      finalizer and then a DELETE (deleteJobPods), or its creates (jobPodManifest). Each records
//      SuccessfulCreate / SuccessfulDelete on the Job when admitted and FailedCreate / FailedDelete
//      when refused, as controller.RealPodControl does;
//   2. the Suspended / Resumed Event, recorded during the sync;
//   3. UpdateStatus with the newly finished pods' UIDs in uncountedTerminatedPods;
//   4. a PATCH removing the finalizer of each pod now counted (removeTrackingFinalizerFromPods);
//   5. UpdateStatus with those pods moved into the counters, and the Complete or Failed condition;
//   6. the finished Job's Events (recordJobFinished), on their own since there may be two;
//   7. a sync again after requeueAfterMs (the active deadline, or the pod failure back-off).
// The first status write carries the Job's resourceVersion as its precondition; the second is sent
// without one, as upstream sends the object the first write returned, whose version we cannot know.

import type { Command, EventRecord } from '../../core/commands.ts';
import { type Effect, submit, wake } from '../../core/controller.ts';
import type { Pod } from '../../core/objects.ts';
import type { Job, JobStatus } from '../../core/workloads.ts';
import { eventAbout } from '../common/controller-ref.ts';
import { type JobEvent, podCreated, podCreateFailed, podDeleted, podDeleteFailed } from './events.ts';
import { hasJobTrackingFinalizer, JOB_TRACKING_FINALIZER } from './job-pods.ts';
import type { PodCreation } from './manage.ts';
import { jobPodManifest } from './pod-template.ts';
import type { JobSyncPlan } from './sync-plan.ts';

export const JOB_CONTROLLER = 'controller/job';

function eventOn(job: Job, event: JobEvent): EventRecord {
  return eventAbout(job, event.type, event.reason, event.message);
}

function podTarget(pod: Pod) {
  return { actor: JOB_CONTROLLER, kind: 'Pod', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name };
}

/** removeTrackingFinalizerPatch, sent as the API's own finalizer removal. */
export function removeTrackingFinalizer(pod: Pod): Command {
  return { type: 'removeFinalizer', ...podTarget(pod), finalizer: JOB_TRACKING_FINALIZER };
}

function deletePod(job: Job, pod: Pod): Command {
  return { type: 'delete', ...podTarget(pod), record: eventOn(job, podDeleted(pod.metadata.name)), recordOnRefusal: eventOn(job, podDeleteFailed('{error}')) };
}

function createPod(job: Job, creation: PodCreation): Command {
  return {
    type: 'create',
    actor: JOB_CONTROLLER,
    manifest: jobPodManifest(job, creation),
    record: eventOn(job, podCreated('{name}')),
    recordOnRefusal: eventOn(job, podCreateFailed('{error}')),
  };
}

function recordEvent(job: Job, event: JobEvent): Command {
  return { type: 'recordEvent', actor: JOB_CONTROLLER, event: eventOn(job, event) };
}

function updateStatus(job: Job, status: JobStatus, withPrecondition: boolean): Command {
  const { namespace = 'default', name, resourceVersion } = job.metadata;
  return { type: 'updateStatus', actor: JOB_CONTROLLER, kind: 'Job', namespace, name, ...(withPrecondition ? { resourceVersion } : {}), status };
}

/** Step 1: deleteActivePods, or manageJob's deletes or creates. */
function podRequests(job: Job, plan: JobSyncPlan): Command[] {
  if (plan.deleteActive.length > 0) return plan.deleteActive.map((pod) => deletePod(job, pod));
  const manage = plan.manage;
  switch (manage?.kind) {
    case 'delete':
      return manage.pods.flatMap((pod) => [...(hasJobTrackingFinalizer(pod) ? [removeTrackingFinalizer(pod)] : []), deletePod(job, pod)]);
    case 'create':
      return manage.creations.map((creation) => createPod(job, creation));
    default:
      return [];
  }
}

/** Steps 3 to 5: flushUncountedAndRemoveFinalizers and the final status. */
function trackingRequests(job: Job, plan: JobSyncPlan): Command[] {
  const tracking = plan.tracking;
  if (tracking === undefined) return [];
  const before = tracking.statusBeforeRemoval;
  const commands = before === undefined ? [] : [updateStatus(job, before, true)];
  commands.push(...tracking.podsToRemoveFinalizer.map(removeTrackingFinalizer));
  if (tracking.statusAfterRemoval !== undefined) commands.push(updateStatus(job, tracking.statusAfterRemoval, before === undefined));
  return commands;
}

export function jobSyncEffects(job: Job, plan: JobSyncPlan, key: string, nowMs: number): Effect[] {
  const finishEvents = plan.tracking?.events ?? [];
  const syncEvents = plan.events.slice(0, plan.events.length - finishEvents.length);
  const commands = [
    ...podRequests(job, plan),
    ...syncEvents.map((event) => recordEvent(job, event)),
    ...trackingRequests(job, plan),
    ...finishEvents.map((event) => recordEvent(job, event)),
  ];
  const effects = commands.map(submit);
  if (plan.requeueAfterMs !== undefined) effects.push(wake(nowMs + plan.requeueAfterMs, key));
  return effects;
}

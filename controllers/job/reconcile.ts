// One reconcile of the Job controller, by the kind of key (keys.ts):
//   - a Job's sync, as upstream's syncJob (pkg/controller/job/job_controller.go): a Job that is
//     gone or finished only has its back-off record forgotten; otherwise its pods are claimed, the
//     sync is planned (sync-plan.ts) from the current state with the remembered back-off record,
//     and the plan becomes requests (sync-commands.ts);
//   - a batched sync asked for by a pod or status change: a wake one batch period later, unless
//     one is already due (enqueueSyncJobBatched);
//   - an orphan pod: its tracking finalizer removed, unless a Job that is not finished controls it
//     (syncOrphanPod).

import { type Effect, type ReconcileContext, submit, wake } from '../../core/controller.ts';
import { controllerOf } from '../../core/objects.ts';
import type { Job } from '../../core/workloads.ts';
import { kindTable } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { claimJobPods } from './claim-pods.ts';
import { isJobFinished } from './conditions.ts';
import { hasJobTrackingFinalizer } from './job-pods.ts';
import { parseJobControllerKey } from './keys.ts';
import type { JobControllerMemory } from './memory.ts';
import { resolveJob } from './resolve.ts';
import { JOB_CONTROLLER, jobSyncEffects, removeTrackingFinalizer } from './sync-commands.ts';
import { planJobSync } from './sync-plan.ts';

export function syncJob(key: string, { state, nowMs }: ReconcileContext<ClusterState>, memory: JobControllerMemory): Effect[] {
  memory.synced(key, nowMs);
  const job = kindTable<Job>(state, 'Job').get(key);
  if (job === undefined || isJobFinished(job)) {
    memory.forgetBackoff(key);
    return [];
  }
  const claim = claimJobPods(state, job, JOB_CONTROLLER);
  const plan = planJobSync({ job, pods: claim.pods, backoff: memory.backoffOf(key), satisfiedExpectations: true, nowMs });
  // Upstream stores the record with the first status write, which every newly finished pod causes.
  if (plan.tracking?.statusBeforeRemoval !== undefined) memory.keepBackoff(key, plan.backoff);
  return [...claim.commands.map(submit), ...jobSyncEffects(job, plan, key, nowMs)];
}

/** syncOrphanPod: the finalizer goes unless the pod is a running Job's (or another kind's) own. */
export function syncOrphanPod(podKey: string, state: ClusterState): Effect[] {
  const pod = state.pods.get(podKey);
  if (pod === undefined || !hasJobTrackingFinalizer(pod)) return [];
  const ref = controllerOf(pod);
  if (ref !== undefined) {
    if (ref.kind !== 'Job' || ref.apiVersion !== 'batch/v1') return [];
    const job = resolveJob(state, pod.metadata.namespace, ref);
    if (job !== undefined && !isJobFinished(job)) return [];
  }
  return [submit(removeTrackingFinalizer(pod))];
}

function requestBatchedSync(jobKey: string, nowMs: number, memory: JobControllerMemory): Effect[] {
  const atMs = memory.requestBatch(jobKey, nowMs);
  return atMs === undefined ? [] : [wake(atMs, jobKey)];
}

export function reconcileJobKey(key: string, context: ReconcileContext<ClusterState>, memory: JobControllerMemory): Effect[] {
  const parsed = parseJobControllerKey(key);
  switch (parsed.kind) {
    case 'batch':
      return requestBatchedSync(parsed.key, context.nowMs, memory);
    case 'orphan-pod':
      return syncOrphanPod(parsed.key, context.state);
    case 'job':
      return syncJob(parsed.key, context, memory);
  }
}

// One Job sync as plain data: upstream's syncJob (pkg/controller/job/job_controller.go, v1.34)
// with every API call it would make, in order, and nothing executed. The wiring turns the plan
// into commands:
//   1. `deleteActive` (the Job is finishing): DELETE each pod, finalizers kept;
//      or `manage`: PATCH away the finalizer then DELETE each pod to delete, or create the pods
//      (jobPodManifest with each creation's index and failure counts);
//   2. `tracking.statusBeforeRemoval`: UpdateStatus;
//   3. `tracking.podsToRemoveFinalizer`: PATCH each;
//   4. `tracking.statusAfterRemoval`: UpdateStatus;
//   5. `events` (Suspended / Resumed, then the finished Job's), and the creates' and deletes'
//      SuccessfulCreate / SuccessfulDelete on the Job as each call succeeds;
//   6. sync again after `requeueAfterMs` (activeDeadlineSeconds, or the pod failure back-off).

import { toTimestamp } from '../../core/clock.ts';
import type { Condition, Pod } from '../../core/objects.ts';
import type { Job, JobStatus } from '../../core/workloads.ts';
import { type BackoffRecord, newBackoffRecord } from './backoff.ts';
import { completionsReachedCondition, isJobFinished } from './conditions.ts';
import { type JobEvent, UNKNOWN_COMPLETION_MODE_EVENT } from './events.ts';
import { completionsReached, evaluateFinishedCondition, startTimeAfterSync } from './finish.ts';
import { countsAfter, countsAfterDeleting, type ManagePlan, planManageJob, type PodCounts, suspendTransition } from './manage.ts';
import { newJobSyncContext } from './sync-context.ts';
import { planStatusTracking, type TrackingPlan } from './tracking.ts';
import { withFields } from '../../core/with-fields.ts';

export interface JobSyncInput {
  readonly job: Job;
  /** The pods the Job owns after adoption, in a stable order (by name, say). */
  readonly pods: readonly Pod[];
  /** UIDs of pods whose finalizer removal this controller asked for and has not seen yet. */
  readonly expectedRemovals?: ReadonlySet<string>;
  /** The back-off record kept from earlier syncs of this Job. */
  readonly backoff?: BackoffRecord;
  /** Whether every create and delete asked for earlier has been seen (controller expectations). */
  readonly satisfiedExpectations: boolean;
  readonly nowMs: number;
}

export interface JobSyncPlan {
  /** The Job finished earlier: nothing to do but forget its back-off record. */
  readonly alreadyFinished: boolean;
  readonly deleteActive: readonly Pod[];
  readonly manage?: ManagePlan;
  readonly tracking?: TrackingPlan;
  readonly events: readonly JobEvent[];
  readonly requeueAfterMs?: number;
  /**
   * The back-off record to keep for this Job's next sync. Upstream stores it with the first status
   * write, which every newly finished pod causes; forget it once the Job is finished or deleted.
   */
  readonly backoff: BackoffRecord;
}

const EMPTY: Omit<JobSyncPlan, 'backoff' | 'alreadyFinished'> = { deleteActive: [], events: [] };

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : Math.min(a, b);
}

/**
 * The status syncJob leaves before tracking. A Job that never had a condition keeps none: upstream's
 * nil list stays nil (omitted) when ensureJobConditionStatus adds nothing, where ours comes back [].
 */
function statusWith(job: Job, counts: PodCounts, startTime: string | undefined, conditions: readonly Condition[] | undefined): JobStatus {
  const keepConditions = conditions !== undefined && (conditions.length > 0 || job.status.conditions !== undefined);
  return withFields(job.status, startTime === undefined ? {} : { startTime }, keepConditions ? { conditions } : {}, {
    active: counts.active,
    ready: counts.ready,
    terminating: counts.terminating,
  });
}

function countsChanged(job: Job, counts: PodCounts): boolean {
  return counts.active !== (job.status.active ?? 0) || counts.ready !== job.status.ready || counts.terminating !== job.status.terminating;
}

export function planJobSync(input: JobSyncInput): JobSyncPlan {
  const { job, nowMs } = input;
  if (isJobFinished(job)) return withFields(EMPTY, { alreadyFinished: true, backoff: { failuresAfterLastSuccess: 0 } });
  if (job.spec.completionMode !== 'NonIndexed' && job.spec.completionMode !== 'Indexed') {
    return withFields(EMPTY, { alreadyFinished: false, events: [UNKNOWN_COMPLETION_MODE_EVENT], backoff: input.backoff ?? { failuresAfterLastSuccess: 0 } });
  }
  const ctx = newJobSyncContext(job, input.pods, input.expectedRemovals);
  let startTime = startTimeAfterSync(job, nowMs);
  const backoff = newBackoffRecord(input.backoff, ctx.newSucceededPods, ctx.newFailedPods);
  const evaluation = evaluateFinishedCondition(ctx, startTime, nowMs);
  let finished = evaluation.condition;
  const base: PodCounts = { active: ctx.activePods.length, ready: ctx.ready, terminating: ctx.terminating };
  let counts = base;
  let conditions = job.status.conditions;
  let manage: ManagePlan | undefined;
  let deleteActive: readonly Pod[] = [];
  const events: JobEvent[] = [];
  let suspendChanged = false;
  if (finished !== undefined) {
    deleteActive = ctx.activePods;
    counts = countsAfterDeleting(base, deleteActive);
    if (!input.satisfiedExpectations) finished = undefined;
  } else {
    const manageCalled = input.satisfiedExpectations && job.metadata.deletionTimestamp === undefined;
    if (manageCalled) {
      manage = planManageJob(ctx, backoff, nowMs);
      counts = countsAfter(ctx, manage);
    }
    if (completionsReached(job, ctx.succeeded, counts.active)) finished = completionsReachedCondition(nowMs);
    else if (manageCalled) {
      const transition = suspendTransition(job, conditions, nowMs);
      conditions = transition.conditions;
      suspendChanged = transition.changed;
      if (transition.event !== undefined) events.push(transition.event);
      if (transition.resetStartTime) startTime = toTimestamp(nowMs);
    }
  }
  const status = statusWith(job, counts, startTime, conditions);
  const tracking = planStatusTracking(ctx, status, finished, suspendChanged || countsChanged(job, counts), nowMs);
  const waitMs = manage?.kind === 'wait' ? manage.requeueAfterMs : undefined;
  const requeueAfterMs = minDefined(evaluation.requeueAfterMs, waitMs);
  return {
    alreadyFinished: false,
    deleteActive,
    ...(manage === undefined ? {} : { manage }),
    tracking,
    events: [...events, ...tracking.events],
    ...(requeueAfterMs === undefined ? {} : { requeueAfterMs }),
    backoff,
  };
}

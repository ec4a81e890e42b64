// The TTL-after-finished controller's decision for one Job (processTTL, needsCleanup, timeLeft and
// jobFinishTime in pkg/controller/ttlafterfinished/ttlafterfinished_controller.go, v1.34): a
// finished Job with spec.ttlSecondsAfterFinished is deleted ttl seconds after the
// lastTransitionTime of its Complete or Failed condition, with foreground propagation (its pods go
// first) and a UID precondition. Until then it is looked at again when the TTL runs out. A Job
// already being deleted is left alone. This controller records no Events.

import { fromTimestamp } from '../../core/clock.ts';
import type { Job } from '../../core/workloads.ts';

export type TtlDecision =
  | { readonly kind: 'none' }
  | { readonly kind: 'requeue'; readonly afterMs: number }
  | { readonly kind: 'delete'; readonly propagationPolicy: 'Foreground'; readonly preconditionUid: string }
  /** The finished condition has no transition time: upstream returns an error and retries. */
  | { readonly kind: 'error'; readonly message: string };

/** jobutil.FinishedCondition: the first True Complete or Failed condition. */
function finishedCondition(job: Job) {
  return (job.status.conditions ?? []).find((condition) => (condition.type === 'Complete' || condition.type === 'Failed') && condition.status === 'True');
}

/** needsCleanup: a finished Job that asks to be cleaned up. */
export function ttlNeedsCleanup(job: Job): boolean {
  return job.spec.ttlSecondsAfterFinished !== undefined && finishedCondition(job) !== undefined;
}

/** jobFinishTime: when the Job finished, in virtual ms. */
export function jobFinishMs(job: Job): number | undefined {
  const at = finishedCondition(job)?.lastTransitionTime;
  return at === undefined || at === '' ? undefined : fromTimestamp(at);
}

/** processTTL and processJob: what to do with the Job now. */
export function ttlDecision(job: Job, nowMs: number): TtlDecision {
  if (job.metadata.deletionTimestamp !== undefined || !ttlNeedsCleanup(job)) return { kind: 'none' };
  const finishMs = jobFinishMs(job);
  if (finishMs === undefined) {
    return { kind: 'error', message: `unable to find the time when the Job ${job.metadata.namespace ?? ''}/${job.metadata.name} finished` };
  }
  const remainingMs = finishMs + (job.spec.ttlSecondsAfterFinished ?? 0) * 1000 - nowMs;
  if (remainingMs > 0) return { kind: 'requeue', afterMs: remainingMs };
  return { kind: 'delete', propagationPolicy: 'Foreground', preconditionUid: job.metadata.uid };
}

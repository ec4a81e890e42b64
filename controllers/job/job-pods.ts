// What the Job controller reads from its pods (pkg/controller/job/job_controller.go and
// pkg/controller/controller_utils.go): whether a pod still carries the job-tracking finalizer,
// counts as failed, is terminating or ready, and the order in which active pods are deleted
// (controller.ActivePods, the plain ranking without the ReplicaSet's deletion cost and ranks).

import { fromTimestamp } from '../../core/clock.ts';
import type { ContainerStatus, Pod, PodStatus } from '../../core/objects.ts';
import type { Job } from '../../core/workloads.ts';
import { isPodReady, maxContainerRestarts, readySinceMs } from '../common/pod-state.ts';

/** batch.JobTrackingFinalizer: kept on every pod until its result is counted in the Job's status. */
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';

export function hasJobTrackingFinalizer(pod: Pod): boolean {
  return (pod.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER);
}

export function isPodTerminal(pod: Pod): boolean {
  return pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
}

/** controller.IsPodTerminating: being deleted but not yet terminal. */
export function isPodTerminating(pod: Pod): boolean {
  return !isPodTerminal(pod) && pod.metadata.deletionTimestamp !== undefined;
}

/**
 * onlyReplaceFailedPods: a replacement waits for the old pod to be Failed, not merely terminating,
 * with podReplacementPolicy Failed and whenever a podFailurePolicy is set.
 */
export function onlyReplaceFailedPods(job: Job): boolean {
  return job.spec.podReplacementPolicy === 'Failed' || job.spec.podFailurePolicy !== undefined;
}

/**
 * isPodFailed: Failed, or (unless only failed pods are replaced) deleted before it could succeed,
 * which counts orphans removed by the pod GC that never reach the Failed phase.
 */
export function isPodFailed(pod: Pod, job: Job): boolean {
  if (pod.status.phase === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return pod.metadata.deletionTimestamp !== undefined && pod.status.phase !== 'Succeeded';
}

export function countReadyPods(pods: readonly Pod[]): number {
  let count = 0;
  for (const pod of pods) if (isPodReady(pod)) count++;
  return count;
}

export function countTerminatingPods(pods: readonly Pod[]): number {
  let count = 0;
  for (const pod of pods) if (isPodTerminating(pod)) count++;
  return count;
}

/**
 * The init container statuses, which core/objects.ts does not type yet: the pod failure policy and
 * the OnFailure back-off read them as upstream does.
 */
export function initContainerStatuses(pod: Pod): readonly ContainerStatus[] {
  const status = pod.status as PodStatus & { readonly initContainerStatuses?: readonly ContainerStatus[] };
  return status.initContainerStatuses ?? [];
}

/** Missing phases rank as Pending, as a missing key of upstream's podPhaseToOrdinal does. */
const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

function timestampMs(timestamp: string | undefined): number | undefined {
  return timestamp === undefined || timestamp === '' ? undefined : fromTimestamp(timestamp);
}

/** afterOrZero: a missing time sorts first, then the later time. */
function afterOrZero(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === undefined;
  return a > b;
}

/**
 * controller.ActivePods.Less: true when `a` should be deleted before `b`. Unassigned before
 * assigned; Pending, Unknown, Running; not ready before ready; ready for less time first; more
 * restarts first; newer (or without creation time) first.
 */
export function deleteActivePodBefore(a: Pod, b: Pod): boolean {
  const aNode = a.spec.nodeName ?? '';
  const bNode = b.spec.nodeName ?? '';
  if (aNode !== bNode && (aNode === '' || bNode === '')) return aNode === '';
  const aPhase = PHASE_ORDINAL[a.status.phase] ?? 0;
  const bPhase = PHASE_ORDINAL[b.status.phase] ?? 0;
  if (aPhase !== bPhase) return aPhase < bPhase;
  const aReady = isPodReady(a);
  if (aReady !== isPodReady(b)) return !aReady;
  if (aReady) {
    const aSince = readySinceMs(a);
    const bSince = readySinceMs(b);
    if (aSince !== bSince) return afterOrZero(aSince, bSince);
  }
  const aRestarts = maxContainerRestarts(a);
  const bRestarts = maxContainerRestarts(b);
  if (aRestarts !== bRestarts) return aRestarts > bRestarts;
  const aCreated = timestampMs(a.metadata.creationTimestamp);
  const bCreated = timestampMs(b.metadata.creationTimestamp);
  if (aCreated !== bCreated) return afterOrZero(aCreated, bCreated);
  return false;
}

/** The pods in deletion order; the sort is stable, so ties keep the order given. */
export function sortActivePods(pods: readonly Pod[]): Pod[] {
  return [...pods].sort((a, b) => {
    if (deleteActivePodBefore(a, b)) return -1;
    return deleteActivePodBefore(b, a) ? 1 : 0;
  });
}

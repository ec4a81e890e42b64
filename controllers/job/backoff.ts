// The delay before a Job replaces failed pods, as upstream's pkg/controller/job/backoff_utils.go:
// 10 s after the first failure since the last success, doubling with each further failure, capped
// at MaxJobPodFailureBackOff. The cap is 10 minutes in v1.34 (job_controller.go), not the 6 minutes
// (360 s) of the older MaxJobBackOff that some documents still quote.
//
// Upstream keeps the record (failures since the last success, time of the last failure) in the
// controller's memory, per Job key, and forgets it when the Job finishes or is deleted; the caller
// keeps it the same way and passes the previous record in.

import { fromTimestamp } from '../../core/clock.ts';
import type { ContainerStatus, Pod } from '../../core/objects.ts';
import { findCondition } from '../../core/objects.ts';
import {
  JOB_INDEX_FAILURE_COUNT_ANNOTATION,
  JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION,
  parseCountAnnotation,
} from './indexes.ts';
import { initContainerStatuses } from './job-pods.ts';

/** DefaultJobPodFailureBackOff. */
export const DEFAULT_JOB_POD_FAILURE_BACKOFF_MS = 10_000;
/** MaxJobPodFailureBackOff in v1.34. */
export const MAX_JOB_POD_FAILURE_BACKOFF_MS = 10 * 60_000;

export interface BackoffRecord {
  readonly failuresAfterLastSuccess: number;
  /** Virtual ms of the last failure counted; absent with no failure since the last success. */
  readonly lastFailureMs?: number;
}

export const EMPTY_BACKOFF_RECORD: BackoffRecord = { failuresAfterLastSuccess: 0 };

function finishedAtMs(status: ContainerStatus): number | undefined {
  const finishedAt = status.state.terminated?.finishedAt;
  return finishedAt === undefined || finishedAt === '' ? undefined : fromTimestamp(finishedAt);
}

/**
 * latestFinishTime: the latest finishedAt of the checked containers, or undefined as soon as one
 * of them has not terminated (or has no finish time).
 */
function latestFinishMs(previous: number | undefined, statuses: readonly ContainerStatus[]): number | undefined {
  let latest = previous;
  for (const status of statuses) {
    const at = finishedAtMs(status);
    if (at === undefined) return undefined;
    if (latest === undefined || latest < at) latest = at;
  }
  return latest;
}

/** Restartable init containers (sidecars, GA in v1.33) finish after the regular containers. */
function sidecarStatuses(pod: Pod): ContainerStatus[] {
  const sidecars = new Set<string>();
  for (const container of pod.spec.initContainers ?? []) {
    if (container['restartPolicy'] === 'Always') sidecars.add(container.name);
  }
  return initContainerStatuses(pod).filter((status) => sidecars.has(status.name));
}

function finishFromContainers(pod: Pod): number | undefined {
  const regular = latestFinishMs(undefined, pod.status.containerStatuses ?? []);
  return latestFinishMs(regular, sidecarStatuses(pod));
}

/**
 * getFinishedTime: when a pod finished, from the first of: all its containers' finish times; the
 * transition of a Ready=False condition; deletionTimestamp less the grace period; creation time.
 */
export function podFinishedMs(pod: Pod): number {
  const fromContainers = finishFromContainers(pod);
  if (fromContainers !== undefined) return fromContainers;
  const ready = findCondition(pod.status.conditions, 'Ready');
  if (ready?.status === 'False' && ready.lastTransitionTime !== undefined && ready.lastTransitionTime !== '') {
    return fromTimestamp(ready.lastTransitionTime);
  }
  const deletion = pod.metadata.deletionTimestamp;
  if (deletion !== undefined) return fromTimestamp(deletion) - (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
  return fromTimestamp(pod.metadata.creationTimestamp);
}

/**
 * backoffStore.newBackoffRecord: the record after this sync's newly finished pods. A success resets
 * the count; failures that finished after the last new success count again.
 */
export function newBackoffRecord(
  previous: BackoffRecord | undefined,
  newSucceededPods: readonly Pod[],
  newFailedPods: readonly Pod[],
): BackoffRecord {
  const record = previous ?? EMPTY_BACKOFF_RECORD;
  const failedTimes = newFailedPods.map(podFinishedMs).sort((a, b) => a - b);
  if (newSucceededPods.length === 0) {
    if (failedTimes.length === 0) return record;
    return {
      failuresAfterLastSuccess: record.failuresAfterLastSuccess + failedTimes.length,
      lastFailureMs: failedTimes[failedTimes.length - 1] as number,
    };
  }
  const lastSuccessMs = Math.max(...newSucceededPods.map(podFinishedMs));
  const after = failedTimes.filter((at) => at > lastSuccessMs);
  if (after.length === 0) return EMPTY_BACKOFF_RECORD;
  return { failuresAfterLastSuccess: after.length, lastFailureMs: after[after.length - 1] as number };
}

/**
 * getRemainingTimeForFailuresCount: the back-off for `failures` (default, doubled per further
 * failure, capped at max) less the time since the last failure, never below 0.
 */
export function remainingBackoffMs(
  failures: number,
  lastFailureMs: number | undefined,
  nowMs: number,
  defaultMs = DEFAULT_JOB_POD_FAILURE_BACKOFF_MS,
  maxMs = MAX_JOB_POD_FAILURE_BACKOFF_MS,
): number {
  if (failures === 0) return 0;
  let backoffMs = defaultMs;
  for (let i = 1; i < failures; i++) {
    backoffMs *= 2;
    if (backoffMs >= maxMs) {
      backoffMs = maxMs;
      break;
    }
  }
  const elapsedMs = nowMs - (lastFailureMs ?? nowMs);
  return backoffMs < elapsedMs ? 0 : backoffMs - elapsedMs;
}

/** backoffRecord.getRemainingTime: how long pod creation waits after the Job's failures. */
export function remainingTimeMs(record: BackoffRecord, nowMs: number): number {
  return remainingBackoffMs(record.failuresAfterLastSuccess, record.lastFailureMs, nowMs);
}

/**
 * getRemainingTimePerIndex (backoffLimitPerIndex): the wait before an index's replacement pod, from
 * the failure counts on the index's last failed pod (counted and ignored failures, plus this one).
 */
export function remainingTimePerIndexMs(lastFailedPod: Pod | undefined, nowMs: number): number {
  if (lastFailedPod === undefined) return 0;
  const annotations = lastFailedPod.metadata.annotations;
  const failures =
    parseCountAnnotation(annotations?.[JOB_INDEX_FAILURE_COUNT_ANNOTATION]) +
    parseCountAnnotation(annotations?.[JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION]) +
    1;
  return remainingBackoffMs(failures, podFinishedMs(lastFailedPod), nowMs);
}

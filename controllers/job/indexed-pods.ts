// The pods of an Indexed Job by completion index (pkg/controller/job/indexed_job_utils.go):
// which indexes have succeeded, which indexes are taken, and which active pods are surplus
// because their index is repeated, missing or past completions.

import type { Pod } from '../../core/objects.ts';
import type { Job } from '../../core/workloads.ts';
import {
  completionIndexOf,
  type Interval,
  parseIndexes,
  sortedIndexes,
  UNKNOWN_COMPLETION_INDEX,
  withOrderedIndexes,
} from './indexes.ts';
import { hasJobTrackingFinalizer, sortActivePods } from './job-pods.ts';

export function isIndexedJob(job: Job): boolean {
  return job.spec.completionMode === 'Indexed';
}

export function podIndex(pod: Pod): number {
  return completionIndexOf(pod.metadata.annotations);
}

/** A valid index for this Job: known and below completions. */
export function hasValidIndex(pod: Pod, completions: number): boolean {
  const index = podIndex(pod);
  return index !== UNKNOWN_COMPLETION_INDEX && index < completions;
}

/** getIndexes: the known indexes of the pods, in increasing order. */
export function podIndexes(pods: readonly Pod[]): number[] {
  const indexes: number[] = [];
  for (const pod of pods) {
    const index = podIndex(pod);
    if (index !== UNKNOWN_COMPLETION_INDEX) indexes.push(index);
  }
  return sortedIndexes(indexes);
}

export interface SucceededIndexes {
  /** From .status.completedIndexes only (prevIntervals). */
  readonly previous: Interval[];
  /** With the indexes of succeeded pods that still carry the tracking finalizer. */
  readonly current: Interval[];
}

/** calculateSucceededIndexes. */
export function calculateSucceededIndexes(job: Job, pods: readonly Pod[]): SucceededIndexes {
  const completions = job.spec.completions ?? 0;
  const previous = parseIndexes(job.status.completedIndexes ?? '', completions);
  const newSucceeded: number[] = [];
  for (const pod of pods) {
    if (pod.status.phase === 'Succeeded' && hasValidIndex(pod, completions) && hasJobTrackingFinalizer(pod)) {
      newSucceeded.push(podIndex(pod));
    }
  }
  return { previous, current: withOrderedIndexes(previous, sortedIndexes(newSucceeded)) };
}

/** The pods ordered by completion index, unknown indexes first; stable, like Go's small sorts. */
export function sortByCompletionIndex(pods: readonly Pod[]): Pod[] {
  return [...pods].sort((a, b) => podIndex(a) - podIndex(b));
}

export interface RemovalSplit {
  readonly remove: readonly Pod[];
  readonly keep: readonly Pod[];
}

/**
 * appendDuplicatedIndexPodsForRemoval: pods without an index, and those at or past completions,
 * are removed; of the pods sharing an index, all but the last in controller.ActivePods order
 * (the one that would be deleted last) are removed.
 */
export function duplicatedIndexPodsForRemoval(pods: readonly Pod[], completions: number): RemovalSplit {
  const remove: Pod[] = [];
  const keep: Pod[] = [];
  const sorted = sortByCompletionIndex(pods);
  let group: Pod[] = [];
  let groupIndex = UNKNOWN_COMPLETION_INDEX;
  const flush = (): void => {
    if (groupIndex === UNKNOWN_COMPLETION_INDEX) remove.push(...group);
    else if (group.length === 1) keep.push(...group);
    else if (group.length > 1) {
      const ordered = sortActivePods(group);
      remove.push(...ordered.slice(0, -1));
      keep.push(...ordered.slice(-1));
    }
  };
  for (const [position, pod] of sorted.entries()) {
    const index = podIndex(pod);
    if (index >= completions) {
      // Upstream appends the out-of-range pods before settling the group in progress.
      remove.push(...sorted.slice(position));
      flush();
      return { remove, keep };
    }
    if (index !== groupIndex) {
      flush();
      group = [];
      groupIndex = index;
    }
    group.push(pod);
  }
  flush();
  return { remove, keep };
}

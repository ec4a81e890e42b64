// pickOneNodeForPreemption (framework/preemption/preemption.go): among the candidate nodes, the one
// with the fewest PDB violations, then the lowest highest-priority victim, then the smallest sum of
// victim priorities (each shifted by 2^31 so negative priorities count as small), then the fewest
// victims, then the latest start of the highest-priority victims; a tie left is the first candidate.
// Upstream lists candidates from a map; ksim keeps the dry run's order, so the pick is reproducible.

import { fromTimestamp } from '../../../core/clock.ts';
import type { Pod } from '../../../core/objects.ts';
import { podPriority } from '../queue/queued-pod.ts';

export interface Candidate {
  readonly nodeName: string;
  /** Ordered from the most important victim (highest priority, earliest start) down. */
  readonly victims: readonly Pod[];
  readonly numPDBViolations: number;
}

/** GetPodStartTime: status.startTime, or now for a pod that has not started. */
export function podStartTimeMs(pod: Pod, nowMs: number): number {
  return pod.status.startTime === undefined ? nowMs : fromTimestamp(pod.status.startTime);
}

/** MoreImportantPod: higher priority, then the earlier start. */
export function moreImportantPod(a: Pod, b: Pod, nowMs: number): boolean {
  const pa = podPriority(a);
  const pb = podPriority(b);
  if (pa !== pb) return pa > pb;
  return podStartTimeMs(a, nowMs) < podStartTimeMs(b, nowMs);
}

/** GetEarliestPodStartTime: the earliest start among the victims of the highest priority. */
export function earliestStartOfHighestPriority(victims: readonly Pod[], nowMs: number): number {
  let highest = Number.NEGATIVE_INFINITY;
  let earliest = Number.POSITIVE_INFINITY;
  for (const pod of victims) {
    const priority = podPriority(pod);
    const start = podStartTimeMs(pod, nowMs);
    if (priority > highest) {
      highest = priority;
      earliest = start;
    } else if (priority === highest && start < earliest) earliest = start;
  }
  return earliest;
}

const SHIFT = 2 ** 31;

function scoreFunctions(nowMs: number): readonly ((candidate: Candidate) => number)[] {
  return [
    (candidate) => -candidate.numPDBViolations,
    (candidate) => -podPriority(candidate.victims[0] as Pod),
    (candidate) => -candidate.victims.reduce((sum, pod) => sum + podPriority(pod) + SHIFT, 0),
    (candidate) => -candidate.victims.length,
    (candidate) => earliestStartOfHighestPriority(candidate.victims, nowMs),
  ];
}

export function pickOneNodeForPreemption(candidates: readonly Candidate[], nowMs: number): string | undefined {
  let remaining = candidates;
  if (remaining.length === 0) return undefined;
  for (const score of scoreFunctions(nowMs)) {
    let best = Number.NEGATIVE_INFINITY;
    let selected: Candidate[] = [];
    for (const candidate of remaining) {
      const value = score(candidate);
      if (value > best) {
        best = value;
        selected = [];
      }
      if (value === best) selected.push(candidate);
    }
    if (selected.length === 1) return (selected[0] as Candidate).nodeName;
    remaining = selected;
  }
  return (remaining[0] as Candidate).nodeName;
}

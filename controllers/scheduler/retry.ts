// The retry of unschedulable pods. Upstream moves them back to its active queue, which pops the
// highest priority first and, among equals, the one queued earliest (PrioritySort); ksim wakes
// them in that order, the key breaking ties, all at the current instant.

import { type Effect, wake } from '../../core/controller.ts';
import { compareStrings } from '../../core/table.ts';
import { type ClusterState, UNSCHEDULED } from '../../reducers/state.ts';
import { waitsForScheduler } from './queue.ts';

interface Waiting {
  readonly key: string;
  readonly priority: number;
  readonly created: string;
}

function byQueueOrder(a: Waiting, b: Waiting): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  return compareStrings(a.created, b.created) || compareStrings(a.key, b.key);
}

/**
 * Wake effects for every pod that waits for a node. The wakes fire once the current instant's
 * work is done, by when every queued pod has had its cycle, so these are the ones that failed.
 */
export function retryEffects(state: ClusterState, nowMs: number): Effect[] {
  const waiting: Waiting[] = [];
  for (const key of state.indexes.unscheduledPods.members(UNSCHEDULED)) {
    const pod = state.pods.get(key);
    if (pod === undefined || !waitsForScheduler(pod)) continue;
    waiting.push({ key, priority: pod.spec.priority ?? 0, created: pod.metadata.creationTimestamp });
  }
  return waiting.sort(byQueueOrder).map((entry) => wake(nowMs, entry.key));
}

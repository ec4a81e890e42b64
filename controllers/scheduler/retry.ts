// The retry of unschedulable pods. Upstream moves them back to its active queue, which pops the
// highest priority first and, among equals, the one queued earliest (PrioritySort); ksim wakes
// them in that order, the key breaking ties, all at the current instant. The pod-counting retry
// wakes only the pods that failed and that pod affinity or topology spreading turned away, as the
// failure message in their PodScheduled condition tells.

import { type Effect, wake } from '../../core/controller.ts';
import { compareStrings } from '../../core/table.ts';
import { findCondition, type Pod } from '../../core/objects.ts';
import { type ClusterState, UNSCHEDULABLE, UNSCHEDULED } from '../../reducers/state.ts';
import {
  ERR_REASON_AFFINITY_RULES_NOT_MATCH,
  ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH,
  ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH,
} from './plugins/inter-pod-affinity/filtering.ts';
import { ERR_REASON_CONSTRAINTS_NOT_MATCH } from './plugins/pod-topology-spread/filtering.ts';
import { waitsForScheduler } from './queue.ts';

/** The reasons of the plugins that count other pods; the spread one also starts its "missing label" variant. */
const POD_COUNTING_REASONS = [
  ERR_REASON_CONSTRAINTS_NOT_MATCH,
  ERR_REASON_AFFINITY_RULES_NOT_MATCH,
  ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH,
  ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH,
];

interface Waiting {
  readonly key: string;
  readonly priority: number;
  readonly created: string;
}

function byQueueOrder(a: Waiting, b: Waiting): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  return compareStrings(a.created, b.created) || compareStrings(a.key, b.key);
}

function wakes(state: ClusterState, nowMs: number, keys: readonly string[], also: (pod: Pod) => boolean): Effect[] {
  const waiting: Waiting[] = [];
  for (const key of keys) {
    const pod = state.pods.get(key);
    if (pod === undefined || !waitsForScheduler(pod) || !also(pod)) continue;
    waiting.push({ key, priority: pod.spec.priority ?? 0, created: pod.metadata.creationTimestamp });
  }
  return waiting.sort(byQueueOrder).map((entry) => wake(nowMs, entry.key));
}

/**
 * Wake effects for every pod that waits for a node. The wakes fire once the current instant's
 * work is done, by when every queued pod has had its cycle, so these are the ones that failed.
 */
export function retryEffects(state: ClusterState, nowMs: number): Effect[] {
  return wakes(state, nowMs, state.indexes.unscheduledPods.members(UNSCHEDULED), () => true);
}

function turnedAwayByPodCounting(pod: Pod): boolean {
  const message = findCondition(pod.status.conditions, 'PodScheduled')?.message ?? '';
  return POD_COUNTING_REASONS.some((reason) => message.includes(reason));
}

/** Wake effects for the failed pods that pod affinity or topology spreading turned away. */
export function retryPodCountingEffects(state: ClusterState, nowMs: number): Effect[] {
  return wakes(state, nowMs, state.indexes.unscheduledPods.members(UNSCHEDULABLE), turnedAwayByPodCounting);
}

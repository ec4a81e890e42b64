// When a StatefulSet must be synced again with no event to bring it back, as upstream's two
// AddAfter calls (pkg/controller/statefulset/stateful_set.go):
//   - updatePod: a pod that turns ready requeues its set minReadySeconds + 1 s later, when it will
//     count as available. Our watch syncs the set at once when the pod turns ready; that sync sees
//     the ready pod and asks to be woken at readySince + minReadySeconds + 1 s, the same instant
//     upstream's AddAfter would fire (the Ready transition is the event's time);
//   - syncStatefulSet: after a sync, minReadySeconds later while fewer replicas are available than
//     the spec asks for (the plan's requeueAfterMs).

import { type Effect, wake } from '../../core/controller.ts';
import type { Pod } from '../../core/objects.ts';
import type { StatefulSet } from '../../core/workloads.ts';
import { readySinceMs } from '../common/pod-state.ts';
import type { StatefulSetSyncPlan } from './plan.ts';

/** The second upstream adds "to avoid milliseconds skew in AddAfter". */
export const READY_REQUEUE_SKEW_MS = 1000;

/** The earliest readySince + minReadySeconds + 1 s still to come among the set's ready pods. */
export function readyPodRecheckMs(set: StatefulSet, pods: readonly Pod[], nowMs: number): number | undefined {
  const minReadySeconds = set.spec.minReadySeconds ?? 0;
  if (minReadySeconds <= 0) return undefined;
  let earliest: number | undefined;
  for (const pod of pods) {
    const since = readySinceMs(pod);
    if (since === undefined) continue;
    const atMs = since + minReadySeconds * 1000 + READY_REQUEUE_SKEW_MS;
    if (atMs > nowMs && (earliest === undefined || atMs < earliest)) earliest = atMs;
  }
  return earliest;
}

export function requeueEffects(key: string, set: StatefulSet, pods: readonly Pod[], plan: StatefulSetSyncPlan, nowMs: number): Effect[] {
  const effects: Effect[] = [];
  if (plan.requeueAfterMs !== undefined) effects.push(wake(nowMs + plan.requeueAfterMs, key));
  const recheckMs = readyPodRecheckMs(set, pods, nowMs);
  if (recheckMs !== undefined) effects.push(wake(recheckMs, key));
  return effects;
}

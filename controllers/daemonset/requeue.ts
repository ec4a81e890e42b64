// When a DaemonSet must be synced again with no event to bring it back, as upstream's AddAfter
// calls (pkg/controller/daemon/daemon_controller.go):
//   - updatePod: a pod that turns ready requeues its DaemonSet minReadySeconds + 1 s later, when
//     it will count as available. Our watch syncs the DaemonSet at once when the pod turns ready;
//     that sync sees the ready pod and asks to be woken at readySince + minReadySeconds + 1 s, the
//     same instant upstream's AddAfter would fire (the Ready transition is the event's time);
//   - the plan's requeueAfterMs: minReadySeconds while ready pods wait to become available
//     (updateDaemonSetStatus), or the failed-pod back-off still running on a node (podsShouldBeOnNode).

import { type Effect, wake } from '../../core/controller.ts';
import type { Pod } from '../../core/objects.ts';
import type { DaemonSet } from '../../core/workloads.ts';
import { readySinceMs } from '../common/pod-state.ts';
import type { DaemonSetSyncPlan } from './plan.ts';

/** The second upstream adds "to avoid milliseconds skew in AddAfter". */
export const READY_REQUEUE_SKEW_MS = 1000;

/** The earliest readySince + minReadySeconds + 1 s still to come among the DaemonSet's ready pods. */
export function readyPodRecheckMs(ds: DaemonSet, pods: readonly Pod[], nowMs: number): number | undefined {
  const minReadySeconds = ds.spec.minReadySeconds ?? 0;
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

export function requeueEffects(key: string, ds: DaemonSet, pods: readonly Pod[], plan: DaemonSetSyncPlan, nowMs: number): Effect[] {
  const effects: Effect[] = [];
  if (plan.requeueAfterMs !== undefined) effects.push(wake(nowMs + plan.requeueAfterMs, key));
  const recheckMs = readyPodRecheckMs(ds, pods, nowMs);
  if (recheckMs !== undefined) effects.push(wake(recheckMs, key));
  return effects;
}

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
import { readyPodRecheckMs } from '../common/pod-state.ts';
import type { DaemonSetSyncPlan } from './plan.ts';

export function requeueEffects(key: string, ds: DaemonSet, pods: readonly Pod[], plan: DaemonSetSyncPlan, nowMs: number): Effect[] {
  const effects: Effect[] = [];
  if (plan.requeueAfterMs !== undefined) effects.push(wake(nowMs + plan.requeueAfterMs, key));
  const recheckMs = readyPodRecheckMs(ds.spec.minReadySeconds ?? 0, pods, nowMs);
  if (recheckMs !== undefined) effects.push(wake(recheckMs, key));
  return effects;
}

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
import { readyPodRecheckMs } from '../common/pod-state.ts';
import type { StatefulSetSyncPlan } from './plan.ts';

export function requeueEffects(key: string, set: StatefulSet, pods: readonly Pod[], plan: StatefulSetSyncPlan, nowMs: number): Effect[] {
  const effects: Effect[] = [];
  if (plan.requeueAfterMs !== undefined) effects.push(wake(nowMs + plan.requeueAfterMs, key));
  const recheckMs = readyPodRecheckMs(set.spec.minReadySeconds ?? 0, pods, nowMs);
  if (recheckMs !== undefined) effects.push(wake(recheckMs, key));
  return effects;
}

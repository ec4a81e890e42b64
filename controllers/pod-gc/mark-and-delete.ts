// markFailedAndDeletePod (pkg/controller/podgc/gc_controller.go): a pod that is not over yet is
// first patched to Failed (with a DisruptionTarget condition when it is orphaned), so that nobody
// takes a pod that will never run again for a running one, then deleted with grace period 0.

import type { Command } from '../../core/commands.ts';
import { toTimestamp } from '../../core/clock.ts';
import type { Condition, Pod } from '../../core/objects.ts';
import { withFields } from '../../core/with-fields.ts';

export const POD_GC_CONTROLLER = 'controller/podgc';

/** The condition an orphaned pod gets before it goes. */
export const ORPHAN_CONDITION = { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' } as const;

type Wanted = Pick<Condition, 'type' | 'status' | 'reason' | 'message'>;

/** apipod.UpdatePodCondition: replaces the condition of that type; the transition time moves with its status. */
function withCondition(conditions: readonly Condition[] | undefined, wanted: Wanted, nowMs: number): Condition[] {
  const list = [...(conditions ?? [])];
  const index = list.findIndex((condition) => condition.type === wanted.type);
  const previous = index === -1 ? undefined : list[index];
  const lastTransitionTime =
    previous !== undefined && previous.status === wanted.status && previous.lastTransitionTime !== undefined ? previous.lastTransitionTime : toTimestamp(nowMs);
  const next: Condition = withFields(wanted, { lastTransitionTime });
  if (index === -1) list.push(next);
  else list[index] = next;
  return list;
}

export function markFailedAndDelete(pod: Pod, nowMs: number, condition?: Wanted): Command[] {
  const { namespace = 'default', name, uid } = pod.metadata;
  const commands: Command[] = [];
  const { phase } = pod.status;
  if (phase !== 'Succeeded' && phase !== 'Failed') {
    const conditions = condition === undefined ? pod.status.conditions : withCondition(pod.status.conditions, condition, nowMs);
    const status = withFields(pod.status, { phase: 'Failed' as const, ...(conditions === undefined ? {} : { conditions }) });
    commands.push({ type: 'updatePodStatus', actor: POD_GC_CONTROLLER, namespace, name, status });
  }
  commands.push({ type: 'delete', actor: POD_GC_CONTROLLER, kind: 'Pod', namespace, name, gracePeriodSeconds: 0, uid });
  return commands;
}

// One pod's turn (pkg/scheduler/schedule_one.go, scheduleOne and handleSchedulingFailure): the
// cycle, then, when the pod fits nowhere, the PostFilter (DefaultPreemption), and the requests that
// follow. A failure's message is the cycle's FitError with the PostFilter's " preemption: ..." after
// it, unless preemption found a node. A preemption marks each victim with the DisruptionTarget
// condition and deletes it (recording Preempted on it), clears the nomination of lower-priority
// pods nominated to that node, and reports the pod with status.nominatedNodeName set.

import type { Command } from '../../core/commands.ts';
import { type Effect, submit } from '../../core/controller.ts';
import { findCondition, type Pod } from '../../core/objects.ts';
import type { Rng } from '../../core/prng.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { setCondition } from '../../reducers/stamp.ts';
import { eventAbout } from '../common/controller-ref.ts';
import type { NodeSnapshot } from './node-views.ts';
import type { PodInfo } from './pod-info.ts';
import { preempt, type PreemptionOutcome } from './preemption/default-preemption.ts';
import { podPriority } from './queue/queued-pod.ts';
import { DEFAULT_SCHEDULER_NAME } from './queue/waits-for-scheduler.ts';
import { type CycleResult } from './schedule-pod.ts';
import { withFields } from '../../core/with-fields.ts';

export const SCHEDULER_NAME = 'kube-scheduler';
export const REASON_UNSCHEDULABLE = 'Unschedulable';

type Failed = Extract<CycleResult, { kind: 'unschedulable' }>;

export interface PostFilterInput {
  readonly pod: PodInfo;
  readonly result: Failed;
  readonly nodes: NodeSnapshot;
  readonly cluster: ClusterState;
  readonly rng: Rng;
  readonly nowMs: number;
  /** The pods nominated to a node, from the queue's nominator. */
  readonly nominatedTo: (nodeName: string) => readonly string[];
  /** Whether any placed pod has a priority below the given one. */
  readonly hasPlacedPodBelow?: (priority: number) => boolean;
}

const targetOf = (pod: Pod) => ({ actor: SCHEDULER_NAME, namespace: pod.metadata.namespace ?? '', name: pod.metadata.name });

export function bindEffects(pod: Pod, nodeName: string): Effect[] {
  const target = targetOf(pod);
  const assigned = `Successfully assigned ${target.namespace}/${target.name} to ${nodeName}`;
  return [submit({ type: 'bindPod', ...target, nodeName, record: eventAbout(pod, 'Normal', 'Scheduled', assigned) })];
}

/** Upstream skips the status patch when the condition and the nomination already say the same. */
function statusSays(pod: Pod, message: string, nominatedNodeName: string | undefined): boolean {
  const condition = findCondition(pod.status.conditions, 'PodScheduled');
  const sameNomination = nominatedNodeName === undefined || (pod.status.nominatedNodeName ?? '') === nominatedNodeName;
  return condition?.status === 'False' && condition.reason === REASON_UNSCHEDULABLE && condition.message === message && sameNomination;
}

function failureEffects(pod: Pod, message: string, nominatedNodeName: string | undefined): Effect[] {
  if (statusSays(pod, message, nominatedNodeName)) return [];
  const report: Command = {
    type: 'reportSchedulingFailure',
    ...targetOf(pod),
    reason: REASON_UNSCHEDULABLE,
    message,
    ...(nominatedNodeName === undefined ? {} : { nominatedNodeName }),
    record: eventAbout(pod, 'Warning', 'FailedScheduling', message),
  };
  return [submit(report)];
}

/** PreemptPod: the DisruptionTarget condition, then the deletion, then the Preempted event. */
function preemptVictim(victim: Pod, preemptor: Pod, nodeName: string, nowMs: number): Effect[] {
  const target = targetOf(victim);
  const condition = {
    type: 'DisruptionTarget',
    status: 'True' as const,
    reason: 'PreemptionByScheduler',
    message: `${preemptor.spec.schedulerName ?? DEFAULT_SCHEDULER_NAME}: preempting to accommodate a higher priority pod`,
  };
  const current = findCondition(victim.status.conditions, 'DisruptionTarget');
  const effects: Effect[] = [];
  if (current?.status !== 'True' || current.reason !== condition.reason || current.message !== condition.message) {
    const status = withFields(victim.status, { conditions: setCondition(victim.status.conditions, condition, nowMs) });
    effects.push(submit({ type: 'updatePodStatus', ...target, status }));
  }
  const preempted = `Preempted by pod ${preemptor.metadata.uid} on node ${nodeName}`;
  effects.push(
    submit({ type: 'delete', ...target, kind: 'Pod', uid: victim.metadata.uid, record: eventAbout(victim, 'Normal', 'Preempted', preempted) }),
  );
  return effects;
}

/** getLowerPriorityNominatedPods, then ClearNominatedNodeName. */
function clearLowerNominations(input: PostFilterInput, nodeName: string): Effect[] {
  const priority = podPriority(input.pod.pod);
  const effects: Effect[] = [];
  for (const key of input.nominatedTo(nodeName)) {
    const other = input.cluster.pods.get(key);
    if (other === undefined || key === input.pod.key || podPriority(other) >= priority) continue;
    const { nominatedNodeName: _cleared, ...status } = other.status;
    effects.push(submit({ type: 'updatePodStatus', ...targetOf(other), status }));
  }
  return effects;
}

export interface PostFilterResult {
  readonly effects: Effect[];
  /** The pod's nominated node after this cycle: a name, "" cleared, or undefined unchanged. */
  readonly nominatedNodeName: string | undefined;
  readonly outcome: PreemptionOutcome | undefined;
}

/** RunPostFilterPlugins and handleSchedulingFailure for a pod that fit nowhere. */
export function postFilter(input: PostFilterInput): PostFilterResult {
  const { pod } = input.pod;
  // No node at all is an error before the PostFilter, as upstream's ErrNoNodesAvailable.
  if (input.nodes.list.length === 0) return { effects: failureEffects(pod, input.result.message, undefined), nominatedNodeName: undefined, outcome: undefined };
  const outcome = preempt({
    pod: input.pod,
    cycle: input.result.cycle,
    nodes: input.nodes.list,
    cluster: input.cluster,
    rng: input.rng,
    nowMs: input.nowMs,
    ...(input.hasPlacedPodBelow === undefined ? {} : { hasPlacedPodBelow: input.hasPlacedPodBelow }),
  });
  switch (outcome.kind) {
    case 'notEligible':
      return { effects: failureEffects(pod, `${input.result.message} preemption: ${outcome.message}`, undefined), nominatedNodeName: undefined, outcome };
    case 'noCandidates': {
      const clear = pod.status.nominatedNodeName ? '' : undefined;
      return { effects: failureEffects(pod, `${input.result.message} preemption: ${outcome.message}`, clear), nominatedNodeName: clear, outcome };
    }
    case 'nominated': {
      const effects = [
        ...outcome.victims.flatMap((victim) => preemptVictim(victim, pod, outcome.nodeName, input.nowMs)),
        ...clearLowerNominations(input, outcome.nodeName),
        ...failureEffects(pod, input.result.message, outcome.nodeName),
      ];
      return { effects, nominatedNodeName: outcome.nodeName, outcome };
    }
  }
}

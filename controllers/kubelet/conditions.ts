// The pod conditions the kubelet owns, as upstream generates them (pkg/kubelet/status/generate.go,
// called from generateAPIPodStatus in pkg/kubelet/kubelet_pods.go), in upstream's order. Conditions
// owned by others (PodScheduled from the scheduler, DisruptionTarget) are kept as they are.

import type { Condition, ConditionStatus, ContainerStatus, PodPhase, PodSpec } from '../../core/objects.ts';
import { stampOf } from './ticks.ts';

const KUBELET_OWNED = new Set(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady']);

interface Generated {
  readonly type: string;
  readonly status: ConditionStatus;
  readonly reason?: string;
  readonly message?: string;
}

/** GenerateContainersReadyCondition, for regular containers. */
export function containersReady(
  spec: PodSpec,
  statuses: readonly ContainerStatus[],
  phase: PodPhase,
): Generated {
  const unknown: string[] = [];
  const unready: string[] = [];
  for (const container of spec.containers) {
    const status = statuses.find((candidate) => candidate.name === container.name);
    if (status === undefined) unknown.push(container.name);
    else if (!status.ready) unready.push(container.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0)
    return { type: 'ContainersReady', status: 'False', reason: 'PodCompleted' };
  if (phase === 'Failed') return { type: 'ContainersReady', status: 'False', reason: 'PodFailed' };
  // Go prints a []string with %s as "[a b]".
  const messages = [
    ...(unknown.length > 0 ? [`containers with unknown status: [${unknown.join(' ')}]`] : []),
    ...(unready.length > 0 ? [`containers with unready status: [${unready.join(' ')}]`] : []),
  ];
  if (messages.length > 0) {
    return {
      type: 'ContainersReady',
      status: 'False',
      reason: 'ContainersNotReady',
      message: messages.join(', '),
    };
  }
  return { type: 'ContainersReady', status: 'True' };
}

/**
 * The kubelet-owned conditions in upstream's order. `sandboxReady` is false once the pod is
 * terminal: the kubelet tears its sandbox down, so PodReadyToStartContainers turns False.
 */
export function kubeletConditions(
  spec: PodSpec,
  statuses: readonly ContainerStatus[],
  phase: PodPhase,
  sandboxReady: boolean,
): Generated[] {
  const ready = containersReady(spec, statuses, phase);
  return [
    { type: 'PodReadyToStartContainers', status: sandboxReady ? 'True' : 'False' },
    // No init containers run, so the pod is initialized from the start (GeneratePodInitializedCondition).
    phase === 'Succeeded'
      ? { type: 'Initialized', status: 'True', reason: 'PodCompleted' }
      : { type: 'Initialized', status: 'True' },
    // GeneratePodReadyCondition copies ContainersReady while it is not True; ksim has no readiness gates.
    { ...ready, type: 'Ready' },
    ready,
  ];
}

function sameCondition(a: Generated, b: Condition): boolean {
  return a.status === b.status && a.reason === b.reason && a.message === b.message;
}

/** One condition as the status manager stores it: the transition time moves only with the status. */
function stored(next: Generated, previous: Condition | undefined, now: string): Condition {
  const lastTransitionTime =
    previous !== undefined && previous.status === next.status && previous.lastTransitionTime !== undefined
      ? previous.lastTransitionTime
      : now;
  return { ...next, lastProbeTime: null, lastTransitionTime };
}

/**
 * The full condition list: the kubelet's own, then the others the pod already had. PodScheduled
 * is added when missing (generateAPIPodStatus always reports it True).
 */
export function podConditions(
  generated: readonly Generated[],
  previous: readonly Condition[] | undefined,
  nowMs: number,
): Condition[] {
  const old = previous ?? [];
  const now = stampOf(nowMs);
  const own = generated.map((next) => {
    const before = old.find((condition) => condition.type === next.type);
    return before !== undefined && sameCondition(next, before) ? before : stored(next, before, now);
  });
  const others = old.filter((condition) => !KUBELET_OWNED.has(condition.type));
  const scheduled = others.some((condition) => condition.type === 'PodScheduled')
    ? []
    : [stored({ type: 'PodScheduled', status: 'True' }, undefined, now)];
  return [...own, ...others, ...scheduled];
}

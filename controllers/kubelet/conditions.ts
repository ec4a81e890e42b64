// The pod conditions the kubelet owns, as upstream generates them (pkg/kubelet/status/generate.go,
// called from generateAPIPodStatus in pkg/kubelet/kubelet_pods.go), in upstream's order. Conditions
// owned by others (PodScheduled from the scheduler, DisruptionTarget) are kept as they are.

import type { Condition, ConditionStatus, Container, ContainerStatus, PodPhase, PodSpec } from '../../core/objects.ts';
import { stampOf } from './ticks.ts';
import { withFields } from '../../core/with-fields.ts';

const KUBELET_OWNED = new Set(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady']);

interface Generated {
  readonly type: string;
  readonly status: ConditionStatus;
  readonly reason?: string;
  readonly message?: string;
}

function isSidecar(container: Container): boolean {
  return container.restartPolicy === 'Always';
}

function find(statuses: readonly ContainerStatus[], name: string): ContainerStatus | undefined {
  return statuses.find((candidate) => candidate.name === name);
}

/** Go prints a []string with %s as "[a b]". */
function goList(names: readonly string[]): string {
  return `[${names.join(' ')}]`;
}

/** GenerateContainersReadyCondition: the sidecars and the app containers, over all statuses. */
export function containersReady(spec: PodSpec, statuses: readonly ContainerStatus[], phase: PodPhase): Generated {
  const unknown: string[] = [];
  const unready: string[] = [];
  const counted = [...(spec.initContainers ?? []).filter(isSidecar), ...spec.containers];
  for (const container of counted) {
    const status = find(statuses, container.name);
    if (status === undefined) unknown.push(container.name);
    else if (!status.ready) unready.push(container.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) return { type: 'ContainersReady', status: 'False', reason: 'PodCompleted' };
  if (phase === 'Failed') return { type: 'ContainersReady', status: 'False', reason: 'PodFailed' };
  const messages = [
    ...(unknown.length > 0 ? [`containers with unknown status: ${goList(unknown)}`] : []),
    ...(unready.length > 0 ? [`containers with unready status: ${goList(unready)}`] : []),
  ];
  if (messages.length > 0) return { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: messages.join(', ') };
  return { type: 'ContainersReady', status: 'True' };
}

/** HasAnyRegularContainerStarted: an app container has run, so the pod was initialized. */
function anyAppStarted(spec: PodSpec, statuses: readonly ContainerStatus[]): boolean {
  return spec.containers.some((container) => {
    const state = find(statuses, container.name)?.state;
    return state?.running !== undefined || state?.terminated !== undefined;
  });
}

/** GeneratePodInitializedCondition: every regular init container ready (exited 0), every sidecar started. */
export function initialized(spec: PodSpec, statuses: readonly ContainerStatus[], phase: PodPhase): Generated {
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const container of spec.initContainers ?? []) {
    const status = find(statuses, container.name);
    if (status === undefined) unknown.push(container.name);
    else if (isSidecar(container) ? status.started !== true : !status.ready) incomplete.push(container.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) return { type: 'Initialized', status: 'True', reason: 'PodCompleted' };
  if (anyAppStarted(spec, statuses)) return { type: 'Initialized', status: 'True' };
  const messages = [
    ...(unknown.length > 0 ? [`containers with unknown status: ${goList(unknown)}`] : []),
    ...(incomplete.length > 0 ? [`containers with incomplete status: ${goList(incomplete)}`] : []),
  ];
  if (messages.length > 0) return { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: messages.join(', ') };
  return { type: 'Initialized', status: 'True' };
}

/** GeneratePodReadyCondition: ContainersReady, then every readiness gate's condition True. */
export function podReady(spec: PodSpec, ready: Generated, others: readonly Condition[]): Generated {
  if (ready.status !== 'True') return { ...ready, type: 'Ready' };
  const gates = (Array.isArray(spec.readinessGates) ? spec.readinessGates : []) as readonly { readonly conditionType?: string }[];
  const unready: string[] = [];
  for (const gate of gates) {
    const type = gate.conditionType ?? '';
    const condition = others.find((candidate) => candidate.type === type);
    if (condition === undefined) unready.push(`corresponding condition of pod readiness gate "${type}" does not exist.`);
    else if (condition.status !== 'True') unready.push(`the status of pod readiness gate "${type}" is not "True", but ${condition.status}`);
  }
  if (unready.length > 0) return { type: 'Ready', status: 'False', reason: 'ReadinessGatesNotReady', message: unready.join(', ') };
  return { type: 'Ready', status: 'True' };
}

/**
 * The kubelet-owned conditions in upstream's order, over the init and app containers' statuses.
 * `sandboxReady` is false once the pod is over: the kubelet tears its sandbox down, so
 * PodReadyToStartContainers turns False.
 */
export function kubeletConditions(
  spec: PodSpec,
  statuses: readonly ContainerStatus[],
  phase: PodPhase,
  sandboxReady: boolean,
  others: readonly Condition[] = [],
): Generated[] {
  const ready = containersReady(spec, statuses, phase);
  return [
    { type: 'PodReadyToStartContainers', status: sandboxReady ? 'True' : 'False' },
    initialized(spec, statuses, phase),
    podReady(spec, ready, others),
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
  return withFields(next, { lastProbeTime: null, lastTransitionTime });
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

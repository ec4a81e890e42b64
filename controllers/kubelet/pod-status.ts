// A pod's status as the kubelet reports it: the first report when the kubelet admits the pod, and
// every later one rebuilt from the container statuses (phase, reason, conditions), as upstream's
// generateAPIPodStatus does (pkg/kubelet/kubelet_pods.go).

import type { ContainerStatus, Node, Pod, PodPhase, PodStatus } from '../../core/objects.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { kubeletConditions, podConditions } from './conditions.ts';
import { podPhase } from './phase.ts';
import { allocatePodIP, hostIPOf } from './pod-network.ts';
import { CONTAINER_CREATING, POD_INITIALIZING } from './pod-run.ts';
import { DEADLINE_EXCEEDED, DEADLINE_MESSAGE } from './pod-steps.ts';
import { podQosClass } from '../../core/qos-class.ts';
import { stampOf } from './ticks.ts';
import { withFields } from '../../core/with-fields.ts';

export { CONTAINER_CREATING, POD_INITIALIZING };

const KUBELET_OWNED = new Set(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady']);

function creating(containers: Pod['spec']['containers'], reason: string): ContainerStatus[] {
  return containers.map((container) => ({
    name: container.name,
    image: container.image,
    ready: false,
    started: false,
    restartCount: 0,
    state: { waiting: { reason } },
    lastState: {},
  }));
}

export function isTerminalPhase(phase: PodPhase | undefined): boolean {
  return phase === 'Succeeded' || phase === 'Failed';
}

/** What the kubelet knows when it admits the pod: where it runs, its addresses, nothing started yet. */
export function admittedStatus(state: ClusterState, pod: Pod, node: Node, nowMs: number): PodStatus {
  const hostIP = hostIPOf(node);
  const podIP = allocatePodIP(state, node);
  const inits = pod.spec.initContainers ?? [];
  const reason = inits.length > 0 ? POD_INITIALIZING : CONTAINER_CREATING;
  return withFields(pod.status, {
    phase: 'Pending',
    ...(hostIP === undefined ? {} : { hostIP }),
    ...(podIP === undefined ? {} : { podIP }),
    startTime: stampOf(nowMs),
    ...(inits.length > 0 ? { initContainerStatuses: creating(inits, reason) } : {}),
    containerStatuses: creating(pod.spec.containers, reason),
    qosClass: podQosClass(pod.spec),
  });
}

export interface Rebuild {
  readonly inits: ContainerStatus[];
  readonly apps: ContainerStatus[];
  /** The pod is being deleted and none of its containers will run again. */
  readonly podIsTerminal: boolean;
  /** spec.activeDeadlineSeconds ran out while the pod was still going. */
  readonly deadlineExceeded: boolean;
}

/** An app container was created: sidecars restarting later do not make the pod Pending again. */
function hasInitialized(apps: readonly ContainerStatus[]): boolean {
  return apps.some((status) => status.state.running !== undefined || status.state.terminated !== undefined || status.lastState?.terminated !== undefined);
}

function phaseAndReason(pod: Pod, base: PodStatus, rebuild: Rebuild): Pick<PodStatus, 'phase' | 'reason' | 'message'> {
  const all = [...rebuild.inits, ...rebuild.apps];
  const generated = podPhase(pod.spec, all, rebuild.podIsTerminal, hasInitialized(rebuild.apps));
  // A terminal phase is final (generateAPIPodStatus never leaves it), with its reason.
  if (isTerminalPhase(base.phase)) return { phase: base.phase, reason: base.reason, message: base.message };
  if (rebuild.deadlineExceeded && !isTerminalPhase(generated)) return { phase: 'Failed', reason: DEADLINE_EXCEEDED, message: DEADLINE_MESSAGE };
  // The reason and message belong to a phase; a new phase drops them.
  return generated === base.phase ? { phase: generated, reason: base.reason, message: base.message } : { phase: generated };
}

/** The status for these container statuses; terminal pods also lose their sandbox once nothing runs. */
export function rebuiltStatus(pod: Pod, base: PodStatus, rebuild: Rebuild, nowMs: number): PodStatus {
  const { phase, reason, message } = phaseAndReason(pod, base, rebuild);
  const all = [...rebuild.inits, ...rebuild.apps];
  const anyRunning = all.some((status) => status.state.running !== undefined);
  const sandboxReady = !(isTerminalPhase(phase) && !anyRunning);
  const others = (base.conditions ?? []).filter((condition) => !KUBELET_OWNED.has(condition.type));
  const conditions = podConditions(kubeletConditions(pod.spec, all, phase, sandboxReady, others), base.conditions, nowMs);
  const { reason: _reason, message: _message, initContainerStatuses: _inits, ...rest } = base;
  return withFields(rest, {
    phase,
    ...(reason === undefined ? {} : { reason }),
    ...(message === undefined ? {} : { message }),
    conditions,
    ...(rebuild.inits.length > 0 ? { initContainerStatuses: rebuild.inits } : {}),
    containerStatuses: rebuild.apps,
  });
}

/**
 * What the status manager's TerminatePod does to a container that never stopped by itself when
 * the pod ends: one that is not terminated is reported as lost, which fails the pod.
 */
export function lostAtTermination(status: ContainerStatus, nowMs: number): ContainerStatus {
  if (status.state.terminated !== undefined) return status;
  const terminated = {
    exitCode: 137,
    reason: 'ContainerStatusUnknown',
    message: 'The container could not be located when the pod was terminated',
    finishedAt: stampOf(nowMs),
  };
  return withFields(status, { ready: false, started: false, state: { terminated } });
}

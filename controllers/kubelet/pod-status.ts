// A pod's status as the kubelet reports it: the first report when the kubelet admits the pod, and
// every later one rebuilt from the container statuses (phase, conditions), as upstream's
// generateAPIPodStatus does (pkg/kubelet/kubelet_pods.go).

import type { ContainerStatus, Node, Pod, PodStatus } from '../../core/objects.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { kubeletConditions, podConditions } from './conditions.ts';
import { podPhase } from './phase.ts';
import { allocatePodIP, hostIPOf } from './pod-network.ts';
import { podQosClass } from './qos-class.ts';
import { stampOf } from './ticks.ts';

/** Upstream's default waiting reason for a container not created yet (pod without init containers). */
export const CONTAINER_CREATING = 'ContainerCreating';

function creating(pod: Pod): ContainerStatus[] {
  return pod.spec.containers.map((container) => ({
    name: container.name,
    image: container.image,
    ready: false,
    started: false,
    restartCount: 0,
    state: { waiting: { reason: CONTAINER_CREATING } },
    lastState: {},
  }));
}

/** What the kubelet knows when it admits the pod: where it runs, its addresses, nothing started yet. */
export function admittedStatus(state: ClusterState, pod: Pod, node: Node, nowMs: number): PodStatus {
  const hostIP = hostIPOf(node);
  const podIP = allocatePodIP(state, node);
  return {
    ...pod.status,
    phase: 'Pending',
    ...(hostIP === undefined ? {} : { hostIP }),
    ...(podIP === undefined ? {} : { podIP }),
    startTime: stampOf(nowMs),
    containerStatuses: creating(pod),
    qosClass: podQosClass(pod.spec),
  };
}

/**
 * The status for these container statuses. `podIsTerminal` says the pod is being deleted and none
 * of its containers will run again; terminal pods also lose their sandbox.
 */
export function rebuiltStatus(
  pod: Pod,
  base: PodStatus,
  statuses: ContainerStatus[],
  podIsTerminal: boolean,
  nowMs: number,
): PodStatus {
  const phase = podPhase(pod.spec, statuses, podIsTerminal);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const conditions = podConditions(
    kubeletConditions(pod.spec, statuses, phase, !terminal),
    base.conditions,
    nowMs,
  );
  return { ...base, phase, conditions, containerStatuses: statuses };
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
  return { ...status, ready: false, started: false, state: { terminated } };
}

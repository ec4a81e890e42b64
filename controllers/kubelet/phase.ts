// The pod phase from its container statuses: upstream's getPhase (pkg/kubelet/kubelet_pods.go) for
// regular containers. ksim does not run init containers, so their counters stay at zero.

import type { ContainerStatus, PodPhase, PodSpec } from '../../core/objects.ts';

interface Counts {
  readonly running: number;
  readonly waiting: number;
  readonly stopped: number;
  readonly succeeded: number;
  readonly unknown: number;
}

function countStates(spec: PodSpec, statuses: readonly ContainerStatus[] | undefined): Counts {
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  let unknown = 0;
  for (const container of spec.containers) {
    const status = statuses?.find((candidate) => candidate.name === container.name);
    if (status === undefined) unknown++;
    else if (status.state.running !== undefined) running++;
    else if (status.state.terminated !== undefined) {
      stopped++;
      if (status.state.terminated.exitCode === 0) succeeded++;
    } else if (status.state.waiting !== undefined) {
      // A container waiting to restart after an exit counts as stopped, not as never started.
      if (status.lastState?.terminated !== undefined) stopped++;
      else waiting++;
    } else unknown++;
  }
  return { running, waiting, stopped, succeeded, unknown };
}

/**
 * `podIsTerminal` says the kubelet will run none of the containers again (the pod is being
 * deleted and all of them stopped): the phase is then final whatever the restart policy.
 */
export function podPhase(
  spec: PodSpec,
  statuses: readonly ContainerStatus[] | undefined,
  podIsTerminal: boolean,
): PodPhase {
  const { running, waiting, stopped, succeeded, unknown } = countStates(spec, statuses);
  if (waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    const policy = spec.restartPolicy ?? 'Always';
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    // OnFailure: a failed container is on its way back.
    return 'Running';
  }
  return 'Pending';
}

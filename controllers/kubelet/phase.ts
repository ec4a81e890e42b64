// The pod phase from its container statuses: upstream's getPhase (pkg/kubelet/kubelet_pods.go),
// reading regular init containers, sidecars (init containers with restartPolicy Always) and app
// containers from one list of statuses, by name. A failed init container fails the pod under
// restartPolicy Never; init containers still to finish keep it Pending; terminated sidecars do not
// count.

import type { Container, ContainerStatus, PodPhase, PodSpec } from '../../core/objects.ts';

interface Counts {
  pendingInit: number;
  pendingSidecars: number;
  failedInit: number;
  running: number;
  waiting: number;
  stopped: number;
  succeeded: number;
  unknown: number;
}

function isSidecar(container: Container): boolean {
  return container.restartPolicy === 'Always';
}

function find(statuses: readonly ContainerStatus[], name: string): ContainerStatus | undefined {
  return statuses.find((candidate) => candidate.name === name);
}

function countRegularInit(counts: Counts, status: ContainerStatus | undefined): void {
  if (status === undefined) counts.pendingInit++;
  else if (status.state.running !== undefined) counts.pendingInit++;
  else if (status.state.terminated !== undefined) {
    if (status.state.terminated.exitCode !== 0) counts.failedInit++;
  } else if (status.state.waiting !== undefined) {
    const last = status.lastState?.terminated;
    if (last === undefined) counts.pendingInit++;
    else if (last.exitCode !== 0) counts.failedInit++;
  } else counts.pendingInit++;
}

function countSidecar(counts: Counts, status: ContainerStatus | undefined): void {
  if (status === undefined) counts.unknown++;
  else if (status.state.running !== undefined) {
    if (status.started !== true) counts.pendingSidecars++;
    counts.running++;
  } else if (status.state.terminated !== undefined) {
    // Terminated sidecars do not count for the phase.
  } else if (status.state.waiting !== undefined) {
    if (status.lastState?.terminated === undefined) {
      counts.pendingSidecars++;
      counts.waiting++;
    }
  } else {
    counts.pendingSidecars++;
    counts.unknown++;
  }
}

function countApp(counts: Counts, status: ContainerStatus | undefined): void {
  if (status === undefined) counts.unknown++;
  else if (status.state.running !== undefined) counts.running++;
  else if (status.state.terminated !== undefined) {
    counts.stopped++;
    if (status.state.terminated.exitCode === 0) counts.succeeded++;
  } else if (status.state.waiting !== undefined) {
    // A container waiting to restart after an exit counts as stopped, not as never started.
    if (status.lastState?.terminated !== undefined) counts.stopped++;
    else counts.waiting++;
  } else counts.unknown++;
}

function countStates(spec: PodSpec, statuses: readonly ContainerStatus[]): Counts {
  const counts: Counts = { pendingInit: 0, pendingSidecars: 0, failedInit: 0, running: 0, waiting: 0, stopped: 0, succeeded: 0, unknown: 0 };
  for (const container of spec.initContainers ?? []) {
    const status = find(statuses, container.name);
    if (isSidecar(container)) countSidecar(counts, status);
    else countRegularInit(counts, status);
  }
  for (const container of spec.containers) countApp(counts, find(statuses, container.name));
  return counts;
}

/**
 * `statuses` holds the init and the app containers' statuses. `podIsTerminal` says the kubelet
 * will run none of the containers again (the pod is being deleted and all of them stopped): the
 * phase is then final whatever the restart policy. `podHasInitialized` says an app container has
 * been created, so sidecars restarting do not take the pod back to Pending.
 */
export function podPhase(
  spec: PodSpec,
  statuses: readonly ContainerStatus[] | undefined,
  podIsTerminal: boolean,
  podHasInitialized = false,
): PodPhase {
  const counts = countStates(spec, statuses ?? []);
  const policy = spec.restartPolicy ?? 'Always';
  if (counts.failedInit > 0 && policy === 'Never') return 'Failed';
  if (counts.pendingInit > 0 || (counts.pendingSidecars > 0 && !podHasInitialized)) return 'Pending';
  const { running, waiting, stopped, succeeded, unknown } = counts;
  if (waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    // OnFailure: a failed container is on its way back.
    return 'Running';
  }
  return 'Pending';
}

// The READY, STATUS and RESTARTS cells of `kubectl get pods`, computed as upstream's printPod
// does (kubernetes/pkg/printers/internalversion/printers.go): the phase, overridden by the first
// init container that has not finished, then by the containers' waiting or terminated reasons,
// then by deletion ("Terminating").

import type { Container, ContainerStatus, Pod, PodStatus } from '../../core/objects.ts';
import { fromTimestamp } from '../../core/clock.ts';
import { findCondition } from '../../core/objects.ts';

/** Status fields kubectl reads that ksim's PodStatus type leaves to the open part of the object. */
export type FullPodStatus = PodStatus & {
  readonly initContainerStatuses?: readonly ContainerStatus[];
  readonly nominatedNodeName?: string;
  readonly podIPs?: readonly { readonly ip: string }[];
};

export interface PodCells {
  readonly ready: string;
  readonly status: string;
  readonly restarts: number;
  /** When a container last stopped (virtual ms), for "3 (45s ago)"; undefined when none has. */
  readonly lastRestartMs?: number;
}

/** node.NodeUnreachablePodReason: the node controller marks pods of an unreachable node so. */
const NODE_LOST = 'NodeLost';

function isRestartable(container: Container | undefined): boolean {
  return container?.restartPolicy === 'Always';
}

function terminatedReason(
  terminated: NonNullable<ContainerStatus['state']['terminated']>,
  prefix: string,
): string {
  // Stored statuses come from logs, so a reason the type requires may still be missing.
  if ((terminated.reason ?? '') !== '') return `${prefix}${terminated.reason}`;
  const signal = (terminated as { signal?: number }).signal;
  return signal !== undefined && signal !== 0
    ? `${prefix}Signal:${signal}`
    : `${prefix}ExitCode:${terminated.exitCode}`;
}

/** Restarts and when a container last stopped, the way printPod sums them. */
class Restarts {
  count = 0;
  lastMs: number | undefined;

  add(container: ContainerStatus): void {
    this.count += container.restartCount;
    const finishedAt = container.lastState?.terminated?.finishedAt;
    if (finishedAt !== undefined)
      this.lastMs = Math.max(this.lastMs ?? Number.NEGATIVE_INFINITY, fromTimestamp(finishedAt));
  }
}

/** printPod's running totals: one ready count, and restarts of all containers and of sidecars alone. */
class Tally {
  ready = 0;
  readonly all = new Restarts();
  readonly sidecars = new Restarts();
}

interface InitResult {
  readonly reason: string | undefined;
  readonly initializing: boolean;
}

/** The first init container that has not finished decides the status, as "Init:..." text. */
function initContainers(pod: Pod, status: FullPodStatus, tally: Tally): InitResult {
  const specs = new Map((pod.spec.initContainers ?? []).map((container) => [container.name, container]));
  const statuses = status.initContainerStatuses ?? [];
  for (const [i, container] of statuses.entries()) {
    tally.all.add(container);
    const sidecar = isRestartable(specs.get(container.name));
    if (sidecar) tally.sidecars.add(container);
    const { terminated, waiting } = container.state;
    if (terminated !== undefined && terminated.exitCode === 0) continue;
    if (sidecar && container.started === true) {
      if (container.ready) tally.ready++;
      continue;
    }
    if (terminated !== undefined)
      return { reason: terminatedReason(terminated, 'Init:'), initializing: true };
    if (waiting !== undefined && (waiting.reason ?? '') !== '' && waiting.reason !== 'PodInitializing') {
      return { reason: `Init:${waiting.reason}`, initializing: true };
    }
    // len(pod.Spec.InitContainers): the count of the spec's list, names repeated or not.
    return { reason: `Init:${i}/${(pod.spec.initContainers ?? []).length}`, initializing: true };
  }
  return { reason: undefined, initializing: false };
}

/** The regular containers, last to first, so the first container's reason wins. */
function regularContainers(status: FullPodStatus, reason: string, tally: Tally, restarts: Restarts): string {
  let current = reason;
  let hasRunning = false;
  const statuses = status.containerStatuses ?? [];
  for (let i = statuses.length - 1; i >= 0; i--) {
    const container = statuses[i] as ContainerStatus;
    restarts.add(container);
    const { waiting, terminated, running } = container.state;
    if (waiting !== undefined && (waiting.reason ?? '') !== '') current = waiting.reason;
    else if (terminated !== undefined) current = terminatedReason(terminated, '');
    else if (container.ready && running !== undefined) {
      hasRunning = true;
      tally.ready++;
    }
  }
  if (current === 'Completed' && hasRunning) {
    current = findCondition(status.conditions, 'Ready')?.status === 'True' ? 'Running' : 'NotReady';
  }
  return current;
}

function baseReason(status: PodStatus): string {
  const scheduled = findCondition(status.conditions, 'PodScheduled');
  if (scheduled?.reason === 'SchedulingGated') return 'SchedulingGated';
  return status.reason !== undefined && status.reason !== '' ? status.reason : status.phase;
}

export function podCells(pod: Pod): PodCells {
  const status = pod.status as FullPodStatus;
  const sidecars = (pod.spec.initContainers ?? []).filter(isRestartable).length;
  const tally = new Tally();
  const init = initContainers(pod, status, tally);
  let reason = init.reason ?? baseReason(status);
  let restarts = tally.all;
  if (!init.initializing || findCondition(status.conditions, 'Initialized')?.status === 'True') {
    // Once initialised, only the sidecars' restarts count alongside the regular containers'.
    restarts = tally.sidecars;
    reason = regularContainers(status, reason, tally, restarts);
  }
  const terminal = status.phase === 'Succeeded' || status.phase === 'Failed';
  if (pod.metadata.deletionTimestamp !== undefined && status.reason === NODE_LOST) reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp !== undefined && !terminal) reason = 'Terminating';
  return {
    ready: `${tally.ready}/${pod.spec.containers.length + sidecars}`,
    status: reason,
    restarts: restarts.count,
    ...(restarts.lastMs === undefined ? {} : { lastRestartMs: restarts.lastMs }),
  };
}

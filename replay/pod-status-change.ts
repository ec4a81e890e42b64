// What a kubelet's status report changed about a pod, in a few words: the phase, how many
// containers are ready, restarts with the reason the container last stopped, the reasons a
// container (init containers included) waits or ended, and an init container that starts. The
// story prints it after the pod's name.

import type { ContainerState, ContainerStatus, PodStatus } from '../core/objects.ts';

function readyCount(status: PodStatus | undefined): number {
  return (status?.containerStatuses ?? []).filter((container) => container.ready).length;
}

function exitText(terminated: NonNullable<ContainerState['terminated']>): string {
  return `${terminated.reason || 'terminated'} (exit code ${terminated.exitCode})`;
}

function restartText(container: ContainerStatus): string {
  const last = container.lastState?.terminated;
  const cause = last === undefined ? '' : ` after ${exitText(last)}`;
  const waiting = container.state.waiting?.reason;
  const plural = container.restartCount === 1 ? 'restart' : 'restarts';
  return `${container.name} restarted${cause}, ${container.restartCount} ${plural}${waiting === undefined ? '' : `, waiting: ${waiting}`}`;
}

/** The state a container newly entered, when it is worth a word: waiting with a reason, or terminated. */
function stateText(container: ContainerStatus, before: ContainerStatus | undefined): string | undefined {
  const waiting = container.state.waiting;
  if (waiting !== undefined) {
    const unchanged = before?.state.waiting?.reason === waiting.reason;
    return unchanged || (waiting.reason ?? '') === ''
      ? undefined
      : `${container.name} waiting: ${waiting.reason}`;
  }
  const terminated = container.state.terminated;
  if (terminated !== undefined) {
    const unchanged = before?.state.terminated?.finishedAt === terminated.finishedAt;
    return unchanged ? undefined : `${container.name} terminated: ${exitText(terminated)}`;
  }
  return undefined;
}

function containerChanges(before: PodStatus | undefined, after: PodStatus): string[] {
  const all = (status: PodStatus | undefined) => [...(status?.initContainerStatuses ?? []), ...(status?.containerStatuses ?? [])];
  const previous = new Map(all(before).map((container) => [container.name, container]));
  const inits = new Set((after.initContainerStatuses ?? []).map((container) => container.name));
  const changes: string[] = [];
  for (const container of all(after)) {
    const earlier = previous.get(container.name);
    if (container.restartCount > (earlier?.restartCount ?? 0)) {
      changes.push(restartText(container));
      continue;
    }
    // An init container that starts is worth a word: the pod's phase does not move with it.
    const started = inits.has(container.name) && container.state.running !== undefined && earlier?.state.running === undefined;
    const text = started ? `${container.name} running` : stateText(container, earlier);
    if (text !== undefined) changes.push(text);
  }
  return changes;
}

/** A DisruptionTarget condition newly set (the scheduler's preemption, an eviction), and a nomination that changed. */
function disruptionAndNomination(before: PodStatus | undefined, after: PodStatus): string[] {
  const changes: string[] = [];
  const target = (status: PodStatus | undefined) => status?.conditions?.find((condition) => condition.type === 'DisruptionTarget' && condition.status === 'True');
  const now = target(after);
  if (now !== undefined && target(before)?.reason !== now.reason) changes.push(`DisruptionTarget: ${now.reason ?? ''}`);
  const was = before?.nominatedNodeName ?? '';
  const is = after.nominatedNodeName ?? '';
  if (was !== is) changes.push(is === '' ? `nominated node ${was} cleared` : `nominated to ${is}`);
  return changes;
}

/** "phase Pending -> Running, ready 1/1", or "status updated" when nothing worth a word changed. */
export function describePodStatusChange(before: PodStatus | undefined, after: PodStatus): string {
  const changes: string[] = disruptionAndNomination(before, after);
  if (before?.phase !== after.phase) changes.push(`phase ${before?.phase ?? 'Unknown'} -> ${after.phase}`);
  if (after.reason !== undefined && after.reason !== before?.reason) {
    changes.push(
      after.message === undefined ? `reason ${after.reason}` : `reason ${after.reason}: ${after.message}`,
    );
  }
  const ready = readyCount(after);
  if (ready !== readyCount(before)) changes.push(`ready ${ready}/${(after.containerStatuses ?? []).length}`);
  changes.push(...containerChanges(before, after));
  return changes.length === 0 ? 'status updated' : changes.join(', ');
}

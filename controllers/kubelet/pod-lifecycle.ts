// One pod on one node, level-driven: from the pod's status and the time, report what changed, ask
// to be woken for the next container transition, and once a deleted pod's containers have stopped,
// delete it for good (the status manager's syncPod in pkg/kubelet/status/status_manager.go deletes
// with grace period 0 and the pod's uid as precondition).

import type { Command } from '../../core/commands.ts';
import { type Effect, submit, wake } from '../../core/controller.ts';
import type { ContainerStatus, Node, Pod, PodStatus } from '../../core/objects.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { advanceContainer, type ContainerContext } from './container-lifecycle.ts';
import type { ImageCatalog } from './image-behaviour.ts';
import { kubeletActor, podKey } from './keys.ts';
import { admittedStatus, lostAtTermination, rebuiltStatus } from './pod-status.ts';
import { sameJson } from '../../core/canonical-json.ts';
import { isTick, msOf, onTick } from './ticks.ts';

/** Upstream's default terminationGracePeriodSeconds. */
export const DEFAULT_GRACE_SECONDS = 30;

function isTerminalPhase(status: PodStatus): boolean {
  return status.phase === 'Succeeded' || status.phase === 'Failed';
}

interface Deletion {
  readonly requestedMs: number;
  readonly graceMs: number;
}

/** When the deletion was asked for: the apiserver set deletionTimestamp to that time plus the grace period. */
function deletionOf(pod: Pod): Deletion | undefined {
  const deadlineMs = msOf(pod.metadata.deletionTimestamp);
  if (deadlineMs === undefined) return undefined;
  const graceSeconds =
    pod.metadata.deletionGracePeriodSeconds ??
    pod.spec.terminationGracePeriodSeconds ??
    DEFAULT_GRACE_SECONDS;
  return { requestedMs: deadlineMs - graceSeconds * 1000, graceMs: graceSeconds * 1000 };
}

/** Containers start one after the other, each pulled then started (SyncPod's start loop). */
function contexts(
  pod: Pod,
  startedMs: number,
  images: ImageCatalog,
  deletion: Deletion | undefined,
): ContainerContext[] {
  const { name, namespace = 'default', uid } = pod.metadata;
  const podRef = `${name}_${namespace}(${uid})`;
  let readyToStartMs = startedMs;
  return pod.spec.containers.map((container) => {
    const behaviour = images(container.image);
    readyToStartMs += behaviour.pullMs + behaviour.startMs;
    return {
      behaviour,
      firstRunMs: onTick(readyToStartMs),
      restartPolicy: pod.spec.restartPolicy ?? 'Always',
      ...(deletion === undefined ? {} : { stopRequestedMs: deletion.requestedMs }),
      graceMs: deletion?.graceMs ?? DEFAULT_GRACE_SECONDS * 1000,
      podRef,
    };
  });
}

function deleteCommand(pod: Pod, nodeName: string): Command {
  const { namespace = 'default', name, uid } = pod.metadata;
  return {
    type: 'delete',
    actor: kubeletActor(nodeName),
    kind: 'Pod',
    namespace,
    name,
    gracePeriodSeconds: 0,
    uid,
  };
}

interface Progress {
  readonly statuses: ContainerStatus[];
  readonly nextMs?: number;
  readonly podIsTerminal: boolean;
}

/** Every container moved up to now; a deleted pod whose containers are all done is terminal. */
function progress(pod: Pod, base: PodStatus, images: ImageCatalog, nowMs: number): Progress {
  const deletion = deletionOf(pod);
  const startedMs = msOf(base.startTime) ?? nowMs;
  const containerContexts = contexts(pod, startedMs, images, deletion);
  let nextMs: number | undefined;
  const statuses = (base.containerStatuses ?? []).map((status) => {
    const context =
      containerContexts[pod.spec.containers.findIndex((container) => container.name === status.name)];
    if (context === undefined) return status;
    const advanced = advanceContainer(status, context, nowMs);
    if (advanced.nextMs !== undefined) nextMs = Math.min(nextMs ?? advanced.nextMs, advanced.nextMs);
    return advanced.status;
  });
  if (deletion === undefined || nextMs !== undefined)
    return { statuses, podIsTerminal: false, ...(nextMs === undefined ? {} : { nextMs }) };
  // Nothing will run again; the deletion itself must be due before the pod can end.
  if (onTick(deletion.requestedMs) > nowMs)
    return { statuses, podIsTerminal: false, nextMs: onTick(deletion.requestedMs) };
  return { statuses: statuses.map((status) => lostAtTermination(status, nowMs)), podIsTerminal: true };
}

/** The kubelet's work for one pod bound to `node`. */
export function reconcilePod(
  state: ClusterState,
  pod: Pod,
  node: Node,
  images: ImageCatalog,
  nowMs: number,
): Effect[] {
  const nodeName = node.metadata.name;
  const key = podKey(pod.metadata.namespace, pod.metadata.name);
  const deleting = pod.metadata.deletionTimestamp !== undefined;
  // A terminal phase is final (generateAPIPodStatus never leaves it); all that is left is the deletion.
  if (isTerminalPhase(pod.status)) return deleting ? [submit(deleteCommand(pod, nodeName))] : [];
  // The kubelet admits pods on its one-second tick, so every time it writes reads back exactly.
  if (pod.status.startTime === undefined && !isTick(nowMs)) return [wake(onTick(nowMs), key)];
  const base = pod.status.startTime === undefined ? admittedStatus(state, pod, node, nowMs) : pod.status;
  const { statuses, nextMs, podIsTerminal } = progress(pod, base, images, nowMs);
  const status = rebuiltStatus(pod, base, statuses, podIsTerminal, nowMs);
  const effects: Effect[] = [];
  if (!sameJson(status, pod.status)) {
    const { namespace = 'default', name } = pod.metadata;
    effects.push(submit({ type: 'updatePodStatus', actor: kubeletActor(nodeName), namespace, name, status }));
  }
  if (deleting && isTerminalPhase(status)) effects.push(submit(deleteCommand(pod, nodeName)));
  else if (nextMs !== undefined) effects.push(wake(nextMs, key));
  return effects;
}

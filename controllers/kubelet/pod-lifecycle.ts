// One pod on one node, level-driven: admit it (or refuse it), replay its containers up to now,
// report what changed with the Events that go with it, ask to be woken for the next moment, and
// once a deleted pod's containers have stopped, delete it for good (the status manager's syncPod
// in pkg/kubelet/status/status_manager.go deletes with grace period 0 and the pod's uid as
// precondition).

import { configSource } from './config-source.ts';
import type { Command, EventRecord } from '../../core/commands.ts';
import { sameJson } from '../../core/canonical-json.ts';
import { type Effect, submit, wake } from '../../core/controller.ts';
import { keyOf, type ContainerStatus, type Node, type Pod, type PodStatus } from '../../core/objects.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { admissionFailure, rejectionMessage } from './admission.ts';
import { podEvent } from './container-events.ts';
import type { ImageCatalog } from './image-behaviour.ts';
import { kubeletActor, podKey } from './keys.ts';
import type { KubeletMemory } from './memory.ts';
import { podPhase } from './phase.ts';
import { podContext } from './pod-context.ts';
import { PodRun } from './pod-run.ts';
import { admittedStatus, isTerminalPhase, lostAtTermination, rebuiltStatus } from './pod-status.ts';
import { advancePod } from './pod-steps.ts';
import { podQosClass } from '../../core/qos-class.ts';
import { isTick, msOf, onTick, stampOf } from './ticks.ts';
import { withFields } from '../../core/with-fields.ts';

function deleteCommand(pod: Pod, nodeName: string): Command {
  const { namespace = 'default', name, uid } = pod.metadata;
  return { type: 'delete', actor: kubeletActor(nodeName), kind: 'Pod', namespace, name, gracePeriodSeconds: 0, uid };
}

function anyRunning(status: PodStatus): boolean {
  return [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])].some((container) => container.state.running !== undefined);
}

/** A container the kubelet started at some point: it has run, or has an exit behind it. */
function ran(status: ContainerStatus): boolean {
  return status.state.waiting === undefined || status.lastState?.terminated !== undefined || status.restartCount > 0;
}

/**
 * TerminatePod: once the pod has initialized, an app container that is not terminated is lost;
 * so is an init container that had started. A pod still going is Failed.
 */
function terminated(inits: ContainerStatus[], apps: ContainerStatus[], nowMs: number): { inits: ContainerStatus[]; apps: ContainerStatus[] } {
  const initialized = inits.length === 0 || apps.some(ran);
  return {
    inits: inits.map((status) => (ran(status) ? lostAtTermination(status, nowMs) : status)),
    apps: initialized ? apps.map((status) => lostAtTermination(status, nowMs)) : apps,
  };
}

/** The kubelet refuses the pod: Failed, with the reason, and a Warning Event (rejectPod). */
function rejected(pod: Pod, nodeName: string, reason: string, message: string, nowMs: number): Effect[] {
  const { namespace = 'default', name } = pod.metadata;
  const status: PodStatus = withFields(pod.status, {
    phase: 'Failed',
    reason,
    message: rejectionMessage({ reason, message }),
    startTime: stampOf(nowMs),
    qosClass: podQosClass(pod.spec),
  });
  const actor = kubeletActor(nodeName);
  return [
    submit({ type: 'recordEvent', actor, event: podEvent(pod, 'Warning', reason, message) }),
    submit({ type: 'updatePodStatus', actor, namespace, name, status }),
  ];
}

interface Replayed {
  readonly status: PodStatus;
  readonly events: EventRecord[];
  readonly nextMs?: number;
}

function replay(state: ClusterState, pod: Pod, node: Node, images: ImageCatalog, memory: KubeletMemory, nowMs: number): Replayed {
  const nodeName = node.metadata.name;
  const base = pod.status.startTime === undefined ? admittedStatus(state, pod, node, nowMs) : pod.status;
  const context = podContext(pod, nodeName, msOf(base.startTime) ?? nowMs, images);
  const run = new PodRun(context, memory.pod(keyOf(pod), pod.metadata.uid), memory.node(nodeName), base, nowMs, configSource(state, pod.metadata.namespace ?? 'default'));
  const terminalNow = () => isTerminalPhase(base.phase) || isTerminalPhase(podPhase(pod.spec, [...run.initStatuses(), ...run.appStatuses()], false));
  let nextMs = advancePod(run, terminalNow);
  let inits = run.initStatuses();
  let apps = run.appStatuses();
  let podIsTerminal = false;
  const { deletion, deadlineMs } = context;
  if (deletion !== undefined && nextMs === undefined) {
    // Nothing will run again; the deletion itself must be due before the pod can end.
    if (onTick(deletion.requestedMs) > nowMs) nextMs = onTick(deletion.requestedMs);
    else {
      podIsTerminal = true;
      ({ inits, apps } = terminated(inits, apps, nowMs));
    }
  }
  const deadlineExceeded = deadlineMs !== undefined && deadlineMs <= nowMs;
  // Nothing moved: the status would rebuild to itself, so the sync only tells its Events.
  const unchanged = !run.changed && !podIsTerminal && base === pod.status && (!deadlineExceeded || isTerminalPhase(base.phase));
  if (unchanged) return { status: pod.status, events: run.events, ...(nextMs === undefined ? {} : { nextMs }) };
  let status = rebuiltStatus(pod, base, { inits, apps, podIsTerminal, deadlineExceeded }, nowMs);
  if (podIsTerminal && !isTerminalPhase(status.phase)) status = { ...status, phase: 'Failed' };
  return { status, events: run.events, ...(nextMs === undefined ? {} : { nextMs }) };
}

/** The kubelet's work for one pod bound to `node`. */
export function reconcilePod(
  state: ClusterState,
  pod: Pod,
  node: Node,
  images: ImageCatalog,
  memory: KubeletMemory,
  nowMs: number,
): Effect[] {
  const nodeName = node.metadata.name;
  const key = podKey(pod.metadata.namespace, pod.metadata.name);
  const deleting = pod.metadata.deletionTimestamp !== undefined;
  // A terminal pod with nothing left running is final; all that is left is the deletion.
  if (isTerminalPhase(pod.status.phase) && !anyRunning(pod.status)) return deleting ? [submit(deleteCommand(pod, nodeName))] : [];
  // The kubelet admits pods on its one-second tick, so every time it writes reads back exactly.
  if (pod.status.startTime === undefined && !isTick(nowMs)) return [wake(onTick(nowMs), key)];
  if (pod.status.startTime === undefined && !deleting) {
    const refusal = admissionFailure(state, pod, node);
    if (refusal !== undefined) return rejected(pod, nodeName, refusal.reason, refusal.message, nowMs);
  }
  const { status, events, nextMs } = replay(state, pod, node, images, memory, nowMs);
  const actor = kubeletActor(nodeName);
  const effects: Effect[] = events.map((event) => submit({ type: 'recordEvent', actor, event }));
  if (!sameJson(status, pod.status)) {
    const { namespace = 'default', name } = pod.metadata;
    effects.push(submit({ type: 'updatePodStatus', actor, namespace, name, status }));
  }
  if (deleting && isTerminalPhase(status.phase) && !anyRunning(status)) effects.push(submit(deleteCommand(pod, nodeName)));
  else if (nextMs !== undefined) effects.push(wake(nextMs, key));
  return effects;
}

// What the kubelet reads once per sync of a pod: its containers in the order they start (init
// containers, then the app containers), each with its image's behaviour and its probes, and the
// pod's clock: when the kubelet admitted it, when its deletion was asked for, its active deadline.

import type { Container, Pod, RestartPolicy } from '../../core/objects.ts';
import type { ContainerRef } from './container-events.ts';
import type { ImageBehaviour, ImageCatalog } from './image-behaviour.ts';
import { type ContainerProbes, probesOf } from './probe-spec.ts';
import { msOf } from './ticks.ts';

/** Upstream's default terminationGracePeriodSeconds. */
export const DEFAULT_GRACE_SECONDS = 30;

/** A regular init container, a native sidecar (an init container with restartPolicy Always), or an app container. */
export type SlotKind = 'init' | 'sidecar' | 'app';

export interface Slot {
  readonly kind: SlotKind;
  /** Its index in spec.initContainers or spec.containers. */
  readonly index: number;
  readonly container: Container;
  readonly behaviour: ImageBehaviour;
  readonly probes: ContainerProbes;
  readonly ref: ContainerRef;
}

export interface Deletion {
  readonly requestedMs: number;
  readonly graceMs: number;
}

export interface PodContext {
  readonly pod: Pod;
  readonly nodeName: string;
  /** When the kubelet admitted the pod (status.startTime): its probe workers tick from here. */
  readonly admittedMs: number;
  readonly inits: readonly Slot[];
  readonly apps: readonly Slot[];
  readonly restartPolicy: RestartPolicy;
  /** The pod as upstream's format.Pod prints it: "name_namespace(uid)". */
  readonly podRef: string;
  readonly graceMs: number;
  readonly deletion?: Deletion;
  /** When spec.activeDeadlineSeconds runs out. */
  readonly deadlineMs?: number;
}

export function isSidecar(container: Container | undefined): boolean {
  return container?.restartPolicy === 'Always';
}

/** When the deletion was asked for: the API server set deletionTimestamp to that time plus the grace period. */
export function deletionOf(pod: Pod): Deletion | undefined {
  const deadlineMs = msOf(pod.metadata.deletionTimestamp);
  if (deadlineMs === undefined) return undefined;
  const graceSeconds =
    pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
  return { requestedMs: deadlineMs - graceSeconds * 1000, graceMs: graceSeconds * 1000 };
}

function slot(pod: Pod, container: Container, kind: SlotKind, index: number, images: ImageCatalog): Slot {
  return {
    kind,
    index,
    container,
    behaviour: images(container.image),
    probes: probesOf(container),
    ref: { pod, name: container.name, init: kind !== 'app' },
  };
}

export function podContext(pod: Pod, nodeName: string, admittedMs: number, images: ImageCatalog): PodContext {
  const { name, namespace = 'default', uid } = pod.metadata;
  const deletion = deletionOf(pod);
  const deadline = pod.spec.activeDeadlineSeconds;
  const graceSeconds = pod.spec.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
  return {
    pod,
    nodeName,
    admittedMs,
    inits: (pod.spec.initContainers ?? []).map((container, index) =>
      slot(pod, container, isSidecar(container) ? 'sidecar' : 'init', index, images),
    ),
    apps: pod.spec.containers.map((container, index) => slot(pod, container, 'app', index, images)),
    restartPolicy: pod.spec.restartPolicy ?? 'Always',
    podRef: `${name}_${namespace}(${uid})`,
    graceMs: graceSeconds * 1000,
    ...(deletion === undefined ? {} : { deletion }),
    ...(typeof deadline === 'number' && deadline > 0 ? { deadlineMs: admittedMs + deadline * 1000 } : {}),
  };
}

export function allSlots(context: PodContext): readonly Slot[] {
  return [...context.inits, ...context.apps];
}

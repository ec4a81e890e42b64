// One sync of one pod, as working state: the container statuses as they move, the Events to
// record, the kubelet's memory of the pod and of its node, and the time the sync runs at.

import type { ConfigSource } from './config-refs.ts';
import type { EventRecord } from '../../core/commands.ts';
import type { ContainerStatus, PodStatus } from '../../core/objects.ts';
import type { ContainerMemory, NodeRuntime, PodMemory } from './memory.ts';
import { allSlots, type PodContext, type Slot } from './pod-context.ts';

/** Upstream's default waiting reasons for a container not created yet (convertToAPIContainerStatuses). */
export const CONTAINER_CREATING = 'ContainerCreating';
export const POD_INITIALIZING = 'PodInitializing';

/** A container the kubelet has not created yet. */
export function notCreated(slot: Slot, hasInitContainers: boolean): ContainerStatus {
  return {
    name: slot.container.name,
    image: slot.container.image,
    ready: false,
    started: false,
    restartCount: 0,
    state: { waiting: { reason: hasInitContainers ? POD_INITIALIZING : CONTAINER_CREATING } },
    lastState: {},
  };
}

export class PodRun {
  private readonly statuses = new Map<string, ContainerStatus>();
  readonly events: EventRecord[] = [];
  /** The pod's address, which probes without a host of their own connect to. */
  readonly podIP: string | undefined;
  /** Whether any container status moved in this sync (a sync that only tells Events writes nothing). */
  changed = false;

  constructor(
    readonly context: PodContext,
    readonly memory: PodMemory,
    readonly node: NodeRuntime,
    base: PodStatus,
    readonly nowMs: number,
    /** The ConfigMaps and Secrets of the pod's namespace, as the kubelet's managers read them. */
    readonly config: ConfigSource = () => undefined,
  ) {
    this.podIP = base.podIP;
    const known = [...(base.initContainerStatuses ?? []), ...(base.containerStatuses ?? [])];
    const hasInit = context.inits.length > 0;
    for (const slot of allSlots(context)) {
      const status = known.find((candidate) => candidate.name === slot.container.name);
      this.statuses.set(slot.container.name, status ?? notCreated(slot, hasInit));
    }
  }

  status(slot: Slot): ContainerStatus {
    return this.statuses.get(slot.container.name) ?? notCreated(slot, this.context.inits.length > 0);
  }

  set(slot: Slot, status: ContainerStatus): void {
    this.statuses.set(slot.container.name, status);
    this.changed = true;
  }

  mem(slot: Slot): ContainerMemory {
    return this.memory.container(slot.container.name);
  }

  tell(...events: EventRecord[]): void {
    this.events.push(...events);
  }

  initStatuses(): ContainerStatus[] {
    return this.context.inits.map((slot) => this.status(slot));
  }

  appStatuses(): ContainerStatus[] {
    return this.context.apps.map((slot) => this.status(slot));
  }
}

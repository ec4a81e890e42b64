// What holds a container's start back on configuration. Before the pod's first container runs,
// every volume must mount: a configMap, secret or projected source whose object (or key) is
// missing fails MountVolume.SetUp, recorded as a FailedMount Event on the pod, and the volume
// manager tries again after its exponential back-off (500 ms doubling to 2m2s), the containers
// waiting in ContainerCreating meanwhile. Then each container's environment: a missing ConfigMap,
// Secret or key leaves it waiting in CreateContainerConfigError (with a Failed Event,
// "Error: ..."), and the pod worker tries again after its back-off. Either way the kubelet
// notices the object's creation at its next try, as upstream's does: neither the volume manager
// nor the pod worker is woken by the object's watch.

import type { EventRecord } from '../../core/commands.ts';
import { environmentError, mountFailure } from './config-refs.ts';
import { podEvent, startFailedEvent } from './container-events.ts';
import type { Waiting } from './image-pull.ts';
import { allSlots, type Slot } from './pod-context.ts';
import type { PodRun } from './pod-run.ts';

export const CREATE_CONTAINER_CONFIG_ERROR = 'CreateContainerConfigError';

const MOUNT_RETRY_FIRST_MS = 500;
const MOUNT_RETRY_MAX_MS = 122_000;

/** exponentialbackoff's durationBeforeRetry after this many failures in a row. */
export function mountRetryDelayMs(failures: number): number {
  return Math.min(MOUNT_RETRY_FIRST_MS * 2 ** Math.min(failures, 20), MOUNT_RETRY_MAX_MS);
}

export type ConfigWait =
  | { readonly kind: 'mount'; readonly events: readonly EventRecord[]; readonly delayMs: number }
  | { readonly kind: 'environment'; readonly waiting: Waiting; readonly events: readonly EventRecord[] };

/** Volumes are mounted once, before any container of the pod has run. */
function mounted(run: PodRun): boolean {
  return allSlots(run.context).some((slot) => {
    const status = run.status(slot);
    return status.state.waiting === undefined || status.lastState?.terminated !== undefined || status.restartCount > 0;
  });
}

export function configWait(run: PodRun, slot: Slot, mountFailures: number): ConfigWait | undefined {
  const { pod } = run.context;
  const mount = mounted(run) ? undefined : mountFailure(pod, run.config);
  if (mount !== undefined) {
    // The volume is the pod's: one Event however many containers wait for it.
    const first = allSlots(run.context)[0]?.container.name === slot.container.name;
    const events = first ? [podEvent(pod, 'Warning', 'FailedMount', `MountVolume.SetUp failed for volume "${mount.volume}" : ${mount.error}`)] : [];
    return { kind: 'mount', events, delayMs: mountRetryDelayMs(mountFailures) };
  }
  const error = environmentError(slot.container, pod.metadata.namespace ?? 'default', run.config);
  if (error === undefined) return undefined;
  return { kind: 'environment', waiting: { reason: CREATE_CONTAINER_CONFIG_ERROR, message: error }, events: [startFailedEvent(slot.ref, error)] };
}

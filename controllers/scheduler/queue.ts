// Which changes give the scheduler work: a new or updated pod that waits for a node is its own key;
// a change that can make room or make a node acceptable (a node joins, is updated or uncordoned,
// its allocatable changes, a bound pod goes away or finishes) asks for a retry of the pods that
// failed. The retry is one de-duplicated key, so a burst of such changes costs one pass over the
// unscheduled pods instead of one per change.

import type { Change } from '../../core/controller.ts';
import type { KsimEvent } from '../../core/events.ts';
import { objectKey, type Pod } from '../../core/objects.ts';
import type { ClusterState } from '../../reducers/state.ts';

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';
/** Cannot clash with a pod key: "@" is not allowed in namespaces or names. */
export const RETRY_UNSCHEDULABLE_KEY = '@retry-unschedulable';

function isTerminal(pod: Pod): boolean {
  return pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
}

/** A pod this scheduler should place: no node yet, our scheduler name, not terminal, not being deleted. */
export function waitsForScheduler(pod: Pod): boolean {
  const { nodeName, schedulerName } = pod.spec;
  return (
    (nodeName === undefined || nodeName === '') &&
    (schedulerName === undefined || schedulerName === DEFAULT_SCHEDULER_NAME) &&
    pod.metadata.deletionTimestamp === undefined &&
    !isTerminal(pod)
  );
}

function holdsNode(pod: Pod | undefined): boolean {
  return pod !== undefined && pod.spec.nodeName !== undefined && pod.spec.nodeName !== '' && !isTerminal(pod);
}

function podKeyOf(event: KsimEvent): string | undefined {
  if (!event.type.startsWith('pod/')) return undefined;
  if ('object' in event) return objectKey(event.object.metadata.namespace, event.object.metadata.name);
  return 'namespace' in event && 'name' in event ? objectKey(event.namespace, event.name) : undefined;
}

function podKeys(change: Change<ClusterState>, key: string): readonly string[] {
  const before = change.before.pods.get(key);
  const after = change.after.pods.get(key);
  // A bound pod that is gone or terminal frees its requests on the node.
  if (holdsNode(before) && !holdsNode(after)) return [RETRY_UNSCHEDULABLE_KEY];
  const type = change.event.type;
  const arrivedOrChanged = type === 'pod/created' || type === 'pod/updated';
  return arrivedOrChanged && after !== undefined && waitsForScheduler(after) ? [key] : [];
}

function allocatableChanged(change: Change<ClusterState>, name: string): boolean {
  const before = change.before.indexes.nodeAllocatable.get(name);
  const after = change.after.indexes.nodeAllocatable.get(name);
  if (before === after) return false;
  return (
    before === undefined ||
    after === undefined ||
    before.cpuMilli !== after.cpuMilli ||
    before.memoryBytes !== after.memoryBytes ||
    before.pods !== after.pods
  );
}

export function keysForChange(change: Change<ClusterState>): readonly string[] {
  const { event } = change;
  switch (event.type) {
    case 'node/joined':
    case 'node/updated':
    case 'node/uncordoned':
      return [RETRY_UNSCHEDULABLE_KEY];
    case 'node/statusReported':
      return allocatableChanged(change, event.name) ? [RETRY_UNSCHEDULABLE_KEY] : [];
    default: {
      const key = podKeyOf(event);
      return key === undefined ? [] : podKeys(change, key);
    }
  }
}

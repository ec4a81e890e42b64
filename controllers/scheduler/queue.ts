// Which changes give the scheduler work: a new or updated pod that waits for a node is its own key
// (a pod with scheduling gates waits for nobody until they are removed); a change that can make
// room or make a node acceptable (a node joins, is updated, uncordoned or deleted, its allocatable
// changes, a bound pod goes away or finishes) asks for a retry of the pods that failed. A pod
// placed on a node, or a placed pod whose labels change, can only help pods that pod affinity or
// topology spreading turned away, as upstream's queueing hints for those plugins say; it asks for a
// retry of those alone, and only when some pod has failed at all. Each retry is one de-duplicated
// key, so a burst of such changes costs one pass over the pods instead of one per change.

import type { Change } from '../../core/controller.ts';
import type { KsimEvent } from '../../core/events.ts';
import { objectKey, type Pod } from '../../core/objects.ts';
import { sameScalar } from '../../reducers/pod-resources.ts';
import { type ClusterState, UNSCHEDULABLE } from '../../reducers/state.ts';

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';
/** Cannot clash with a pod key: "@" is not allowed in namespaces or names. */
export const RETRY_UNSCHEDULABLE_KEY = '@retry-unschedulable';
/** The retry of pods that pod affinity or topology spreading turned away. */
export const RETRY_POD_COUNTING_KEY = '@retry-pod-counting';

function isTerminal(pod: Pod): boolean {
  return pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
}

/** A pod this scheduler should place: no node yet, our scheduler name, no scheduling gate, not terminal, not being deleted. */
export function waitsForScheduler(pod: Pod): boolean {
  const { nodeName, schedulerName, schedulingGates } = pod.spec;
  return (
    (nodeName === undefined || nodeName === '') &&
    (schedulerName === undefined || schedulerName === DEFAULT_SCHEDULER_NAME) &&
    (schedulingGates ?? []).length === 0 &&
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

function sameLabels(a: Pod, b: Pod): boolean {
  const was = a.metadata.labels ?? {};
  const is = b.metadata.labels ?? {};
  if (was === is) return true;
  const keys = Object.keys(was);
  return keys.length === Object.keys(is).length && keys.every((label) => Object.hasOwn(is, label) && is[label] === was[label]);
}

/** A pod newly placed on a node, or a placed pod with new labels: what the pod-counting plugins count. */
function countedPodChanged(before: Pod | undefined, after: Pod | undefined): boolean {
  if (after === undefined || !holdsNode(after)) return false;
  return before === undefined || !holdsNode(before) || !sameLabels(before, after);
}

function podKeys(change: Change<ClusterState>, key: string): readonly string[] {
  const before = change.before.pods.get(key);
  const after = change.after.pods.get(key);
  // A bound pod that is gone or terminal frees its requests on the node.
  if (holdsNode(before) && !holdsNode(after)) return [RETRY_UNSCHEDULABLE_KEY];
  const type = change.event.type;
  const arrivedOrChanged = type === 'pod/created' || type === 'pod/updated';
  if (arrivedOrChanged && after !== undefined && waitsForScheduler(after)) return [key];
  const anyFailed = change.after.indexes.unscheduledPods.count(UNSCHEDULABLE) > 0;
  return anyFailed && countedPodChanged(before, after) ? [RETRY_POD_COUNTING_KEY] : [];
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
    before.ephemeralStorageBytes !== after.ephemeralStorageBytes ||
    before.pods !== after.pods ||
    !sameScalar(before.scalar, after.scalar)
  );
}

export function keysForChange(change: Change<ClusterState>): readonly string[] {
  const { event } = change;
  switch (event.type) {
    // A node that goes can leave fewer topology domains, and so a smaller skew.
    case 'node/joined':
    case 'node/updated':
    case 'node/uncordoned':
    case 'node/deleted':
      return [RETRY_UNSCHEDULABLE_KEY];
    case 'node/statusReported':
      return allocatableChanged(change, event.name) ? [RETRY_UNSCHEDULABLE_KEY] : [];
    default: {
      const key = podKeyOf(event);
      return key === undefined ? [] : podKeys(change, key);
    }
  }
}

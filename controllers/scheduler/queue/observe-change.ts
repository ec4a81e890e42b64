// The scheduler's event handlers (pkg/scheduler/eventhandlers.go): how each change of ksim's log
// reaches the scheduling queue. A pod that waits for this scheduler is added or updated in the
// queue, and leaves it once bound, deleted, finished or gated; a placed pod that arrives, goes
// (deleted or finished) or is relabelled, and a node that arrives, goes or changes, are cluster
// events that may move unschedulable pods; a pod that loses its nominated node frees the room
// kept for it, an AssignedPodDelete for the pods of lower or equal priority; a binding the API
// server refused sends the pod to the error back-off.

import type { Change } from '../../../core/controller.ts';
import type { KsimEvent } from '../../../core/events.ts';
import { type Node, objectKey, type Pod } from '../../../core/objects.ts';
import { sameScalar } from '../../../reducers/pod-resources.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { kindTable } from '../../../reducers/lookup.ts';
import {
  ADD,
  type ClusterEvent,
  DELETE,
  labelsChanged,
  nodeUpdateActions,
  type Resource,
  UPDATE,
  unscheduledPodUpdateActions,
  UPDATE_POD_LABEL,
} from './cluster-events.ts';
import { podPriority } from './queued-pod.ts';
import type { SchedulingQueue } from './scheduling-queue.ts';
import { waitsForScheduler } from './waits-for-scheduler.ts';

export const SCHEDULER_ACTOR = 'kube-scheduler';

function isTerminal(pod: Pod): boolean {
  return pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
}

/** A pod the scheduler's cache counts on a node: bound and not finished (its informer drops terminal pods). */
export function holdsNode(pod: Pod | undefined): boolean {
  return pod !== undefined && Boolean(pod.spec.nodeName) && !isTerminal(pod);
}

function podKeyOf(event: KsimEvent): string | undefined {
  if (!event.type.startsWith('pod/')) return undefined;
  if ('object' in event) return objectKey(event.object.metadata.namespace, event.object.metadata.name);
  return 'namespace' in event && 'name' in event ? objectKey(event.namespace, event.name) : undefined;
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

function nodeChange(queue: SchedulingQueue, change: Change<ClusterState>, name: string, nowMs: number): void {
  const before = change.before.nodes.get(name);
  const after = change.after.nodes.get(name);
  if (before === undefined && after !== undefined) {
    queue.moveOnEvent({ resource: 'Node', actions: ADD, label: 'NodeAdd', newNode: after }, nowMs);
  } else if (before !== undefined && after === undefined) {
    queue.moveOnEvent({ resource: 'Node', actions: DELETE, label: 'NodeDelete', oldNode: before }, nowMs);
  } else if (before !== undefined && after !== undefined && before !== after) {
    const actions = nodeUpdateActions(before, after, allocatableChanged(change, name));
    if (actions !== 0) queue.moveOnEvent({ resource: 'Node', actions, label: 'NodeUpdate', oldNode: before as Node, newNode: after }, nowMs);
  }
}

/** The unscheduled side: the queue's Add, Update and Delete. */
function unscheduledPodChange(queue: SchedulingQueue, change: Change<ClusterState>, key: string, nowMs: number): void {
  const before = change.before.pods.get(key);
  const after = change.after.pods.get(key);
  if (after !== undefined && waitsForScheduler(after)) {
    if (change.event.type === 'pod/created' || before === undefined) {
      queue.add(key, after, nowMs);
      return;
    }
    const event: ClusterEvent = { resource: 'Pod', actions: unscheduledPodUpdateActions(before, after), label: 'UnscheduledPodUpdate', oldPod: before, newPod: after };
    queue.update(key, after, event, nowMs);
  } else if (before !== undefined && waitsForScheduler(before)) {
    queue.delete(key);
  }
}

/** The assigned side: AssignedPodAdd, AssignedPodDelete and AssignedPodUpdate (labels). */
function assignedPodChange(queue: SchedulingQueue, change: Change<ClusterState>, key: string, nowMs: number): void {
  const before = change.before.pods.get(key);
  const after = change.after.pods.get(key);
  const held = holdsNode(before);
  const holds = holdsNode(after);
  if (!held && holds) queue.moveOnEvent({ resource: 'Pod', actions: ADD, label: 'AssignedPodAdd', newPod: after }, nowMs);
  else if (held && !holds) queue.moveOnEvent({ resource: 'Pod', actions: DELETE, label: 'AssignedPodDelete', oldPod: before }, nowMs);
  else if (held && holds && before !== undefined && after !== undefined && labelsChanged(before, after)) {
    queue.moveOnEvent({ resource: 'Pod', actions: UPDATE_POD_LABEL, label: 'AssignedPodUpdate', oldPod: before, newPod: after }, nowMs);
  }
}

/** A waiting pod that loses (or changes) its nominated node frees the room kept there. */
function nominationChange(queue: SchedulingQueue, change: Change<ClusterState>, key: string, nowMs: number): void {
  const before = change.before.pods.get(key);
  const after = change.after.pods.get(key);
  const was = before?.status.nominatedNodeName;
  if (before === undefined || !was || holdsNode(before) || holdsNode(after)) return;
  if (after !== undefined && after.status.nominatedNodeName === was) return;
  const priority = podPriority(before);
  queue.moveOnEvent({ resource: 'Pod', actions: DELETE, label: 'AssignedPodDelete', oldPod: before }, nowMs, (queued) => queued.priority <= priority);
}

const STORAGE_KINDS: ReadonlySet<string> = new Set(['PersistentVolumeClaim', 'PersistentVolume', 'StorageClass']);

/** A claim, volume or class added or changed: PvcAdd/PvcUpdate, PvAdd/PvUpdate, StorageClassAdd/Update. */
function storageChange(queue: SchedulingQueue, change: Change<ClusterState>, kind: string, key: string, nowMs: number): void {
  if (!STORAGE_KINDS.has(kind)) return;
  const after = kindTable(change.after, kind).get(key);
  if (after === undefined) return;
  const added = kindTable(change.before, kind).get(key) === undefined;
  const event: ClusterEvent = { resource: kind as Resource, actions: added ? ADD : UPDATE, label: `${kind}${added ? 'Add' : 'Update'}`, storageObject: after };
  queue.moveOnEvent(event, nowMs);
}

export function observeChange(queue: SchedulingQueue, change: Change<ClusterState>): void {
  const { event } = change;
  const nowMs = event.time;
  switch (event.type) {
    case 'node/joined':
    case 'node/updated':
    case 'node/statusReported':
      nodeChange(queue, change, event.type === 'node/statusReported' ? event.name : event.object.metadata.name, nowMs);
      return;
    case 'node/cordoned':
    case 'node/uncordoned':
    case 'node/deleted':
      nodeChange(queue, change, event.name, nowMs);
      return;
    case 'request/rejected': {
      const { request } = event;
      if (event.actor !== SCHEDULER_ACTOR || request.kind !== 'Pod/binding' || request.name === undefined) return;
      const key = objectKey(request.namespace, request.name);
      const pod = change.after.pods.get(key);
      if (pod !== undefined && waitsForScheduler(pod)) queue.bindingRefused(key, pod, nowMs);
      return;
    }
    case 'object/created':
    case 'object/updated':
      storageChange(queue, change, event.object.kind, objectKey(event.object.metadata.namespace, event.object.metadata.name), nowMs);
      return;
    case 'object/statusUpdated':
      storageChange(queue, change, event.kind, objectKey(event.namespace, event.name), nowMs);
      return;
    default: {
      const key = podKeyOf(event);
      if (key === undefined) return;
      unscheduledPodChange(queue, change, key, nowMs);
      assignedPodChange(queue, change, key, nowMs);
      nominationChange(queue, change, key, nowMs);
    }
  }
}

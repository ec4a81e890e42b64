// The cluster events the scheduling queue reacts to (upstream's fwk.ClusterEvent: a resource and an
// action type), read off ksim's change feed as upstream's event handlers read them off the informers
// (pkg/scheduler/eventhandlers.go, framework/events.go): a node added, deleted or updated in its
// allocatable, labels or taints (spec.unschedulable counts as a taint change, as upstream's
// extractNodeSpecUnschedulableChange says); a placed pod added, deleted (or finished, which the
// scheduler's informer, filtering out terminal pods, sees as a deletion) or relabelled; and the
// unscheduled pod's own updates (labels, tolerations, anything else).

import type { KubeObject, Node, Pod, Taint } from '../../../core/objects.ts';
import { sameJson } from '../../../core/canonical-json.ts';

export const ADD = 1;
export const DELETE = 2;
export const UPDATE_NODE_ALLOCATABLE = 4;
export const UPDATE_NODE_LABEL = 8;
export const UPDATE_NODE_TAINT = 16;
export const UPDATE_POD_LABEL = 32;
export const UPDATE_POD_TOLERATION = 64;
export const UPDATE_POD_OTHER = 128;
/** Any update of a storage object (a claim, a volume, a class). */
export const UPDATE = 256;

export type Resource = 'Pod' | 'Node' | 'PersistentVolumeClaim' | 'PersistentVolume' | 'StorageClass' | 'WildCard';

export interface ClusterEvent {
  readonly resource: Resource;
  readonly actions: number;
  /** Upstream's label for the event (EventAssignedPodDelete is "AssignedPodDelete", ...). */
  readonly label: string;
  readonly oldPod?: Pod;
  readonly newPod?: Pod;
  readonly oldNode?: Node;
  readonly newNode?: Node;
  /** The storage object a PersistentVolumeClaim, PersistentVolume or StorageClass event is about. */
  readonly storageObject?: KubeObject;
}

/** EventUnschedulableTimeout: the wildcard event of the leftover flush; it moves every pod. */
export const UNSCHEDULABLE_TIMEOUT: ClusterEvent = { resource: 'WildCard', actions: ADD | DELETE, label: 'UnschedulableTimeout' };

export const isWildCard = (event: ClusterEvent): boolean => event.resource === 'WildCard';

function sameRecord(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean {
  const x = a ?? {};
  const y = b ?? {};
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((key) => Object.hasOwn(y, key) && x[key] === y[key]);
}

function effectiveTaints(node: Node): readonly Taint[] {
  return node.spec.taints ?? [];
}

/** NodeSchedulingPropertiesChange, over the properties the default plugins read. */
export function nodeUpdateActions(before: Node, after: Node, allocatableChanged: boolean): number {
  let actions = allocatableChanged ? UPDATE_NODE_ALLOCATABLE : 0;
  if (!sameRecord(before.metadata.labels, after.metadata.labels)) actions |= UPDATE_NODE_LABEL;
  const cordonChanged = (before.spec.unschedulable === true) !== (after.spec.unschedulable === true);
  if (cordonChanged || !sameJson(effectiveTaints(before), effectiveTaints(after))) actions |= UPDATE_NODE_TAINT;
  return actions;
}

export function labelsChanged(before: Pod, after: Pod): boolean {
  return !sameRecord(before.metadata.labels, after.metadata.labels);
}

/** PodSchedulingPropertiesChange for an unscheduled pod; status-only changes are UpdatePodOther. */
export function unscheduledPodUpdateActions(before: Pod, after: Pod): number {
  let actions = 0;
  if (labelsChanged(before, after)) actions |= UPDATE_POD_LABEL;
  if (!sameJson(before.spec.tolerations ?? [], after.spec.tolerations ?? [])) actions |= UPDATE_POD_TOLERATION;
  return actions === 0 ? UPDATE_POD_OTHER : actions;
}

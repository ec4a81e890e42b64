// Which DaemonSets a change concerns, as upstream's event handlers route them (the DaemonSet,
// ControllerRevision, pod and node handlers of pkg/controller/daemon/daemon_controller.go).
// Every change of a DaemonSet wakes it, its own status writes included. A pod or revision with a
// controller reference wakes that DaemonSet only; an orphan wakes the DaemonSets of its namespace
// whose selector matches, when it appears or its labels or owner move. Pod changes no sync would
// read (a status report that moves neither phase nor readiness) wake nobody; a binding does, as
// the sync tells scheduled pods from pending ones. Node changes are routed in node-routing.ts.

import type { Change } from '../../core/controller.ts';
import { sameJson } from '../../core/canonical-json.ts';
import { controllerOf, keyOf, type KubeObject, objectKey, type OwnerReference, type Pod } from '../../core/objects.ts';
import { kindTable } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { isPodReady } from '../common/pod-state.ts';
import { nodeChangeKeys } from './node-routing.ts';
import { daemonSetsSelecting, resolveDaemonSet } from './owned-objects.ts';
import { sameRef } from '../common/object-changes.ts';

function ownerKeys(state: ClusterState, namespace: string | undefined, ref: OwnerReference | undefined): string[] {
  const ds = resolveDaemonSet(state, namespace, ref);
  return ds === undefined ? [] : [keyOf(ds)];
}

/** The controlling DaemonSet, or for an orphan (when `orphansMatter`) those that may adopt it. */
function keysForObject(state: ClusterState, object: KubeObject, orphansMatter: boolean): string[] {
  const ref = controllerOf(object);
  if (ref !== undefined) return ownerKeys(state, object.metadata.namespace, ref);
  return orphansMatter ? daemonSetsSelecting(state, object.metadata.namespace ?? '', object.metadata.labels).map(keyOf) : [];
}

/**
 * updatePod / updateHistory: a controller that lost the object hears of it; then its controller
 * (when `otherChange` says something the sync reads moved), or for an orphan whose labels or
 * owner moved, the DaemonSets that may adopt it.
 */
function keysForChange(state: ClusterState, before: KubeObject, after: KubeObject, otherChange: boolean): string[] {
  const refBefore = controllerOf(before);
  const refChanged = !sameRef(refBefore, controllerOf(after));
  // The common case, an object another kind of controller keeps throughout, concerns no DaemonSet.
  if (!refChanged && refBefore !== undefined && refBefore.kind !== 'DaemonSet') return [];
  const labelsChanged = !sameJson(before.metadata.labels ?? {}, after.metadata.labels ?? {});
  if (!refChanged && !labelsChanged && !otherChange) return [];
  const keys = refChanged ? ownerKeys(state, before.metadata.namespace, refBefore) : [];
  keys.push(...keysForObject(state, after, refChanged || labelsChanged));
  return [...new Set(keys)];
}

/** Whether a pod change moves anything the sync reads besides labels and owner. */
function podMoved(before: Pod, after: Pod): boolean {
  return (
    before.status.phase !== after.status.phase ||
    isPodReady(before) !== isPodReady(after) ||
    before.metadata.deletionTimestamp !== after.metadata.deletionTimestamp ||
    before.spec.nodeName !== after.spec.nodeName
  );
}

/** Pods and ControllerRevisions alike: created, changed, or gone. */
function dependentKeys(change: Change<ClusterState>, kind: string, key: string): string[] {
  const before = kindTable(change.before, kind).get(key);
  const after = kindTable(change.after, kind).get(key);
  if (after === undefined) {
    // deletePod / deleteHistory: no controller cares about an orphan going away.
    return before === undefined ? [] : keysForObject(change.after, before, false);
  }
  if (before === undefined) return keysForObject(change.after, after, after.metadata.deletionTimestamp === undefined);
  const other = kind === 'Pod' ? podMoved(before as Pod, after as Pod) || change.event.type === 'pod/updated' : true;
  return keysForChange(change.after, before, after, other);
}

/** The DaemonSet keys to sync for one change. */
export function daemonSetKeysFor(change: Change<ClusterState>): string[] {
  const { event } = change;
  switch (event.type) {
    case 'object/created':
    case 'object/updated':
      if (event.object.kind === 'DaemonSet') return [keyOf(event.object)];
      return event.object.kind === 'ControllerRevision' ? dependentKeys(change, 'ControllerRevision', keyOf(event.object)) : [];
    case 'object/statusUpdated':
    case 'object/deletionRequested':
    case 'object/adopted':
    case 'object/released':
    case 'object/deleted': {
      const key = objectKey(event.namespace, event.name);
      if (event.kind === 'DaemonSet') return event.type === 'object/deleted' ? [] : [key];
      return event.kind === 'ControllerRevision' ? dependentKeys(change, 'ControllerRevision', key) : [];
    }
    case 'pod/created':
    case 'pod/updated':
      return dependentKeys(change, 'Pod', keyOf(event.object));
    case 'pod/bound':
    case 'pod/statusUpdated':
    case 'pod/deletionRequested':
    case 'pod/deleted':
    case 'pod/adopted':
    case 'pod/released':
      return dependentKeys(change, 'Pod', objectKey(event.namespace, event.name));
    default:
      return nodeChangeKeys(change);
  }
}

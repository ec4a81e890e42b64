// Which StatefulSets a change concerns, as upstream's event handlers route them (the set
// informer's handlers, addPod, updatePod and deletePod in pkg/controller/statefulset/
// stateful_set.go). Every change of a set wakes it, its own status writes included. A pod with a
// controller reference wakes that set only; an orphan wakes the sets of its namespace whose
// selector matches, when it appears or its labels or owner move. Pod changes no sync would read
// (a binding, a status report that moves neither phase nor readiness) wake nobody. Upstream does
// not watch ControllerRevisions for StatefulSets; it does not watch claims either, but a claim
// going away wakes the sets whose templates name it, as a set may be waiting for it.

import type { Change } from '../../core/controller.ts';
import { controllerOf, keyOf, objectKey, type OwnerReference, type Pod } from '../../core/objects.ts';
import { sameJson } from '../../core/canonical-json.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { isPodReady } from '../common/pod-state.ts';
import { resolveStatefulSet, statefulSetsNamingClaim, statefulSetsSelecting } from './owned-objects.ts';
import { sameRef } from '../common/object-changes.ts';

function ownerKeys(state: ClusterState, namespace: string | undefined, ref: OwnerReference | undefined): string[] {
  const set = resolveStatefulSet(state, namespace, ref);
  return set === undefined ? [] : [keyOf(set)];
}

/** The controlling set, or for an orphan (when `orphansMatter`) the sets that may adopt it. */
function keysForPod(state: ClusterState, pod: Pod, orphansMatter: boolean): string[] {
  const ref = controllerOf(pod);
  if (ref !== undefined) return ownerKeys(state, pod.metadata.namespace, ref);
  return orphansMatter ? statefulSetsSelecting(state, pod.metadata.namespace ?? '', pod.metadata.labels).map(keyOf) : [];
}

/** What a sync reads of a pod's status: its phase and whether (and since when) it is ready. */
function statusMatters(before: Pod, after: Pod): boolean {
  return before.status.phase !== after.status.phase || isPodReady(before) !== isPodReady(after);
}

/**
 * updatePod: a controller that lost the pod hears of it; then its controller, or for an orphan
 * whose labels or owner moved, the sets that may adopt it. `otherChange` says whether anything
 * else a sync reads moved.
 */
function keysForPodChange(state: ClusterState, before: Pod, after: Pod, otherChange: boolean): string[] {
  const refBefore = controllerOf(before);
  const refChanged = !sameRef(refBefore, controllerOf(after));
  // The common case, a pod another kind of controller keeps throughout, concerns no set.
  if (!refChanged && refBefore !== undefined && refBefore.kind !== 'StatefulSet') return [];
  const labelsChanged = !sameJson(before.metadata.labels ?? {}, after.metadata.labels ?? {});
  if (!refChanged && !labelsChanged && !otherChange) return [];
  const keys = refChanged ? ownerKeys(state, before.metadata.namespace, refBefore) : [];
  keys.push(...keysForPod(state, after, refChanged || labelsChanged));
  return [...new Set(keys)];
}

function podKeys(change: Change<ClusterState>, key: string): string[] {
  const { event } = change;
  const before = change.before.pods.get(key);
  const after = change.after.pods.get(key);
  switch (event.type) {
    case 'pod/created':
      // addPod: a pod that arrives already being deleted counts as a deletion.
      return after === undefined ? [] : keysForPod(change.after, after, after.metadata.deletionTimestamp === undefined);
    case 'pod/deleted':
      // deletePod: no controller cares about an orphan going away.
      return before === undefined ? [] : keysForPod(change.after, before, false);
    case 'pod/updated':
    case 'pod/deletionRequested':
    case 'pod/statusUpdated':
    case 'pod/adopted':
    case 'pod/released': {
      if (before === undefined || after === undefined) return after === undefined ? [] : keysForPod(change.after, after, true);
      const deletionMoved = before.metadata.deletionTimestamp !== after.metadata.deletionTimestamp;
      const other = event.type === 'pod/updated' || deletionMoved || statusMatters(before, after);
      return keysForPodChange(change.after, before, after, other);
    }
    default:
      return [];
  }
}

/** The StatefulSet keys to sync for one change. */
export function statefulSetKeysFor(change: Change<ClusterState>): string[] {
  const { event } = change;
  switch (event.type) {
    case 'object/created':
    case 'object/updated':
      return event.object.kind === 'StatefulSet' ? [keyOf(event.object)] : [];
    case 'object/statusUpdated':
    case 'object/scaled':
    case 'object/deletionRequested':
      return event.kind === 'StatefulSet' ? [objectKey(event.namespace, event.name)] : [];
    case 'object/deleted':
      if (event.kind !== 'PersistentVolumeClaim') return [];
      return statefulSetsNamingClaim(change.after, event.namespace ?? '', event.name).map(keyOf);
    case 'pod/created':
      return podKeys(change, keyOf(event.object));
    case 'pod/updated':
      return podKeys(change, keyOf(event.object));
    case 'pod/deleted':
    case 'pod/deletionRequested':
    case 'pod/statusUpdated':
    case 'pod/adopted':
    case 'pod/released':
      return podKeys(change, objectKey(event.namespace, event.name));
    default:
      return [];
  }
}


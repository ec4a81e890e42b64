// Which ReplicaSets a change concerns, as upstream's event handlers route them (addRS, updateRS,
// addPod, updatePod, deletePod in pkg/controller/replicaset/replica_set.go). A pod with a controller
// reference wakes that ReplicaSet only; an orphan wakes every ReplicaSet of its namespace whose
// selector matches, since one of them may adopt it. Pod changes no sync would see (a binding, a
// status report that moves neither phase nor readiness) wake nobody.

import type { Change } from '../../core/controller.ts';
import { selectorMatches } from '../../core/labels.ts';
import { controllerOf, keyOf, type OwnerReference, objectKey, type Pod } from '../../core/objects.ts';
import { compareStrings } from '../../core/table.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { isPodReady } from './pod-state.ts';

/** resolveControllerRef: the key of the ReplicaSet a controller reference names, if it still exists. */
function ownerKey(
  state: ClusterState,
  namespace: string | undefined,
  ref: OwnerReference | undefined,
): string[] {
  if (ref === undefined || ref.kind !== 'ReplicaSet') return [];
  const key = objectKey(namespace, ref.name);
  return state.replicaSets.get(key)?.metadata.uid === ref.uid ? [key] : [];
}

/** getPodReplicaSets: every ReplicaSet in the pod's namespace whose selector matches it, sorted. */
function matchingKeys(state: ClusterState, pod: Pod): string[] {
  const keys: string[] = [];
  for (const rs of state.replicaSets.values()) {
    if (
      rs.metadata.namespace === pod.metadata.namespace &&
      selectorMatches(rs.spec.selector, pod.metadata.labels)
    ) {
      keys.push(keyOf(rs));
    }
  }
  return keys.sort(compareStrings);
}

/** The controlling ReplicaSet, or for an orphan (when `orphansMatter`) the ones that may adopt it. */
function keysForPod(state: ClusterState, pod: Pod, orphansMatter: boolean): string[] {
  const ref = controllerOf(pod);
  if (ref !== undefined) return ownerKey(state, pod.metadata.namespace, ref);
  return orphansMatter ? matchingKeys(state, pod) : [];
}

function sameRef(a: OwnerReference | undefined, b: OwnerReference | undefined): boolean {
  return a?.uid === b?.uid && a?.kind === b?.kind && a?.name === b?.name;
}

function sameLabels(a: Pod, b: Pod): boolean {
  const left = a.metadata.labels ?? {};
  const right = b.metadata.labels ?? {};
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => left[key] === right[key]);
}

function statusMatters(before: Pod, after: Pod): boolean {
  return before.status.phase !== after.status.phase || isPodReady(before) !== isPodReady(after);
}

/**
 * updatePod: when labels or the controller reference move, orphans may be adopted and the old
 * controller hears of it too; any other change that matters (`otherChange`) wakes the controller only.
 */
function keysForPodChange(state: ClusterState, before: Pod, after: Pod, otherChange: boolean): string[] {
  const refBefore = controllerOf(before);
  const refAfter = controllerOf(after);
  const refChanged = !sameRef(refBefore, refAfter);
  if (!refChanged && sameLabels(before, after)) return otherChange ? keysForPod(state, after, false) : [];
  const keys = keysForPod(state, after, true);
  if (!refChanged) return keys;
  const old = ownerKey(state, before.metadata.namespace, refBefore).filter((key) => !keys.includes(key));
  return [...old, ...keys];
}

function podKeys(change: Change<ClusterState>, namespace: string, name: string): string[] {
  const { event, before, after } = change;
  const key = objectKey(namespace, name);
  const old = before.pods.get(key);
  const current = after.pods.get(key);
  switch (event.type) {
    case 'pod/deleted':
    case 'pod/deletionRequested':
      // No controller cares about an orphan going away.
      return old === undefined ? [] : keysForPod(after, old, false);
    case 'pod/statusUpdated':
      return old !== undefined && current !== undefined && statusMatters(old, current)
        ? keysForPod(after, current, false)
        : [];
    case 'pod/adopted':
    case 'pod/released':
      return old !== undefined && current !== undefined ? keysForPodChange(after, old, current, false) : [];
    default:
      return [];
  }
}

/** The ReplicaSet keys to sync for one change, without repeats. */
export function replicaSetKeysFor(change: Change<ClusterState>): string[] {
  const { event } = change;
  switch (event.type) {
    case 'replicaset/created':
    case 'replicaset/updated':
      return [keyOf(event.object)];
    case 'replicaset/scaled':
      return [objectKey(event.namespace, event.name)];
    case 'pod/created':
      return keysForPod(change.after, event.object, true);
    case 'pod/updated': {
      const old = change.before.pods.get(keyOf(event.object));
      if (old === undefined) return keysForPod(change.after, event.object, true);
      const deletionMoved = old.metadata.deletionTimestamp !== event.object.metadata.deletionTimestamp;
      return keysForPodChange(
        change.after,
        old,
        event.object,
        deletionMoved || statusMatters(old, event.object),
      );
    }
    case 'pod/deleted':
    case 'pod/deletionRequested':
    case 'pod/statusUpdated':
    case 'pod/adopted':
    case 'pod/released':
      return podKeys(change, event.namespace, event.name);
    default:
      return [];
  }
}

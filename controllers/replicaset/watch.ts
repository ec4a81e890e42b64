// Which ReplicaSets a change concerns, as upstream's event handlers route them (addRS, updateRS,
// addPod, updatePod, deletePod in pkg/controller/replicaset/replica_set.go). A pod with a controller
// reference wakes that ReplicaSet only; an orphan wakes every ReplicaSet of its namespace whose
// selector matches, since one of them may adopt it. Pod changes no sync would see (a binding, a
// status report that moves neither phase nor readiness) wake nobody.

import type { Change } from '../../core/controller.ts';
import { selectorMatches } from '../../core/labels.ts';
import { controllerOf, keyOf, type OwnerReference, objectKey, type Pod } from '../../core/objects.ts';
import { kindTable } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { isPodReady } from '../common/pod-state.ts';
import type { ReplicatedKind } from './replicated-kind.ts';
import { sameLabels, sameRef } from '../common/object-changes.ts';

/** resolveControllerRef: the key of the ReplicaSet a controller reference names, if it still exists. */
function ownerKey(state: ClusterState, namespace: string | undefined, ref: OwnerReference | undefined, replicated: ReplicatedKind): string[] {
  if (ref === undefined || ref.kind !== replicated.kind) return [];
  const key = objectKey(namespace, ref.name);
  return kindTable(state, replicated.kind).get(key)?.metadata.uid === ref.uid ? [key] : [];
}

/** getPodReplicaSets: every ReplicaSet in the pod's namespace whose selector matches it, sorted. */
function matchingKeys(state: ClusterState, pod: Pod, replicated: ReplicatedKind): string[] {
  const namespace = pod.metadata.namespace ?? '';
  const keys: string[] = [];
  for (const key of state.indexes.byNamespace.members(`${replicated.kind}:${namespace}`)) {
    const rs = replicated.lookup(state, key);
    if (rs !== undefined && selectorMatches(rs.spec.selector, pod.metadata.labels)) keys.push(key);
  }
  return keys;
}

/** The controlling ReplicaSet, or for an orphan (when `orphansMatter`) the ones that may adopt it. */
function keysForPod(state: ClusterState, pod: Pod, orphansMatter: boolean, replicated: ReplicatedKind): string[] {
  const ref = controllerOf(pod);
  if (ref !== undefined) return ownerKey(state, pod.metadata.namespace, ref, replicated);
  return orphansMatter ? matchingKeys(state, pod, replicated) : [];
}

function statusMatters(before: Pod, after: Pod): boolean {
  return before.status.phase !== after.status.phase || isPodReady(before) !== isPodReady(after);
}

/**
 * updatePod: when labels or the controller reference move, orphans may be adopted and the old
 * controller hears of it too; any other change that matters (`otherChange`) wakes the controller only.
 */
function keysForPodChange(state: ClusterState, before: Pod, after: Pod, otherChange: boolean, replicated: ReplicatedKind): string[] {
  const refBefore = controllerOf(before);
  const refAfter = controllerOf(after);
  const refChanged = !sameRef(refBefore, refAfter);
  if (!refChanged && sameLabels(before, after)) return otherChange ? keysForPod(state, after, false, replicated) : [];
  const keys = keysForPod(state, after, true, replicated);
  if (!refChanged) return keys;
  const old = ownerKey(state, before.metadata.namespace, refBefore, replicated).filter((key) => !keys.includes(key));
  return [...old, ...keys];
}

function podKeys(change: Change<ClusterState>, namespace: string, name: string, replicated: ReplicatedKind): string[] {
  const { event, before, after } = change;
  const key = objectKey(namespace, name);
  const old = before.pods.get(key);
  const current = after.pods.get(key);
  switch (event.type) {
    case 'pod/deleted':
    case 'pod/deletionRequested':
      // No controller cares about an orphan going away.
      return old === undefined ? [] : keysForPod(after, old, false, replicated);
    case 'pod/statusUpdated':
      return old !== undefined && current !== undefined && statusMatters(old, current)
        ? keysForPod(after, current, false, replicated)
        : [];
    case 'pod/adopted':
    case 'pod/released':
      return old !== undefined && current !== undefined ? keysForPodChange(after, old, current, false, replicated) : [];
    default:
      return [];
  }
}

/** The ReplicaSet keys to sync for one change, without repeats. */
export function replicaSetKeysFor(change: Change<ClusterState>, replicated: ReplicatedKind): string[] {
  const { event } = change;
  switch (event.type) {
    case 'object/created':
    case 'object/updated':
      return event.object.kind === replicated.kind ? [keyOf(event.object)] : [];
    case 'object/scaled':
    case 'object/deletionRequested':
      return event.kind === replicated.kind ? [objectKey(event.namespace, event.name)] : [];
    case 'pod/created':
      return keysForPod(change.after, event.object, true, replicated);
    case 'pod/updated': {
      const old = change.before.pods.get(keyOf(event.object));
      if (old === undefined) return keysForPod(change.after, event.object, true, replicated);
      const deletionMoved = old.metadata.deletionTimestamp !== event.object.metadata.deletionTimestamp;
      return keysForPodChange(change.after, old, event.object, deletionMoved || statusMatters(old, event.object), replicated);
    }
    case 'pod/deleted':
    case 'pod/deletionRequested':
    case 'pod/statusUpdated':
    case 'pod/adopted':
    case 'pod/released':
      return podKeys(change, event.namespace, event.name, replicated);
    default:
      return [];
  }
}

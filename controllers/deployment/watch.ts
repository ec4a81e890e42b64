// Which Deployments a change concerns, as upstream's event handlers route them (addDeployment,
// updateDeployment, deleteDeployment, addReplicaSet, updateReplicaSet, deleteReplicaSet and
// deletePod in pkg/controller/deployment/deployment_controller.go). Every change of a Deployment
// wakes it, its own status writes included (a sync that writes relies on the next one). A
// ReplicaSet with a controller reference wakes that Deployment only; an orphan wakes the
// Deployments of its namespace that select it, when it appears or its labels or owner change.
// Pods matter only when the last pod of a Recreate Deployment goes: that is what its rollout waits for.

import type { Change } from '../../core/controller.ts';
import { controllerOf, keyOf, type KubeObject, objectKey, type OwnerReference, type Pod } from '../../core/objects.ts';
import { sameJson } from '../../core/canonical-json.ts';
import { kindTable } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { deploymentOfPod, deploymentsSelecting, hasPodsLeft, resolveDeployment } from './owned-objects.ts';
import { sameRef } from '../common/object-changes.ts';

/** The key of the Deployment a controller reference names, if it exists with that uid. */
function ownerKeys(state: ClusterState, namespace: string | undefined, ref: OwnerReference | undefined): string[] {
  const d = resolveDeployment(state, namespace, ref);
  return d === undefined ? [] : [keyOf(d)];
}

/** addReplicaSet: its controller, or the Deployments that may adopt it; one being deleted as deleteReplicaSet. */
function addedReplicaSetKeys(state: ClusterState, rs: KubeObject): string[] {
  const ref = controllerOf(rs);
  if (ref !== undefined || rs.metadata.deletionTimestamp !== undefined) return ownerKeys(state, rs.metadata.namespace, ref);
  return deploymentsSelecting(state, rs.metadata.namespace ?? '', rs.metadata.labels);
}

/**
 * updateReplicaSet: a controller that lost the ReplicaSet hears of it; then its controller, or
 * for an orphan whose labels or owner moved, the Deployments that may adopt it.
 */
function updatedReplicaSetKeys(state: ClusterState, before: KubeObject, after: KubeObject): string[] {
  const refBefore = controllerOf(before);
  const refAfter = controllerOf(after);
  const refChanged = !sameRef(refBefore, refAfter);
  const keys = refChanged ? ownerKeys(state, before.metadata.namespace, refBefore) : [];
  if (refAfter !== undefined) keys.push(...ownerKeys(state, after.metadata.namespace, refAfter));
  else if (refChanged || !sameJson(before.metadata.labels ?? {}, after.metadata.labels ?? {})) {
    keys.push(...deploymentsSelecting(state, after.metadata.namespace ?? '', after.metadata.labels));
  }
  return [...new Set(keys)];
}

function replicaSetKeys(change: Change<ClusterState>, key: string): string[] {
  const before = kindTable(change.before, 'ReplicaSet').get(key);
  const after = kindTable(change.after, 'ReplicaSet').get(key);
  if (after === undefined) {
    // deleteReplicaSet: only a controller cares about a ReplicaSet going away.
    return before === undefined ? [] : ownerKeys(change.after, before.metadata.namespace, controllerOf(before));
  }
  return before === undefined ? addedReplicaSetKeys(change.after, after) : updatedReplicaSetKeys(change.after, before, after);
}

/** deletePod: a Recreate Deployment wakes when none of its pods is left. */
function deletedPodKeys(change: Change<ClusterState>, key: string): string[] {
  const pod: Pod | undefined = change.before.pods.get(key);
  if (pod === undefined) return [];
  const d = deploymentOfPod(change.after, pod);
  if (d === undefined || d.spec.strategy.type !== 'Recreate' || hasPodsLeft(change.after, d)) return [];
  return [keyOf(d)];
}

/** The Deployment keys to sync for one change. */
export function deploymentKeysFor(change: Change<ClusterState>): string[] {
  const { event } = change;
  switch (event.type) {
    case 'object/created':
    case 'object/updated':
      if (event.object.kind === 'Deployment') return [keyOf(event.object)];
      return event.object.kind === 'ReplicaSet' ? replicaSetKeys(change, keyOf(event.object)) : [];
    case 'object/statusUpdated':
    case 'object/scaled':
    case 'object/adopted':
    case 'object/released':
    case 'object/deletionRequested':
    case 'object/deleted': {
      const key = objectKey(event.namespace, event.name);
      if (event.kind === 'Deployment') return [key];
      return event.kind === 'ReplicaSet' ? replicaSetKeys(change, key) : [];
    }
    case 'pod/deleted':
      return deletedPodKeys(change, objectKey(event.namespace, event.name));
    default:
      return [];
  }
}

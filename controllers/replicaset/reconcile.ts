// One sync of one ReplicaSet, as upstream's syncReplicaSet (pkg/controller/replicaset/replica_set.go):
// claim the active pods (adopt and release), create or delete towards spec.replicas unless the
// ReplicaSet is being deleted, then write the status if it moved. Upstream's expectations exist
// because its informer cache lags its own writes; here the engine runs our commands to completion
// before the next key, so the state a sync reads is always current and no expectations are kept.

import { type Effect, type ReconcileContext, submit, wake } from '../../core/controller.ts';
import type { Pod, ReplicaSet, ReplicaSetStatus } from '../../core/objects.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { claimPods, controllerRefTo } from './claim.ts';
import { ACTOR, manageReplicas } from './manage-replicas.ts';
import { type OwnedKeys, ownedKeysOf } from './owned-keys.ts';
import { calculateStatus, statusChanged, summarizePods } from './status.ts';

function podTarget(pod: Pod) {
  return {
    namespace: pod.metadata.namespace ?? '',
    name: pod.metadata.name,
    resourceVersion: pod.metadata.resourceVersion,
  };
}

function adopt(rs: ReplicaSet, pod: Pod): Effect {
  return submit({ type: 'adoptPod', actor: ACTOR, ...podTarget(pod), owner: controllerRefTo(rs) });
}

function release(rs: ReplicaSet, pod: Pod): Effect {
  return submit({ type: 'releasePod', actor: ACTOR, ...podTarget(pod), ownerUid: rs.metadata.uid });
}

function updateStatus(rs: ReplicaSet, status: ReplicaSetStatus): Effect {
  return submit({
    type: 'updateReplicaSetStatus',
    actor: ACTOR,
    namespace: rs.metadata.namespace ?? '',
    name: rs.metadata.name,
    resourceVersion: rs.metadata.resourceVersion,
    status,
  });
}

export function syncReplicaSet(
  key: string,
  { state, nowMs }: ReconcileContext<ClusterState>,
  ownedKeys: OwnedKeys = ownedKeysOf,
): Effect[] {
  const rs = state.replicaSets.get(key);
  if (rs === undefined) return [];
  const claim = claimPods(state, rs, ownedKeys);
  const effects: Effect[] = [
    ...claim.release.map((pod) => release(rs, pod)),
    ...claim.adopt.map((pod) => adopt(rs, pod)),
  ];
  if (rs.metadata.deletionTimestamp === undefined)
    effects.push(...manageReplicas(state, rs, claim.pods, nowMs, ownedKeys));
  const summary = summarizePods(rs, claim.pods, nowMs);
  const status = calculateStatus(rs, summary);
  if (statusChanged(rs.status, status)) effects.push(updateStatus(rs, status));
  if (summary.recheckAtMs !== undefined) effects.push(wake(summary.recheckAtMs, key));
  return effects;
}

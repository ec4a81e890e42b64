// One sync of one ReplicaSet, as upstream's syncReplicaSet (pkg/controller/replicaset/replica_set.go):
// claim the active pods (adopt and release), create or delete towards spec.replicas unless the
// ReplicaSet is being deleted, then write the status if it moved. Upstream's expectations exist
// because its informer cache lags its own writes; here the engine runs our commands to completion
// before the next key, so the state a sync reads is always current and no expectations are kept.

import { type Effect, type ReconcileContext, submit, wake } from '../../core/controller.ts';
import type { ReplicaSet, ReplicaSetStatus } from '../../core/objects.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { claimCommands } from '../common/claim.ts';
import { controllerRef } from '../common/controller-ref.ts';
import { claimPods } from './claim.ts';
import { manageReplicas } from './manage-replicas.ts';
import { type OwnedKeys, ownedKeysOf } from './owned-keys.ts';
import { REPLICA_SETS, type ReplicatedKind } from './replicated-kind.ts';
import { calculateStatus, statusChanged, summarizePods } from './status.ts';

function updateStatus(rs: ReplicaSet, status: ReplicaSetStatus, actor: string): Effect {
  return submit({
    type: 'updateStatus',
    actor,
    kind: rs.kind,
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
  replicated: ReplicatedKind = REPLICA_SETS,
): Effect[] {
  const rs = replicated.lookup(state, key);
  if (rs === undefined) return [];
  const claim = claimPods(state, rs, ownedKeys);
  const effects: Effect[] = claimCommands(replicated.actor, claim, controllerRef(rs)).map(submit);
  if (rs.metadata.deletionTimestamp === undefined) effects.push(...manageReplicas(state, rs, claim.owned, nowMs, replicated.actor, ownedKeys));
  const summary = summarizePods(rs, claim.owned, nowMs);
  const status = calculateStatus(rs, summary);
  if (statusChanged(rs.status, status)) effects.push(updateStatus(rs, status, replicated.actor));
  if (summary.recheckAtMs !== undefined) effects.push(wake(summary.recheckAtMs, key));
  return effects;
}

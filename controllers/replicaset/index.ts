// The ReplicaSet controller (kube-controller-manager's replicaset controller): keeps
// spec.replicas active pods for each ReplicaSet and reports them in its status. Keys are
// "namespace/name" of ReplicaSets. The same controller, on a view of each ReplicationController as
// a ReplicaSet, is the replication controller, as upstream runs it.

import { keysOf } from '../../core/keys-of.ts';
import type { Controller } from '../../core/controller.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { BURST_REPLICAS } from './manage-replicas.ts';
import { memoizedOwnedKeys } from './owned-keys.ts';
import { syncReplicaSet } from './reconcile.ts';
import { REPLICA_SETS, REPLICATION_CONTROLLERS, type ReplicatedKind } from './replicated-kind.ts';
import { replicaSetKeysFor } from './watch.ts';

export const REPLICASET_CONTROLLER = REPLICA_SETS.actor;
export const REPLICATION_CONTROLLER = REPLICATION_CONTROLLERS.actor;
export { BURST_REPLICAS };

function controllerFor(replicated: ReplicatedKind): Controller<ClusterState> {
  const ownedKeys = memoizedOwnedKeys();
  return {
    name: replicated.actor,
    watch: (changes) => changes.pipe(keysOf((change) => replicaSetKeysFor(change, replicated))),
    reconcile: (key, context) => syncReplicaSet(key, context, ownedKeys, replicated),
  };
}

export function replicaSetController(): Controller<ClusterState> {
  return controllerFor(REPLICA_SETS);
}

export function replicationController(): Controller<ClusterState> {
  return controllerFor(REPLICATION_CONTROLLERS);
}

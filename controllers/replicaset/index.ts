// The ReplicaSet controller (kube-controller-manager's replicaset controller): keeps
// spec.replicas active pods for each ReplicaSet and reports them in its status. Keys are
// "namespace/name" of ReplicaSets.

import { mergeMap } from 'rxjs';
import type { Controller } from '../../core/controller.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { ACTOR, BURST_REPLICAS } from './manage-replicas.ts';
import { memoizedOwnedKeys } from './owned-keys.ts';
import { syncReplicaSet } from './reconcile.ts';
import { replicaSetKeysFor } from './watch.ts';

export { ACTOR as REPLICASET_CONTROLLER, BURST_REPLICAS };

export function replicaSetController(): Controller<ClusterState> {
  const ownedKeys = memoizedOwnedKeys();
  return {
    name: ACTOR,
    watch: (changes) => changes.pipe(mergeMap(replicaSetKeysFor)),
    reconcile: (key, context) => syncReplicaSet(key, context, ownedKeys),
  };
}

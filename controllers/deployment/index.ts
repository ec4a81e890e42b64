// The Deployment controller (kube-controller-manager's deployment controller): rolls each
// Deployment out through ReplicaSets, one per pod template (named by its pod-template-hash),
// scaling the new one up and the old ones down as the strategy allows, and reports progress in
// the Deployment's status. Keys are "namespace/name" of Deployments. The pure decisions live in
// the files beside this one; reconcile.ts turns them into requests.

import { keysOf } from '../../core/keys-of.ts';
import type { Controller } from '../../core/controller.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { syncDeployment } from './reconcile.ts';
import { DEPLOYMENT_CONTROLLER } from './sync-plan.ts';
import { deploymentKeysFor } from './watch.ts';

export { DEPLOYMENT_CONTROLLER };

export function deploymentController(): Controller<ClusterState> {
  return {
    name: DEPLOYMENT_CONTROLLER,
    watch: (changes) => changes.pipe(keysOf((change) => deploymentKeysFor(change))),
    reconcile: (key, context) => syncDeployment(key, context),
  };
}

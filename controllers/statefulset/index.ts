// The StatefulSet controller (kube-controller-manager's statefulset controller): gives each
// StatefulSet its pods with stable names ("<set>-<ordinal>") and claims ("<template>-<set>-
// <ordinal>"), in order or in parallel as its podManagementPolicy says, rolls them to new
// revisions kept as ControllerRevisions, and reports them in its status. Keys are
// "namespace/name" of StatefulSets. The pure decisions live in plan.ts and the files it uses;
// sync.ts turns a plan into requests.

import { keysOf } from '../../core/keys-of.ts';
import type { Controller } from '../../core/controller.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { syncStatefulSet } from './sync.ts';
import { STATEFULSET_CONTROLLER } from './sync-commands.ts';
import { statefulSetKeysFor } from './watch.ts';

export { STATEFULSET_CONTROLLER };

export function statefulSetController(): Controller<ClusterState> {
  return {
    name: STATEFULSET_CONTROLLER,
    watch: (changes) => changes.pipe(keysOf((change) => statefulSetKeysFor(change))),
    reconcile: (key, context) => syncStatefulSet(key, context),
  };
}

// The DaemonSet controller (kube-controller-manager's daemonset controller): runs one pod of each
// DaemonSet on every node that should run it (node selector, affinity, taints and the daemon
// tolerations), places each pod through a required node affinity on its node for the scheduler
// to honour, rolls pods to new revisions kept as ControllerRevisions, and reports them in its
// status. Keys are "namespace/name" of DaemonSets. The pure decisions live in plan.ts and the
// files it uses; sync.ts turns a plan into requests.
//
// Where the failed-pod back-off lives: in this closure. Upstream keeps failedPodsBackoff in the
// controller's memory, not in the cluster, and nothing in ClusterState holds it. The engine
// creates one controller per run and calls reconcile in a fixed order with the run's virtual
// time, and the back-off is a pure function of the syncs before (planDaemonSetSync takes it and
// returns the next one), so its value is the same on every run of the same (scenario, seed);
// replays fold the log and never re-run controllers.

import { keysOf } from '../../core/keys-of.ts';
import type { Controller } from '../../core/controller.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { BURST_REPLICAS } from './plan.ts';
import { type DaemonSetMemory, syncDaemonSet } from './sync.ts';
import { DAEMONSET_CONTROLLER } from './sync-commands.ts';
import { daemonSetKeysFor } from './watch.ts';

export { BURST_REPLICAS, DAEMONSET_CONTROLLER };

export function daemonSetController(): Controller<ClusterState> {
  const memory: DaemonSetMemory = { backoff: new Map() };
  return {
    name: DAEMONSET_CONTROLLER,
    watch: (changes) => changes.pipe(keysOf((change) => daemonSetKeysFor(change))),
    reconcile: (key, context) => syncDaemonSet(key, context, memory),
  };
}

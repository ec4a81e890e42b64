// One sync of one DaemonSet, as upstream's syncDaemonSet (pkg/controller/daemon/
// daemon_controller.go): claim the ControllerRevisions and the pods the selector matches, then
// carry out the plan upstream's constructHistory, manage, rollingUpdate, cleanupHistory and
// updateDaemonSetStatus would make from the same informer cache (controllers/daemonset/plan.ts).
// The plan is computed from one state: the engine runs its requests in order before the next
// sync, and the events they cause bring the key back when more is to be done, so no expectations
// are kept. A DaemonSet being deleted, or one whose selector selects everything, claims nothing,
// as upstream returns before listing.

import { type Effect, fail, type ReconcileContext, submit } from '../../core/controller.ts';
import type { Pod } from '../../core/objects.ts';
import type { DaemonSet } from '../../core/workloads.ts';
import { kindTable, lookupObject } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { type Claim, claimCommands } from '../common/claim.ts';
import { controllerRef } from '../common/controller-ref.ts';
import type { FailedPodBackoff } from './failed-pod-backoff.ts';
import type { ControllerRevision } from './history.ts';
import { claimDaemonPods, claimRevisions, selectsSomething } from './owned-objects.ts';
import { planDaemonSetSync } from './plan.ts';
import { requeueEffects } from './requeue.ts';
import { DAEMONSET_CONTROLLER, historyCommands, managementCommands } from './sync-commands.ts';

/**
 * The controller's own memory between syncs: upstream's failedPodsBackoff, which no object in
 * the cluster holds (see index.ts for why keeping it here stays deterministic).
 */
export interface DaemonSetMemory {
  backoff: FailedPodBackoff;
}

const NOTHING: Claim<never> = { owned: [], adopt: [], release: [] };

function claims(state: ClusterState, ds: DaemonSet): { readonly revisions: Claim<ControllerRevision>; readonly pods: Claim<Pod> } {
  if (!selectsSomething(ds) || ds.metadata.deletionTimestamp !== undefined) return { revisions: NOTHING, pods: NOTHING };
  return { revisions: claimRevisions(state, ds), pods: claimDaemonPods(state, ds) };
}

export function syncDaemonSet(key: string, { state, nowMs }: ReconcileContext<ClusterState>, memory: DaemonSetMemory): Effect[] {
  const ds = kindTable<DaemonSet>(state, 'DaemonSet').get(key);
  if (ds === undefined) return [];
  const claimed = claims(state, ds);
  const plan = planDaemonSetSync({
    ds,
    nodes: state.nodes.sortedValues(),
    pods: claimed.pods.owned,
    histories: claimed.revisions.owned,
    revisionNamed: (name) => lookupObject<ControllerRevision>(state, 'ControllerRevision', ds.metadata.namespace, name),
    nowMs,
    backoff: memory.backoff,
  });
  memory.backoff = plan.backoff;
  const ref = controllerRef(ds);
  // Upstream's order: revisions claimed and history built, then pods claimed and managed.
  const effects = [
    ...claimCommands(DAEMONSET_CONTROLLER, claimed.revisions, ref),
    ...historyCommands(ds, plan),
    ...claimCommands(DAEMONSET_CONTROLLER, claimed.pods, ref),
    ...managementCommands(ds, plan),
  ].map(submit);
  if (plan.error !== undefined) effects.push(fail(plan.error));
  effects.push(...requeueEffects(key, ds, claimed.pods.owned, plan, nowMs));
  return effects;
}

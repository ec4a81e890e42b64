// One sync of one StatefulSet, as upstream's sync and syncStatefulSet
// (pkg/controller/statefulset/stateful_set.go): adopt the orphan ControllerRevisions the selector
// matches, claim the pods (selector and name), then carry out the plan upstream's
// UpdateStatefulSet would make from the same informer cache (controllers/statefulset/plan.ts).
// The plan is computed from one state: the engine runs its requests in order before the next
// sync, and the events they cause bring the key back when more is to be done, so no expectations
// are kept. The plan sees neither the adoptions nor the creations of its own sync, as upstream's
// lister would not have them yet.

import { type Effect, fail, type ReconcileContext, submit } from '../../core/controller.ts';
import type { ControllerRevision, PersistentVolumeClaim, StatefulSet } from '../../core/workloads.ts';
import { kindTable, lookupObject } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { claimCommands } from '../common/claim.ts';
import { controllerRef } from '../common/controller-ref.ts';
import { claimStatefulPods, listRevisions } from './owned-objects.ts';
import { planStatefulSetSync } from './plan.ts';
import { requeueEffects } from './requeue.ts';
import { planEffects, STATEFULSET_CONTROLLER } from './sync-commands.ts';

/**
 * controller.RecheckDeletionTimestamp's refusal: a set being deleted may not adopt, and upstream's
 * sync returns that error while orphan revisions are left.
 */
function cannotAdopt(set: StatefulSet): Effect {
  const { namespace, name, deletionTimestamp } = set.metadata;
  return fail(`can't adopt ControllerRevisions: ${namespace ?? ''}/${name} has just been deleted at ${deletionTimestamp ?? ''}`);
}

export function syncStatefulSet(key: string, { state, nowMs }: ReconcileContext<ClusterState>): Effect[] {
  const set = kindTable<StatefulSet>(state, 'StatefulSet').get(key);
  if (set === undefined) return [];
  const revisions = listRevisions(state, set);
  if (revisions.orphans.length > 0 && set.metadata.deletionTimestamp !== undefined) return [cannotAdopt(set)];
  const ref = controllerRef(set);
  const adoptRevisions = claimCommands(STATEFULSET_CONTROLLER, { owned: [], adopt: revisions.orphans, release: [] }, ref);
  const claim = claimStatefulPods(state, set);
  const namespace = set.metadata.namespace;
  const plan = planStatefulSetSync({
    set,
    pods: claim.owned,
    revisions: revisions.all,
    revisionNamed: (name) => lookupObject<ControllerRevision>(state, 'ControllerRevision', namespace, name),
    claims: (name) => lookupObject<PersistentVolumeClaim>(state, 'PersistentVolumeClaim', namespace, name),
    nowMs,
  });
  return [
    ...adoptRevisions.map(submit),
    ...claimCommands(STATEFULSET_CONTROLLER, claim, ref).map(submit),
    ...planEffects(set, plan),
    ...requeueEffects(key, set, claim.owned, plan, nowMs),
  ];
}

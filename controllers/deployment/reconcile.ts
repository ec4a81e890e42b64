// One sync of one Deployment, as upstream's syncDeployment (pkg/controller/deployment/
// deployment_controller.go): claim the ReplicaSets; a Deployment being deleted only has its
// revision and status synced; the paused condition follows spec.paused; a paused Deployment or a
// scaling event is scaled (sync); otherwise the strategy rolls out. The plan is computed from the
// state as given; the engine runs its requests in order before the next sync, and the events
// they cause bring the key back when more is to be done, so no expectations are kept.

import { type Effect, type ReconcileContext, submit } from '../../core/controller.ts';
import type { ReplicaSet } from '../../core/objects.ts';
import type { Deployment } from '../../core/workloads.ts';
import { kindTable } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { claimCommands } from '../common/claim.ts';
import { controllerRef } from '../common/controller-ref.ts';
import { claimReplicaSets, podsOfReplicaSets } from './owned-objects.ts';
import { pausedConditionStatus } from './progress.ts';
import { planScale } from './proportional-scaling.ts';
import { podMapForDeployment } from './recreate.ts';
import { isScalingEvent } from './revisions.ts';
import { cleanupDeployment, rolloutRecreate, rolloutRolling } from './rollout-sync.ts';
import { syncDeploymentStatus } from './status.ts';
import { DEPLOYMENT_CONTROLLER, type SyncPlan, deploymentEvent, newPlan, noteAdopted, writeDeployment, writeScaleActions } from './sync-plan.ts';
import { syncRevision } from './sync-revision.ts';
import { withFields } from '../../core/with-fields.ts';

export const SELECTING_ALL_MESSAGE = 'This deployment is selecting all pods. A non-empty selector is required.';

function selectsEverything(d: Deployment): boolean {
  const { matchLabels, matchExpressions } = d.spec.selector;
  return Object.keys(matchLabels ?? {}).length === 0 && (matchExpressions ?? []).length === 0;
}

/**
 * An empty selector: upstream records a Warning and, if the generation moved, marks it observed.
 * An Event rides on a request here, so without that status write none is recorded.
 */
function selectingAll(plan: SyncPlan): void {
  const d = plan.d;
  if ((d.status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)) return;
  const record = deploymentEvent(plan, { type: 'Warning', reason: 'SelectingAll', message: SELECTING_ALL_MESSAGE });
  writeDeployment(plan, { status: withFields(d.status, { observedGeneration: d.metadata.generation ?? 0 }) }, record);
}

/** syncDeploymentStatus at the end of a sync that does not judge progress. */
function finishDeploymentStatus(plan: SyncPlan, allOldRSs: readonly ReplicaSet[], newRS: ReplicaSet | undefined): void {
  if (plan.stopped) return;
  const status = syncDeploymentStatus([...allOldRSs, newRS], newRS, plan.d, plan.nowMs);
  if (status !== undefined) writeDeployment(plan, { status });
}

/** syncStatusOnly: a Deployment being deleted keeps its revision and status in step, nothing else. */
function syncStatusOnly(plan: SyncPlan, rsList: readonly ReplicaSet[]): void {
  const found = syncRevision(plan, rsList, false);
  if (found !== undefined) finishDeploymentStatus(plan, found.allOldRSs, found.newRS);
}

/** sync: scale for a scaling event or a paused Deployment; a paused one also cleans up old revisions. */
function syncScale(plan: SyncPlan, rsList: readonly ReplicaSet[]): void {
  const found = syncRevision(plan, rsList, false);
  if (found === undefined) return;
  writeScaleActions(plan, planScale(plan.d, found.newRS, found.allOldRSs));
  if (plan.d.spec.paused === true) cleanupDeployment(plan, found.allOldRSs);
  finishDeploymentStatus(plan, found.allOldRSs, found.newRS);
}

/** isScalingEvent, which syncs revisions on its own first (and may already write). */
function scalingEvent(plan: SyncPlan, rsList: readonly ReplicaSet[]): boolean | undefined {
  const found = syncRevision(plan, rsList, false);
  if (found === undefined) return undefined;
  return isScalingEvent(plan.d, [...found.allOldRSs, found.newRS]);
}

function rollout(plan: SyncPlan, rsList: readonly ReplicaSet[]): void {
  const pausedStatus = pausedConditionStatus(plan.d, plan.nowMs);
  if (pausedStatus !== undefined) writeDeployment(plan, { status: pausedStatus });
  if (plan.stopped) return;
  if (plan.d.spec.paused === true) return syncScale(plan, rsList);
  const scaling = scalingEvent(plan, rsList);
  if (scaling === undefined) return;
  if (scaling) return syncScale(plan, rsList);
  if (plan.d.spec.strategy.type === 'Recreate') {
    const pods = podsOfReplicaSets(plan.state, plan.d, rsList);
    return rolloutRecreate(plan, rsList, podMapForDeployment(plan.d, rsList, pods));
  }
  rolloutRolling(plan, rsList);
}

export function syncDeployment(key: string, { state, nowMs }: ReconcileContext<ClusterState>): Effect[] {
  const d = kindTable<Deployment>(state, 'Deployment').get(key);
  if (d === undefined) return [];
  const plan = newPlan(key, state, nowMs, d);
  if (selectsEverything(d)) {
    selectingAll(plan);
    return plan.effects;
  }
  const claim = claimReplicaSets(state, d);
  plan.effects.push(...claimCommands(DEPLOYMENT_CONTROLLER, claim, controllerRef(d)).map(submit));
  noteAdopted(plan, claim.adopt);
  if (d.metadata.deletionTimestamp !== undefined) syncStatusOnly(plan, claim.owned);
  else rollout(plan, claim.owned);
  return plan.effects;
}

// The requests one Deployment sync makes, in order, computed from one state as upstream computes
// them from its informer cache. Upstream works on a copy of the Deployment and changes it in place
// as it goes (the revision annotation, conditions), while the object its first UpdateStatus
// returns is dropped: any later write of the Deployment in the same sync carries the old
// resourceVersion and fails with a Conflict, and the sync returns that error. We keep the same
// copy and precondition, so the API server refuses that write here too, and the plan stops there,
// as upstream's sync does. A ReplicaSet write whose result upstream passes along (the new
// ReplicaSet after its annotations were synced, an old one after its unhealthy pods were
// cleaned up) carries no precondition: we cannot know the resourceVersion the API server gives
// it, and upstream's would match. A ReplicaSet written a second time from the cached copy (the
// second getAllReplicaSetsAndSyncRevision of a sync) conflicts here as it does upstream.

import { sameJson } from '../../core/canonical-json.ts';
import type { EventRecord } from '../../core/commands.ts';
import { type Effect, submit } from '../../core/controller.ts';
import type { Labels } from '../../core/labels.ts';
import type { ReplicaSet } from '../../core/objects.ts';
import type { Deployment, DeploymentStatus } from '../../core/workloads.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { eventAbout } from '../common/controller-ref.ts';
import type { ScaleAction, ScaleEvent } from './scale-step.ts';
import { withFields } from '../../core/with-fields.ts';

export const DEPLOYMENT_CONTROLLER = 'controller/deployment';

export interface SyncPlan {
  readonly key: string;
  readonly state: ClusterState;
  readonly nowMs: number;
  readonly effects: Effect[];
  /** Upstream's working copy of the Deployment: its writes change it in place. */
  d: Deployment;
  /** The Deployment has been written: the copy's resourceVersion is stale from now on. */
  written: boolean;
  /** The ReplicaSets written in this sync, by name. */
  readonly writtenReplicaSets: Set<string>;
  /** A write upstream would see fail has been submitted: upstream's sync returns there. */
  stopped: boolean;
}

export function newPlan(key: string, state: ClusterState, nowMs: number, d: Deployment): SyncPlan {
  return { key, state, nowMs, effects: [], d, written: false, writtenReplicaSets: new Set(), stopped: false };
}

/** An Event on the Deployment, recorded when the request it rides on is admitted. */
export function deploymentEvent(plan: SyncPlan, event: { readonly type: 'Normal' | 'Warning'; readonly reason: string; readonly message: string }): EventRecord {
  return eventAbout(plan.d, event.type, event.reason, event.message);
}

/**
 * One UpdateStatus of upstream's working copy. Upstream sends annotations and status in one
 * request (the status strategy lets annotations through); here a changed annotation is an
 * `update` (the spec is unchanged, so generation stays) and the status follows as `updateStatus`
 * without a precondition of its own, being the same request.
 */
export function writeDeployment(plan: SyncPlan, change: { readonly annotations?: Labels; readonly status?: DeploymentStatus }, record?: EventRecord): void {
  if (plan.stopped) return;
  const d = plan.d;
  const annotationsMoved = change.annotations !== undefined && !sameJson(change.annotations, d.metadata.annotations ?? {});
  const statusMoved = change.status !== undefined && !sameJson(change.status, d.status);
  if (!annotationsMoved && !statusMoved) return;
  const metadata = annotationsMoved ? withFields(d.metadata, { annotations: change.annotations }) : d.metadata;
  const next: Deployment = { ...d, metadata, status: change.status ?? d.status };
  const withRecord = record === undefined ? {} : { record };
  if (annotationsMoved) plan.effects.push(submit({ type: 'update', actor: DEPLOYMENT_CONTROLLER, object: next, ...withRecord }));
  // A stale copy's request fails as a whole: its status half is not sent.
  if (statusMoved && !(annotationsMoved && plan.written)) {
    plan.effects.push(
      submit({
        type: 'updateStatus',
        actor: DEPLOYMENT_CONTROLLER,
        kind: 'Deployment',
        namespace: d.metadata.namespace ?? '',
        name: d.metadata.name,
        ...(annotationsMoved ? {} : { resourceVersion: d.metadata.resourceVersion, ...withRecord }),
        status: next.status,
      }),
    );
  }
  if (plan.written) plan.stopped = true;
  plan.written = true;
  plan.d = next;
}

/**
 * ReplicaSets adopted in this sync: upstream goes on with the copies it listed, whose
 * resourceVersion the adoption has moved on, so writing one of them in the same sync conflicts.
 */
export function noteAdopted(plan: SyncPlan, adopted: readonly ReplicaSet[]): void {
  for (const rs of adopted) plan.writtenReplicaSets.add(rs.metadata.name);
}

/** The ReplicaSet as a write of this sync returns it: current, so later writes need no precondition. */
export function fresh(rs: ReplicaSet): ReplicaSet {
  const { resourceVersion: _resourceVersion, ...metadata } = rs.metadata;
  return { ...rs, metadata };
}

/** One ReplicaSet Update, with the ScalingReplicaSet Event when its size changes. */
export function writeReplicaSet(plan: SyncPlan, rs: ReplicaSet, event?: ScaleEvent): void {
  if (plan.stopped) return;
  const name = rs.metadata.name;
  const stale = rs.metadata.resourceVersion !== undefined && plan.writtenReplicaSets.has(name);
  const record = event === undefined ? {} : { record: deploymentEvent(plan, event) };
  plan.effects.push(submit({ type: 'update', actor: DEPLOYMENT_CONTROLLER, object: rs, ...record }));
  plan.writtenReplicaSets.add(name);
  if (stale) plan.stopped = true;
}

/**
 * A step's ReplicaSet writes in order. A ReplicaSet written twice in one step (cleanup of its
 * unhealthy pods, then scale-down) is written the second time from the first write's result.
 */
export function writeScaleActions(plan: SyncPlan, actions: readonly ScaleAction[]): void {
  const seen = new Set<string>();
  for (const action of actions) {
    const rs = seen.has(action.name) ? fresh(action.replicaSet) : action.replicaSet;
    seen.add(action.name);
    writeReplicaSet(plan, rs, action.event);
  }
}

/** cleanupDeployment's deletes, in the order given (lowest revision first). */
export function deleteReplicaSets(plan: SyncPlan, rss: readonly ReplicaSet[]): void {
  if (plan.stopped) return;
  for (const rs of rss) {
    plan.effects.push(
      submit({ type: 'delete', actor: DEPLOYMENT_CONTROLLER, kind: 'ReplicaSet', namespace: rs.metadata.namespace ?? '', name: rs.metadata.name }),
    );
  }
}

// Finding (or creating) the new ReplicaSet and keeping revisions in step, as upstream's
// getAllReplicaSetsAndSyncRevision and getNewReplicaSet (pkg/controller/deployment/sync.go) do,
// turned into the plan's requests. Upstream may run this two or three times in one sync, always
// over the ReplicaSet list it read at the start; so do we.

import { toTimestamp } from '../../core/clock.ts';
import { submit } from '../../core/controller.ts';
import type { ReplicaSet } from '../../core/objects.ts';
import { lookupObject } from '../../reducers/lookup.ts';
import { FAILED_RS_CREATE_REASON } from './conditions.ts';
import { afterNewReplicaSetCreated, newReplicaSetManifest, nextRevision, resolveAlreadyExists, syncExistingNewReplicaSet } from './new-replica-set.ts';
import type { ReplicaSetManifest } from './new-replica-set.ts';
import { findNewReplicaSet, findOldReplicaSets } from './replica-set-sets.ts';
import type { ScaleEvent } from './scale-step.ts';
import { DEPLOYMENT_CONTROLLER, type SyncPlan, deploymentEvent, fresh, writeDeployment, writeReplicaSet } from './sync-plan.ts';
import { withFields } from '../../core/with-fields.ts';

export interface ReplicaSetsOfSync {
  readonly newRS: ReplicaSet | undefined;
  /** Every old ReplicaSet, oldest first. */
  readonly allOldRSs: readonly ReplicaSet[];
}

/**
 * The new ReplicaSet as the create returns it. Its uid is the API server's to give and unknown
 * here; nothing later in the sync reads it.
 */
function createdReplicaSet(manifest: ReplicaSetManifest, nowMs: number): ReplicaSet {
  return {
    apiVersion: manifest.apiVersion,
    kind: manifest.kind,
    metadata: withFields(manifest.metadata, { uid: '', creationTimestamp: toTimestamp(nowMs) }),
    spec: manifest.spec,
    status: { replicas: 0 },
  };
}

/** The create; upstream records "Scaled up ... from 0 to N" once it succeeds, and a Warning when it fails otherwise than AlreadyExists. */
function submitCreate(plan: SyncPlan, manifest: ReplicaSetManifest, outcome: { readonly event?: ScaleEvent | undefined; readonly recordRefusal: boolean }): void {
  const message = `Failed to create new replica set ${JSON.stringify(manifest.metadata.name)}: {error}`;
  const refusal = outcome.recordRefusal
    ? { recordOnRefusal: deploymentEvent(plan, { type: 'Warning', reason: FAILED_RS_CREATE_REASON, message }) }
    : {};
  const record = outcome.event === undefined ? {} : { record: deploymentEvent(plan, outcome.event) };
  plan.effects.push(submit({ type: 'create', actor: DEPLOYMENT_CONTROLLER, manifest, ...record, ...refusal }));
}

/**
 * The create half of getNewReplicaSet. A name already taken means either our own ReplicaSet (a
 * create the cache had not seen yet, taken as created) or a hash collision: upstream's create
 * fails with AlreadyExists, it bumps status.collisionCount and returns the error, so the key
 * comes back and the next create uses a new name. Any other refusal records the Warning
 * ReplicaSetCreateError Event; a plan cannot branch on a refusal, so the Progressing
 * False/ReplicaSetCreateError condition upstream writes then is not written, and the rest of the
 * plan runs as if the create had passed (the refusal still fails the sync, which comes back).
 */
function createNewReplicaSet(plan: SyncPlan, allOldRSs: readonly ReplicaSet[]): ReplicaSet | undefined {
  const built = newReplicaSetManifest(plan.d, allOldRSs);
  // NewRSNewReplicas only fails on a maxSurge that validation refuses; upstream returns the error.
  if (!built.ok) {
    plan.stopped = true;
    return undefined;
  }
  const { manifest } = built;
  const existing = lookupObject<ReplicaSet>(plan.state, 'ReplicaSet', manifest.metadata.namespace, manifest.metadata.name);
  const resolved = existing === undefined ? undefined : resolveAlreadyExists(plan.d, existing);
  if (resolved?.kind === 'collision') {
    submitCreate(plan, manifest, { recordRefusal: false });
    writeDeployment(plan, { status: resolved.status });
    plan.stopped = true;
    return undefined;
  }
  const created = resolved?.kind === 'ours' ? resolved.replicaSet : createdReplicaSet(manifest, plan.nowMs);
  const alreadyExisted = resolved !== undefined;
  const after = afterNewReplicaSetCreated(plan.d, created, nextRevision(allOldRSs), alreadyExisted, plan.nowMs);
  if (!alreadyExisted) submitCreate(plan, manifest, { event: after.event, recordRefusal: true });
  if (after.deploymentWrite !== undefined) writeDeployment(plan, after.deploymentWrite);
  return created;
}

/**
 * getAllReplicaSetsAndSyncRevision over the ReplicaSets claimed at the start of the sync. An
 * existing new ReplicaSet gets its annotations and minReadySeconds synced (and the sync goes on
 * with the written one), or the Deployment takes its revision; without one, it is created only
 * when `create` is set. Undefined when the plan stopped.
 */
export function syncRevision(plan: SyncPlan, rsList: readonly ReplicaSet[], create: boolean): ReplicaSetsOfSync | undefined {
  if (plan.stopped) return undefined;
  const { allOldRSs } = findOldReplicaSets(plan.d, rsList);
  const existing = findNewReplicaSet(plan.d, rsList);
  let newRS: ReplicaSet | undefined;
  if (existing !== undefined) {
    const synced = syncExistingNewReplicaSet(plan.d, existing, allOldRSs, plan.nowMs);
    if (synced.kind === 'updateReplicaSet') {
      writeReplicaSet(plan, synced.replicaSet);
      newRS = fresh(synced.replicaSet);
    } else {
      if (synced.deploymentWrite !== undefined) writeDeployment(plan, synced.deploymentWrite);
      newRS = synced.replicaSet;
    }
  } else if (create) newRS = createNewReplicaSet(plan, allOldRSs);
  return plan.stopped ? undefined : { newRS, allOldRSs };
}

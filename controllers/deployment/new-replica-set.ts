// The new ReplicaSet of a sync: keep an existing one's annotations, revision and
// minReadySeconds in step with the Deployment, or build the one to create. As upstream's
// getNewReplicaSet (pkg/controller/deployment/sync.go).

import type { OwnerReference, ReplicaSet, ReplicaSetSpec } from '../../core/objects.ts';
import { controllerOf } from '../../core/objects.ts';
import type { Deployment, DeploymentStatus } from '../../core/workloads.ts';
import { controllerRef } from '../common/controller-ref.ts';
import {
  DEPLOYMENT_PROGRESSING,
  FAILED_RS_CREATE_REASON,
  FOUND_NEW_RS_REASON,
  NEW_REPLICA_SET_REASON,
  deploymentConditions,
  getDeploymentCondition,
  hasProgressDeadline,
  newDeploymentCondition,
  setDeploymentCondition,
} from './conditions.ts';
import {
  POD_TEMPLATE_HASH_LABEL,
  cloneSelectorAndAddLabel,
  computeHash,
  equalIgnoreHash,
  newReplicaSetName,
  newReplicaSetTemplate,
} from './pod-template-hash.ts';
import { REVISION_ANNOTATION, deploymentRevisionAnnotations, maxRevision, newReplicaSetAnnotations } from './revisions.ts';
import { newRSNewReplicas } from './rolling.ts';
import { type ScaleEvent, scalingEvent } from './scale-step.ts';
import { withFields } from '../../core/with-fields.ts';

/** The Deployment write upstream makes with UpdateStatus: annotations (revision) and status. */
export interface DeploymentStatusWrite {
  readonly annotations: Readonly<Record<string, string>>;
  readonly status: DeploymentStatus;
}

/** The revision the new ReplicaSet should carry: one above every old ReplicaSet's. */
export function nextRevision(allOldRSs: readonly ReplicaSet[]): string {
  return String(maxRevision(allOldRSs) + 1);
}

export type ExistingNewReplicaSetSync =
  /**
   * The ReplicaSet needs an update (annotations or minReadySeconds). Upstream's getNewReplicaSet
   * returns the updated ReplicaSet and the sync goes on with it; the Deployment's revision and
   * FoundNewReplicaSet condition wait for a later sync.
   */
  | { readonly kind: 'updateReplicaSet'; readonly replicaSet: ReplicaSet }
  /** The ReplicaSet is current; the Deployment may need its revision or a first Progressing condition. */
  | { readonly kind: 'inSync'; readonly replicaSet: ReplicaSet; readonly deploymentWrite: DeploymentStatusWrite | undefined };

/**
 * getNewReplicaSet for an existing new ReplicaSet. When it is current, the Deployment takes the
 * ReplicaSet's revision, and a Deployment with a deadline but no Progressing condition yet gets
 * FoundNewReplicaSet, so progress is counted from the first time the controller saw it.
 */
export function syncExistingNewReplicaSet(
  d: Deployment,
  existing: ReplicaSet,
  allOldRSs: readonly ReplicaSet[],
  nowMs: number,
): ExistingNewReplicaSetSync {
  const update = newReplicaSetAnnotations(d, existing.metadata.annotations, nextRevision(allOldRSs), true);
  const minReadySeconds = d.spec.minReadySeconds ?? 0;
  if (update.changed || (existing.spec.minReadySeconds ?? 0) !== minReadySeconds) {
    // minReadySeconds is an int32 the API omits at 0: writing a 0 where none was would be a spec
    // change (and a new generation) upstream never makes.
    const { minReadySeconds: _old, ...spec } = existing.spec;
    const replicaSet: ReplicaSet = {
      ...existing,
      metadata: withFields(existing.metadata, { annotations: update.annotations }),
      spec: minReadySeconds === 0 ? spec : withFields(spec, { minReadySeconds }),
    };
    return { kind: 'updateReplicaSet', replicaSet };
  }
  const revision = deploymentRevisionAnnotations(d, existing.metadata.annotations?.[REVISION_ANNOTATION] ?? '');
  let status = d.status;
  let changed = revision.changed;
  if (hasProgressDeadline(d) && getDeploymentCondition(d.status, DEPLOYMENT_PROGRESSING) === undefined) {
    const message = `Found new replica set ${JSON.stringify(existing.metadata.name)}`;
    const condition = newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'True', FOUND_NEW_RS_REASON, message, nowMs);
    status = withFields(status, { conditions: setDeploymentCondition(deploymentConditions(status), condition) });
    changed = true;
  }
  const deploymentWrite = changed ? { annotations: revision.annotations, status } : undefined;
  return { kind: 'inSync', replicaSet: existing, deploymentWrite };
}

/** What getNewReplicaSet asks the API server to create. */
export interface ReplicaSetManifest {
  readonly apiVersion: 'apps/v1';
  readonly kind: 'ReplicaSet';
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations: Readonly<Record<string, string>>;
    readonly ownerReferences: readonly OwnerReference[];
  };
  readonly spec: ReplicaSetSpec;
}

/**
 * The ReplicaSet getNewReplicaSet creates: named `${deployment}-${hash}` (the hash mixes in
 * status.collisionCount), owned by the Deployment, labelled, selected and templated with the
 * hash, sized by newRSNewReplicas over the old ReplicaSets, annotated with the Deployment's
 * annotations, the next revision and the replicas annotations.
 */
export function newReplicaSetManifest(
  d: Deployment,
  allOldRSs: readonly ReplicaSet[],
): { readonly ok: true; readonly manifest: ReplicaSetManifest } | { readonly ok: false; readonly error: string } {
  const replicas = newRSNewReplicas(d, allOldRSs, 0);
  if (!replicas.ok) return replicas;
  const hash = computeHash(d.spec.template, d.status?.collisionCount);
  const template = newReplicaSetTemplate(d, hash);
  const labels = template.metadata?.labels;
  const { annotations } = newReplicaSetAnnotations(d, undefined, nextRevision(allOldRSs), false);
  const manifest: ReplicaSetManifest = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: newReplicaSetName(d.metadata.name, hash),
      ...(d.metadata.namespace === undefined ? {} : { namespace: d.metadata.namespace }),
      ...(labels === undefined ? {} : { labels }),
      annotations,
      ownerReferences: [controllerRef(d)],
    },
    spec: {
      replicas: replicas.value,
      ...(d.spec.minReadySeconds === undefined ? {} : { minReadySeconds: d.spec.minReadySeconds }),
      selector: cloneSelectorAndAddLabel(d.spec.selector, POD_TEMPLATE_HASH_LABEL, hash),
      template,
    },
  };
  return { ok: true, manifest };
}

/**
 * After the create: the ScalingReplicaSet event ("from 0", only for a ReplicaSet made here and
 * sized above 0), and the Deployment write with the new revision and, with a deadline and a
 * ReplicaSet made here, Progressing True/NewReplicaSetCreated. alreadyExisted is the
 * AlreadyExists case that turned out to be our own ReplicaSet.
 */
export function afterNewReplicaSetCreated(
  d: Deployment,
  created: ReplicaSet,
  revision: string,
  alreadyExisted: boolean,
  nowMs: number,
): { readonly event: ScaleEvent | undefined; readonly deploymentWrite: DeploymentStatusWrite | undefined } {
  const event =
    !alreadyExisted && created.spec.replicas > 0 ? scalingEvent(created.metadata.name, 0, created.spec.replicas) : undefined;
  const revisionUpdate = deploymentRevisionAnnotations(d, revision);
  if (alreadyExisted || !hasProgressDeadline(d)) {
    const deploymentWrite = revisionUpdate.changed ? { annotations: revisionUpdate.annotations, status: d.status } : undefined;
    return { event, deploymentWrite };
  }
  const message = `Created new replica set ${JSON.stringify(created.metadata.name)}`;
  const condition = newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'True', NEW_REPLICA_SET_REASON, message, nowMs);
  const status = withFields(d.status, { conditions: setDeploymentCondition(deploymentConditions(d.status), condition) });
  return { event, deploymentWrite: { annotations: revisionUpdate.annotations, status } };
}

/**
 * On AlreadyExists: the existing ReplicaSet is ours when the Deployment controls it and its
 * template matches, hash aside (a slow cache). Otherwise it is a hash collision: upstream bumps
 * status.collisionCount, writes the status and requeues, so the next create uses a new name.
 */
export function resolveAlreadyExists(
  d: Deployment,
  existing: ReplicaSet,
): { readonly kind: 'ours'; readonly replicaSet: ReplicaSet } | { readonly kind: 'collision'; readonly status: DeploymentStatus } {
  const owner = controllerOf(existing);
  if (owner !== undefined && owner.uid === d.metadata.uid && equalIgnoreHash(d.spec.template, existing.spec.template)) {
    return { kind: 'ours', replicaSet: existing };
  }
  return { kind: 'collision', status: withFields(d.status, { collisionCount: (d.status?.collisionCount ?? 0) + 1 }) };
}

/**
 * Any other create failure: with a deadline, Progressing False/ReplicaSetCreateError is written
 * (errors of that write ignored), and a Warning event with the same reason is recorded.
 */
export function createFailure(
  d: Deployment,
  name: string,
  error: string,
  nowMs: number,
): { readonly status: DeploymentStatus | undefined; readonly event: { readonly type: 'Warning'; readonly reason: string; readonly message: string } } {
  const message = `Failed to create new replica set ${JSON.stringify(name)}: ${error}`;
  const condition = newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'False', FAILED_RS_CREATE_REASON, message, nowMs);
  const status = hasProgressDeadline(d)
    ? withFields(d.status, { conditions: setDeploymentCondition(deploymentConditions(d.status), condition) })
    : undefined;
  return { status, event: { type: 'Warning', reason: FAILED_RS_CREATE_REASON, message } };
}

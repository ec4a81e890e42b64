// A Deployment's Available and Progressing conditions and the tests that choose between them:
// complete, progressing, timed out. As upstream's NewDeploymentCondition, SetDeploymentCondition,
// RemoveDeploymentCondition, ReplicaSetToDeploymentCondition, DeploymentComplete,
// DeploymentProgressing, DeploymentTimedOut, HasProgressDeadline and HasRevisionHistoryLimit
// (pkg/controller/deployment/util/deployment_util.go).

import { fromTimestamp, toTimestamp } from '../../core/clock.ts';
import type { Condition, ConditionStatus } from '../../core/objects.ts';
import type { Deployment, DeploymentStatus } from '../../core/workloads.ts';
import { withFields } from '../../core/with-fields.ts';

export const DEPLOYMENT_AVAILABLE = 'Available';
export const DEPLOYMENT_PROGRESSING = 'Progressing';
export const DEPLOYMENT_REPLICA_FAILURE = 'ReplicaFailure';

// Progressing reasons.
export const REPLICA_SET_UPDATED_REASON = 'ReplicaSetUpdated';
export const FAILED_RS_CREATE_REASON = 'ReplicaSetCreateError';
export const NEW_REPLICA_SET_REASON = 'NewReplicaSetCreated';
export const FOUND_NEW_RS_REASON = 'FoundNewReplicaSet';
export const NEW_RS_AVAILABLE_REASON = 'NewReplicaSetAvailable';
export const TIMED_OUT_REASON = 'ProgressDeadlineExceeded';
export const PAUSED_DEPLOY_REASON = 'DeploymentPaused';
export const RESUMED_DEPLOY_REASON = 'DeploymentResumed';
// Available reasons.
export const MINIMUM_REPLICAS_AVAILABLE = 'MinimumReplicasAvailable';
export const MINIMUM_REPLICAS_UNAVAILABLE = 'MinimumReplicasUnavailable';

/** math.MaxInt32: the value of progressDeadlineSeconds and revisionHistoryLimit meaning "none". */
export const MAX_INT32 = 2 ** 31 - 1;

/**
 * apps/v1 DeploymentCondition: a Condition with lastUpdateTime, which moves on every update of
 * the condition while lastTransitionTime moves only when the status flips.
 */
export type DeploymentCondition = Condition & { readonly lastUpdateTime?: string };

export function deploymentConditions(status: DeploymentStatus | undefined): readonly DeploymentCondition[] {
  return (status?.conditions ?? []) as readonly DeploymentCondition[];
}

export function getDeploymentCondition(status: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined {
  return deploymentConditions(status).find((condition) => condition.type === type);
}

/** NewDeploymentCondition: both times are now (virtual, whole seconds as metav1.Time writes). */
export function newDeploymentCondition(
  type: string,
  status: ConditionStatus,
  reason: string,
  message: string,
  nowMs: number,
): DeploymentCondition {
  const now = toTimestamp(nowMs);
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

/**
 * SetDeploymentCondition: a condition with the same status and reason as the current one leaves
 * everything as it was (message and times included). Otherwise the new condition replaces the
 * old one and goes last; it keeps the old lastTransitionTime when the status is unchanged.
 */
export function setDeploymentCondition(
  conditions: readonly DeploymentCondition[] | undefined,
  condition: DeploymentCondition,
): readonly DeploymentCondition[] {
  const current = conditions?.find((existing) => existing.type === condition.type);
  if (current !== undefined && current.status === condition.status && current.reason === condition.reason) {
    return conditions ?? [];
  }
  const kept =
    current !== undefined && current.status === condition.status
      ? withFields(condition, { lastTransitionTime: current.lastTransitionTime })
      : condition;
  return [...removeDeploymentCondition(conditions, condition.type), kept];
}

export function removeDeploymentCondition(
  conditions: readonly DeploymentCondition[] | undefined,
  type: string,
): readonly DeploymentCondition[] {
  return (conditions ?? []).filter((condition) => condition.type !== type);
}

/** ReplicaSetToDeploymentCondition: a ReplicaFailure promoted, both times its transition time. */
export function replicaSetToDeploymentCondition(condition: Condition): DeploymentCondition {
  return {
    type: condition.type,
    status: condition.status,
    ...(condition.lastTransitionTime === undefined
      ? {}
      : { lastTransitionTime: condition.lastTransitionTime, lastUpdateTime: condition.lastTransitionTime }),
    ...(condition.reason === undefined ? {} : { reason: condition.reason }),
    ...(condition.message === undefined ? {} : { message: condition.message }),
  };
}

/** HasProgressDeadline: math.MaxInt32 (or no value) means the progress is never judged. */
export function hasProgressDeadline(d: Deployment): boolean {
  const seconds = d.spec.progressDeadlineSeconds as number | undefined;
  return seconds !== undefined && seconds !== MAX_INT32;
}

/** HasRevisionHistoryLimit: math.MaxInt32 (or no value) keeps every old ReplicaSet. */
export function hasRevisionHistoryLimit(d: Deployment): boolean {
  const limit = d.spec.revisionHistoryLimit as number | undefined;
  return limit !== undefined && limit !== MAX_INT32;
}

/**
 * DeploymentComplete: every desired pod is updated and available, no old pod is left, and the
 * status is for the current generation.
 */
export function deploymentComplete(d: Deployment, status: DeploymentStatus | undefined): boolean {
  const replicas = d.spec.replicas;
  return (
    (status?.updatedReplicas ?? 0) === replicas &&
    (status?.replicas ?? 0) === replicas &&
    (status?.availableReplicas ?? 0) === replicas &&
    (status?.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/**
 * DeploymentProgressing: compared with the status stored on the Deployment, more pods are
 * updated, fewer old pods are left, or more pods are ready or available.
 */
export function deploymentProgressing(d: Deployment, next: DeploymentStatus): boolean {
  const old = d.status;
  const oldOldReplicas = (old?.replicas ?? 0) - (old?.updatedReplicas ?? 0);
  const nextOldReplicas = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
  return (
    (next.updatedReplicas ?? 0) > (old?.updatedReplicas ?? 0) ||
    nextOldReplicas < oldOldReplicas ||
    (next.readyReplicas ?? 0) > (old?.readyReplicas ?? 0) ||
    (next.availableReplicas ?? 0) > (old?.availableReplicas ?? 0)
  );
}

/** When the Progressing condition's deadline passes: lastUpdateTime + progressDeadlineSeconds. */
export function progressDeadlineMs(d: Deployment, condition: DeploymentCondition): number | undefined {
  if (condition.lastUpdateTime === undefined) return undefined;
  return fromTimestamp(condition.lastUpdateTime) + d.spec.progressDeadlineSeconds * 1000;
}

/**
 * DeploymentTimedOut: judged on the new status's Progressing condition. A complete rollout never
 * times out, a reported timeout stays; otherwise the deadline must be strictly before now. A
 * condition without lastUpdateTime counts from upstream's zero time, long past.
 */
export function deploymentTimedOut(d: Deployment, status: DeploymentStatus, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const condition = getDeploymentCondition(status, DEPLOYMENT_PROGRESSING);
  if (condition === undefined) return false;
  if (condition.reason === NEW_RS_AVAILABLE_REASON) return false;
  if (condition.reason === TIMED_OUT_REASON) return true;
  const deadlineMs = progressDeadlineMs(d, condition);
  return deadlineMs === undefined || deadlineMs < nowMs;
}

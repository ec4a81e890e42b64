// The status a rollout step ends with: calculateStatus plus the Progressing condition (complete,
// progressing, or past its deadline), the ReplicaSets' failures, and when to look again if the
// rollout seems stuck. As upstream's syncRolloutStatus, getReplicaFailures and
// requeueStuckDeployment (pkg/controller/deployment/progress.go) and checkPausedConditions
// (pkg/controller/deployment/sync.go).

import type { ReplicaSet } from '../../core/objects.ts';
import type { Deployment, DeploymentStatus } from '../../core/workloads.ts';
import {
  DEPLOYMENT_PROGRESSING,
  DEPLOYMENT_REPLICA_FAILURE,
  type DeploymentCondition,
  NEW_RS_AVAILABLE_REASON,
  PAUSED_DEPLOY_REASON,
  REPLICA_SET_UPDATED_REASON,
  RESUMED_DEPLOY_REASON,
  TIMED_OUT_REASON,
  deploymentComplete,
  deploymentConditions,
  deploymentProgressing,
  deploymentTimedOut,
  getDeploymentCondition,
  hasProgressDeadline,
  newDeploymentCondition,
  progressDeadlineMs,
  removeDeploymentCondition,
  replicaSetToDeploymentCondition,
  setDeploymentCondition,
} from './conditions.ts';
import { calculateStatus, sameDeploymentStatus } from './status.ts';
import { withFields } from '../../core/with-fields.ts';

/** Who the Progressing messages name: the new ReplicaSet when there is one. */
function subject(d: Deployment, newRS: ReplicaSet | undefined): string {
  return newRS === undefined ? `Deployment ${JSON.stringify(d.metadata.name)}` : `ReplicaSet ${JSON.stringify(newRS.metadata.name)}`;
}

/** The Progressing condition for a status that shows progress; keeps a True transition time. */
function progressingCondition(d: Deployment, newRS: ReplicaSet | undefined, nowMs: number): DeploymentCondition {
  const condition = newDeploymentCondition(
    DEPLOYMENT_PROGRESSING,
    'True',
    REPLICA_SET_UPDATED_REASON,
    `${subject(d, newRS)} is progressing.`,
    nowMs,
  );
  const current = getDeploymentCondition(d.status, DEPLOYMENT_PROGRESSING);
  return current?.status === 'True' ? withFields(condition, { lastTransitionTime: current.lastTransitionTime }) : condition;
}

/**
 * The new Progressing condition, judged only with a deadline and while the last rollout is not
 * already recorded as complete (a resync with all pods updated). Complete wins over progressing,
 * which wins over timed out; "progressing" always rewrites the condition, so lastUpdateTime
 * marks the latest progress the deadline counts from.
 */
function withProgressing(
  d: Deployment,
  newRS: ReplicaSet | undefined,
  status: DeploymentStatus,
  nowMs: number,
): readonly DeploymentCondition[] {
  const conditions = deploymentConditions(status);
  const current = getDeploymentCondition(d.status, DEPLOYMENT_PROGRESSING);
  const isCompleteDeployment =
    (status.replicas ?? 0) === (status.updatedReplicas ?? 0) && current?.reason === NEW_RS_AVAILABLE_REASON;
  if (isCompleteDeployment) return conditions;
  if (deploymentComplete(d, status)) {
    const message = `${subject(d, newRS)} has successfully progressed.`;
    return setDeploymentCondition(conditions, newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'True', NEW_RS_AVAILABLE_REASON, message, nowMs));
  }
  if (deploymentProgressing(d, status)) {
    const base = current === undefined ? conditions : removeDeploymentCondition(conditions, DEPLOYMENT_PROGRESSING);
    return setDeploymentCondition(base, progressingCondition(d, newRS, nowMs));
  }
  if (deploymentTimedOut(d, status, nowMs)) {
    const message = `${subject(d, newRS)} has timed out progressing.`;
    return setDeploymentCondition(conditions, newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'False', TIMED_OUT_REASON, message, nowMs));
  }
  return conditions;
}

/** getReplicaFailures: the new ReplicaSet's ReplicaFailure conditions, else the others'. */
export function replicaFailures(allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): DeploymentCondition[] {
  const failuresOf = (rs: ReplicaSet): DeploymentCondition[] =>
    (rs.status?.conditions ?? [])
      .filter((condition) => condition.type === DEPLOYMENT_REPLICA_FAILURE)
      .map(replicaSetToDeploymentCondition);
  const fromNew = newRS === undefined ? [] : failuresOf(newRS);
  if (fromNew.length > 0) return fromNew;
  return allRSs.flatMap((rs) => (rs === undefined ? [] : failuresOf(rs)));
}

/** What to do about a rollout that shows no progress yet, to notice its deadline in time. */
export type Requeue =
  | { readonly kind: 'none' }
  /** Less than a second left: upstream re-adds the key through the rate limiter right away. */
  | { readonly kind: 'rateLimited' }
  /** upstream returns afterMs and enqueues after afterMs plus a second (against clock skew). */
  | { readonly kind: 'after'; readonly afterMs: number; readonly wakeAtMs: number };

const ONE_SECOND_MS = 1000;

/**
 * requeueStuckDeployment: nothing without a deadline or a Progressing condition on the stored
 * Deployment, when the new status is complete, or once the timeout is recorded; otherwise the
 * time left until lastUpdateTime + progressDeadlineSeconds.
 */
export function requeueStuckDeployment(d: Deployment, status: DeploymentStatus, nowMs: number): Requeue {
  const current = getDeploymentCondition(d.status, DEPLOYMENT_PROGRESSING);
  if (!hasProgressDeadline(d) || current === undefined) return { kind: 'none' };
  if (deploymentComplete(d, status) || current.reason === TIMED_OUT_REASON) return { kind: 'none' };
  const deadlineMs = progressDeadlineMs(d, current);
  const afterMs = deadlineMs === undefined ? -Infinity : deadlineMs - nowMs;
  if (afterMs < ONE_SECOND_MS) return { kind: 'rateLimited' };
  return { kind: 'after', afterMs, wakeAtMs: nowMs + afterMs + ONE_SECOND_MS };
}

export interface RolloutStatus {
  readonly status: DeploymentStatus;
  /** False when the status equals the stored one: upstream then writes nothing. */
  readonly changed: boolean;
  /** Only considered when nothing changed; a write triggers another sync anyway. */
  readonly requeue: Requeue;
}

/** syncRolloutStatus. */
export function syncRolloutStatus(
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
  nowMs: number,
): RolloutStatus {
  const calculated = calculateStatus(allRSs, newRS, d, nowMs);
  let conditions = deploymentConditions(calculated);
  if (!hasProgressDeadline(d)) conditions = removeDeploymentCondition(conditions, DEPLOYMENT_PROGRESSING);
  else conditions = withProgressing(d, newRS, withFields(calculated, { conditions }), nowMs);
  const failure = replicaFailures(allRSs, newRS)[0];
  conditions =
    failure === undefined
      ? removeDeploymentCondition(conditions, DEPLOYMENT_REPLICA_FAILURE)
      : setDeploymentCondition(conditions, failure);
  const { conditions: _calculatedConditions, ...counts } = calculated;
  const status: DeploymentStatus = conditions.length === 0 ? counts : withFields(counts, { conditions });
  if (!sameDeploymentStatus(d.status, status)) return { status, changed: true, requeue: { kind: 'none' } };
  return { status, changed: false, requeue: requeueStuckDeployment(d, status, nowMs) };
}

export const PAUSED_MESSAGE = 'Deployment is paused';
export const RESUMED_MESSAGE = 'Deployment is resumed';

/**
 * checkPausedConditions: with a deadline, pausing sets Progressing Unknown/DeploymentPaused and
 * resuming sets Progressing Unknown/DeploymentResumed, so the time spent paused never counts
 * towards the deadline. A recorded timeout is left alone. Returns the status to write, or
 * undefined when nothing changes.
 */
export function pausedConditionStatus(d: Deployment, nowMs: number): DeploymentStatus | undefined {
  if (!hasProgressDeadline(d)) return undefined;
  const current = getDeploymentCondition(d.status, DEPLOYMENT_PROGRESSING);
  if (current?.reason === TIMED_OUT_REASON) return undefined;
  const pausedConditionExists = current?.reason === PAUSED_DEPLOY_REASON;
  const paused = d.spec.paused === true;
  if (paused === pausedConditionExists) return undefined;
  const condition = paused
    ? newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'Unknown', PAUSED_DEPLOY_REASON, PAUSED_MESSAGE, nowMs)
    : newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'Unknown', RESUMED_DEPLOY_REASON, RESUMED_MESSAGE, nowMs);
  return withFields(d.status, { conditions: setDeploymentCondition(deploymentConditions(d.status), condition) });
}

// A Deployment's status from its ReplicaSets, as upstream's calculateStatus and the comparison in
// syncDeploymentStatus (pkg/controller/deployment/sync.go). Zero counts are left out, as the
// API's omitempty fields are when serialised; the comparison reads a missing count as 0.

import { sameJson } from '../../core/canonical-json.ts';
import type { ReplicaSet } from '../../core/objects.ts';
import type { Deployment, DeploymentStatus } from '../../core/workloads.ts';
import {
  DEPLOYMENT_AVAILABLE,
  MINIMUM_REPLICAS_AVAILABLE,
  MINIMUM_REPLICAS_UNAVAILABLE,
  deploymentConditions,
  newDeploymentCondition,
  setDeploymentCondition,
} from './conditions.ts';
import { maxUnavailable } from './fenceposts.ts';
import { actualReplicaCount, availableReplicaCount, readyReplicaCount, replicaCount } from './replica-set-sets.ts';
import { withFields } from '../../core/with-fields.ts';

export const MINIMUM_AVAILABILITY_MESSAGE = 'Deployment has minimum availability.';
export const NO_MINIMUM_AVAILABILITY_MESSAGE = 'Deployment does not have minimum availability.';

function count<K extends string>(key: K, value: number): Partial<Record<K, number>> {
  return value === 0 ? {} : ({ [key]: value } as Record<K, number>);
}

/**
 * calculateStatus. replicas and updatedReplicas count pods that exist (status.replicas of all
 * ReplicaSets, of the new one); unavailableReplicas is the pods wanted (spec) less the available
 * ones, never negative (more are available than wanted while scaling down). Conditions are
 * copied, and Available is set: True when at least spec.replicas - maxUnavailable are available.
 */
export function calculateStatus(
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
  nowMs: number,
): DeploymentStatus {
  const availableReplicas = availableReplicaCount(allRSs);
  const unavailableReplicas = Math.max(0, replicaCount(allRSs) - availableReplicas);
  const available = availableReplicas >= d.spec.replicas - maxUnavailable(d);
  const condition = available
    ? newDeploymentCondition(DEPLOYMENT_AVAILABLE, 'True', MINIMUM_REPLICAS_AVAILABLE, MINIMUM_AVAILABILITY_MESSAGE, nowMs)
    : newDeploymentCondition(DEPLOYMENT_AVAILABLE, 'False', MINIMUM_REPLICAS_UNAVAILABLE, NO_MINIMUM_AVAILABILITY_MESSAGE, nowMs);
  const collisionCount = d.status?.collisionCount;
  return withFields(
    count('observedGeneration', d.metadata.generation ?? 0),
    count('replicas', actualReplicaCount(allRSs)),
    count('updatedReplicas', actualReplicaCount([newRS])),
    count('readyReplicas', readyReplicaCount(allRSs)),
    count('availableReplicas', availableReplicas),
    count('unavailableReplicas', unavailableReplicas),
    {
      conditions: setDeploymentCondition(deploymentConditions(d.status), condition),
      ...(collisionCount === undefined ? {} : { collisionCount }),
    },
  );
}

const COUNTS = [
  'observedGeneration',
  'replicas',
  'updatedReplicas',
  'readyReplicas',
  'availableReplicas',
  'unavailableReplicas',
  'terminatingReplicas',
] as const;

/** reflect.DeepEqual of two statuses, a missing count being 0 and missing conditions none. */
export function sameDeploymentStatus(a: DeploymentStatus | undefined, b: DeploymentStatus | undefined): boolean {
  for (const key of COUNTS) if ((a?.[key] ?? 0) !== (b?.[key] ?? 0)) return false;
  if (a?.collisionCount !== b?.collisionCount) return false;
  return sameJson(a?.conditions ?? [], b?.conditions ?? []);
}

/**
 * syncDeploymentStatus (the end of a scaling or paused sync, and of a Deployment being deleted):
 * the calculated status when it differs from the stored one, else undefined (no write). Unlike
 * syncRolloutStatus it leaves the Progressing condition as it is.
 */
export function syncDeploymentStatus(
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
  nowMs: number,
): DeploymentStatus | undefined {
  const status = calculateStatus(allRSs, newRS, d, nowMs);
  return sameDeploymentStatus(d.status, status) ? undefined : status;
}

// One step of a RollingUpdate rollout: scale the new ReplicaSet up within maxSurge, or else scale
// old ReplicaSets down within maxUnavailable, unhealthy replicas first. As upstream's
// rolloutRolling, reconcileNewReplicaSet, reconcileOldReplicaSets, cleanupUnhealthyReplicas and
// scaleDownOldReplicaSetsForRollingUpdate (pkg/controller/deployment/rolling.go) and
// NewRSNewReplicas (pkg/controller/deployment/util/deployment_util.go).

import type { ReplicaSet } from '../../core/objects.ts';
import type { Deployment } from '../../core/workloads.ts';
import { deploymentComplete } from './conditions.ts';
import { type Scaled, getScaledValueFromIntOrPercent, maxUnavailable } from './fenceposts.ts';
import {
  availableReplicaCount,
  compareByCreationTimestamp,
  filterActiveReplicaSets,
  replicaCount,
  sortedBy,
} from './replica-set-sets.ts';
import { type ScaleAction, afterScale, scaleReplicaSetAndRecordEvent } from './scale-step.ts';

/**
 * NewRSNewReplicas for a new ReplicaSet currently at newRSReplicas: Recreate goes straight to
 * spec.replicas; RollingUpdate adds pods while the total over allRSs (the new one included) stays
 * within spec.replicas + maxSurge, and never takes the new set past spec.replicas.
 */
export function newRSNewReplicas(d: Deployment, allRSs: readonly ReplicaSet[], newRSReplicas: number): Scaled<number> {
  switch (d.spec.strategy.type) {
    case 'Recreate':
      return { ok: true, value: d.spec.replicas };
    case 'RollingUpdate': {
      const surge = getScaledValueFromIntOrPercent(d.spec.strategy.rollingUpdate?.maxSurge ?? 0, d.spec.replicas, true);
      if (!surge.ok) return surge;
      const maxTotalPods = d.spec.replicas + surge.value;
      const currentPodCount = replicaCount(allRSs);
      if (currentPodCount >= maxTotalPods) return { ok: true, value: newRSReplicas };
      const scaleUpCount = Math.min(maxTotalPods - currentPodCount, d.spec.replicas - newRSReplicas);
      return { ok: true, value: newRSReplicas + scaleUpCount };
    }
    default:
      return { ok: false, error: `deployment type ${String(d.spec.strategy.type)} isn't supported` };
  }
}

/** reconcileNewReplicaSet: the new ReplicaSet's write, if any (a too-large one is scaled down). */
export function reconcileNewReplicaSet(
  d: Deployment,
  allRSs: readonly ReplicaSet[],
  newRS: ReplicaSet,
): Scaled<ScaleAction | undefined> {
  if (newRS.spec.replicas === d.spec.replicas) return { ok: true, value: undefined };
  if (newRS.spec.replicas > d.spec.replicas) {
    return { ok: true, value: scaleReplicaSetAndRecordEvent(newRS, d.spec.replicas, d) };
  }
  const count = newRSNewReplicas(d, allRSs, newRS.spec.replicas);
  return count.ok ? { ok: true, value: scaleReplicaSetAndRecordEvent(newRS, count.value, d) } : count;
}

/**
 * How many old pods may go now: all pods wanted, less the minimum that must stay available,
 * less the new ReplicaSet's pods that are not available yet (they would otherwise let old pods go
 * while nothing replaced them).
 */
export function maxScaledDown(d: Deployment, allRSs: readonly ReplicaSet[], newRS: ReplicaSet): number {
  const minAvailable = d.spec.replicas - maxUnavailable(d);
  const newRSUnavailable = newRS.spec.replicas - (newRS.status?.availableReplicas ?? 0);
  return replicaCount(allRSs) - minAvailable - newRSUnavailable;
}

export interface CleanupResult {
  readonly actions: readonly ScaleAction[];
  /** The old ReplicaSets, oldest first, with the sizes just written. */
  readonly oldRSs: readonly ReplicaSet[];
  readonly cleanedUp: number;
  readonly error: string | undefined;
}

/**
 * cleanupUnhealthyReplicas: scales old ReplicaSets, oldest first, down by their unavailable pods
 * (the ReplicaSet controller deletes not-ready pods first), up to maxCleanupCount in all. An old
 * ReplicaSet reporting more available pods than it wants (its status lagging a scale-down) makes
 * upstream stop with an error after the writes already issued.
 */
export function cleanupUnhealthyReplicas(oldRSs: readonly ReplicaSet[], d: Deployment, maxCleanupCount: number): CleanupResult {
  const sorted = sortedBy(oldRSs, compareByCreationTimestamp);
  const actions: ScaleAction[] = [];
  let cleanedUp = 0;
  for (const [index, target] of sorted.entries()) {
    if (cleanedUp >= maxCleanupCount) break;
    const replicas = target.spec.replicas;
    const available = target.status?.availableReplicas ?? 0;
    if (replicas === 0 || replicas === available) continue;
    const count = Math.min(maxCleanupCount - cleanedUp, replicas - available);
    const newReplicas = replicas - count;
    if (newReplicas > replicas) {
      const error = `when cleaning up unhealthy replicas, got invalid request to scale down ${target.metadata.namespace ?? ''}/${target.metadata.name} ${replicas} -> ${newReplicas}`;
      return { actions, oldRSs: sorted, cleanedUp, error };
    }
    const action = scaleReplicaSetAndRecordEvent(target, newReplicas, d);
    if (action !== undefined) actions.push(action);
    sorted[index] = afterScale(target, action);
    cleanedUp += count;
  }
  return { actions, oldRSs: sorted, cleanedUp, error: undefined };
}

export interface ScaleDownResult {
  readonly actions: readonly ScaleAction[];
  readonly scaledDown: number;
}

/**
 * scaleDownOldReplicaSetsForRollingUpdate: scales old ReplicaSets, oldest first, down by the
 * available pods above the minimum (spec.replicas - maxUnavailable), counted over `allRSs`.
 */
export function scaleDownOldReplicaSetsForRollingUpdate(
  allRSs: readonly ReplicaSet[],
  oldRSs: readonly ReplicaSet[],
  d: Deployment,
): ScaleDownResult {
  const minAvailable = d.spec.replicas - maxUnavailable(d);
  const availablePodCount = availableReplicaCount(allRSs);
  if (availablePodCount <= minAvailable) return { actions: [], scaledDown: 0 };
  const totalScaleDownCount = availablePodCount - minAvailable;
  const actions: ScaleAction[] = [];
  let scaledDown = 0;
  for (const target of sortedBy(oldRSs, compareByCreationTimestamp)) {
    if (scaledDown >= totalScaleDownCount) break;
    if (target.spec.replicas === 0) continue;
    const count = Math.min(target.spec.replicas, totalScaleDownCount - scaledDown);
    const action = scaleReplicaSetAndRecordEvent(target, target.spec.replicas - count, d);
    if (action !== undefined) actions.push(action);
    scaledDown += count;
  }
  return { actions, scaledDown };
}

export interface OldReplicaSetsResult {
  readonly actions: readonly ScaleAction[];
  /** True when upstream reports it scaled down (and so ends the sync with a status update). */
  readonly scaled: boolean;
}

/**
 * reconcileOldReplicaSets over the active old ReplicaSets: unhealthy replicas first, then
 * available ones, never below the minimum available. An error while cleaning up ends the step
 * as "not scaled", as upstream swallows it.
 */
export function reconcileOldReplicaSets(
  d: Deployment,
  allRSs: readonly ReplicaSet[],
  activeOldRSs: readonly ReplicaSet[],
  newRS: ReplicaSet,
): OldReplicaSetsResult {
  if (replicaCount(activeOldRSs) === 0) return { actions: [], scaled: false };
  const maxDown = maxScaledDown(d, allRSs, newRS);
  if (maxDown <= 0) return { actions: [], scaled: false };
  const cleanup = cleanupUnhealthyReplicas(activeOldRSs, d, maxDown);
  if (cleanup.error !== undefined) return { actions: cleanup.actions, scaled: false };
  const scaleDown = scaleDownOldReplicaSetsForRollingUpdate([...cleanup.oldRSs, newRS], cleanup.oldRSs, d);
  return {
    actions: [...cleanup.actions, ...scaleDown.actions],
    scaled: cleanup.cleanedUp + scaleDown.scaledDown > 0,
  };
}

export interface RollingStep {
  /** ReplicaSet writes in upstream's order. */
  readonly actions: readonly ScaleAction[];
  /** Whether cleanupDeployment runs: nothing was scaled and the current status is complete. */
  readonly cleanup: boolean;
  readonly error: string | undefined;
}

/**
 * rolloutRolling after the new ReplicaSet exists: scale up if possible and stop; else scale down
 * if possible and stop; else clean up old ReplicaSets once the Deployment's current status says
 * the rollout is complete. Every path then ends in syncRolloutStatus (progress.ts).
 */
export function rollingStep(d: Deployment, newRS: ReplicaSet, oldRSs: readonly ReplicaSet[]): RollingStep {
  const allRSs = [...oldRSs, newRS];
  const scaleUp = reconcileNewReplicaSet(d, allRSs, newRS);
  if (!scaleUp.ok) return { actions: [], cleanup: false, error: scaleUp.error };
  if (scaleUp.value !== undefined) return { actions: [scaleUp.value], cleanup: false, error: undefined };
  const scaleDown = reconcileOldReplicaSets(d, allRSs, filterActiveReplicaSets(oldRSs), newRS);
  if (scaleDown.scaled) return { actions: scaleDown.actions, cleanup: false, error: undefined };
  return { actions: scaleDown.actions, cleanup: deploymentComplete(d, d.status), error: undefined };
}

// Scaling a Deployment whose spec.replicas changed (or that is paused): with one active
// ReplicaSet it takes the whole count; with a saturated new ReplicaSet the old ones go to zero;
// in the middle of a rolling update every active ReplicaSet grows or shrinks in proportion to its
// size. As upstream's DeploymentController.scale (pkg/controller/deployment/sync.go) and
// GetReplicaSetProportion / getReplicaSetFraction (pkg/controller/deployment/util/deployment_util.go).

import type { ReplicaSet } from '../../core/objects.ts';
import type { Deployment } from '../../core/workloads.ts';
import { isRollingUpdate, maxSurge } from './fenceposts.ts';
import {
  compareByCreationTimestampNewest,
  compareBySizeNewer,
  compareBySizeOlder,
  filterActiveReplicaSets,
  findActiveOrLatest,
  replicaCount,
  sortedBy,
} from './replica-set-sets.ts';
import { isSaturated, maxReplicasAnnotation } from './revisions.ts';
import { type ScaleAction, scaleReplicaSet, scaleReplicaSetAndRecordEvent } from './scale-step.ts';

/** Go's math.Round: halves go away from zero (JavaScript's Math.round sends -2.5 to -2). */
export function roundHalfAwayFromZero(value: number): number {
  return value < 0 ? -Math.round(-value) : Math.round(value);
}

/**
 * getReplicaSetFraction: how many replicas this ReplicaSet gains (or loses) if it keeps its share
 * when the Deployment's maximum (spec.replicas + maxSurge) moves from the max-replicas it was
 * sized for. Scaling to zero takes everything. Without a usable annotation (missing, unreadable,
 * or 0) the Deployment's current status.replicas stands in, and with none of those either the
 * ReplicaSet is left alone.
 */
export function getReplicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  if (d.spec.replicas === 0) return -rs.spec.replicas;
  const deploymentMaxReplicas = d.spec.replicas + maxSurge(d);
  let maxBeforeScale = maxReplicasAnnotation(rs) ?? 0;
  if (maxBeforeScale === 0) maxBeforeScale = d.status?.replicas ?? 0;
  if (maxBeforeScale === 0) return 0;
  const newSize = (rs.spec.replicas * deploymentMaxReplicas) / maxBeforeScale;
  return roundHalfAwayFromZero(newSize) - rs.spec.replicas;
}

/**
 * GetReplicaSetProportion: the ReplicaSet's fraction, capped by what is still left to add (or
 * remove). An empty ReplicaSet is never scaled up proportionally.
 */
export function getReplicaSetProportion(rs: ReplicaSet, d: Deployment, toAdd: number, added: number): number {
  if (rs.spec.replicas === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = getReplicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/**
 * The proportional split: ReplicaSets sorted larger first (newer first among equals when growing,
 * older first when shrinking), each given its proportion, and what rounding left over goes to
 * the first, never below zero. Every ReplicaSet gets a scaleReplicaSet call, so one whose size
 * stays may still have its replicas annotations refreshed.
 */
function proportionalScale(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): ScaleAction[] {
  // Upstream's FindActiveOrLatest has left oldRSs newest first; that order stands when no sort runs.
  const active = filterActiveReplicaSets([...sortedBy(oldRSs, compareByCreationTimestampNewest), newRS]);
  const allowedSize = d.spec.replicas > 0 ? d.spec.replicas + maxSurge(d) : 0;
  const toAdd = allowedSize - replicaCount(active);
  const sorted = toAdd > 0 ? sortedBy(active, compareBySizeNewer) : toAdd < 0 ? sortedBy(active, compareBySizeOlder) : active;
  let added = 0;
  const sizes = sorted.map((rs) => {
    if (toAdd === 0) return rs.spec.replicas;
    const proportion = getReplicaSetProportion(rs, d, toAdd, added);
    added += proportion;
    return rs.spec.replicas + proportion;
  });
  const actions: ScaleAction[] = [];
  for (const [index, rs] of sorted.entries()) {
    let size = sizes[index] ?? rs.spec.replicas;
    if (index === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
    const action = scaleReplicaSet(rs, size, d);
    if (action !== undefined) actions.push(action);
  }
  return actions;
}

/**
 * DeploymentController.scale: the ReplicaSet writes, in upstream's order. Old ReplicaSets of a
 * saturated new one go to zero newest first (FindActiveOrLatest has just sorted them that way in
 * place upstream). A Recreate Deployment with several active ReplicaSets is left to the rollout.
 */
export function planScale(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): ScaleAction[] {
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest !== undefined) {
    const action = scaleReplicaSetAndRecordEvent(activeOrLatest, d.spec.replicas, d);
    return action === undefined ? [] : [action];
  }
  if (isSaturated(d, newRS)) {
    const newestFirst = filterActiveReplicaSets(sortedBy(oldRSs, compareByCreationTimestampNewest));
    return newestFirst.flatMap((old) => scaleReplicaSetAndRecordEvent(old, 0, d) ?? []);
  }
  return isRollingUpdate(d) ? proportionalScale(d, newRS, oldRSs) : [];
}

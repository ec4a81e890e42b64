// How far a rolling update may go above and below spec.replicas: maxSurge and maxUnavailable
// resolved against the desired count (controllers/common/int-or-percent.ts), as upstream's
// ResolveFenceposts, MaxSurge, MaxUnavailable and MinAvailable
// (pkg/controller/deployment/util/deployment_util.go) compute it.

import type { Deployment, DeploymentSpec, IntOrString } from '../../core/workloads.ts';

/** What admission fills in for a Deployment without a strategy (SetDefaults_Deployment). */
export const DEFAULT_MAX_SURGE = '25%';
export const DEFAULT_MAX_UNAVAILABLE = '25%';

export function defaultStrategy(): DeploymentSpec['strategy'] {
  return { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: DEFAULT_MAX_UNAVAILABLE, maxSurge: DEFAULT_MAX_SURGE } };
}

export { getScaledValueFromIntOrPercent, type Scaled } from '../common/int-or-percent.ts';
import { getScaledValueFromIntOrPercent, type Scaled } from '../common/int-or-percent.ts';

export interface Fenceposts {
  readonly maxSurge: number;
  readonly maxUnavailable: number;
}

/**
 * Surge rounds up and unavailability rounds down. When both come out at zero (a small
 * percentage of a small deployment), one pod may be unavailable, on the theory that surging
 * might be blocked by quota: validation forbids asking for zero and zero explicitly.
 */
export function resolveFenceposts(
  maxSurge: IntOrString | undefined,
  maxUnavailable: IntOrString | undefined,
  desired: number,
): Scaled<Fenceposts> {
  const surge = getScaledValueFromIntOrPercent(maxSurge ?? 0, desired, true);
  if (!surge.ok) return surge;
  const unavailable = getScaledValueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  if (!unavailable.ok) return unavailable;
  if (surge.value === 0 && unavailable.value === 0) return { ok: true, value: { maxSurge: 0, maxUnavailable: 1 } };
  return { ok: true, value: { maxSurge: surge.value, maxUnavailable: unavailable.value } };
}

export function isRollingUpdate(d: Deployment): boolean {
  return d.spec.strategy.type === 'RollingUpdate';
}

/** Upstream ignores a resolution error here (validation rules it out) and counts 0. */
function fenceposts(d: Deployment): Fenceposts {
  const rollingUpdate = d.spec.strategy.rollingUpdate;
  const resolved = resolveFenceposts(rollingUpdate?.maxSurge, rollingUpdate?.maxUnavailable, d.spec.replicas);
  return resolved.ok ? resolved.value : { maxSurge: 0, maxUnavailable: 0 };
}

/** MaxSurge: 0 for Recreate. */
export function maxSurge(d: Deployment): number {
  return isRollingUpdate(d) ? fenceposts(d).maxSurge : 0;
}

/** MaxUnavailable: 0 for Recreate or no replicas, and never more than spec.replicas. */
export function maxUnavailable(d: Deployment): number {
  if (!isRollingUpdate(d) || d.spec.replicas === 0) return 0;
  return Math.min(fenceposts(d).maxUnavailable, d.spec.replicas);
}

/** MinAvailable: 0 for Recreate. */
export function minAvailable(d: Deployment): number {
  return isRollingUpdate(d) ? d.spec.replicas - maxUnavailable(d) : 0;
}

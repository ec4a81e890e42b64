// How far a rolling update may go above and below spec.replicas: maxSurge and maxUnavailable
// resolved against the desired count, as upstream's intstr.GetScaledValueFromIntOrPercent
// (staging/src/k8s.io/apimachinery/pkg/util/intstr/intstr.go) and ResolveFenceposts, MaxSurge,
// MaxUnavailable and MinAvailable (pkg/controller/deployment/util/deployment_util.go) compute it.

import type { Deployment, DeploymentSpec, IntOrString } from '../../core/workloads.ts';

/** What admission fills in for a Deployment without a strategy (SetDefaults_Deployment). */
export const DEFAULT_MAX_SURGE = '25%';
export const DEFAULT_MAX_UNAVAILABLE = '25%';

export function defaultStrategy(): DeploymentSpec['strategy'] {
  return { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: DEFAULT_MAX_UNAVAILABLE, maxSurge: DEFAULT_MAX_SURGE } };
}

export type Scaled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const INT64_MAX = 2n ** 63n - 1n;

/** strconv.Atoi as Go writes it: an optional sign and decimal digits, nothing else. */
function atoi(text: string): Scaled<number> {
  if (!/^[+-]?[0-9]+$/.test(text)) return { ok: false, error: `strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax` };
  const value = BigInt(text);
  if (value > INT64_MAX || value < -INT64_MAX - 1n) {
    return { ok: false, error: `strconv.Atoi: parsing ${JSON.stringify(text)}: value out of range` };
  }
  return { ok: true, value: Number(value) };
}

/** getIntOrPercentValueSafely: a number as is, or a string that must end in "%". */
function intOrPercent(value: IntOrString): Scaled<{ readonly amount: number; readonly percent: boolean }> {
  if (typeof value === 'number') return { ok: true, value: { amount: value, percent: false } };
  if (!value.endsWith('%')) return { ok: false, error: 'invalid type: string is not a percentage' };
  const parsed = atoi(value.slice(0, -1));
  if (!parsed.ok) return { ok: false, error: `invalid value ${JSON.stringify(value)}: ${parsed.error}` };
  return { ok: true, value: { amount: parsed.value, percent: true } };
}

/**
 * A count as given, or a percentage of `total` rounded up or down. The float arithmetic is the
 * same as Go's (value * total / 100, then Ceil or Floor), so the results agree bit for bit.
 */
export function getScaledValueFromIntOrPercent(value: IntOrString, total: number, roundUp: boolean): Scaled<number> {
  const parsed = intOrPercent(value);
  if (!parsed.ok) return { ok: false, error: `invalid value for IntOrString: ${parsed.error}` };
  const { amount, percent } = parsed.value;
  if (!percent) return { ok: true, value: amount };
  const scaled = (amount * total) / 100;
  return { ok: true, value: roundUp ? Math.ceil(scaled) : Math.floor(scaled) };
}

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

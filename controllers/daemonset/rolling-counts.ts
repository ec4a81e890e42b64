// How many daemon pods a RollingUpdate may take down or add at once, as upstream's SurgeCount,
// UnavailableCount and AllowsSurge (pkg/controller/daemon/util/daemonset_util.go) and
// updatedDesiredNodeCounts (update.go). Percentages of desiredNumberScheduled round up for both
// maxSurge and maxUnavailable (GetScaledValueFromIntOrPercent with roundUp true).

import type { DaemonSet } from '../../core/workloads.ts';
import { scaledValue } from '../common/int-or-percent.ts';

/** SurgeCount: 0 unless RollingUpdate asks for maxSurge. */
export function surgeCount(ds: DaemonSet, numberToSchedule: number): number | string {
  const strategy = ds.spec.updateStrategy;
  const maxSurge = strategy.rollingUpdate?.maxSurge;
  if (strategy.type !== 'RollingUpdate' || maxSurge === undefined) return 0;
  return scaledValue(maxSurge, numberToSchedule, true);
}

/** UnavailableCount: 0 unless RollingUpdate; a missing maxUnavailable is upstream's nil error. */
export function unavailableCount(ds: DaemonSet, numberToSchedule: number): number | string {
  const strategy = ds.spec.updateStrategy;
  if (strategy.type !== 'RollingUpdate' || strategy.rollingUpdate === undefined) return 0;
  const maxUnavailable = strategy.rollingUpdate.maxUnavailable;
  if (maxUnavailable === undefined) return 'invalid value for IntOrString: nil value for IntOrString';
  return scaledValue(maxUnavailable, numberToSchedule, true);
}

/** AllowsSurge: surge of one node's worth is positive. */
export function allowsSurge(ds: DaemonSet): boolean {
  const surge = surgeCount(ds, 1);
  return typeof surge === 'number' && surge > 0;
}

export interface RollingCounts {
  readonly maxSurge: number;
  readonly maxUnavailable: number;
}

/**
 * The limits of updatedDesiredNodeCounts: with neither surge nor unavailability allowed (which
 * the API should have refused) one unavailable pod is accepted.
 */
export function rollingCounts(ds: DaemonSet, desiredNumberScheduled: number): RollingCounts | string {
  const maxUnavailable = unavailableCount(ds, desiredNumberScheduled);
  if (typeof maxUnavailable === 'string') return `invalid value for MaxUnavailable: ${maxUnavailable}`;
  const maxSurge = surgeCount(ds, desiredNumberScheduled);
  if (typeof maxSurge === 'string') return `invalid value for MaxSurge: ${maxSurge}`;
  if (desiredNumberScheduled > 0 && maxUnavailable === 0 && maxSurge === 0) return { maxSurge, maxUnavailable: 1 };
  return { maxSurge, maxUnavailable };
}

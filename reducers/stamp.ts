// API server bookkeeping that every reducer applies the same way.

import type { Condition, KubeObject } from '../core/objects.ts';
import { toTimestamp } from '../core/clock.ts';
import { withFields } from '../core/with-fields.ts';

/** The object with metadata.resourceVersion set to the revision of this change. */
export function stamp<T extends KubeObject>(object: T, rev: number): T {
  return { ...object, metadata: withFields(object.metadata, { resourceVersion: String(rev) }) };
}

/**
 * Sets one condition, keeping lastTransitionTime when the status did not change, as upstream's
 * condition helpers do (podutil.UpdatePodCondition).
 */
export function setCondition(conditions: readonly Condition[] | undefined, next: Condition, timeMs: number): Condition[] {
  const list = conditions ?? [];
  const current = list.find((condition) => condition.type === next.type);
  const lastTransitionTime =
    current !== undefined && current.status === next.status && current.lastTransitionTime !== undefined
      ? current.lastTransitionTime
      : toTimestamp(timeMs);
  const updated: Condition = withFields(next, { lastTransitionTime });
  return current === undefined ? [...list, updated] : list.map((condition) => (condition === current ? updated : condition));
}

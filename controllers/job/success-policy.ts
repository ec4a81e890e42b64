// An Indexed Job's successPolicy, as upstream's pkg/controller/job/success_policy.go: the rules are
// tried in order and the first met declares the Job successful before all indexes succeed. A rule
// with succeededIndexes is met when all of those indexes succeeded, or, with succeededCount too,
// when at least that many of them did; a rule with only succeededCount is met when that many
// indexes succeeded. The Job then gets SuccessCriteriaMet (reason SuccessPolicy, message
// "Matched rules at index <i>"), its remaining pods are deleted, and Complete follows.

import type { Job } from '../../core/workloads.ts';
import { type Intervals, parseIndexes, total } from './indexes.ts';

export type SuccessPolicy = NonNullable<Job['spec']['successPolicy']>;

/**
 * matchSucceededIndexesRule: walks both interval lists once, adding up their overlap, as upstream
 * does to avoid expanding the intervals into sets.
 */
export function matchSucceededIndexesRule(
  ruleIndexes: Intervals,
  succeededIndexes: Intervals,
  succeededCount: number | undefined,
): boolean {
  let contains = 0;
  let s = 0;
  let r = 0;
  while (r < ruleIndexes.length && s < succeededIndexes.length) {
    const rule = ruleIndexes[r] as Intervals[number];
    const succeeded = succeededIndexes[s] as Intervals[number];
    const overlap = Math.min(rule.last, succeeded.last) - Math.max(rule.first, succeeded.first) + 1;
    if (overlap > 0) contains += overlap;
    if (succeeded.last < rule.last) s++;
    else if (succeeded.last > rule.last) r++;
    else {
      s++;
      r++;
    }
  }
  return contains === total(ruleIndexes) || (succeededCount !== undefined && contains >= succeededCount);
}

/** matchSuccessPolicy: the SuccessCriteriaMet message of the first rule met, or undefined. */
export function matchSuccessPolicy(
  successPolicy: SuccessPolicy | undefined,
  completions: number,
  succeededIndexes: Intervals,
): string | undefined {
  if (successPolicy === undefined || succeededIndexes.length === 0) return undefined;
  for (const [index, rule] of successPolicy.rules.entries()) {
    if (rule.succeededIndexes !== undefined) {
      const required = parseIndexes(rule.succeededIndexes, completions);
      // An unparsable or empty succeededIndexes never matches.
      if (required.length === 0) continue;
      if (matchSucceededIndexesRule(required, succeededIndexes, rule.succeededCount)) return `Matched rules at index ${index}`;
    } else if (rule.succeededCount !== undefined && total(succeededIndexes) >= rule.succeededCount) {
      return `Matched rules at index ${index}`;
    }
  }
  return undefined;
}

// Counting PodDisruptionBudget violations as preemption does (filterPodsWithPDBViolation): each
// budget allows status.disruptionsAllowed evictions of the pods it selects in its namespace; a pod
// in status.disruptedPods is already counted; a budget with an empty selector selects nothing.

import { describe, expect, it } from 'vitest';
import { type DisruptionBudget, splitByBudgetViolation } from '../../../../controllers/scheduler/preemption/pdb.ts';
import type { Pod } from '../../../../core/objects.ts';
import { makePod } from '../builders.ts';

const budget = (disruptionsAllowed: number, overrides: Partial<DisruptionBudget> = {}): DisruptionBudget => ({
  namespace: 'default',
  selector: { matchLabels: { app: 'db' } },
  disruptionsAllowed,
  disruptedPods: new Set(),
  ...overrides,
});
const names = (pods: readonly Pod[]) => pods.map((pod) => pod.metadata.name);
const db = (name: string, namespace = 'default') => makePod(name, { labels: { app: 'db' }, namespace });

describe('splitByBudgetViolation', () => {
  it('lets the allowed disruptions through in order and counts the rest as violations', () => {
    const split = splitByBudgetViolation([db('a'), db('b'), db('c'), makePod('web', { labels: { app: 'web' } })], [budget(1)]);
    expect(names(split.nonViolating)).toEqual(['a', 'web']);
    expect(names(split.violating)).toEqual(['b', 'c']);
  });

  it('ignores budgets of other namespaces, empty selectors and unlabelled pods', () => {
    const split = splitByBudgetViolation(
      [db('a', 'other'), db('b'), makePod('bare')],
      [budget(0, { namespace: 'other', selector: undefined }), budget(0, { namespace: 'elsewhere' })],
    );
    expect(names(split.violating)).toEqual([]);
    expect(names(split.nonViolating)).toEqual(['a', 'b', 'bare']);
  });

  it('does not count a pod the budget already lists as disrupted', () => {
    const split = splitByBudgetViolation([db('a'), db('b')], [budget(0, { disruptedPods: new Set(['a']) })]);
    expect(names(split.nonViolating)).toEqual(['a']);
    expect(names(split.violating)).toEqual(['b']);
  });

  it('counts a pod once even when two budgets it breaks select it', () => {
    const split = splitByBudgetViolation([db('a')], [budget(0), budget(0)]);
    expect(names(split.violating)).toEqual(['a']);
  });
});

// The success policy, with the cases of upstream's TestMatchSuccessPolicy
// (pkg/controller/job/success_policy_test.go); the JobSuccessPolicy feature gate is on in v1.34
// (GA), so the gate-off case is left out.

import { describe, expect, it } from 'vitest';
import type { Interval } from '../../../controllers/job/indexes.ts';
import { matchSuccessPolicy, type SuccessPolicy } from '../../../controllers/job/success-policy.ts';

type Rule = SuccessPolicy['rules'][number];
const iv = (pairs: readonly (readonly [number, number])[]): Interval[] => pairs.map(([first, last]) => ({ first, last }));
const rule = (succeededIndexes?: string, succeededCount?: number): Rule => ({
  ...(succeededIndexes === undefined ? {} : { succeededIndexes }),
  ...(succeededCount === undefined ? {} : { succeededCount }),
});

const cases: readonly [name: string, policy: SuccessPolicy | undefined, succeeded: readonly (readonly [number, number])[], want: string | undefined][] = [
  ['successPolicy is null', undefined, [[0, 0]], undefined],
  ['any rules are nothing', { rules: [] }, [[0, 0]], undefined],
  ['rules.succeededIndexes is invalid format', { rules: [rule('invalid-form')] }, [[0, 0]], undefined],
  ['rules.succeededIndexes is specified; succeededIndexes matched rules', { rules: [rule('0-2')] }, [[0, 2], [4, 7]], 'Matched rules at index 0'],
  ["rules.succeededIndexes is specified; succeededIndexes didn't match rules", { rules: [rule('3')] }, [[0, 2]], undefined],
  ['rules.succeededCount is specified; succeededIndexes matched rules', { rules: [rule(undefined, 2)] }, [[0, 2]], 'Matched rules at index 0'],
  ["rules.succeededCount is specified; succeededIndexes didn't match rules", { rules: [rule(undefined, 4)] }, [[0, 2]], undefined],
  ['multiple rules; rules.succeededIndexes is specified; succeededIndexes met one of rules', { rules: [rule('9'), rule('4,6')] }, [[0, 2], [4, 7]], 'Matched rules at index 1'],
  ['multiple rules; rules.succeededIndexes is specified; succeededIndexes met all rules', { rules: [rule('0,1'), rule('5')] }, [[0, 2], [4, 7]], 'Matched rules at index 0'],
  ['rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes met all rules', { rules: [rule('3-6', 2)] }, [[0, 2], [4, 7]], 'Matched rules at index 0'],
  ["rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes didn't match rules", { rules: [rule('3-6', 2)] }, [[0, 2], [6, 7]], undefined],
  ['rules.succeededIndexes is specified; succeededIndexes are nothing', { rules: [rule(undefined, 4)] }, [], undefined],
  ['rules is proper subset of succeededIndexes', { rules: [rule('2-4,6-8')] }, [[1, 5], [6, 9]], 'Matched rules at index 0'],
  ['rules equals succeededIndexes', { rules: [rule('2-4,6-9')] }, [[2, 4], [6, 9]], 'Matched rules at index 0'],
  ['rules is subset of succeededIndexes', { rules: [rule('2-4,8-12')] }, [[2, 5], [7, 15]], 'Matched rules at index 0'],
  ['rules is an empty set', { rules: [rule('')] }, [[1, 3]], undefined],
  ['succeededIndexes is an empty set', { rules: [rule('')] }, [], undefined],
  ['all elements of rules.succeededIndexes are not included in succeededIndexes', { rules: [rule('10-12,14-16')] }, [[1, 3], [5, 7]], undefined],
  ['rules overlaps succeededIndexes at first', { rules: [rule('1-3,5-7')] }, [[2, 4], [6, 8]], undefined],
  ['with succeededCount; rules overlaps succeededIndexes at first', { rules: [rule('1-3,5-7', 4)] }, [[2, 4], [6, 8]], 'Matched rules at index 0'],
  ['rules overlaps succeededIndexes at last', { rules: [rule('2-4,6-9')] }, [[1, 3], [5, 7]], undefined],
  ['with succeededCount; rules overlaps succeededIndexes at last', { rules: [rule('2-4,6-9', 4)] }, [[1, 3], [5, 7]], 'Matched rules at index 0'],
  ['rules completely overlaps succeededIndexes', { rules: [rule('0-4,6-9')] }, [[1, 3], [7, 8]], undefined],
  ['with succeededCount; rules completely overlaps succeededIndexes', { rules: [rule('0-4,6-9', 5)] }, [[1, 3], [7, 8]], 'Matched rules at index 0'],
  ['rules overlaps multiple succeededIndexes at last', { rules: [rule('0-6,8-9')] }, [[1, 3], [5, 9]], undefined],
  ['with succeededCount; rules overlaps multiple succeededIndexes at last', { rules: [rule('0-6,8-9', 7)] }, [[1, 3], [5, 9]], 'Matched rules at index 0'],
  ['rules overlaps succeededIndexes at first, and rules equals succeededIndexes at last', { rules: [rule('0-5,7-9')] }, [[1, 5], [7, 10]], undefined],
  ['with succeededCount; rules overlaps at first and equals at last', { rules: [rule('0-5,7-9', 8)] }, [[1, 5], [7, 10]], 'Matched rules at index 0'],
  ['the first rules overlaps succeededIndexes at first', { rules: [rule('0-3,6-9')] }, [[1, 10]], undefined],
  ['with succeededCount; the first rules overlaps succeededIndexes at first', { rules: [rule('0-3,6-9', 7)] }, [[1, 10]], 'Matched rules at index 0'],
];

describe('matchSuccessPolicy (TestMatchSuccessPolicy)', () => {
  it.each(cases)('%s', (_name, policy, succeeded, want) => {
    expect(matchSuccessPolicy(policy, 10, iv(succeeded))).toBe(want);
  });
});

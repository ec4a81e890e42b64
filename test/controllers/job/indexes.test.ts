// Completion index intervals, with the cases of upstream's TestIntervalsHaveIndex,
// TestFirstPendingIndexes and TestGetIndexFailureCount (pkg/controller/job/indexed_job_utils_test.go).

import { describe, expect, it } from 'vitest';
import {
  completionIndexOf,
  firstPendingIndexes,
  formatIntervals,
  hasIndex,
  type Interval,
  mergeIntervals,
  parseCountAnnotation,
  parseIndexes,
  total,
  withOrderedIndexes,
} from '../../../controllers/job/indexes.ts';
import { podIndexes } from '../../../controllers/job/indexed-pods.ts';
import type { PodPhase } from '../../../core/objects.ts';
import { indexPhasePods, NO_INDEX } from './builders.ts';

const iv = (pairs: readonly (readonly [number, number])[]): Interval[] => pairs.map(([first, last]) => ({ first, last }));

describe('hasIndex (TestIntervalsHaveIndex)', () => {
  it.each([
    ['empty', [], 4, false],
    ['before all', [[2, 4], [5, 7]], 1, false],
    ['after all', [[2, 4], [6, 8]], 9, false],
    ['in between', [[2, 4], [6, 8]], 5, false],
    ['in first', [[2, 4], [6, 8]], 2, true],
    ['in second', [[2, 4], [6, 8]], 8, true],
  ] as const)('%s', (_name, intervals, index, want) => {
    expect(hasIndex(iv(intervals), index)).toBe(want);
  });
});

describe('formatIntervals (orderedIntervals.String)', () => {
  it('writes two neighbours with a comma and longer runs with a dash', () => {
    expect(formatIntervals(iv([[0, 0], [2, 3], [5, 7], [9, 9]]))).toBe('0,2,3,5-7,9');
  });

  it('writes nothing for no interval', () => {
    expect(formatIntervals([])).toBe('');
  });
});

describe('parseIndexes (parseIndexesFromString)', () => {
  it('merges an interval that continues the previous one', () => {
    expect(parseIndexes('0,1,2-4,6', 10)).toEqual(iv([[0, 4], [6, 6]]));
  });

  it('stops at the first interval at or past completions and clips the last bound', () => {
    expect(parseIndexes('0-5,8-10', 10)).toEqual(iv([[0, 5], [8, 9]]));
    expect(parseIndexes('0-5,8-10', 8)).toEqual(iv([[0, 5]]));
  });

  it('skips corrupted parts', () => {
    expect(parseIndexes('0,1-foo,bar', 4)).toEqual(iv([[0, 0]]));
  });

  it('round-trips through formatIntervals', () => {
    expect(formatIntervals(parseIndexes('1,3-5,7', 10))).toBe('1,3-5,7');
  });
});

describe('mergeIntervals', () => {
  it('joins overlapping and adjacent intervals', () => {
    expect(mergeIntervals(iv([[0, 2], [6, 8]]), iv([[3, 4], [7, 10]]))).toEqual(iv([[0, 4], [6, 10]]));
  });

  it('counts the merged indexes', () => {
    expect(total(withOrderedIndexes(iv([[2, 4]]), [0, 5, 9]))).toBe(6);
  });
});

describe('firstPendingIndexes (TestFirstPendingIndexes)', () => {
  const cases: readonly {
    readonly name: string;
    readonly cnt: number;
    readonly completions: number;
    readonly active?: readonly (readonly [string, PodPhase])[];
    readonly succeeded?: readonly (readonly [number, number])[];
    readonly failed?: readonly (readonly [number, number])[];
    readonly want: readonly number[];
  }[] = [
    { name: 'cnt greater than completions', cnt: 5, completions: 3, want: [0, 1, 2] },
    { name: 'cnt less than completions', cnt: 2, completions: 5, want: [0, 1] },
    { name: 'first pods active', active: [['0', 'Running'], ['1', 'Pending']], cnt: 3, completions: 10, want: [2, 3, 4] },
    { name: 'last pods active or succeeded', active: [['6', 'Pending']], succeeded: [[4, 5]], cnt: 6, completions: 6, want: [0, 1, 2, 3] },
    {
      name: 'mixed',
      active: [['3', 'Pending'], ['5', 'Running'], ['8', 'Pending'], [NO_INDEX, 'Running'], ['-3', 'Running']],
      succeeded: [[2, 4], [9, 9]],
      cnt: 5,
      completions: 20,
      want: [0, 1, 6, 7, 10],
    },
    {
      name: 'with failed indexes',
      active: [['3', 'Pending'], ['9', 'Pending']],
      succeeded: [[1, 1], [5, 5], [9, 9]],
      failed: [[2, 2], [6, 7]],
      cnt: 5,
      completions: 20,
      want: [0, 4, 8, 10, 11],
    },
  ];
  it.each(cases)('$name', (tc) => {
    let nonPending = withOrderedIndexes(iv(tc.succeeded ?? []), podIndexes(indexPhasePods(tc.active ?? [])));
    nonPending = mergeIntervals(nonPending, iv(tc.failed ?? []));
    expect(firstPendingIndexes(nonPending, tc.cnt, tc.completions)).toEqual(tc.want);
  });
});

describe('completion index and failure counts', () => {
  it('reads a non-negative index from the annotation only', () => {
    expect(completionIndexOf({ 'batch.kubernetes.io/job-completion-index': '3' })).toBe(3);
    expect(completionIndexOf({ 'batch.kubernetes.io/job-completion-index': '-2' })).toBe(-1);
    expect(completionIndexOf({ 'batch.kubernetes.io/job-completion-index': 'invalid' })).toBe(-1);
    expect(completionIndexOf(undefined)).toBe(-1);
  });

  // TestGetIndexFailureCount
  it.each([
    ['no annotation', undefined, 0],
    ['valid value', '2', 2],
    ['valid maxint32 value', '2147483647', 2147483647],
    ['too large value', '2147483648', 0],
    ['negative value', '-1', 0],
    ['invalid int value', 'xyz', 0],
  ] as const)('failure count: %s', (_name, value, want) => {
    expect(parseCountAnnotation(value)).toBe(want);
  });
});

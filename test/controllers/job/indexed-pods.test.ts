// Pods by completion index, with the cases of upstream's TestCalculateSucceededIndexes,
// TestAppendDuplicatedIndexPodsForRemoval and TestPodGenerateNameWithIndex
// (pkg/controller/job/indexed_job_utils_test.go).

import { describe, expect, it } from 'vitest';
import type { Interval } from '../../../controllers/job/indexes.ts';
import { calculateSucceededIndexes, duplicatedIndexPodsForRemoval } from '../../../controllers/job/indexed-pods.ts';
import { podGenerateNameWithIndex } from '../../../controllers/job/pod-template.ts';
import type { PodPhase } from '../../../core/objects.ts';
import { indexPhasePods, job, NO_INDEX, toIndexPhases } from './builders.ts';

type Desc = readonly (readonly [string, PodPhase])[];
const iv = (pairs: readonly (readonly [number, number])[]): Interval[] => pairs.map(([first, last]) => ({ first, last }));

describe('calculateSucceededIndexes (TestCalculateSucceededIndexes)', () => {
  const cases: readonly {
    readonly name: string;
    readonly prev?: string;
    readonly pods?: Desc;
    readonly completions: number;
    readonly wantStatus: readonly (readonly [number, number])[];
    readonly want: readonly (readonly [number, number])[];
  }[] = [
    { name: 'one index', pods: [['1', 'Succeeded']], completions: 2, wantStatus: [], want: [[1, 1]] },
    {
      name: 'two separate',
      pods: [['2', 'Failed'], ['5', 'Succeeded'], ['5', 'Succeeded'], ['10', 'Failed'], ['10', 'Succeeded']],
      completions: 11,
      wantStatus: [],
      want: [[5, 5], [10, 10]],
    },
    {
      name: 'two intervals',
      pods: [['0', 'Running'], ['1', 'Pending'], ['2', 'Succeeded'], ['3', 'Succeeded'], ['5', 'Succeeded'], ['6', 'Succeeded'], ['7', 'Succeeded']],
      completions: 8,
      wantStatus: [],
      want: [[2, 3], [5, 7]],
    },
    {
      name: 'one index and one interval',
      pods: [['0', 'Succeeded'], ['1', 'Failed'], ['2', 'Succeeded'], ['3', 'Succeeded'], ['4', 'Succeeded'], ['5', 'Succeeded'], [NO_INDEX, 'Succeeded'], ['-2', 'Succeeded']],
      completions: 6,
      wantStatus: [],
      want: [[0, 0], [2, 5]],
    },
    {
      name: 'out of range',
      pods: [['0', 'Succeeded'], ['1', 'Succeeded'], ['2', 'Succeeded'], ['3', 'Failed'], ['4', 'Succeeded'], ['5', 'Succeeded'], [NO_INDEX, 'Succeeded'], ['-2', 'Succeeded']],
      completions: 5,
      wantStatus: [],
      want: [[0, 2], [4, 4]],
    },
    { name: 'prev interval out of range', prev: '0-5,8-10', completions: 8, wantStatus: [[0, 5]], want: [[0, 5]] },
    { name: 'prev interval partially out of range', prev: '0-5,8-10', completions: 10, wantStatus: [[0, 5], [8, 9]], want: [[0, 5], [8, 9]] },
    {
      name: 'prev and new separate',
      prev: '0,4,5,10-12',
      pods: [['2', 'Succeeded'], ['7', 'Succeeded'], ['8', 'Succeeded']],
      completions: 13,
      wantStatus: [[0, 0], [4, 5], [10, 12]],
      want: [[0, 0], [2, 2], [4, 5], [7, 8], [10, 12]],
    },
    {
      name: 'prev between new',
      prev: '3,4,6',
      pods: [['2', 'Succeeded'], ['7', 'Succeeded'], ['8', 'Succeeded']],
      completions: 9,
      wantStatus: [[3, 4], [6, 6]],
      want: [[2, 4], [6, 8]],
    },
    {
      name: 'new between prev',
      prev: '2,7,8',
      pods: [['3', 'Succeeded'], ['4', 'Succeeded'], ['6', 'Succeeded']],
      completions: 9,
      wantStatus: [[2, 2], [7, 8]],
      want: [[2, 4], [6, 8]],
    },
    {
      name: 'new within prev',
      prev: '2-7',
      pods: [['0', 'Succeeded'], ['3', 'Succeeded'], ['5', 'Succeeded'], ['9', 'Succeeded']],
      completions: 10,
      wantStatus: [[2, 7]],
      want: [[0, 0], [2, 7], [9, 9]],
    },
    { name: 'corrupted interval', prev: '0,1-foo,bar', pods: [['3', 'Succeeded']], completions: 4, wantStatus: [[0, 0]], want: [[0, 0], [3, 3]] },
  ];
  it.each(cases)('$name', (tc) => {
    const j = job({ completionMode: 'Indexed', completions: tc.completions }, { completedIndexes: tc.prev ?? '' });
    const got = calculateSucceededIndexes(j, indexPhasePods(tc.pods ?? [], true));
    expect(got.previous).toEqual(iv(tc.wantStatus));
    expect(got.current).toEqual(iv(tc.want));
  });

  it('ignores succeeded pods without the tracking finalizer (already counted)', () => {
    const j = job({ completionMode: 'Indexed', completions: 3 });
    expect(calculateSucceededIndexes(j, indexPhasePods([['1', 'Succeeded']], false)).current).toEqual([]);
  });
});

describe('duplicatedIndexPodsForRemoval (TestAppendDuplicatedIndexPodsForRemoval)', () => {
  it.each([
    {
      name: 'all unique',
      pods: [[NO_INDEX, 'Pending'], ['2', 'Pending'], ['5', 'Running'], ['6', 'Running']],
      wantRm: [[NO_INDEX, 'Pending'], ['6', 'Running']],
      wantLeft: [['2', 'Pending'], ['5', 'Running']],
    },
    {
      name: 'all with index',
      pods: [['5', 'Pending'], ['0', 'Running'], ['3', 'Pending'], ['0', 'Running'], ['3', 'Running'], ['0', 'Pending'], ['6', 'Running'], ['6', 'Pending']],
      wantRm: [['0', 'Pending'], ['0', 'Running'], ['3', 'Pending'], ['6', 'Running'], ['6', 'Pending']],
      wantLeft: [['0', 'Running'], ['3', 'Running'], ['5', 'Pending']],
    },
    {
      name: 'mixed',
      pods: [[NO_INDEX, 'Pending'], ['invalid', 'Running'], ['-2', 'Running'], ['0', 'Pending'], ['1', 'Pending'], ['1', 'Pending'], ['1', 'Running']],
      wantRm: [[NO_INDEX, 'Pending'], ['invalid', 'Running'], ['-2', 'Running'], ['1', 'Pending'], ['1', 'Pending']],
      wantLeft: [['0', 'Pending'], ['1', 'Running']],
    },
  ] as const satisfies readonly { name: string; pods: Desc; wantRm: Desc; wantLeft: Desc }[])('$name', (tc) => {
    const split = duplicatedIndexPodsForRemoval(indexPhasePods(tc.pods), 6);
    expect(toIndexPhases(split.remove)).toEqual(tc.wantRm);
    expect(toIndexPhases(split.keep)).toEqual(tc.wantLeft);
  });
});

describe('podGenerateNameWithIndex (TestPodGenerateNameWithIndex)', () => {
  it.each([
    ['short job name', 'indexed-job', 'indexed-job-1-'],
    ['job name exceeds MaxGeneneratedNameLength', 'hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooo', 'hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhh-1-'],
    ['job name with index suffix exceeds MaxGeneratedNameLength', 'hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhoo', 'hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhh-1-'],
  ])('%s', (_name, jobName, want) => {
    expect(podGenerateNameWithIndex(jobName, 1)).toBe(want);
  });
});

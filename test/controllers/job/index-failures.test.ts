// backoffLimitPerIndex, with the cases of upstream's TestIsIndexFailed, TestCalculateFailedIndexes,
// TestGetPodsWithDelayedDeletionPerIndex and TestGetNewIndexFailureCountValue
// (pkg/controller/job/indexed_job_utils_test.go).

import { describe, expect, it } from 'vitest';
import { calculateFailedIndexes, isIndexFailed, newIndexFailureCounts } from '../../../controllers/job/index-failures.ts';
import { newJobSyncContext } from '../../../controllers/job/sync-context.ts';
import type { Pod } from '../../../core/objects.ts';
import type { JobSpec } from '../../../core/workloads.ts';
import { job, pod, terminated } from './builders.ts';

const perIndex = (completions: number, backoffLimitPerIndex: number, extra: Partial<JobSpec> = {}): Partial<JobSpec> => ({
  completionMode: 'Indexed',
  completions,
  parallelism: completions,
  backoffLimitPerIndex,
  ...extra,
});

describe('isIndexFailed (TestIsIndexFailed)', () => {
  it('fails the index when the failure count reaches backoffLimitPerIndex=0', () => {
    const p = pod({ failureCount: '0', phase: 'Failed', index: '0', finalizer: true });
    expect(isIndexFailed(job(perIndex(2, 0)), p)).toBe(true);
  });

  it('fails the index when the failure count reaches backoffLimitPerIndex=1', () => {
    const p = pod({ failureCount: '1', phase: 'Failed', index: '1', finalizer: true });
    expect(isIndexFailed(job(perIndex(2, 1)), p)).toBe(true);
  });

  it('fails the index on a matching FailIndex rule', () => {
    const spec = perIndex(2, 1, {
      podFailurePolicy: { rules: [{ action: 'FailIndex', onExitCodes: { operator: 'In', values: [3] } }] },
    });
    const p = pod({ failureCount: '0', phase: 'Failed', index: '0', finalizer: true, containerStatuses: [terminated('main', 3)] });
    expect(isIndexFailed(job(spec), p)).toBe(true);
  });

  it('keeps the index while failures stay below the limit', () => {
    const p = pod({ failureCount: '0', phase: 'Failed', index: '0', finalizer: true });
    expect(isIndexFailed(job(perIndex(2, 1)), p)).toBe(false);
  });
});

describe('calculateFailedIndexes (TestCalculateFailedIndexes)', () => {
  it('one new index failed', () => {
    const pods = [
      pod({ failureCount: '0', phase: 'Failed', index: '0', finalizer: true }),
      pod({ failureCount: '1', phase: 'Failed', index: '1', finalizer: true }),
    ];
    expect(calculateFailedIndexes(job(perIndex(2, 1)), pods)).toEqual([{ first: 1, last: 1 }]);
  });

  it('pod without finalizer is ignored', () => {
    expect(calculateFailedIndexes(job(perIndex(2, 0)), [pod({ failureCount: '0', phase: 'Failed', index: '0' })])).toEqual([]);
  });

  it('pod outside completions is ignored', () => {
    expect(calculateFailedIndexes(job(perIndex(2, 0)), [pod({ failureCount: '0', phase: 'Failed', index: '3' })])).toEqual([]);
  });

  it.each([
    ['extend the failed indexes', '0', [{ first: 0, last: 1 }]],
    ['prev failed indexes empty', '', [{ first: 1, last: 1 }]],
    ['prev failed indexes outside the completions', '9', [{ first: 1, last: 1 }]],
  ])('%s', (_name, previous, want) => {
    const j = job(perIndex(2, 0), { failedIndexes: previous });
    expect(calculateFailedIndexes(j, [pod({ failureCount: '0', phase: 'Failed', index: '1', finalizer: true })])).toEqual(want);
  });
});

describe('podsWithDelayedDeletionPerIndex (TestGetPodsWithDelayedDeletionPerIndex)', () => {
  const NOW = 1_000_000;
  const delayedUids = (spec: Partial<JobSpec>, pods: readonly Pod[], expected: readonly string[] = []): string[] => {
    const ctx = newJobSyncContext(job(spec), pods, new Set(expected));
    return [...ctx.podsWithDelayedDeletionPerIndex.values()].map((p) => p.metadata.uid).sort();
  };

  it('failed pods are kept corresponding to non-failed indexes are kept', () => {
    const pods = [
      pod({ uid: 'a', failureCount: '0', phase: 'Failed', index: '0', finalizer: true }),
      pod({ uid: 'b', failureCount: '1', phase: 'Failed', index: '1', finalizer: true }),
      pod({ uid: 'c', failureCount: '0', phase: 'Failed', index: '2', finalizer: true }),
    ];
    expect(delayedUids(perIndex(3, 1), pods)).toEqual(['a', 'c']);
  });

  it("failed pod without finalizer; the pod's deletion is not delayed as it already started", () => {
    expect(delayedUids(perIndex(2, 0), [pod({ uid: 'a', failureCount: '0', phase: 'Failed', index: '0' })])).toEqual([]);
  });

  it("failed pod with expected finalizer removal; the pod's deletion is not delayed as it already started", () => {
    const pods = [pod({ uid: 'a', failureCount: '0', phase: 'Failed', index: '0', finalizer: true })];
    expect(delayedUids(perIndex(2, 0), pods, ['a'])).toEqual([]);
  });

  it("failed pod with index outside of completions; the pod's deletion is not delayed", () => {
    expect(delayedUids(perIndex(2, 0), [pod({ uid: 'a', failureCount: '0', phase: 'Failed', index: '4', finalizer: true })])).toEqual([]);
  });

  it.each([
    ['active', 'Running'],
    ['succeeded', 'Succeeded'],
  ] as const)("failed pod for %s index; the pod's deletion is not delayed as it is already replaced", (_name, phase) => {
    const pods = [
      pod({ uid: 'a1', failureCount: '0', phase: 'Failed', index: '0', finalizer: true }),
      pod({ uid: 'a2', failureCount: '1', phase, index: '0', finalizer: true }),
    ];
    expect(delayedUids(perIndex(2, 1), pods)).toEqual([]);
  });

  it('multiple failed pods for index with different failure count; only the pod with highest failure count is kept', () => {
    const pods = [
      pod({ uid: 'a1', failureCount: '0', phase: 'Failed', index: '0', finalizer: true }),
      pod({ uid: 'a3', failureCount: '2', phase: 'Failed', index: '0', finalizer: true }),
      pod({ uid: 'a2', failureCount: '1', phase: 'Failed', index: '0', finalizer: true }),
    ];
    expect(delayedUids(perIndex(2, 4), pods)).toEqual(['a3']);
  });

  it('multiple failed pods for index with different finish times; only the last failed pod is kept', () => {
    const pods = [
      pod({ uid: 'a1', failureCount: '1', phase: 'Failed', index: '0', deletionMs: NOW - 1000, finalizer: true }),
      pod({ uid: 'a3', failureCount: '1', phase: 'Failed', index: '0', deletionMs: NOW, finalizer: true }),
      pod({ uid: 'a2', failureCount: '1', phase: 'Failed', index: '0', deletionMs: NOW - 2000, finalizer: true }),
    ];
    expect(delayedUids(perIndex(2, 4), pods)).toEqual(['a3']);
  });
});

describe('newIndexFailureCounts (TestGetNewIndexFailureCountValue)', () => {
  it('first pod created', () => {
    expect(newIndexFailureCounts(job(), undefined)).toEqual({ failureCount: 0, ignoredFailureCount: 0 });
  });

  it.each([
    ['0', 1],
    ['3', 4],
  ])('failed pod being replaced with index failure count %s', (count, want) => {
    const p = pod({ uid: 'a', failureCount: count, phase: 'Failed', index: '0', finalizer: true });
    expect(newIndexFailureCounts(job(), p)).toEqual({ failureCount: want, ignoredFailureCount: 0 });
  });

  it('failed pod being replaced, matching the ignore rule', () => {
    const spec: Partial<JobSpec> = {
      podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] },
    };
    const p = pod({
      uid: 'a',
      failureCount: '3',
      phase: 'Failed',
      index: '3',
      finalizer: true,
      conditions: [{ type: 'DisruptionTarget', status: 'True' }],
    });
    expect(newIndexFailureCounts(job(spec), p)).toEqual({ failureCount: 3, ignoredFailureCount: 1 });
  });
});

// The pod failure back-off, with the cases of upstream's TestNewBackoffRecord, TestGetFinishedTime,
// TestGetRemainingBackoffTime and TestGetRemainingBackoffTimePerIndex
// (pkg/controller/job/backoff_utils_test.go). Times are virtual ms around T.

import { describe, expect, it } from 'vitest';
import {
  type BackoffRecord,
  DEFAULT_JOB_POD_FAILURE_BACKOFF_MS,
  MAX_JOB_POD_FAILURE_BACKOFF_MS,
  newBackoffRecord,
  podFinishedMs,
  remainingBackoffMs,
  remainingTimePerIndexMs,
} from '../../../controllers/job/backoff.ts';
import { toTimestamp } from '../../../core/clock.ts';
import type { Pod } from '../../../core/objects.ts';
import { pod, running, terminated } from './builders.ts';

const T = 10_000_000;

const finishedAt = (ms: number, phase: 'Succeeded' | 'Failed'): Pod =>
  pod({ phase, containerStatuses: [terminated('main', phase === 'Failed' ? 1 : 0, ms)] });

describe('back-off constants', () => {
  it('starts at 10 s and is capped at 10 minutes in v1.34', () => {
    expect(DEFAULT_JOB_POD_FAILURE_BACKOFF_MS).toBe(10_000);
    expect(MAX_JOB_POD_FAILURE_BACKOFF_MS).toBe(600_000);
  });
});

describe('newBackoffRecord (TestNewBackoffRecord)', () => {
  const cases: readonly {
    readonly name: string;
    readonly previous?: BackoffRecord;
    readonly succeeded: readonly number[];
    readonly failed: readonly number[];
    readonly want: BackoffRecord;
  }[] = [
    { name: 'Empty backoff store and one new failure', succeeded: [], failed: [T], want: { failuresAfterLastSuccess: 1, lastFailureMs: T } },
    { name: 'Empty backoff store and two new failures', succeeded: [], failed: [T, T - 1], want: { failuresAfterLastSuccess: 2, lastFailureMs: T } },
    { name: 'Empty backoff store, two failures followed by success', succeeded: [T], failed: [T - 2, T - 1], want: { failuresAfterLastSuccess: 0 } },
    {
      name: 'Empty backoff store, two failures, one success and two more failures',
      succeeded: [T - 2],
      failed: [T, T - 4, T - 3, T - 1],
      want: { failuresAfterLastSuccess: 2, lastFailureMs: T },
    },
    {
      name: 'Backoff store having failure count 2 and one new failure',
      previous: { failuresAfterLastSuccess: 2 },
      succeeded: [],
      failed: [T],
      want: { failuresAfterLastSuccess: 3, lastFailureMs: T },
    },
    { name: 'Empty backoff store with success and failure at same timestamp', succeeded: [T], failed: [T], want: { failuresAfterLastSuccess: 0 } },
    { name: 'Empty backoff store with no success/failure', succeeded: [], failed: [], want: { failuresAfterLastSuccess: 0 } },
    { name: 'Empty backoff store with one success', succeeded: [T], failed: [], want: { failuresAfterLastSuccess: 0 } },
  ];
  // Upstream's times differ by milliseconds; ours are whole seconds, so each step is a second.
  it.each(cases)('$name', (tc) => {
    const seconds = (ms: number): number => T + (ms - T) * 1000;
    const record = newBackoffRecord(
      tc.previous,
      tc.succeeded.map((ms) => finishedAt(seconds(ms), 'Succeeded')),
      tc.failed.map((ms) => finishedAt(seconds(ms), 'Failed')),
    );
    expect(record).toEqual(tc.want);
  });
});

describe('podFinishedMs (TestGetFinishedTime)', () => {
  it('Pod with multiple containers and all containers terminated', () => {
    const p = pod({ containerStatuses: [terminated('a', 0, T - 1000), terminated('b', 0, T), terminated('c', 0, T - 2000)] });
    expect(podFinishedMs(p)).toBe(T);
  });

  it('Pod with a running container; fallback to deletionTimestamp', () => {
    const p = pod({ containerStatuses: [terminated('a', 0, T - 1000), running('b'), terminated('c', 0, T - 2000)], deletionMs: T });
    expect(podFinishedMs(p)).toBe(T);
  });

  it('fallback to deletionTimestamp', () => {
    expect(podFinishedMs(pod({ containerStatuses: [running('a')], deletionMs: T }))).toBe(T);
  });

  it('fallback to deletionTimestamp, decremented by grace period', () => {
    expect(podFinishedMs(pod({ containerStatuses: [running('a')], deletionMs: T, deletionGracePeriodSeconds: 30 }))).toBe(T - 30_000);
  });

  it('fallback to PodReady.LastTransitionTime when status of the condition is False', () => {
    const p = pod({
      containerStatuses: [terminated('a', 0)],
      conditions: [{ type: 'Ready', status: 'False', reason: 'PodFailed', lastTransitionTime: toTimestamp(T) }],
    });
    expect(podFinishedMs(p)).toBe(T);
  });

  it('skip fallback to PodReady.LastTransitionTime when status of the condition is True', () => {
    const p = pod({
      containerStatuses: [terminated('a', 0)],
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: toTimestamp(T - 30_000) }],
      deletionMs: T,
    });
    expect(podFinishedMs(p)).toBe(T);
  });

  it('fallback to creationTimestamp', () => {
    expect(podFinishedMs(pod({ containerStatuses: [terminated('a', 0)], createdMs: T }))).toBe(T);
  });

  it('Pod with sidecar container and all containers terminated', () => {
    const base = pod({ containerStatuses: [terminated('main', 0, T - 1000)], initContainerStatuses: [terminated('sidecar', 0, T)] });
    const p: Pod = { ...base, spec: { ...base.spec, initContainers: [{ name: 'sidecar', image: 'envoy', restartPolicy: 'Always' }] } };
    expect(podFinishedMs(p)).toBe(T);
  });
});

describe('remainingBackoffMs (TestGetRemainingBackoffTime)', () => {
  it.each([
    ['no failures', 0, 0, 0],
    ['one failure; current time and failure time are same', 1, 0, 5],
    ['one failure; current time == 1 second + failure time', 1, 1, 4],
    ['one failure; current time == expected backoff time', 1, 5, 0],
    ['one failure; current time == expected backoff time + 1 Second', 1, 6, 0],
    ['three failures; current time and failure time are same', 3, 0, 20],
    ['eight failures; current time and failure time are same; backoff not exceeding maxBackoff', 8, 0, 640],
    ['nine failures; current time and failure time are same; backoff exceeding maxBackoff', 9, 0, 700],
  ])('%s', (_name, failures, elapsedSeconds, wantSeconds) => {
    const lastFailureMs = failures === 0 ? undefined : T;
    expect(remainingBackoffMs(failures, lastFailureMs, T + elapsedSeconds * 1000, 5000, 700_000)).toBe(wantSeconds * 1000);
  });

  it('uses 10 s doubling up to 10 minutes by default', () => {
    expect(remainingBackoffMs(1, T, T)).toBe(10_000);
    expect(remainingBackoffMs(6, T, T)).toBe(320_000);
    expect(remainingBackoffMs(7, T, T)).toBe(600_000);
  });
});

describe('remainingTimePerIndexMs (TestGetRemainingBackoffTimePerIndex)', () => {
  it('no failures', () => {
    expect(remainingTimePerIndexMs(undefined, T)).toBe(0);
  });

  it('two prev failures; current time and failure time are same', () => {
    const p = pod({ phase: 'Failed', failureCount: '2', deletionMs: T });
    // Upstream's case passes 5 s / 700 s; with the default 10 s the third failure waits 40 s.
    expect(remainingTimePerIndexMs(p, T)).toBe(40_000);
  });

  it('one prev failure counted and one ignored; current time and failure time are same', () => {
    const p = pod({ phase: 'Failed', failureCount: '1', ignoredFailureCount: '1', deletionMs: T });
    expect(remainingTimePerIndexMs(p, T)).toBe(40_000);
  });
});

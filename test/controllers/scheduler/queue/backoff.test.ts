// The back-off of pods that failed, with upstream's figures (backoff_queue.go, v1.34; the table of
// TestPriorityQueue_calculateBackoffDuration) and the one-second ordering window of
// SchedulerPopFromBackoffQ.

import { describe, expect, it } from 'vitest';
import { backoffDurationMs, backoffExpirationMs, backoffOrderLess, isBackingOff } from '../../../../controllers/scheduler/queue/backoff.ts';
import type { QueuedPod } from '../../../../controllers/scheduler/queue/queued-pod.ts';
import { makePod } from '../builders.ts';

function queued(attempts: number, timestampMs: number, priority = 0, seq = 0): QueuedPod {
  return { key: `default/p${seq}`, pod: makePod(`p${seq}`), priority, timestampMs, seq, attempts, rejectors: new Set() };
}

describe('backoffDurationMs', () => {
  it.each([
    // name, initial, max, attempts, want (upstream's table, nanoseconds read as milliseconds)
    ['normal', 1, 32, 16, 32],
    ['overflow_32bit', 1, 2 ** 31 - 1, 32, 2 ** 31 - 1],
    ['overflow_53bit', 1, Number.MAX_SAFE_INTEGER, 64, Number.MAX_SAFE_INTEGER],
  ])('%s', (_name, initialMs, maxMs, attempts, want) => {
    expect(backoffDurationMs(attempts, initialMs, maxMs)).toBe(want);
  });

  it('costs nothing before any attempt, then 1 s doubling to the 10 s maximum', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((attempts) => backoffDurationMs(attempts))).toEqual([0, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });
});

describe('the back-off window', () => {
  it('truncates the expiry to the whole second', () => {
    expect(backoffExpirationMs(queued(1, 2_300))).toBe(3_000);
    expect(backoffExpirationMs(queued(3, 2_300))).toBe(6_000);
    expect(backoffExpirationMs(queued(0, 2_300))).toBe(Number.NEGATIVE_INFINITY);
  });

  it('backs off until the window of now is past the window of the expiry', () => {
    const pod = queued(1, 2_300);
    expect(isBackingOff(pod, 2_300)).toBe(true);
    expect(isBackingOff(pod, 3_999)).toBe(true);
    expect(isBackingOff(pod, 4_000)).toBe(false);
    expect(isBackingOff(queued(0, 2_300), 2_300)).toBe(false);
  });

  it('orders the back-off queue by window, then by priority within a window', () => {
    const early = queued(1, 1_100, 0, 1);
    const laterHigh = queued(1, 2_100, 100, 2);
    const sameWindowHigh = queued(1, 1_900, 100, 3);
    expect(backoffOrderLess(early, laterHigh)).toBe(true);
    expect(backoffOrderLess(sameWindowHigh, early)).toBe(true);
  });
});

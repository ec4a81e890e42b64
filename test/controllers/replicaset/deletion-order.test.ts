// The order in which surplus pods are deleted, one group per rule of upstream's
// ActivePodsWithRanks.Less, using the pods of upstream's TestSortingActivePodsWithRanks
// (pkg/controller/controller_utils_test.go).

import { describe, expect, it } from 'vitest';
import {
  ageBucket,
  deleteBefore,
  deletionCost,
  POD_DELETION_COST,
  podsToDelete,
  rankPod,
} from '../../../controllers/replicaset/deletion-order.ts';
import type { Pod } from '../../../core/objects.ts';
import { DAY_MS, HOUR_MS, pod } from './builders.ts';

const NOW = 60 * DAY_MS;
const THEN_1_MONTH = NOW - 30 * DAY_MS;

const unscheduled = pod('unscheduled', { phase: 'Pending' });
const scheduledPending = pod('pending', { nodeName: 'node', phase: 'Pending' });
const unknownPhase = pod('unknown-phase', { nodeName: 'node', phase: 'Unknown' });
const runningNotReady = pod('not-ready', { nodeName: 'node' });
const readyNoTransitionTime = pod('ready-no-last-transition-time', { nodeName: 'node', readySinceMs: true });
const readyNow = pod('ready-now', { nodeName: 'node', readySinceMs: NOW, createdMs: NOW });
const readyThen = pod('ready-then', {
  nodeName: 'node',
  readySinceMs: THEN_1_MONTH,
  createdMs: THEN_1_MONTH,
});
const readyHighRestarts = pod('ready-high-restarts', {
  nodeName: 'node',
  readySinceMs: NOW,
  createdMs: NOW,
  restarts: 9001,
});
const readyNowCreatedThen = pod('ready-now-created-then', {
  nodeName: 'node',
  readySinceMs: NOW,
  createdMs: THEN_1_MONTH,
});
const lowCost = pod('low-deletion-cost', {
  nodeName: 'node',
  readySinceMs: NOW,
  createdMs: THEN_1_MONTH,
  annotations: { [POD_DELETION_COST]: '10' },
});
const highCost = pod('high-deletion-cost', {
  nodeName: 'node',
  readySinceMs: NOW,
  createdMs: THEN_1_MONTH,
  annotations: { [POD_DELETION_COST]: '100' },
});
const ready2Hours = pod('ready-2-hours', {
  phase: 'Running',
  readySinceMs: NOW - 2 * HOUR_MS,
  createdMs: THEN_1_MONTH,
});
const ready5Hours = pod('ready-5-hours', {
  phase: 'Running',
  readySinceMs: NOW - 5 * HOUR_MS,
  createdMs: THEN_1_MONTH,
});

/** Asserts `lesser` goes before `greater` and not the other way round, with the ranks given. */
function expectOrder(lesser: Pod, lesserRank: number, greater: Pod, greaterRank: number): void {
  const a = rankPod(lesser, lesserRank, NOW);
  const b = rankPod(greater, greaterRank, NOW);
  expect(deleteBefore(a, b)).toBe(true);
  expect(deleteBefore(b, a)).toBe(false);
}

function expectEquivalent(first: Pod, second: Pod): void {
  const a = rankPod(first, 1, NOW);
  const b = rankPod(second, 1, NOW);
  expect(deleteBefore(a, b)).toBe(false);
  expect(deleteBefore(b, a)).toBe(false);
}

describe('deletion order', () => {
  it('1. deletes an unassigned pod before an assigned one, whatever the ranks', () => {
    expectOrder(unscheduled, 1, scheduledPending, 2);
    expectOrder(unscheduled, 2, scheduledPending, 1);
  });

  it('2. deletes Pending before Unknown before Running', () => {
    expectOrder(scheduledPending, 1, unknownPhase, 2);
    expectOrder(unknownPhase, 1, runningNotReady, 2);
  });

  it('3. deletes a pod that is not ready before a ready one', () => {
    expectOrder(runningNotReady, 1, readyNoTransitionTime, 1);
  });

  it('4. deletes the lower pod-deletion-cost first, before ranks count', () => {
    expectOrder(lowCost, 2, highCost, 1);
  });

  it('4. reads the deletion cost as upstream does, invalid values as 0', () => {
    const costOf = (value: string) => deletionCost(pod('p', { annotations: { [POD_DELETION_COST]: value } }));
    expect([
      costOf('10'),
      costOf('-5'),
      costOf('0'),
      costOf('+10'),
      costOf('008'),
      costOf('x'),
      costOf('2147483648'),
    ]).toEqual([10, -5, 0, 0, 0, 0, 0]);
  });

  it('5. deletes the pod with more related pods on its node first, before ready time, restarts and age', () => {
    expectOrder(readyNow, 2, readyNoTransitionTime, 1);
    expectOrder(readyNow, 2, readyThen, 1);
    expectOrder(readyNow, 2, readyHighRestarts, 1);
    expectOrder(readyNowCreatedThen, 2, readyNow, 1);
  });

  it('6. deletes the pod ready for less time first, a missing transition time counting as least', () => {
    expectOrder(readyNoTransitionTime, 1, readyNow, 1);
    expectOrder(readyNow, 1, readyThen, 1);
    expectOrder(ready2Hours, 1, ready5Hours, 1);
  });

  it('6. treats ready times in the same power-of-two bucket as equal, then orders by uid', () => {
    const fiveHours = pod('ready-5-hours', { readySinceMs: NOW - 5 * HOUR_MS, uid: '' });
    const eightHours = pod('ready-8-hours', { readySinceMs: NOW - 8 * HOUR_MS, uid: '' });
    expectEquivalent(fiveHours, eightHours);
    const byUid = (uid: string, hours: number) =>
      pod(`ready-${hours}`, { readySinceMs: NOW - hours * HOUR_MS, uid });
    expectOrder(byUid('a', 8), 1, byUid('b', 5), 1);
  });

  it('7. deletes the pod with more container restarts first', () => {
    expectOrder(readyHighRestarts, 1, readyNow, 1);
  });

  it('8. deletes the newer pod first', () => {
    expectOrder(readyNow, 1, readyNowCreatedThen, 1);
  });

  it('8. treats creation times in the same bucket as equal, then orders by uid', () => {
    const fiveHours = pod('created-5-hours', { nodeName: 'node', createdMs: NOW - 5 * HOUR_MS, uid: 'b' });
    const eightHours = pod('created-8-hours', { nodeName: 'node', createdMs: NOW - 8 * HOUR_MS, uid: 'a' });
    expectOrder(eightHours, 1, fiveHours, 1);
  });

  it('finds no order among identical pods', () => {
    for (const each of [
      unscheduled,
      scheduledPending,
      unknownPhase,
      runningNotReady,
      readyNow,
      readyThen,
      readyHighRestarts,
    ]) {
      expectEquivalent(each, each);
    }
  });

  it('buckets ages by floor(log2(nanoseconds)), and no age as -1', () => {
    expect(ageBucket(NOW - 1000, NOW)).toBe(29);
    expect(ageBucket(NOW, NOW)).toBe(-1);
    expect(ageBucket(undefined, NOW)).toBe(-1);
  });

  it('picks the first pods of the ranked order', () => {
    const pods = [readyThen, unscheduled, readyNow, runningNotReady];
    const chosen = podsToDelete(pods, 2, () => 0, NOW).map((each) => each.metadata.name);
    expect(chosen).toEqual(['unscheduled', 'not-ready']);
  });
});

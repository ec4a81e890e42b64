// The scheduling queue: activeQ's order (PrioritySort), the back-off queue, unschedulablePods moved
// only by an event a rejector's hint says may help, and the five-minute leftover flush.

import { describe, expect, it } from 'vitest';
import { ADD, DELETE } from '../../../../controllers/scheduler/queue/cluster-events.ts';
import { KeyedHeap } from '../../../../controllers/scheduler/queue/keyed-heap.ts';
import { leftoverFlushAtMs, POD_MAX_IN_UNSCHEDULABLE_PODS_DURATION_MS, SchedulingQueue } from '../../../../controllers/scheduler/queue/scheduling-queue.ts';
import type { Pod } from '../../../../core/objects.ts';
import { makeNode, makePod } from '../builders.ts';

function popAll(queue: SchedulingQueue, nowMs: number): string[] {
  const keys: string[] = [];
  for (let popped = queue.pop(nowMs); popped !== undefined; popped = queue.pop(nowMs)) keys.push(popped.key);
  return keys;
}

/** Adds, pops and parks the pod as rejected by the given plugins. */
function failOnce(queue: SchedulingQueue, pod: Pod, rejectors: readonly string[], nowMs: number): void {
  const key = `default/${pod.metadata.name}`;
  queue.add(key, pod, nowMs);
  const popped = queue.pop(nowMs);
  if (popped?.key !== key) throw new Error(`popped ${popped?.key}`);
  queue.addUnschedulable(popped, pod, new Set(rejectors), nowMs);
}

describe('activeQ', () => {
  it('pops the highest priority first, then the earliest queued (TestPriorityQueue_Pop order)', () => {
    const queue = new SchedulingQueue();
    queue.add('default/medium', makePod('medium', { priority: 100 }), 0);
    queue.add('default/low-early', makePod('low-early', { priority: 0 }), 0);
    queue.add('default/high', makePod('high', { priority: 1000 }), 5);
    queue.add('default/low-late', makePod('low-late', { priority: 0 }), 3);
    expect(popAll(queue, 10)).toEqual(['default/high', 'default/medium', 'default/low-early', 'default/low-late']);
  });

  it('keeps a pod added twice once, refreshed in place', () => {
    const queue = new SchedulingQueue();
    queue.add('default/web', makePod('web'), 0);
    queue.add('default/web', makePod('web', { priority: 5 }), 1);
    expect(popAll(queue, 1)).toEqual(['default/web']);
  });
});

describe('unschedulablePods', () => {
  const big = makePod('big', { requests: [{ cpu: '8' }] });

  it('holds a rejected pod until an event its rejector registered for, with a hint that queues it', () => {
    const queue = new SchedulingQueue();
    failOnce(queue, big, ['NodeResourcesFit'], 0);
    expect(queue.hasWork).toBe(false);
    // A node too small: NodeResourcesFit's hint says Skip.
    queue.moveOnEvent({ resource: 'Node', actions: ADD, label: 'NodeAdd', newNode: makeNode('small', { cpu: '2' }) }, 100);
    expect(queue.whereIs('default/big')).toBe('unschedulable');
    // A node that fits it: Queue, to backoffQ while the 1 s back-off runs.
    queue.moveOnEvent({ resource: 'Node', actions: ADD, label: 'NodeAdd', newNode: makeNode('large', { cpu: '16' }) }, 200);
    expect(queue.whereIs('default/big')).toBe('backoff');
    expect(queue.hasWork).toBe(true);
  });

  it('moves the pod straight to activeQ when its back-off is over by the event', () => {
    const queue = new SchedulingQueue();
    failOnce(queue, big, ['NodeResourcesFit'], 0);
    queue.moveOnEvent({ resource: 'Pod', actions: DELETE, label: 'AssignedPodDelete', oldPod: makePod('gone', { nodeName: 'n1' }) }, 2_000);
    expect(queue.whereIs('default/big')).toBe('active');
  });

  it('ignores an event no rejector registered for', () => {
    const queue = new SchedulingQueue();
    failOnce(queue, big, ['NodeAffinity'], 0);
    queue.moveOnEvent({ resource: 'Pod', actions: DELETE, label: 'AssignedPodDelete', oldPod: makePod('gone', { nodeName: 'n1' }) }, 2_000);
    expect(queue.whereIs('default/big')).toBe('unschedulable');
  });

  it('sends a pod with no rejector to the error back-off, flushed on the whole second after its expiry', () => {
    const queue = new SchedulingQueue();
    failOnce(queue, big, [], 1_500);
    expect(queue.whereIs('default/big')).toBe('errorBackoff');
    // Expiry 1.5 s + 1 s = 2.5 s, truncated to 2 s; the flush at 3 s finds it done.
    expect(queue.nextErrorFlushAtMs()).toBe(3_000);
    queue.flushBackoffCompleted(2_999);
    expect(queue.whereIs('default/big')).toBe('errorBackoff');
    queue.flushBackoffCompleted(3_000);
    expect(queue.whereIs('default/big')).toBe('active');
  });

  it('flushes a pod parked for longer than five minutes (podMaxInUnschedulablePodsDuration)', () => {
    const queue = new SchedulingQueue();
    failOnce(queue, big, ['NodeResourcesFit'], 10_000);
    queue.flushUnschedulableLeftover(10_000 + POD_MAX_IN_UNSCHEDULABLE_PODS_DURATION_MS);
    expect(queue.whereIs('default/big')).toBe('unschedulable');
    queue.flushUnschedulableLeftover(10_001 + POD_MAX_IN_UNSCHEDULABLE_PODS_DURATION_MS);
    expect(queue.whereIs('default/big')).toBe('active');
  });

  it('times the flush on the 30-second ticks: the first tick after five minutes have passed', () => {
    expect(leftoverFlushAtMs(10_000)).toBe(330_000);
    expect(leftoverFlushAtMs(0)).toBe(330_000);
    expect(leftoverFlushAtMs(29_999)).toBe(330_000);
    expect(leftoverFlushAtMs(30_000)).toBe(360_000);
  });
});

describe('KeyedHeap', () => {
  it('pops in order after updates and deletions by key', () => {
    const heap = new KeyedHeap<{ key: string; value: number }>((item) => item.key, (a, b) => a.value < b.value);
    for (const [key, value] of [['a', 5], ['b', 3], ['c', 8], ['d', 1]] as const) heap.addOrUpdate({ key, value });
    heap.addOrUpdate({ key: 'c', value: 0 });
    heap.delete('d');
    const order: string[] = [];
    for (let item = heap.pop(); item !== undefined; item = heap.pop()) order.push(item.key);
    expect(order).toEqual(['c', 'b', 'a']);
  });
});

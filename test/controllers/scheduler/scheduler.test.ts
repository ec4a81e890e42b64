// The kube-scheduler controller: what a cycle asks for, when it stays quiet, the queue it pops
// from, the RxJS routing, and that the same seed gives the same placements.

import { firstValueFrom, Subject, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { SCHEDULE_KEY, scheduler } from '../../../controllers/scheduler/index.ts';
import type { Change } from '../../../core/controller.ts';
import type { EventBody, KsimEvent } from '../../../core/events.ts';
import type { Pod } from '../../../core/objects.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { apply, makeNode, makePod, stateOf } from './builders.ts';
import { SchedulerHarness } from './harness.ts';

const tooBig = makePod('big', { requests: [{ cpu: '64' }] });
const messages = (harness: SchedulerHarness) => harness.run().map((c) => (c.type === 'reportSchedulingFailure' ? c.message : c.type));

describe('scheduler reconcile', () => {
  it('binds a waiting pod, as kube-scheduler', () => {
    const harness = new SchedulerHarness(stateOf([makeNode('n1')], [makePod('web')]), { nowMs: 5000 });
    expect(harness.run()).toEqual([
      {
        type: 'bindPod',
        actor: 'kube-scheduler',
        namespace: 'default',
        name: 'web',
        nodeName: 'n1',
        record: expect.objectContaining({ type: 'Normal', reason: 'Scheduled', message: 'Successfully assigned default/web to n1' }),
      },
    ]);
  });

  it('reports a pod that fits nowhere as Unschedulable with upstream message and the preemption verdict', () => {
    const harness = new SchedulerHarness(stateOf([makeNode('n1'), makeNode('n2')], [tooBig]), { nowMs: 5000 });
    const message = '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.';
    expect(harness.run()).toEqual([
      {
        type: 'reportSchedulingFailure',
        actor: 'kube-scheduler',
        namespace: 'default',
        name: 'big',
        reason: 'Unschedulable',
        message,
        record: expect.objectContaining({ type: 'Warning', reason: 'FailedScheduling', message }),
      },
    ]);
  });

  it('stays quiet when the PodScheduled condition already says the same', () => {
    const harness = new SchedulerHarness(stateOf([makeNode('n1')], [tooBig, makePod('small', { nodeName: 'n1' })]));
    expect(messages(harness)).toHaveLength(1);
    // A placed pod going is an event NodeResourcesFit queues the pod for; the retry fails the same way.
    harness.emit({ type: 'pod/deleted', namespace: 'default', name: 'small' });
    expect(harness.controller.reconcile(SCHEDULE_KEY, { state: harness.state, nowMs: harness.nowMs, rng: harness.rngForTests })).toEqual([]);
  });

  it('reports again when the reason changes', () => {
    const harness = new SchedulerHarness(stateOf([makeNode('n1')], [tooBig, makePod('small', { nodeName: 'n1' })]));
    harness.run();
    // Upstream's hint skips a node too small for the pod, so the pod waits on; a placed pod going moves it.
    harness.emit({ type: 'node/joined', object: makeNode('n2', { cpu: '2' }) });
    expect(messages(harness)).toEqual([]);
    harness.emit({ type: 'pod/deleted', namespace: 'default', name: 'small' });
    expect(messages(harness)).toEqual([
      '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    ]);
  });

  it('leaves alone pods that are bound, being deleted or for another scheduler', () => {
    const deleting: Pod = {
      ...makePod('leaving'),
      metadata: { ...makePod('leaving').metadata, deletionTimestamp: '2025-01-01T00:01:00Z' },
    };
    const harness = new SchedulerHarness(
      stateOf([makeNode('n1')], [makePod('bound', { nodeName: 'n1' }), makePod('custom', { schedulerName: 'other' }), deleting]),
    );
    expect(harness.run()).toEqual([]);
    expect(harness.controller.reconcile(SCHEDULE_KEY, { state: harness.state, nowMs: 0, rng: harness.rngForTests })).toEqual([]);
  });
});

describe('scheduler queue order', () => {
  it('tries the waiting pods highest priority first, then the earliest queued', () => {
    const harness = new SchedulerHarness(stateOf([makeNode('n1', { pods: '0' })]));
    harness.emit({ type: 'pod/created', object: makePod('first') });
    harness.emit({ type: 'pod/created', object: makePod('second') });
    harness.emit({ type: 'pod/created', object: makePod('high', { priority: 1000 }) });
    expect(harness.run().map((c) => ('name' in c ? c.name : c.type))).toEqual(['high', 'first', 'second']);
  });

  it('queues every waiting pod at the start of a run', () => {
    const state = stateOf([makeNode('n1')], [makePod('a'), makePod('b', { nodeName: 'n1' })]);
    const start = scheduler().start?.({ state, nowMs: 0, rng: new SchedulerHarness(state).rngForTests });
    expect(start).toEqual([{ kind: 'wake', atMs: 0, key: SCHEDULE_KEY }]);
  });
});

describe('scheduler watch', () => {
  it('asks for a cycle when a pod arrives, and not for a node when nothing waits', async () => {
    const changes = new Subject<Change<ClusterState>>();
    const keys = firstValueFrom(scheduler().watch(changes).pipe(toArray()));
    let state = stateOf([]);
    const emit = (body: EventBody) => {
      const event = { rev: state.rev + 1, time: 0, actor: 'test', ...body } as KsimEvent;
      const before = state;
      state = apply(state, body);
      changes.next({ event, before, after: state });
    };
    emit({ type: 'pod/created', object: makePod('web') });
    emit({ type: 'node/joined', object: makeNode('n1') });
    changes.complete();
    // The pod is still in activeQ when the node joins (no cycle ran between), so both ask.
    expect(await keys).toEqual([SCHEDULE_KEY, SCHEDULE_KEY]);
  });
});

describe('scheduler determinism', () => {
  /** Schedules `count` pods one after another with a fresh scheduler, folding each binding in. */
  function placements(seed: number, count: number): string[] {
    const harness = new SchedulerHarness(stateOf(['n1', 'n2', 'n3', 'n4'].map((name) => makeNode(name))), { seed });
    const placed: string[] = [];
    for (let index = 0; index < count; index++) {
      harness.emit({ type: 'pod/created', object: makePod(`p${index}`) });
      for (const command of harness.run()) if (command.type === 'bindPod') placed.push(command.nodeName);
    }
    return placed;
  }

  it('places the same pods on the same nodes for the same seed', () => {
    expect(placements(9, 12)).toEqual(placements(9, 12));
  });

  it('spreads identical pods evenly over identical nodes', () => {
    const counts = new Map<string, number>();
    for (const node of placements(9, 12)) counts.set(node, (counts.get(node) ?? 0) + 1);
    expect([...counts.values()]).toEqual([3, 3, 3, 3]);
  });

  it('searches each cycle from where the previous one stopped', () => {
    const nodes = Array.from({ length: 200 }, (_, index) => makeNode(`n${String(index).padStart(3, '0')}`));
    const harness = new SchedulerHarness(stateOf(nodes, [makePod('first'), makePod('second')]));
    const chosen = harness.run().map((command) => (command.type === 'bindPod' ? Number(command.nodeName.slice(1)) : -1));
    expect(chosen[0]).toBeLessThan(100);
    expect(chosen[1]).toBeGreaterThanOrEqual(100);
  });
});

describe('scheduler timers', () => {
  it('retries a parked pod at the first 30-second tick after five minutes, even with no event for it', () => {
    const harness = new SchedulerHarness(stateOf([makeNode('n1', { cpu: '2' })], [tooBig]), { nowMs: 10_000 });
    expect(messages(harness)).toHaveLength(1);
    expect(harness.timers).toContainEqual({ kind: 'wake', atMs: 330_000, key: '@flush', background: true });
    // A node too small joins: NodeResourcesFit's hint skips the pod, so the message still counts one node.
    harness.emit({ type: 'node/joined', object: makeNode('n2', { cpu: '2' }) });
    expect(messages(harness)).toEqual([]);
    const retried = harness.flushAt(330_000).map((c) => (c.type === 'reportSchedulingFailure' ? c.message : c.type));
    expect(retried).toEqual(['0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.']);
  });
});

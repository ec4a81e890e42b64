// The kube-scheduler controller: what a reconcile asks for, when it stays quiet, the retry key,
// the RxJS routing, and that the same seed gives the same placements.

import { firstValueFrom, Subject, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { RETRY_UNSCHEDULABLE_KEY, scheduler } from '../../../controllers/scheduler/index.ts';
import type { Command } from '../../../core/commands.ts';
import type { Change, Effect } from '../../../core/controller.ts';
import type { EventBody, KsimEvent } from '../../../core/events.ts';
import type { Pod } from '../../../core/objects.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { apply, makeNode, makePod, stateOf, testRng } from './builders.ts';
import { commandsOf } from '../../support/effects.ts';

function reconcile(state: ClusterState, key: string, controller = scheduler()): readonly Effect[] {
  return controller.reconcile(key, { state, nowMs: 5000, rng: testRng() });
}

/** Folds the scheduler's own commands back in as the API server would accept them. */
function accept(state: ClusterState, command: Command): ClusterState {
  if (command.type === 'bindPod') {
    const { namespace, name, nodeName } = command;
    return apply(state, { type: 'pod/bound', namespace, name, nodeName });
  }
  if (command.type === 'reportSchedulingFailure') {
    const { namespace, name, reason, message } = command;
    return apply(state, { type: 'pod/schedulingFailed', namespace, name, reason, message });
  }
  throw new Error(`unexpected ${command.type}`);
}

const tooBig = makePod('big', { requests: [{ cpu: '64' }] });

describe('scheduler reconcile', () => {
  it('binds a waiting pod, as kube-scheduler', () => {
    const state = stateOf([makeNode('n1')], [makePod('web')]);
    expect(commandsOf(reconcile(state, 'default/web'))).toEqual([
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

  it('reports a pod that fits nowhere as Unschedulable with upstream message', () => {
    const state = stateOf([makeNode('n1'), makeNode('n2')], [tooBig]);
    expect(commandsOf(reconcile(state, 'default/big'))).toEqual([
      {
        type: 'reportSchedulingFailure',
        actor: 'kube-scheduler',
        namespace: 'default',
        name: 'big',
        reason: 'Unschedulable',
        message: '0/2 nodes are available: 2 Insufficient cpu.',
        record: expect.objectContaining({ type: 'Warning', reason: 'FailedScheduling', message: '0/2 nodes are available: 2 Insufficient cpu.' }),
      },
    ]);
  });

  it('stays quiet when the PodScheduled condition already says the same', () => {
    let state = stateOf([makeNode('n1')], [tooBig]);
    for (const command of commandsOf(reconcile(state, 'default/big'))) state = accept(state, command);
    expect(reconcile(state, 'default/big')).toEqual([]);
  });

  it('reports again when the reason changes', () => {
    let state = stateOf([makeNode('n1')], [tooBig]);
    for (const command of commandsOf(reconcile(state, 'default/big'))) state = accept(state, command);
    state = apply(state, { type: 'node/joined', object: makeNode('n2', { cpu: '2' }) });
    expect(
      commandsOf(reconcile(state, 'default/big')).map((c) =>
        c.type === 'reportSchedulingFailure' ? c.message : '',
      ),
    ).toEqual(['0/2 nodes are available: 2 Insufficient cpu.']);
  });

  it('leaves alone pods that are bound, deleted, being deleted or for another scheduler', () => {
    const deleting: Pod = {
      ...makePod('leaving'),
      metadata: { ...makePod('leaving').metadata, deletionTimestamp: '2025-01-01T00:01:00Z' },
    };
    const state = stateOf(
      [makeNode('n1')],
      [makePod('bound', { nodeName: 'n1' }), makePod('custom', { schedulerName: 'other' }), deleting],
    );
    for (const key of ['default/bound', 'default/custom', 'default/leaving', 'default/gone']) {
      expect(reconcile(state, key)).toEqual([]);
    }
  });
});

describe('scheduler retries', () => {
  it('wakes the waiting pods, highest priority first, then oldest, at the current time', () => {
    let state = stateOf(
      [makeNode('n1')],
      [
        makePod('low', { requests: [{ cpu: '64' }] }),
        makePod('high', { priority: 1000, requests: [{ cpu: '64' }] }),
        makePod('early', { requests: [{ cpu: '64' }], creationTimestamp: '2024-12-31T23:00:00Z' }),
        makePod('placed'),
      ],
    );
    const controller = scheduler();
    for (const key of ['default/low', 'default/high', 'default/early', 'default/placed']) {
      for (const command of commandsOf(reconcile(state, key, controller))) state = accept(state, command);
    }
    expect(reconcile(state, RETRY_UNSCHEDULABLE_KEY, controller)).toEqual([
      { kind: 'wake', atMs: 5000, key: 'default/high' },
      { kind: 'wake', atMs: 5000, key: 'default/early' },
      { kind: 'wake', atMs: 5000, key: 'default/low' },
    ]);
  });

  it('wakes every waiting pod at the start of a run', () => {
    const state = stateOf([makeNode('n1')], [makePod('a'), makePod('b', { nodeName: 'n1' })]);
    const start = scheduler().start?.({ state, nowMs: 0, rng: testRng() });
    expect(start).toEqual([{ kind: 'wake', atMs: 0, key: 'default/a' }]);
  });
});

describe('scheduler watch', () => {
  it('routes changes to pod keys and the retry key', async () => {
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
    expect(await keys).toEqual(['default/web', RETRY_UNSCHEDULABLE_KEY]);
  });
});

describe('scheduler determinism', () => {
  /** Schedules `count` pods one after another with a fresh scheduler, folding each binding in. */
  function placements(seed: number, count: number): string[] {
    const controller = scheduler();
    const rng = testRng(seed);
    let state = stateOf(['n1', 'n2', 'n3', 'n4'].map((name) => makeNode(name)));
    const placed: string[] = [];
    for (let index = 0; index < count; index++) {
      state = apply(state, { type: 'pod/created', object: makePod(`p${index}`) });
      for (const command of commandsOf(controller.reconcile(`default/p${index}`, { state, nowMs: 0, rng }))) {
        if (command.type === 'bindPod') placed.push(command.nodeName);
        state = accept(state, command);
      }
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
    const controller = scheduler();
    const nodes = Array.from({ length: 200 }, (_, index) => makeNode(`n${String(index).padStart(3, '0')}`));
    const state = stateOf(nodes, [makePod('first'), makePod('second')]);
    const chosen = ['default/first', 'default/second'].map((key) => {
      const [command] = commandsOf(controller.reconcile(key, { state, nowMs: 0, rng: testRng() }));
      return command?.type === 'bindPod' ? Number(command.nodeName.slice(1)) : -1;
    });
    expect(chosen[0]).toBeLessThan(100);
    expect(chosen[1]).toBeGreaterThanOrEqual(100);
  });
});

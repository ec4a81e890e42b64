// How the changes of the log reach the scheduling queue (upstream's event handlers): waiting pods
// are added, updated and removed; placed pods and nodes are cluster events that move only the
// unschedulable pods whose rejecting plugins' hints say the event may help.

import { describe, expect, it } from 'vitest';
import { observeChange } from '../../../controllers/scheduler/queue/observe-change.ts';
import { SchedulingQueue } from '../../../controllers/scheduler/queue/scheduling-queue.ts';
import type { EventBody } from '../../../core/events.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { change } from '../../support/reduce-events.ts';
import { makeNode, makePod, stateOf } from './builders.ts';

function observe(queue: SchedulingQueue, state: ClusterState, body: EventBody): ClusterState {
  const next = change(state, body);
  observeChange(queue, next);
  return next.after;
}

/** A queue holding `web`, turned away by the given plugins at time 0. */
function parked(state: ClusterState, rejectors: readonly string[]): SchedulingQueue {
  const queue = new SchedulingQueue();
  const pod = state.pods.get('default/web');
  if (pod === undefined) throw new Error('no web');
  queue.add('default/web', pod, 0);
  const popped = queue.pop(0);
  if (popped === undefined) throw new Error('nothing popped');
  queue.addUnschedulable(popped, pod, new Set(rejectors), 0);
  return queue;
}

const empty = stateOf([makeNode('n1')]);

describe('observeChange: waiting pods', () => {
  it('adds a created pod that waits for a node to activeQ', () => {
    const queue = new SchedulingQueue();
    observe(queue, empty, { type: 'pod/created', object: makePod('web') });
    expect(queue.whereIs('default/web')).toBe('active');
  });

  it('ignores a pod created bound, or for another scheduler', () => {
    const queue = new SchedulingQueue();
    observe(queue, empty, { type: 'pod/created', object: makePod('web', { nodeName: 'n1' }) });
    observe(queue, empty, { type: 'pod/created', object: makePod('other', { schedulerName: 'custom' }) });
    expect(queue.whereIs('default/web')).toBeUndefined();
    expect(queue.whereIs('default/other')).toBeUndefined();
    expect(queue.hasWork).toBe(false);
  });

  it('moves an unschedulable pod whose own tolerations changed, when TaintToleration turned it away', () => {
    const state = stateOf([makeNode('n1')], [makePod('web')]);
    const queue = parked(state, ['TaintToleration']);
    observe(queue, state, { type: 'pod/updated', object: makePod('web', { tolerations: [{ operator: 'Exists' }] }) });
    expect(queue.whereIs('default/web')).toBe('backoff');
  });

  it('keeps it parked on its own scheduling failure (a status-only update)', () => {
    const state = stateOf([makeNode('n1')], [makePod('web')]);
    const queue = parked(state, ['NodeResourcesFit']);
    observe(queue, state, { type: 'pod/schedulingFailed', namespace: 'default', name: 'web', reason: 'Unschedulable', message: 'm' });
    expect(queue.whereIs('default/web')).toBe('unschedulable');
  });

  it('forgets a pod once it is bound or deleted', () => {
    const state = stateOf([makeNode('n1')], [makePod('web')]);
    const queue = new SchedulingQueue();
    queue.add('default/web', makePod('web'), 0);
    observe(queue, state, { type: 'pod/deleted', namespace: 'default', name: 'web' });
    expect(queue.whereIs('default/web')).toBeUndefined();
  });
});

describe('observeChange: cluster events', () => {
  const withBound = stateOf([makeNode('n1')], [makePod('db', { nodeName: 'n1', phase: 'Running' }), makePod('web')]);

  it('moves a pod NodeUnschedulable turned away when the node is uncordoned, not when it is cordoned', () => {
    const cordoned = stateOf([makeNode('n1', { unschedulable: true })], [makePod('web')]);
    const queue = parked(cordoned, ['NodeUnschedulable']);
    observe(queue, cordoned, { type: 'node/cordoned', name: 'n1' });
    expect(queue.whereIs('default/web')).toBe('unschedulable');
    observe(queue, cordoned, { type: 'node/uncordoned', name: 'n1' });
    expect(queue.whereIs('default/web')).toBe('backoff');
  });

  it('moves a pod NodeResourcesFit turned away when a bound pod is deleted or finishes', () => {
    const deleted = parked(withBound, ['NodeResourcesFit']);
    observe(deleted, withBound, { type: 'pod/deleted', namespace: 'default', name: 'db' });
    expect(deleted.whereIs('default/web')).toBe('backoff');
    const finished = parked(withBound, ['NodeResourcesFit']);
    observe(finished, withBound, { type: 'pod/statusUpdated', namespace: 'default', name: 'db', status: { phase: 'Succeeded' } });
    expect(finished.whereIs('default/web')).toBe('backoff');
  });

  it('does not move it when a pod that held no node is deleted, or a bound pod reports Running', () => {
    const state = stateOf([makeNode('n1')], [makePod('db', { nodeName: 'n1', phase: 'Pending' }), makePod('web'), makePod('other')]);
    const queue = parked(state, ['NodeResourcesFit']);
    const next = observe(queue, state, { type: 'pod/deleted', namespace: 'default', name: 'other' });
    observe(queue, next, { type: 'pod/statusUpdated', namespace: 'default', name: 'db', status: { phase: 'Running' } });
    expect(queue.whereIs('default/web')).toBe('unschedulable');
  });

  it('moves a pod turned away for cpu when a node large enough joins, not a small one', () => {
    const state = stateOf([makeNode('n1', { cpu: '1' })], [makePod('web', { requests: [{ cpu: '2' }] })]);
    const queue = parked(state, ['NodeResourcesFit']);
    const next = observe(queue, state, { type: 'node/joined', object: makeNode('n2', { cpu: '1' }) });
    expect(queue.whereIs('default/web')).toBe('unschedulable');
    observe(queue, next, { type: 'node/joined', object: makeNode('n3', { cpu: '4' }) });
    expect(queue.whereIs('default/web')).toBe('backoff');
  });

  it('moves it on a status report only when the allocatable it asks for grew', () => {
    const state = stateOf([makeNode('n1', { cpu: '1' })], [makePod('web', { requests: [{ cpu: '2' }] })]);
    const queue = parked(state, ['NodeResourcesFit']);
    const next = observe(queue, state, { type: 'node/statusReported', name: 'n1', status: makeNode('n1', { cpu: '1' }).status });
    expect(queue.whereIs('default/web')).toBe('unschedulable');
    observe(queue, next, { type: 'node/statusReported', name: 'n1', status: makeNode('n1', { cpu: '8' }).status });
    expect(queue.whereIs('default/web')).toBe('backoff');
  });

  it('leaves a pod parked for an event none of its rejectors registered for', () => {
    const queue = parked(withBound, ['NodeAffinity']);
    observe(queue, withBound, { type: 'pod/deleted', namespace: 'default', name: 'db' });
    expect(queue.whereIs('default/web')).toBe('unschedulable');
  });
});

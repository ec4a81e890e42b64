// Which changes give the scheduler a key: pods waiting for a node, and a retry when room appears.

import { describe, expect, it } from 'vitest';
import { keysForChange, RETRY_UNSCHEDULABLE_KEY } from '../../../controllers/scheduler/queue.ts';
import type { Change } from '../../../core/controller.ts';
import type { EventBody, KsimEvent } from '../../../core/events.ts';
import { reduce } from '../../../reducers/index.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { makeNode, makePod, stateOf } from './builders.ts';

function keys(before: ClusterState, body: EventBody): readonly string[] {
  const event = { rev: before.rev + 1, time: 0, actor: 'test', ...body } as KsimEvent;
  const change: Change<ClusterState> = { event, before, after: reduce(before, event) };
  return keysForChange(change);
}

const empty = stateOf([makeNode('n1')]);

describe('keysForChange: pods', () => {
  it('queues a created pod that waits for a node', () => {
    expect(keys(empty, { type: 'pod/created', object: makePod('web') })).toEqual(['default/web']);
  });

  it('ignores a pod created already bound', () => {
    expect(keys(empty, { type: 'pod/created', object: makePod('web', { nodeName: 'n1' }) })).toEqual([]);
  });

  it('ignores a pod for another scheduler', () => {
    expect(keys(empty, { type: 'pod/created', object: makePod('web', { schedulerName: 'custom' }) })).toEqual(
      [],
    );
  });

  it('queues a waiting pod again when it is updated', () => {
    const state = stateOf([makeNode('n1')], [makePod('web')]);
    const updated = makePod('web', { tolerations: [{ operator: 'Exists' }] });
    expect(keys(state, { type: 'pod/updated', object: updated })).toEqual(['default/web']);
  });

  it('does not queue a pod for its own scheduling failure', () => {
    const state = stateOf([makeNode('n1')], [makePod('web')]);
    const failed: EventBody = {
      type: 'pod/schedulingFailed',
      namespace: 'default',
      name: 'web',
      reason: 'Unschedulable',
      message: 'm',
    };
    expect(keys(state, failed)).toEqual([]);
  });
});

describe('keysForChange: retries', () => {
  const withBound = stateOf(
    [makeNode('n1')],
    [makePod('db', { nodeName: 'n1', phase: 'Running' }), makePod('web')],
  );

  it('retries when a node joins, is updated or is uncordoned', () => {
    expect(keys(empty, { type: 'node/joined', object: makeNode('n2') })).toEqual([RETRY_UNSCHEDULABLE_KEY]);
    expect(keys(empty, { type: 'node/updated', object: makeNode('n1', { labels: { a: 'b' } }) })).toEqual([
      RETRY_UNSCHEDULABLE_KEY,
    ]);
    expect(keys(empty, { type: 'node/uncordoned', name: 'n1' })).toEqual([RETRY_UNSCHEDULABLE_KEY]);
  });

  it('does not retry when a node is cordoned', () => {
    expect(keys(empty, { type: 'node/cordoned', name: 'n1' })).toEqual([]);
  });

  it('retries on a status report only when allocatable changed', () => {
    const same = makeNode('n1').status;
    const grown = makeNode('n1', { cpu: '8' }).status;
    expect(keys(empty, { type: 'node/statusReported', name: 'n1', status: same })).toEqual([]);
    expect(keys(empty, { type: 'node/statusReported', name: 'n1', status: grown })).toEqual([
      RETRY_UNSCHEDULABLE_KEY,
    ]);
  });

  it('retries when a bound pod is deleted', () => {
    expect(keys(withBound, { type: 'pod/deleted', namespace: 'default', name: 'db' })).toEqual([
      RETRY_UNSCHEDULABLE_KEY,
    ]);
  });

  it('does not retry when a pod that held no node is deleted', () => {
    expect(keys(withBound, { type: 'pod/deleted', namespace: 'default', name: 'web' })).toEqual([]);
  });

  it('retries when a bound pod finishes, and not on other status changes', () => {
    const status = (phase: 'Succeeded' | 'Running'): EventBody => ({
      type: 'pod/statusUpdated',
      namespace: 'default',
      name: 'db',
      status: { phase },
    });
    expect(keys(withBound, status('Succeeded'))).toEqual([RETRY_UNSCHEDULABLE_KEY]);
    expect(keys(withBound, status('Running'))).toEqual([]);
  });
});

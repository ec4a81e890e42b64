// Which changes wake the kubelet, and for which key.

import { of, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { EventBody } from '../../../core/events.ts';
import { imageCatalog, kubelet } from '../../../controllers/kubelet/index.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { change, node, pod, stateWith } from './builders.ts';

const controller = kubelet(imageCatalog());

function keysFor(state: ClusterState, body: EventBody): string[] {
  let keys: string[] = [];
  controller
    .watch(of(change(state, body)))
    .pipe(toArray())
    .subscribe((all) => {
      keys = all;
    });
  return keys;
}

describe('kubelet watch', () => {
  it('wakes a pod when it is bound', () => {
    const state = stateWith([node()], [pod('web-abcde')]);
    expect(
      keysFor(state, { type: 'pod/bound', namespace: 'default', name: 'web-abcde', nodeName: 'node-1' }),
    ).toEqual(['pod:default/web-abcde']);
  });

  it('wakes a pod created already bound to a node', () => {
    expect(
      keysFor(stateWith([node()]), { type: 'pod/created', object: pod('web-abcde', { nodeName: 'node-1' }) }),
    ).toEqual(['pod:default/web-abcde']);
  });

  it('ignores a pod created without a node', () => {
    expect(keysFor(stateWith([node()]), { type: 'pod/created', object: pod('web-abcde') })).toEqual([]);
  });

  it('wakes a bound pod when its deletion is requested', () => {
    const state = stateWith([node()], [pod('web-abcde', { nodeName: 'node-1' })]);
    expect(
      keysFor(state, {
        type: 'pod/deletionRequested',
        namespace: 'default',
        name: 'web-abcde',
        gracePeriodSeconds: 30,
      }),
    ).toEqual(['pod:default/web-abcde']);
  });

  it('ignores the deletion of a pod no node holds', () => {
    const state = stateWith([node()], [pod('web-abcde')]);
    expect(
      keysFor(state, {
        type: 'pod/deletionRequested',
        namespace: 'default',
        name: 'web-abcde',
        gracePeriodSeconds: 30,
      }),
    ).toEqual([]);
  });

  it('does not listen to pod status reports, its own included', () => {
    const state = stateWith([node()], [pod('web-abcde', { nodeName: 'node-1' })]);
    expect(
      keysFor(state, {
        type: 'pod/statusUpdated',
        namespace: 'default',
        name: 'web-abcde',
        status: { phase: 'Running' },
      }),
    ).toEqual([]);
  });

  it('wakes a node when it joins, with the pods bound to it before it did', () => {
    const state = stateWith([], [pod('web-abcde', { nodeName: 'node-1' })]);
    expect(keysFor(state, { type: 'node/joined', object: node() })).toEqual([
      'node:node-1',
      'pod:default/web-abcde',
    ]);
  });
});

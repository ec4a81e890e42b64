// The count of placed pods by priority that lets preemption skip reading every node's pods when
// no placed pod has a lower priority than the preemptor.

import { describe, expect, it } from 'vitest';
import { PlacedPriorities } from '../../../controllers/scheduler/placed-priorities.ts';
import type { EventBody } from '../../../core/events.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { change } from '../../support/reduce-events.ts';
import { makeNode, makePod, stateOf } from './builders.ts';

function note(placed: PlacedPriorities, state: ClusterState, body: EventBody): ClusterState {
  const next = change(state, body);
  placed.noteChange(next);
  return next.after;
}

describe('PlacedPriorities', () => {
  it('counts the placed pods of the starting state, not the waiting ones', () => {
    const placed = PlacedPriorities.of(stateOf([makeNode('n1')], [makePod('low', { priority: 5, nodeName: 'n1' }), makePod('waiting', { priority: -10 })]));
    expect(placed.hasBelow(5)).toBe(false);
    expect(placed.hasBelow(6)).toBe(true);
  });

  it('follows bindings, completions and deletions', () => {
    const placed = new PlacedPriorities();
    let state = stateOf([makeNode('n1')], [makePod('a', { priority: 1 })]);
    expect(placed.hasBelow(100)).toBe(false);
    state = note(placed, state, { type: 'pod/bound', namespace: 'default', name: 'a', nodeName: 'n1' });
    expect(placed.hasBelow(100)).toBe(true);
    state = note(placed, state, { type: 'pod/statusUpdated', namespace: 'default', name: 'a', status: { phase: 'Succeeded' } });
    expect(placed.hasBelow(100)).toBe(false);
    state = note(placed, state, { type: 'pod/created', object: makePod('b', { priority: 1, nodeName: 'n1' }) });
    expect(placed.hasBelow(100)).toBe(true);
    note(placed, state, { type: 'pod/deleted', namespace: 'default', name: 'b' });
    expect(placed.hasBelow(100)).toBe(false);
  });
});

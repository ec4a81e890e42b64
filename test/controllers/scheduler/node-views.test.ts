// The order the scheduler searches nodes in: names sorted within a zone, zones taken in turn.

import { describe, expect, it } from 'vitest';
import { createNodeSnapshotCache, zoneKey } from '../../../controllers/scheduler/node-views.ts';
import { makeNode, stateOf, viewsOf } from './builders.ts';

const zone = (name: string) => ({ labels: { 'topology.kubernetes.io/zone': name } });

describe('node search order', () => {
  it('sorts nodes by name when they have no zone', () => {
    const state = stateOf([makeNode('c'), makeNode('a'), makeNode('b')]);
    expect(viewsOf(state).map((view) => view.name)).toEqual(['a', 'b', 'c']);
  });

  it('takes one node from each zone in turn, as upstream node tree lists them', () => {
    const nodes = [
      makeNode('a1', zone('a')),
      makeNode('a2', zone('a')),
      makeNode('a3', zone('a')),
      makeNode('b1', zone('b')),
      makeNode('c1', zone('c')),
      makeNode('c2', zone('c')),
    ];
    expect(viewsOf(stateOf(nodes)).map((view) => view.name)).toEqual(['a1', 'b1', 'c1', 'a2', 'c2', 'a3']);
  });

  it('keys zones by region and zone, falling back to the beta labels', () => {
    expect(zoneKey({ 'topology.kubernetes.io/region': 'r', 'topology.kubernetes.io/zone': 'z' })).toBe(
      'r:\u0000:z',
    );
    expect(zoneKey({ 'failure-domain.beta.kubernetes.io/zone': 'z' })).toBe(':\u0000:z');
    expect(zoneKey({})).toBe('');
  });

  it('reuses the views while the nodes are unchanged and rebuilds them after a change', () => {
    const cache = createNodeSnapshotCache();
    const state = stateOf([makeNode('a')]);
    const first = cache(state);
    expect(cache({ ...state, rev: state.rev + 1 })).toBe(first);
    expect(cache(stateOf([makeNode('a'), makeNode('b')])).list.map((view) => view.name)).toEqual(['a', 'b']);
  });
});

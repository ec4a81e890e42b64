// How many feasible nodes a cycle looks for (upstream's TestNumFeasibleNodesToFind figures) and
// the search from a rotating start.

import { describe, expect, it } from 'vitest';
import {
  findNodesThatPassFilters,
  numFeasibleNodesToFind,
} from '../../../controllers/scheduler/feasible-nodes.ts';
import { cycleOf, makeNode, makePod, stateOf, viewsOf } from './builders.ts';

describe('numFeasibleNodesToFind', () => {
  it('looks at every node below 100 nodes', () => {
    expect(numFeasibleNodesToFind(0, 10)).toBe(10);
    expect(numFeasibleNodesToFind(0, 50)).toBe(50);
    expect(numFeasibleNodesToFind(40, 10)).toBe(10);
  });

  it('never looks for fewer than 100 nodes from 100 nodes on', () => {
    expect(numFeasibleNodesToFind(0, 100)).toBe(100);
    expect(numFeasibleNodesToFind(10, 500)).toBe(100);
  });

  it('uses the adaptive percentage, 50 minus one per 125 nodes', () => {
    expect(numFeasibleNodesToFind(0, 1000)).toBe(420);
    expect(numFeasibleNodesToFind(0, 5000)).toBe(500);
  });

  it('does not let the adaptive percentage fall below 5', () => {
    expect(numFeasibleNodesToFind(0, 6000)).toBe(300);
    expect(numFeasibleNodesToFind(0, 20000)).toBe(1000);
  });

  it('uses a configured percentage as given', () => {
    expect(numFeasibleNodesToFind(40, 1000)).toBe(400);
    expect(numFeasibleNodesToFind(40, 6000)).toBe(2400);
  });
});

describe('findNodesThatPassFilters', () => {
  const nodes = ['n0', 'n1', 'n2', 'n3', 'n4'].map((name) =>
    makeNode(name, name === 'n3' ? { unschedulable: true } : {}),
  );
  const state = stateOf(nodes);
  const views = viewsOf(state);
  const cycle = cycleOf(makePod('p'), state);

  it('starts at the start index and wraps round the list', () => {
    const outcome = findNodesThatPassFilters(cycle, views, 4, 5);
    expect(outcome.feasible.map((view) => view.name)).toEqual(['n4', 'n0', 'n1', 'n2']);
  });

  it('stops once enough nodes fit', () => {
    const outcome = findNodesThatPassFilters(cycle, views, 1, 2);
    expect(outcome.feasible.map((view) => view.name)).toEqual(['n1', 'n2']);
    expect(outcome.rejected).toBe(0);
  });

  it('counts the nodes it rejected on the way, with their reasons', () => {
    const outcome = findNodesThatPassFilters(cycle, views, 2, 2);
    expect(outcome.feasible.map((view) => view.name)).toEqual(['n2', 'n4']);
    expect(outcome.rejected).toBe(1);
    expect([...outcome.reasons]).toEqual([['node(s) were unschedulable', 1]]);
  });
});

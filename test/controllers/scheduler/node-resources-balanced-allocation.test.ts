// NodeResourcesBalancedAllocation against the figures in upstream's
// pkg/scheduler/framework/plugins/noderesources/balanced_allocation_test.go (the standard
// deviation version), where nodes are given in millicores and bytes.

import { describe, expect, it } from 'vitest';
import {
  balancedAllocationApplies,
  balancedAllocationScore,
} from '../../../controllers/scheduler/plugins/node-resources-balanced-allocation.ts';
import type { Pod } from '../../../core/objects.ts';
import { infoOf, makeNode, makePod, stateOf, usageOn, viewsOf } from './builders.ts';

const cpuAndMemory = [
  { cpu: '1000m', memory: '2000' },
  { cpu: '2000m', memory: '3000' },
];
const cpuOnly = [
  { cpu: '1000m', memory: '0' },
  { cpu: '2000m', memory: '0' },
];

function node(name: string, milliCpu: number, memory: number) {
  return makeNode(name, { cpu: `${milliCpu}m`, memory: String(memory) });
}

function balanced(pod: Pod, nodes: ReturnType<typeof node>[], existing: Pod[] = []): number[] {
  const state = stateOf(nodes, existing);
  const info = infoOf(pod, state);
  return viewsOf(state).map((view) => balancedAllocationScore(info, view, usageOn(state, view.name)));
}

const existing = () => [
  makePod('a', { nodeName: 'node1', requests: cpuOnly }),
  makePod('b', { nodeName: 'node2', requests: cpuAndMemory }),
];

describe('BalancedAllocation score (upstream balanced_allocation_test.go)', () => {
  it('nothing scheduled, resources requested, differently sized nodes: 87 and 100', () => {
    const pod = makePod('p', { requests: cpuAndMemory });
    expect(balanced(pod, [node('node1', 4000, 10000), node('node2', 6000, 10000)])).toEqual([87, 100]);
  });

  it('resources requested, pods scheduled with resources: 82 and 95', () => {
    const pod = makePod('p', { requests: cpuAndMemory });
    const nodes = [node('node1', 10000, 20000), node('node2', 10000, 20000)];
    expect(balanced(pod, nodes, existing())).toEqual([82, 95]);
  });

  it('resources requested, pods scheduled with resources, differently sized nodes: 82 and 80', () => {
    const pod = makePod('p', { requests: cpuAndMemory });
    const nodes = [node('node1', 10000, 20000), node('node2', 10000, 50000)];
    expect(balanced(pod, nodes, existing())).toEqual([82, 80]);
  });

  it('requested resources at node capacity: 50 and 75', () => {
    const pod = makePod('p', { requests: cpuOnly });
    const nodes = [node('node1', 6000, 10000), node('node2', 6000, 10000)];
    expect(balanced(pod, nodes, existing())).toEqual([50, 75]);
  });

  it('caps a share above the whole node at 1', () => {
    // cpu 8000/4000 counts as 1, memory 0: deviation 0.5.
    const pod = makePod('p', { requests: [{ cpu: '8000m', memory: '0' }] });
    expect(balanced(pod, [node('node1', 4000, 10000)])).toEqual([50]);
  });

  it('leaves out a resource the node does not have', () => {
    const pod = makePod('p', { requests: cpuAndMemory });
    expect(balanced(pod, [node('node1', 4000, 0)])).toEqual([100]);
  });
});

describe('BalancedAllocation PreScore', () => {
  it('skips a best-effort pod, as upstream does since issue 129138', () => {
    expect(balancedAllocationApplies(infoOf(makePod('p')))).toBe(false);
  });

  it('scores a pod that requests only cpu', () => {
    expect(balancedAllocationApplies(infoOf(makePod('p', { requests: [{ cpu: '100m' }] })))).toBe(true);
  });
});

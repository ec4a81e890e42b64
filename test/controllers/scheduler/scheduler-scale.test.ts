// Scheduling 30,000 pods on 1,000 nodes through the controller, folding each binding back in
// through the real reducer, as the engine would. This guards the per-cycle cost: the search stops
// at 420 feasible nodes, reads each node's usage from the index once and parses nothing.

import { describe, expect, it } from 'vitest';
import type { ClusterState } from '../../../reducers/state.ts';
import { apply, makeNode, makePod, stateOf } from './builders.ts';
import { SchedulerHarness } from './harness.ts';

const NODES = 1000;
const PODS = 30_000;

describe('scheduler at scale', () => {
  it('binds 30,000 pods across 1,000 nodes, spread within two pods of each other', () => {
    const nodes = Array.from({ length: NODES }, (_, index) =>
      makeNode(`node-${String(index).padStart(4, '0')}`, {
        cpu: '32',
        memory: '128Gi',
        labels: { 'topology.kubernetes.io/zone': `zone-${index % 3}` },
      }),
    );
    let state: ClusterState = stateOf(nodes);
    for (let index = 0; index < PODS; index++) {
      state = apply(state, {
        type: 'pod/created',
        object: makePod(`p-${index}`, { requests: [{ cpu: '500m', memory: '1Gi' }] }),
      });
    }
    // Every pod waits when the scheduler starts, so its queue holds all of them at once.
    const harness = new SchedulerHarness(state);
    const bound = harness.run().filter((command) => command.type === 'bindPod').length;
    state = harness.state;
    const perNode = [...state.indexes.nodeUsage.values()].map((usage) => usage.pods);
    expect(bound).toBe(PODS);
    expect(perNode).toHaveLength(NODES);
    expect(Math.max(...perNode) - Math.min(...perNode)).toBeLessThanOrEqual(2);
  });
});

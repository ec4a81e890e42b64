// Scheduling 30,000 pods on 1,000 nodes through the controller, folding each binding back in
// through the real reducer, as the engine would. This guards the per-cycle cost: the search stops
// at 420 feasible nodes, reads each node's usage from the index once and parses nothing.

import { describe, expect, it } from 'vitest';
import { scheduler } from '../../../controllers/scheduler/index.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { apply, makeNode, makePod, stateOf, testRng } from './builders.ts';

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
    const controller = scheduler();
    const rng = testRng();
    let bound = 0;
    for (let index = 0; index < PODS; index++) {
      for (const effect of controller.reconcile(`default/p-${index}`, { state, nowMs: 0, rng })) {
        if (effect.kind !== 'submit' || effect.command.type !== 'bindPod') continue;
        state = apply(state, {
          type: 'pod/bound',
          namespace: 'default',
          name: `p-${index}`,
          nodeName: effect.command.nodeName,
        });
        bound++;
      }
    }
    const perNode = [...state.indexes.nodeUsage.values()].map((usage) => usage.pods);
    expect(bound).toBe(PODS);
    expect(perNode).toHaveLength(NODES);
    expect(Math.max(...perNode) - Math.min(...perNode)).toBeLessThanOrEqual(2);
  });
});

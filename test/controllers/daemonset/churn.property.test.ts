// A DaemonSet (nodeSelector disk=ssd, RollingUpdate with maxUnavailable 1) while nodes come,
// change labels and cordon, and its template changes, at random moments: without surge a node
// never runs two live pods, and the DaemonSet settles on one ready pod of the last template on
// exactly the nodes labelled ssd, its status saying so.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPodActive } from '../../../controllers/common/pod-state.ts';
import { checkInvariants } from '../../../reducers/invariants.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import type { ClusterHarness } from '../../support/cluster-harness.ts';
import { agent, agentPods, daemonCluster, imageOf, MINUTE_MS, nodeManifest, readyNodes, statusCounts, watchChanges } from './cluster.ts';

type Step =
  | { readonly kind: 'add'; readonly ssd: boolean }
  | { readonly kind: 'label'; readonly node: number; readonly ssd: boolean }
  | { readonly kind: 'cordon'; readonly node: number }
  | { readonly kind: 'image' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), ssd: fc.boolean() }),
  fc.record({ kind: fc.constant('label' as const), node: fc.integer({ min: 0, max: 5 }), ssd: fc.boolean() }),
  fc.record({ kind: fc.constant('cordon' as const), node: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant('image' as const) }),
);

const churn = fc.array(fc.record({ afterMs: fc.integer({ min: 0, max: 6 }).map((n) => n * 1500), step }), { minLength: 1, maxLength: 8 });

interface World {
  readonly cluster: ClusterHarness;
  readonly ssd: Map<string, boolean>;
  image: number;
}

function node(world: World, index: number): string | undefined {
  return [...world.ssd.keys()][index % Math.max(1, world.ssd.size)];
}

function act(world: World, next: Step): void {
  const { cluster, ssd } = world;
  const labels = (on: boolean) => (on ? { labels: { disk: 'ssd' } } : {});
  switch (next.kind) {
    case 'add': {
      const name = `node-${ssd.size}`;
      ssd.set(name, next.ssd);
      cluster.apply(nodeManifest(name, labels(next.ssd)));
      return;
    }
    case 'label': {
      const name = node(world, next.node);
      if (name === undefined) return;
      ssd.set(name, next.ssd);
      cluster.apply(nodeManifest(name, labels(next.ssd)));
      return;
    }
    case 'cordon': {
      const name = node(world, next.node);
      if (name !== undefined) cluster.run({ type: 'setUnschedulable', actor: 'user', name, unschedulable: true });
      return;
    }
    case 'image':
      world.image++;
      cluster.apply(agent({ image: `agent:${world.image}`, nodeSelector: { disk: 'ssd' } }));
  }
}

function doubled(state: ClusterState): string[] {
  const nodes = agentPods(state)
    .filter(isPodActive)
    .map((pod) => pod.spec.nodeName ?? '');
  return nodes.filter((name, index) => name !== '' && nodes.indexOf(name) !== index);
}

describe('a DaemonSet among changing nodes', () => {
  it('never runs two live pods on a node, and settles on one ready pod of the last template per ssd node', () => {
    fc.assert(
      fc.property(churn, (steps) => {
        const world: World = { cluster: daemonCluster({ default: { startMs: 1000, readyMs: 1000 } }), ssd: new Map([['node-0', true]]), image: 1 };
        world.cluster.apply(nodeManifest('node-0', { labels: { disk: 'ssd' } }));
        const changes = watchChanges(world.cluster, () => {
          world.cluster.apply(agent({ nodeSelector: { disk: 'ssd' } }));
          for (const { afterMs, step: next } of steps) {
            world.cluster.advance(afterMs);
            act(world, next);
          }
        }, 2 * MINUTE_MS);
        const state = world.cluster.state;
        expect(checkInvariants(state)).toEqual([]);
        const expected = [...world.ssd].filter(([, on]) => on).map(([name]) => name).sort();
        const count = expected.length;
        expect(changes.flatMap(({ event, after }) => doubled(after).map((name) => `rev ${event.rev}: ${name}`)).slice(0, 3)).toEqual([]);
        expect([readyNodes(state), [...new Set(agentPods(state).filter(isPodActive).map(imageOf))], statusCounts(state)]).toEqual([
          expected,
          count === 0 ? [] : [`agent:${world.image}`],
          { desired: count, current: count, ready: count, updated: count === 0 ? undefined : count, available: count === 0 ? undefined : count, misscheduled: 0 },
        ]);
      }),
      { numRuns: 20 },
    );
  });
});

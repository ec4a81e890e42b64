// StatefulSets scaled up and down at random moments in a whole cluster: whatever the sequence,
// an OrderedReady set creates a pod only once every lower ordinal is Running and Ready, no two
// pods ever share an ordinal, and the set settles on exactly spec.replicas ready pods named
// web-0 .. web-(n-1), its status saying so.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POD_INDEX_LABEL } from '../../../controllers/statefulset/identity.ts';
import { checkInvariants } from '../../../reducers/invariants.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { changesSince, isRunningAndReady, MINUTE_MS, podNames, statefulCluster, web, webPods, webSet } from './cluster.ts';

interface ScaleCase {
  readonly parallel: boolean;
  readonly scales: readonly { readonly afterMs: number; readonly replicas: number }[];
}

const scaleCase: fc.Arbitrary<ScaleCase> = fc.record({
  parallel: fc.boolean(),
  scales: fc.array(fc.record({ afterMs: fc.integer({ min: 0, max: 8 }).map((n) => n * 2500), replicas: fc.integer({ min: 0, max: 4 }) }), { minLength: 1, maxLength: 4 }),
});

function ordinals(state: ClusterState): string[] {
  return webPods(state).map((pod) => pod.metadata.labels?.[POD_INDEX_LABEL] ?? '?');
}

/** The problems of one run: order broken, an ordinal doubled. */
function run(spec: ScaleCase): { readonly problems: string[]; readonly state: ClusterState; readonly replicas: number } {
  const cluster = statefulCluster();
  const start = cluster.state;
  const from = cluster.events.length;
  cluster.apply(web({ replicas: 1, podManagementPolicy: spec.parallel ? 'Parallel' : 'OrderedReady' }));
  let replicas = 1;
  for (const scale of spec.scales) {
    cluster.advance(scale.afterMs);
    cluster.run({ type: 'scale', actor: 'user', kind: 'StatefulSet', namespace: 'default', name: 'web', replicas: scale.replicas });
    replicas = scale.replicas;
  }
  cluster.advance(2 * MINUTE_MS);
  const problems: string[] = [];
  for (const { event, before, after } of changesSince(cluster, start, from)) {
    if (new Set(ordinals(after)).size !== ordinals(after).length) problems.push(`rev ${event.rev}: two pods share an ordinal`);
    if (spec.parallel || event.type !== 'pod/created') continue;
    const ordinal = Number(event.object.metadata.name.slice('web-'.length));
    for (let lower = 0; lower < ordinal; lower++) {
      if (!isRunningAndReady(before.pods.get(`default/web-${lower}`))) problems.push(`rev ${event.rev}: web-${ordinal} created before web-${lower} was ready`);
    }
  }
  return { problems, state: cluster.state, replicas };
}

describe('StatefulSets scaled at random', () => {
  it('keep the order, never double an ordinal, and settle on spec.replicas ready pods', () => {
    fc.assert(
      fc.property(scaleCase, (spec) => {
        const { problems, state, replicas } = run(spec);
        const status = webSet(state).status;
        expect(checkInvariants(state)).toEqual([]);
        expect(problems.slice(0, 3)).toEqual([]);
        expect([podNames(state), status.replicas, status.readyReplicas ?? 0]).toEqual([
          Array.from({ length: replicas }, (_, ordinal) => `web-${ordinal}`),
          replicas,
          replicas,
        ]);
      }),
      { numRuns: 20 },
    );
  });
});

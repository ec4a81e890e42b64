// A diff says everything that changed: for random runs and random revisions a < b, applying the
// diff of the states at a and b to the objects at a gives the objects at b, field for field and
// list items in order. fast-check prints the seed and the shrunk scenario of any failure.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomScenario } from '../../scenarios/arbitraries.ts';
import { rollingUpdateCase, rollingUpdateScenario } from '../../scenarios/workload-arbitraries.ts';
import { simulate } from '../../scenarios/simulate.ts';
import { applyDiff, clusterObjects, diffStates, type ObjectMap } from '../../replay/state-diff.ts';
import { clusterTimeline } from '../../replay/timeline.ts';
import type { Scenario } from '../../scenarios/codecs.ts';

const RUNS = 25;
const seed = fc.integer({ min: 0, max: 2 ** 31 });
/** Two points of a run as fractions of its length, so they fit any log. */
const point = fc.noBias(fc.integer({ min: 0, max: 1000 })).map((permille) => permille / 1000);
const twoPoints = fc.tuple(point, point);

/** The objects as plain JSON, in map order, so a field holding undefined and an absent one compare alike. */
function asJson(objects: ObjectMap): unknown {
  return JSON.parse(JSON.stringify([...objects]));
}

function checkPairs(scenario: Scenario, runSeed: number, points: readonly [number, number]): void {
  const { events } = simulate(scenario, { seed: runSeed });
  const timeline = clusterTimeline(events, 50);
  const [first, second] = points.map((point) => Math.floor(point * events.length)).sort((x, y) => x - y) as [number, number];
  const before = timeline.stateAt({ rev: first });
  const after = timeline.stateAt({ rev: second });
  const diff = diffStates(before, after);
  expect(asJson(applyDiff(clusterObjects(before), diff))).toEqual(asJson(clusterObjects(after)));
}

describe('diffStates over random runs', () => {
  it('applying the diff of (a, b) to the objects at a gives the objects at b', () => {
    fc.assert(
      fc.property(randomScenario(), seed, twoPoints, (scenario, runSeed, points) => checkPairs(scenario, runSeed, points)),
      { numRuns: RUNS },
    );
  });

  it('holds through rolling updates, whose Deployments, ReplicaSets and pods change the most', () => {
    fc.assert(
      fc.property(rollingUpdateCase, seed, twoPoints, (spec, runSeed, points) => checkPairs(rollingUpdateScenario(spec), runSeed, points)),
      { numRuns: 10 },
    );
  });
});

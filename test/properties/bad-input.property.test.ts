// Bad input never crashes a run: manifests with arbitrary values in every field the controllers
// read are refused by admission (recorded as request/rejected) or stored in a shape the
// controllers can handle.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../reducers/invariants.ts';
import { simulate } from '../../scenarios/simulate.ts';
import { manifestsArbitrary, scenarioOf } from './bad-input.generators.ts';

describe('bad input', () => {
  it('never crashes a run, which reaches its end with a sound state', () => {
    fc.assert(
      fc.property(manifestsArbitrary, fc.integer({ min: 0, max: 99 }), (manifests, seed) => {
        const result = simulate(scenarioOf(manifests), { seed, keepEvents: false });
        expect(result.endMs).toBe(60_000);
        expect(checkInvariants(result.state, { deep: true })).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

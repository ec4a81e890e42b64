// Bad input of every kind never crashes a run: sound manifests of each kind ksim acts on, broken in
// one to three places (metadata fields of the wrong type or value; any field of the kind, drawn
// from its schema, given an odd value of its type, a value of another type, or removed), applied
// and patched over a minute. Every request is refused or stored in a shape the controllers handle;
// the run reaches its end with the invariants intact.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../reducers/invariants.ts';
import { simulate } from '../../scenarios/simulate.ts';
import { brokenManifest, brokenPatch, metadataFieldsIn, oddValueOfMeta, stepsOf } from './bad-input.kinds.ts';
import { ObjectMeta } from '../../kinds/schema/meta.ts';

const RUNS = Number(process.env.KSIM_BAD_INPUT_RUNS ?? 200);

describe('bad input of every kind', () => {
  it('breaks every metadata field, and says so when one has no odd values', () => {
    const fields = new Set(fc.sample(oddValueOfMeta(), { numRuns: 2_000, seed: 1 }).map(({ path }) => path[1]));
    expect([...fields].sort()).toEqual(Object.keys(ObjectMeta.fields).sort());
    expect(() => metadataFieldsIn({ name: 'x' })).toThrow(/no odd values for metadata\.generateName, metadata\.namespace/);
  });

  it('never crashes a run, which reaches its end with a sound state', () => {
    fc.assert(
      fc.property(fc.array(brokenManifest, { minLength: 1, maxLength: 5 }), fc.array(brokenPatch, { maxLength: 3 }), fc.integer({ min: 0, max: 99 }), (manifests, patches, seed) => {
        const scenario = {
          name: 'bad-input-kinds',
          until: 60_000,
          nodes: [{ name: 'n1', capacity: { cpu: '4', memory: '8Gi' } }],
          steps: stepsOf(manifests, patches),
        };
        const result = simulate(scenario, { seed, keepEvents: false });
        expect(result.endMs).toBe(60_000);
        expect(checkInvariants(result.state, { deep: true })).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

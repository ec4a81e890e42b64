// Properties over random small clusters and random sequences of apply, scale, delete and cordon.
// fast-check prints the seed and the shrunk scenario of any failure, so it can be replayed.

import { kindTable } from '../../reducers/lookup.ts';
import type { ReplicaSet } from '../../core/objects.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isLeft } from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldEvents } from '../../reducers/index.ts';
import { checkInvariants } from '../../reducers/invariants.ts';
import { formatEventLine, LogWriter, logHeader } from '../../replay/log-file.ts';
import { readLogFile } from '../../replay/log-read.ts';
import { randomScenario } from '../../scenarios/arbitraries.ts';
import { simulate } from '../../scenarios/simulate.ts';
import { stateSnapshot } from '../support/state-snapshot.ts';

const RUNS = 30;
const seed = fc.integer({ min: 0, max: 2 ** 31 });

describe('properties of random runs', () => {
  it('the same scenario and seed give a byte-identical log', () => {
    fc.assert(
      fc.property(randomScenario(), seed, (scenario, runSeed) => {
        const first = simulate(scenario, { seed: runSeed }).events.map(formatEventLine).join('\n');
        const second = simulate(scenario, { seed: runSeed }).events.map(formatEventLine).join('\n');
        expect(second).toBe(first);
      }),
      { numRuns: RUNS },
    );
  });

  it('folding the log read back from disk gives the live run its final state', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ksim-prop-'));
    try {
      fc.assert(
        fc.property(randomScenario(), seed, (scenario, runSeed) => {
          const path = join(dir, 'run.ndjson');
          const writer = LogWriter.open(path, logHeader(runSeed, scenario as unknown as Record<string, unknown>));
          const live = simulate(scenario, { seed: runSeed, onEvent: (event) => writer.append(event) });
          writer.close({ endTimeMs: live.endMs });
          const read = readLogFile(path);
          if (isLeft(read)) throw new Error(read.left);
          expect(read.right.ending).toMatchObject({ complete: true, trailer: { endTime: live.endMs, events: live.state.rev } });
          expect(stateSnapshot(foldEvents(read.right.events))).toEqual(stateSnapshot(live.state));
        }),
        { numRuns: RUNS },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('at every revision no node is overcommitted by the pods it runs or was given by the scheduler, and the indexes are true', () => {
    fc.assert(
      fc.property(randomScenario(), seed, (scenario, runSeed) => {
        const broken: string[] = [];
        simulate(scenario, {
          seed: runSeed,
          keepEvents: false,
          onEvent: (event, state) => {
            for (const problem of checkInvariants(state, { deep: true })) broken.push(`rev ${event.rev} (${event.type}): ${problem}`);
          },
        });
        expect(broken).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('with room enough, each ReplicaSet ends with spec.replicas ready pods', () => {
    fc.assert(
      fc.property(randomScenario({ roomEnough: true }), seed, (scenario, runSeed) => {
        const { state } = simulate(scenario, { seed: runSeed, keepEvents: false });
        for (const replicaSet of kindTable<ReplicaSet>(state, 'ReplicaSet').sortedValues()) {
          expect({ name: replicaSet.metadata.name, ready: replicaSet.status.readyReplicas ?? 0 }).toEqual({
            name: replicaSet.metadata.name,
            ready: replicaSet.spec.replicas,
          });
        }
      }),
      { numRuns: RUNS },
    );
  });
});

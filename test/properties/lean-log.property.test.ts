// The lean log against the whole one: every random run is made twice, once as ksim writes it
// (status events carry a patch) and once with every status event carrying the whole status the
// kubelet or controller wrote. The two runs must be the same history: the same events in the same
// order, each status the same text after its event, and the same final state; and the lean log
// read back from disk folds into the state the engine ended in.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isLeft } from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { KsimEvent } from '../../core/events.ts';
import { keyOf, objectKey } from '../../core/objects.ts';
import { foldEvents } from '../../reducers/index.ts';
import { lookupObject } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { LogWriter, logHeader } from '../../replay/log-file.ts';
import { readLogFile } from '../../replay/log-read.ts';
import { randomScenario } from '../../scenarios/arbitraries.ts';
import type { Scenario } from '../../scenarios/codecs.ts';
import { schedulingConstraintsScenario } from '../../scenarios/scheduling-arbitraries.ts';
import { simulate } from '../../scenarios/simulate.ts';
import { jobCase, jobScenario, rollingUpdateCase, rollingUpdateScenario } from '../../scenarios/workload-arbitraries.ts';
import { stateSnapshot } from '../support/state-snapshot.ts';

/** When set, admission writes every status whole, as ksim did before status patches. */
const mode = vi.hoisted(() => ({ wholeStatuses: false }));

vi.mock('../../core/status-patch.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../core/status-patch.ts')>();
  const statusChange: typeof real.statusChange = (before, after, listKeys) => (mode.wholeStatuses ? { status: after } : real.statusChange(before, after, listKeys));
  return { ...real, statusChange };
});

const RUNS = 12;
const seed = fc.integer({ min: 0, max: 2 ** 31 });

/** The status an event left its object with, as JSON text (field order counts). */
function statusText(event: KsimEvent, state: ClusterState): string | undefined {
  switch (event.type) {
    case 'pod/statusUpdated':
      return JSON.stringify(state.pods.get(objectKey(event.namespace, event.name))?.status);
    case 'node/statusReported':
      return JSON.stringify(state.nodes.get(event.name)?.status);
    case 'object/statusUpdated':
      return JSON.stringify(lookupObject(state, event.kind, event.namespace, event.name)?.status);
    default:
      return undefined;
  }
}

/** An event without its status payload: what both runs must agree on. */
function withoutStatus(event: KsimEvent): string {
  const { status: _status, patch: _patch, ...rest } = event as KsimEvent & { status?: unknown; patch?: unknown };
  return JSON.stringify(rest);
}

interface Run {
  readonly events: readonly string[];
  readonly statuses: readonly string[];
  readonly patches: number;
  readonly state: ClusterState;
}

function run(scenario: Scenario, runSeed: number, wholeStatuses: boolean, logPath?: string): Run {
  mode.wholeStatuses = wholeStatuses;
  const writer = logPath === undefined ? undefined : LogWriter.open(logPath, logHeader(runSeed, scenario as unknown as Record<string, unknown>));
  const events: string[] = [];
  const statuses: string[] = [];
  let patches = 0;
  try {
    const result = simulate(scenario, {
      seed: runSeed,
      keepEvents: false,
      onEvent: (event, state) => {
        writer?.append(event);
        events.push(withoutStatus(event));
        const text = statusText(event, state);
        if (text !== undefined) statuses.push(text);
        if ('patch' in event) patches++;
      },
    });
    return { events, statuses, patches, state: result.state };
  } finally {
    writer?.close();
    mode.wholeStatuses = false;
  }
}

/** Every pod, node and object as JSON text, in key order: equal only if equal field for field, in order. */
function objectsText(state: ClusterState): string {
  const objects = state.objects.sortedKeys().map((kind) => state.objects.get(kind)?.sortedValues().map((object) => [keyOf(object), object]));
  return JSON.stringify([state.pods.sortedValues(), state.nodes.sortedValues(), objects]);
}

function sameHistory(scenario: Scenario, runSeed: number, dir: string): void {
  const logPath = join(dir, 'lean.ndjson');
  const whole = run(scenario, runSeed, true);
  const lean = run(scenario, runSeed, false, logPath);
  expect(lean.events).toEqual(whole.events);
  expect(lean.statuses).toEqual(whole.statuses);
  expect(objectsText(lean.state)).toBe(objectsText(whole.state));
  expect(whole.patches).toBe(0);
  if (lean.statuses.length > 0) expect(lean.patches).toBeGreaterThan(0);
  const read = readLogFile(logPath);
  if (isLeft(read)) throw new Error(read.left);
  const folded = foldEvents(read.right.events);
  expect(objectsText(folded)).toBe(objectsText(whole.state));
  expect(stateSnapshot(folded)).toEqual(stateSnapshot(whole.state));
}

describe('a lean log tells the same history as whole statuses', () => {
  const scenarios: [string, fc.Arbitrary<Scenario>][] = [
    ['random clusters', randomScenario()],
    ['rolling updates', rollingUpdateCase.map(rollingUpdateScenario)],
    ['jobs', jobCase.map(jobScenario)],
    ['scheduling constraints and preemption', schedulingConstraintsScenario()],
  ];
  for (const [name, scenario] of scenarios) {
    it(`for ${name}`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'ksim-lean-'));
      try {
        fc.assert(
          fc.property(scenario, seed, (chosen, runSeed) => sameHistory(chosen, runSeed, dir)),
          { numRuns: RUNS },
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

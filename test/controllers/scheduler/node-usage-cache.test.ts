// The scheduler's usage cache must always agree with the usage index it reads ahead: checked at
// every revision of real runs, and for states it was never shown the changes of.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeUsageCache, readUsages } from '../../../controllers/scheduler/node-usage-cache.ts';
import { buildNodeSnapshot, createNodeSnapshotCache } from '../../../controllers/scheduler/node-views.ts';
import { initialState, reduce } from '../../../reducers/index.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { loadScenarioFile } from '../../../scenarios/load.ts';
import { simulate } from '../../../scenarios/simulate.ts';

function scenario(file: string) {
  const loaded = loadScenarioFile(join(import.meta.dirname, '../../../scenarios', file));
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  return loaded.value.scenario;
}

function agreesAtEveryRevision(file: string): number {
  const { events } = simulate(scenario(file));
  const cache = new NodeUsageCache();
  const snapshots = createNodeSnapshotCache();
  let state: ClusterState = initialState();
  let checked = 0;
  for (const event of events) {
    const before = state;
    state = reduce(state, event);
    cache.noteChange({ event, before, after: state });
    // The scheduler's own snapshot cache, so the usage cache sees the same snapshot while nodes stay.
    const snapshot = snapshots(state);
    expect(cache.usagesFor(snapshot, state)).toEqual(readUsages(snapshot, state.indexes.nodeUsage));
    checked++;
  }
  return checked;
}

describe('the node usage cache', () => {
  it.each(['flagship.yaml', 'deployment-rollout.yaml', 'scale-and-heal.yaml'])('agrees with the index at every revision of %s', (file) => {
    expect(agreesAtEveryRevision(file)).toBeGreaterThan(30);
  });

  it('reads a state whole when it missed the changes that led there', () => {
    const { state } = simulate(scenario('flagship.yaml'));
    const cache = new NodeUsageCache();
    const snapshot = buildNodeSnapshot(state.nodes, state.indexes.nodeAllocatable);
    expect(cache.usagesFor(snapshot, state)).toEqual(readUsages(snapshot, state.indexes.nodeUsage));
  });
});

// The traffic example end to end: the events a traffic step writes, their counts, and that the
// same seed gives the same draws.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventOf, KsimEvent } from '../../core/events.ts';
import { loadScenarioFile } from '../../scenarios/load.ts';
import { simulate } from '../../scenarios/simulate.ts';
import { parseRate, parseSource } from '../../scenarios/traffic-codec.ts';

function scenario() {
  const loaded = loadScenarioFile(join(import.meta.dirname, '..', '..', 'scenarios', 'traffic.yaml'));
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  return loaded.value.scenario;
}

const served = (events: readonly KsimEvent[], flow: string) => events.filter((e): e is EventOf<'traffic/served'> => e.type === 'traffic/served' && e.flow === flow);

describe('the traffic step', () => {
  const result = simulate(scenario());

  it('writes one event a second of the step, each counting every request', () => {
    const inCluster = served(result.events, 'in-cluster');
    expect(inCluster.map((e) => e.time)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14].map((s) => s * 1000));
    for (const event of inCluster) {
      const counted = [...Object.values(event.served), ...Object.values(event.failed)].reduce((a, b) => a + b, 0);
      expect(counted).toBe(event.requests);
    }
  });

  it("fails the deleted pod's share only while its slice still lists it", () => {
    const failedAt = served(result.events, 'in-cluster').filter((e) => Object.keys(e.failed).length > 0).map((e) => [e.time, Object.keys(e.failed)]);
    expect(failedAt).toEqual([[12_000, ['podGone']], [13_000, ['podGone']], [14_000, ['podGone']]]);
  });

  it('meets its expectations, and the same seed draws the same endpoints', () => {
    expect(result.expectations.filter((e) => !e.passed)).toEqual([]);
    const again = simulate(scenario());
    expect(served(again.events, 'in-cluster')).toEqual(served(result.events, 'in-cluster'));
  });

  it('reads sources and rates as the README gives them', () => {
    expect(parseSource('pod/shop/client')).toEqual({ kind: 'pod', namespace: 'shop', name: 'client' });
    expect(parseSource('pods')).toBeUndefined();
    expect(parseRate('30/m')).toBe(0.5);
    expect(parseRate('fast')).toBeUndefined();
  });
});

// One interval's requests of a traffic step: each goes to an endpoint drawn at random from those
// its destination offers (kube-proxy's uniform choice), then succeeds if that endpoint's pod
// answers. The counts, not the requests, are what the log keeps.

import type { TrafficRecord } from '../../core/commands.ts';
import type { Rng } from '../../core/prng.ts';
import { compareStrings } from '../../core/table.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { destinationOf } from './destination.ts';
import { type AppReadyAfter, podFailure } from './endpoint-answer.ts';
import { formatSource, type TrafficFlow } from './flow.ts';
import { vantageOf } from './vantage.ts';

export interface BatchContext {
  readonly state: ClusterState;
  readonly nowMs: number;
  readonly rng: Rng;
  readonly readyAfterMs: AppReadyAfter;
}

function sortedCounts(counts: Map<string, number>): Record<string, number> {
  const sorted: Record<string, number> = {};
  for (const key of [...counts.keys()].sort(compareStrings)) sorted[key] = counts.get(key)!;
  return sorted;
}

function add(counts: Map<string, number>, key: string, by = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

/** The outcome of `requests` requests sent now. */
export function sendBatch(flow: TrafficFlow, requests: number, intervalMs: number, { state, nowMs, rng, readyAfterMs }: BatchContext): TrafficRecord {
  const served = new Map<string, number>();
  const failed = new Map<string, number>();
  const vantage = vantageOf(state, flow.from);
  const destination = vantage === 'sourceGone' ? ({ kind: 'unreachable', reason: 'sourceGone' } as const) : destinationOf(state, vantage, flow.to);
  if (destination.kind === 'unreachable') add(failed, destination.reason, requests);
  else if (destination.kind === 'outside') add(served, destination.host, requests);
  else if (destination.endpoints.length === 0) add(failed, 'noEndpoint', requests);
  else {
    const { endpoints } = destination;
    // The pod behind an endpoint answers or not for the whole interval: one look each.
    const verdicts = endpoints.map((endpoint) => (endpoint.podKey === undefined ? undefined : podFailure(state, endpoint.podKey, nowMs, readyAfterMs)));
    for (let i = 0; i < requests; i++) {
      const pick = rng.int(endpoints.length);
      const failure = verdicts[pick];
      if (failure !== undefined) add(failed, failure);
      else add(served, endpoints[pick]!.podKey ?? `${endpoints[pick]!.address}:${endpoints[pick]!.port}`);
    }
  }
  return { flow: flow.name, from: formatSource(flow.from), to: flow.to, intervalMs, requests, served: sortedCounts(served), failed: sortedCounts(failed) };
}

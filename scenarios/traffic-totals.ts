// What the traffic steps have measured so far, summed over their `traffic/served` events, for
// expectations to check: `{ kind: Traffic, name: web-load, path: failed, equals: 0 }`.

import type { EventOf } from '../core/events.ts';

export interface TrafficTotals {
  readonly requests: number;
  readonly served: number;
  readonly failed: number;
  /** Requests each endpoint served, by "namespace/pod" (or address:port). */
  readonly servedBy: Readonly<Record<string, number>>;
  /** Failed requests by reason: noEndpoint, notAnswering, podTerminating, podGone, unresolved, noRoute, sourceGone. */
  readonly failedBy: Readonly<Record<string, number>>;
}

/** The fields an expectation's path may start with. */
export const TRAFFIC_FIELDS = ['requests', 'served', 'failed', 'servedBy', 'failedBy'] as const;

interface Tally {
  requests: number;
  served: number;
  failed: number;
  readonly servedBy: Record<string, number>;
  readonly failedBy: Record<string, number>;
}

function addInto(into: Record<string, number>, counts: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const [key, count] of Object.entries(counts)) {
    into[key] = (into[key] ?? 0) + count;
    total += count;
  }
  return total;
}

export class TrafficTally {
  private readonly flows = new Map<string, Tally>();

  observe(event: EventOf<'traffic/served'>): void {
    let tally = this.flows.get(event.flow);
    if (tally === undefined) this.flows.set(event.flow, (tally = { requests: 0, served: 0, failed: 0, servedBy: {}, failedBy: {} }));
    tally.requests += event.requests;
    tally.served += addInto(tally.servedBy, event.served);
    tally.failed += addInto(tally.failedBy, event.failed);
  }

  /** The totals of a flow; a flow that has not sent yet has all zeros. */
  totals(flow: string): TrafficTotals {
    const tally = this.flows.get(flow);
    if (tally === undefined) return { requests: 0, served: 0, failed: 0, servedBy: {}, failedBy: {} };
    return { requests: tally.requests, served: tally.served, failed: tally.failed, servedBy: { ...tally.servedBy }, failedBy: { ...tally.failedBy } };
  }
}

// A scenario's traffic step as the load generator runs it: who sends (a pod, a node, or a client
// outside the cluster), to what (a Service or DNS name, a node port, an Ingress host and path),
// how many requests a second, for how long. The scenario decodes the step; this is the plain shape.

export type TrafficSource =
  | { readonly kind: 'external' }
  | { readonly kind: 'node'; readonly name?: string }
  /** A pod by name, or (no name) a client pod in the step's namespace on the first node. */
  | { readonly kind: 'pod'; readonly namespace: string; readonly name?: string };

export interface TrafficFlow {
  /** The step's name: what its events and expectations call it. */
  readonly name: string;
  readonly atMs: number;
  readonly durationMs: number;
  /** Requests per second; a fraction is carried from one interval to the next. */
  readonly perSecond: number;
  readonly from: TrafficSource;
  /** As the step gives it: "web", "web.shop:8080", "worker-1:30080", "shop.example.com/cart". */
  readonly to: string;
  /** Where a bare name is resolved from when the source is not a named pod. */
  readonly namespace: string;
}

/** One batch a second of virtual time: the log keeps counts per interval, never a line per request. */
export const INTERVAL_MS = 1000;

/** How many intervals the step spans; a last partial second is a shorter interval of its own. */
export function intervalCount(flow: TrafficFlow): number {
  return Math.ceil(flow.durationMs / INTERVAL_MS);
}

/**
 * Requests sent in interval `index`: the whole requests due by its end less those due by its
 * start, so a rate of 0.5/s sends one every other second and the total is the rate times the time.
 */
export function requestsIn(flow: TrafficFlow, index: number): number {
  const startMs = index * INTERVAL_MS;
  const endMs = Math.min(flow.durationMs, startMs + INTERVAL_MS);
  const due = (ms: number) => Math.floor((flow.perSecond * ms) / 1000 + 1e-9);
  return due(endMs) - due(startMs);
}

export function formatSource(source: TrafficSource): string {
  switch (source.kind) {
    case 'external':
      return 'external';
    case 'node':
      return source.name === undefined ? 'node' : `node/${source.name}`;
    case 'pod':
      return source.name === undefined ? `pod (${source.namespace})` : `pod/${source.namespace}/${source.name}`;
  }
}

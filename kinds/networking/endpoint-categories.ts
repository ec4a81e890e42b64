// Which endpoints kube-proxy on one node sends a Service's traffic to (pkg/proxy/topology.go
// CategorizeEndpoints): ready endpoints, or, when there is none, the serving ones that are
// terminating; with a Local traffic policy only the node's own, with the same fallback among
// them. Topology hints (trafficDistribution) are not read.

import type { ServiceEndpoint } from './service-endpoints.ts';

export type TrafficPolicy = 'Cluster' | 'Local';

export interface Categorized {
  /** Where Cluster-policy traffic goes. */
  readonly cluster: readonly ServiceEndpoint[];
  /** Where Local-policy traffic from this node goes. */
  readonly local: readonly ServiceEndpoint[];
}

/** Ready endpoints, or the serving-terminating ones when none is ready (upstream's fallback). */
export function usableEndpoints(endpoints: readonly ServiceEndpoint[]): readonly ServiceEndpoint[] {
  const ready = endpoints.filter((endpoint) => endpoint.ready);
  if (ready.length > 0) return ready;
  return endpoints.filter((endpoint) => endpoint.serving && endpoint.terminating);
}

export function categorizeEndpoints(endpoints: readonly ServiceEndpoint[], nodeName: string | undefined): Categorized {
  const cluster = usableEndpoints(endpoints);
  // From no node (a client outside, reaching a load balancer), Local traffic reaches the nodes
  // that have endpoints of their own, as a load balancer's health checks steer it: every endpoint.
  const local = nodeName === undefined ? cluster : usableEndpoints(endpoints.filter((endpoint) => endpoint.nodeName === nodeName));
  return { cluster, local };
}

/** The endpoints one policy uses: Local keeps to the node's own, and has no fallback to others. */
export function endpointsFor(categorized: Categorized, policy: TrafficPolicy): readonly ServiceEndpoint[] {
  return policy === 'Local' ? categorized.local : categorized.cluster;
}

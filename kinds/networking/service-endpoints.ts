// A Service port's endpoints as kube-proxy's endpoint slice cache merges them: every slice
// labelled with the Service's name, the slice port named as the Service port, one endpoint per
// address and port (a duplicate across slices counted once, the first slice by name winning).
// Conditions left unset read as upstream reads them: ready when absent, serving as ready,
// terminating false.

import { selectObjects } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { type EndpointPort, type EndpointSlice, SERVICE_NAME_LABEL, type Service, type ServicePort, type SliceEndpoint } from './shapes.ts';

export interface ServiceEndpoint {
  readonly address: string;
  readonly port: number;
  readonly nodeName?: string;
  readonly hostname?: string;
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
  /** The pod behind it, when the slice names one ("namespace/name"). */
  readonly podKey?: string;
}

export function slicesOf(state: ClusterState, namespace: string, serviceName: string): EndpointSlice[] {
  return selectObjects<EndpointSlice>(state, 'EndpointSlice', namespace, { matchLabels: { [SERVICE_NAME_LABEL]: serviceName } });
}

function samePort(servicePort: ServicePort, slicePort: EndpointPort): boolean {
  return (slicePort.name ?? '') === (servicePort.name ?? '') && (slicePort.protocol ?? 'TCP') === (servicePort.protocol ?? 'TCP');
}

function podKeyOf(endpoint: SliceEndpoint, namespace: string): string | undefined {
  const ref = endpoint.targetRef;
  if (ref === undefined || ref.kind !== 'Pod' || ref.name === undefined) return undefined;
  return `${ref.namespace ?? namespace}/${ref.name}`;
}

function endpointOf(endpoint: SliceEndpoint, address: string, port: number, namespace: string): ServiceEndpoint {
  const ready = endpoint.conditions?.ready ?? true;
  const podKey = podKeyOf(endpoint, namespace);
  return {
    address,
    port,
    ready,
    serving: endpoint.conditions?.serving ?? ready,
    terminating: endpoint.conditions?.terminating ?? false,
    ...(endpoint.nodeName === undefined ? {} : { nodeName: endpoint.nodeName }),
    ...(endpoint.hostname === undefined ? {} : { hostname: endpoint.hostname }),
    ...(podKey === undefined ? {} : { podKey }),
  };
}

/** The endpoints of one port of a Service, in slice order, each address:port once. */
export function endpointsOfPort(state: ClusterState, service: Service, servicePort: ServicePort): ServiceEndpoint[] {
  const namespace = service.metadata.namespace ?? 'default';
  const seen = new Set<string>();
  const endpoints: ServiceEndpoint[] = [];
  for (const slice of slicesOf(state, namespace, service.metadata.name)) {
    const port = (slice.ports ?? []).find((candidate) => samePort(servicePort, candidate))?.port;
    if (port === undefined) continue;
    for (const endpoint of slice.endpoints ?? []) {
      for (const address of endpoint.addresses.slice(0, 1)) {
        const id = `${address}:${port}`;
        if (seen.has(id)) continue;
        seen.add(id);
        endpoints.push(endpointOf(endpoint, address, port, namespace));
      }
    }
  }
  return endpoints;
}

/** Every endpoint address of a Service, whatever the port: what DNS answers for a headless one. */
export function endpointAddresses(state: ClusterState, service: Service): SliceEndpoint[] {
  const namespace = service.metadata.namespace ?? 'default';
  return slicesOf(state, namespace, service.metadata.name).flatMap((slice) => slice.endpoints ?? []);
}

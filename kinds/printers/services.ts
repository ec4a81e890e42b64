// `kubectl get` for Services, Endpoints and EndpointSlices (pkg/printers/internalversion/printers.go:
// printService, printEndpoints with formatEndpoints, printEndpointSlice).

import type { EndpointPort, Endpoints, EndpointSlice, LoadBalancerIngress, Service } from '../../core/networking.ts';
import { formatLabels } from './labels.ts';
import { ageSince } from './time.ts';

/** At most three entries are listed; the rest are counted. */
const LISTED = 3;

export function serviceHeaders(wide: boolean): string[] {
  return ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', ...(wide ? ['SELECTOR'] : [])];
}

/** loadBalancerStatusStringer: ingress IPs or hostnames; cut to 13 characters and "..." unless wide. */
export function loadBalancerText(ingress: readonly LoadBalancerIngress[] | undefined, wide: boolean): string {
  const text = (ingress ?? []).map((entry) => entry.ip ?? entry.hostname ?? '').filter((value) => value !== '').join(',');
  return !wide && text.length > 16 ? `${text.slice(0, 13)}...` : text;
}

/** getServiceExternalIP */
export function externalIPText(service: Service, wide: boolean): string {
  const externalIPs = service.spec.externalIPs ?? [];
  switch (service.spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const balancer = loadBalancerText(service.status?.loadBalancer?.ingress, wide);
      if (externalIPs.length > 0) return [...(balancer === '' ? [] : balancer.split(',')), ...externalIPs].join(',');
      return balancer !== '' ? balancer : '<pending>';
    }
    case 'ExternalName':
      return service.spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** makePortString: "80/TCP", "80:30007/TCP". */
export function servicePortsText(service: Service): string {
  const ports = service.spec.ports ?? [];
  if (ports.length === 0) return '<none>';
  return ports.map((port) => (port.nodePort !== undefined && port.nodePort > 0 ? `${port.port}:${port.nodePort}/${port.protocol ?? 'TCP'}` : `${port.port}/${port.protocol ?? 'TCP'}`)).join(',');
}

export function serviceRow(service: Service, wide: boolean, nowMs: number): string[] {
  const clusterIP = service.spec.clusterIP ?? '';
  return [
    service.metadata.name,
    service.spec.type ?? 'ClusterIP',
    clusterIP === '' ? '<none>' : clusterIP,
    externalIPText(service, wide),
    servicePortsText(service),
    ageSince(service.metadata.creationTimestamp, nowMs),
    ...(wide ? [formatLabels(service.spec.selector)] : []),
  ];
}

function moreText(list: readonly string[], more: boolean, count: number): string {
  const text = list.join(',');
  return more ? `${text} + ${count - LISTED} more...` : text;
}

/** formatEndpoints: ready addresses with each port (or bare, for a headless Service without ports). */
export function endpointsText(endpoints: Endpoints): string {
  const subsets = endpoints.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const subset of subsets) {
    const addresses = subset.addresses ?? [];
    const ports: readonly (EndpointPort | undefined)[] = (subset.ports ?? []).length === 0 ? [undefined] : (subset.ports ?? []);
    for (const port of ports) {
      count += addresses.length;
      for (const address of addresses) {
        if (list.length === LISTED) {
          more = true;
          break;
        }
        list.push(port === undefined ? address.ip : `${address.ip}:${port.port ?? 0}`);
      }
    }
  }
  return moreText(list, more, count);
}

export function endpointsHeaders(): string[] {
  return ['NAME', 'ENDPOINTS', 'AGE'];
}

export function endpointsRow(endpoints: Endpoints, nowMs: number): string[] {
  return [endpoints.metadata.name, endpointsText(endpoints), ageSince(endpoints.metadata.creationTimestamp, nowMs)];
}

/** listWithMoreString: "<unset>" when there is nothing to list. */
function listedOrUnset(list: readonly string[], more: boolean, count: number): string {
  const text = moreText(list, more, count);
  return text === '' ? '<unset>' : text;
}

function sliceListing(values: readonly string[]): string {
  return listedOrUnset(values.slice(0, LISTED), values.length > LISTED, values.length);
}

export function endpointSliceHeaders(): string[] {
  return ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'];
}

export function endpointSliceRow(slice: EndpointSlice, nowMs: number): string[] {
  const ports = (slice.ports ?? []).map((port) => (port.port !== undefined ? String(port.port) : (port.name ?? '*')));
  const addresses = (slice.endpoints ?? []).flatMap((endpoint) => endpoint.addresses);
  return [slice.metadata.name, slice.addressType, sliceListing(ports), sliceListing(addresses), ageSince(slice.metadata.creationTimestamp, nowMs)];
}

// Cluster DNS as CoreDNS's kubernetes plugin answers in the cluster.local zone, and a pod's stub
// resolver asks (ClusterFirst: search "<ns>.svc.cluster.local svc.cluster.local cluster.local",
// ndots 5):
//   <service>.<ns>.svc.cluster.local             the cluster IP; a headless Service's ready endpoints;
//                                                an ExternalName Service's CNAME
//   <hostname>.<service>.<ns>.svc.cluster.local  a headless Service's endpoint by its hostname (a
//                                                StatefulSet pod: web-0.nginx.default.svc.cluster.local),
//                                                or by its address with dashes (10-1-2-3)
//   <a-b-c-d>.<ns>.pod.cluster.local             the address itself (CoreDNS's `pods insecure`)
// and NXDOMAIN for anything else. Names outside the zone are not the cluster's to answer.

import { lookupObject } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { endpointAddresses } from './service-endpoints.ts';
import { isHeadless, type Service, type SliceEndpoint } from './shapes.ts';

export const CLUSTER_DOMAIN = 'cluster.local';

/** What a stub resolver puts in front of a name with fewer than five dots. */
const NDOTS = 5;

export type DnsAnswer =
  /** addresses may be empty: the name exists with no address yet (NOERROR, no data). */
  | { readonly kind: 'A'; readonly name: string; readonly addresses: readonly string[]; readonly service?: string }
  | { readonly kind: 'CNAME'; readonly name: string; readonly target: string; readonly service: string }
  | { readonly kind: 'NXDOMAIN'; readonly name: string };

/** The search list of a pod in the namespace (dnsPolicy ClusterFirst). */
export function searchPath(namespace: string): readonly string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

function isReady(endpoint: SliceEndpoint): boolean {
  return endpoint.conditions?.ready ?? true;
}

function dashed(address: string): string {
  return address.replaceAll('.', '-').replaceAll(':', '-');
}

function serviceAnswer(name: string, service: Service): DnsAnswer {
  const key = `${service.metadata.namespace ?? 'default'}/${service.metadata.name}`;
  const spec = service.spec ?? {};
  if (spec.type === 'ExternalName') return { kind: 'CNAME', name, target: spec.externalName ?? '', service: key };
  return { kind: 'A', name, addresses: spec.clusterIP === undefined || spec.clusterIP === '' ? [] : [spec.clusterIP], service: key };
}

function headlessAnswer(state: ClusterState, name: string, service: Service, host: string | undefined): DnsAnswer {
  const key = `${service.metadata.namespace ?? 'default'}/${service.metadata.name}`;
  const ready = endpointAddresses(state, service).filter(isReady);
  if (host === undefined) return { kind: 'A', name, addresses: [...new Set(ready.map((endpoint) => endpoint.addresses[0] ?? ''))].filter((a) => a !== ''), service: key };
  const matching = ready.filter((endpoint) => (endpoint.hostname !== undefined ? endpoint.hostname === host : dashed(endpoint.addresses[0] ?? '') === host));
  if (matching.length === 0) return { kind: 'NXDOMAIN', name };
  return { kind: 'A', name, addresses: [...new Set(matching.map((endpoint) => endpoint.addresses[0] ?? ''))], service: key };
}

function podAnswer(name: string, dashedAddress: string): DnsAnswer {
  const parts = dashedAddress.split('-');
  const valid = parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255);
  return valid ? { kind: 'A', name, addresses: [parts.join('.')] } : { kind: 'NXDOMAIN', name };
}

/** One fully qualified name (no trailing dot), as CoreDNS answers it. */
export function lookupFqdn(state: ClusterState, name: string): DnsAnswer {
  const lower = name.toLowerCase();
  const suffix = `.${CLUSTER_DOMAIN}`;
  if (!lower.endsWith(suffix)) return { kind: 'NXDOMAIN', name };
  const labels = lower.slice(0, -suffix.length).split('.');
  const zone = labels.at(-1);
  if (zone === 'pod' && labels.length === 3) return podAnswer(name, labels[0]!);
  if (zone !== 'svc' || labels.length < 3 || labels.length > 4) return { kind: 'NXDOMAIN', name };
  const [namespace, serviceName] = [labels.at(-2)!, labels.at(-3)!];
  const service = lookupObject<Service>(state, 'Service', namespace, serviceName);
  if (service === undefined) return { kind: 'NXDOMAIN', name };
  const host = labels.length === 4 ? labels[0] : undefined;
  if (isHeadless(service)) return headlessAnswer(state, name, service, host);
  return host === undefined ? serviceAnswer(name, service) : { kind: 'NXDOMAIN', name };
}

/** The names a stub resolver tries, in order: with ndots 5 a short name goes through the search list first. */
export function candidateNames(query: string, namespace: string | undefined): readonly string[] {
  if (query.endsWith('.')) return [query.slice(0, -1)];
  if (namespace === undefined) return [query];
  const searched = searchPath(namespace).map((domain) => `${query}.${domain}`);
  const dots = query.split('.').length - 1;
  return dots >= NDOTS ? [query, ...searched] : [...searched, query];
}

/**
 * What a name resolves to from a pod in `namespace` (undefined: from a node or outside, where
 * only fully qualified names are the cluster's): the first candidate that is not NXDOMAIN.
 */
export function resolveName(state: ClusterState, query: string, namespace: string | undefined): DnsAnswer {
  for (const candidate of candidateNames(query, namespace)) {
    const answer = lookupFqdn(state, candidate);
    if (answer.kind !== 'NXDOMAIN') return answer;
  }
  return { kind: 'NXDOMAIN', name: query };
}

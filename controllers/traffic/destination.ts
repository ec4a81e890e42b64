// Where a traffic step's `to` leads, seen from its vantage point, as the request would travel:
//   "worker-1:30080"          a node port, through that node's kube-proxy rules
//   "10.96.0.10:80"           a cluster, load-balancer or external IP, through the source node's rules
//   "shop.example.com/cart"   an Ingress host and path (a "/" says so), through ksim's ingress
//                             controller to the backend Service's endpoints
//   "web", "web.shop:8080", "web-0.nginx.default.svc.cluster.local"
//                             a DNS name (and port), resolved as cluster DNS answers it
// The answer is the endpoints one request picks from, or why no request can get anywhere.

import { resolveName } from '../../kinds/networking/cluster-dns.ts';
import { categorizeEndpoints } from '../../kinds/networking/endpoint-categories.ts';
import { ingressesServedBy, KSIM_INGRESS_CONTROLLER } from '../../kinds/networking/ingress-class.ts';
import { routeIngress } from '../../kinds/networking/ingress-routing.ts';
import { frontendKey, proxyView } from '../../kinds/networking/proxy-rules.ts';
import { endpointsOfPort, type ServiceEndpoint } from '../../kinds/networking/service-endpoints.ts';
import type { Service, ServicePort } from '../../kinds/networking/shapes.ts';
import { lookupObject } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import type { Vantage } from './vantage.ts';

export type Unreachable = 'unresolved' | 'noRoute' | 'sourceGone';

export type Destination =
  | { readonly kind: 'endpoints'; readonly endpoints: readonly ServiceEndpoint[] }
  /** An ExternalName Service: the request leaves the cluster for this host. */
  | { readonly kind: 'outside'; readonly host: string }
  | { readonly kind: 'unreachable'; readonly reason: Unreachable };

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

function unreachable(reason: Unreachable): Destination {
  return { kind: 'unreachable', reason };
}

function splitPort(target: string): { readonly host: string; readonly port?: string } {
  const colon = target.lastIndexOf(':');
  return colon < 0 ? { host: target } : { host: target.slice(0, colon), port: target.slice(colon + 1) };
}

/** The Service port a request names by number or name, or the first port when it names none. */
export function servicePortOf(service: Service, port: string | number | undefined): ServicePort | undefined {
  const ports = service.spec?.ports ?? [];
  if (port === undefined || port === '') return ports[0];
  const number = typeof port === 'number' ? port : /^\d+$/.test(port) ? Number(port) : undefined;
  return ports.find((candidate) => (number === undefined ? candidate.name === port : candidate.port === number));
}

function viaRule(state: ClusterState, vantage: Vantage, key: string): Destination {
  const rule = proxyView(state, vantage.nodeName).byFrontend.get(key);
  // A cluster IP answers only inside the cluster.
  if (rule === undefined || (rule.frontend.kind === 'ClusterIP' && vantage.nodeName === undefined)) return unreachable('unresolved');
  return { kind: 'endpoints', endpoints: rule.endpoints };
}

function viaIngress(state: ClusterState, target: string): Destination {
  const slash = target.indexOf('/');
  const host = splitPort(target.slice(0, slash)).host;
  const route = routeIngress(ingressesServedBy(state, KSIM_INGRESS_CONTROLLER), host, target.slice(slash));
  if (route === undefined) return unreachable('noRoute');
  const service = lookupObject<Service>(state, 'Service', route.namespace, route.backend.name);
  const port = service === undefined ? undefined : servicePortOf(service, route.backend.port?.number ?? route.backend.port?.name);
  if (service === undefined || port === undefined) return { kind: 'endpoints', endpoints: [] };
  // The controller proxies to the Service's endpoints itself, as ingress-nginx does, from no node.
  return { kind: 'endpoints', endpoints: categorizeEndpoints(endpointsOfPort(state, service, port), undefined).cluster };
}

function viaDns(state: ClusterState, vantage: Vantage, target: string): Destination {
  const { host, port } = splitPort(target);
  const answer = resolveName(state, host, vantage.namespace);
  if (answer.kind === 'NXDOMAIN') return unreachable('unresolved');
  if (answer.kind === 'CNAME') return { kind: 'outside', host: answer.target };
  const [namespace, name] = (answer.service ?? '/').split('/') as [string, string];
  const service = lookupObject<Service>(state, 'Service', namespace, name);
  if (service === undefined) return unreachable('unresolved');
  const servicePort = servicePortOf(service, port);
  if (servicePort === undefined) return unreachable('unresolved');
  if (service.spec?.clusterIP !== 'None') return viaRule(state, vantage, frontendKey('ClusterIP', service.spec?.clusterIP ?? '', servicePort.port, servicePort.protocol));
  // Headless: the client connects to one of the addresses DNS gave, with no kube-proxy between.
  const addresses = new Set(answer.addresses);
  return { kind: 'endpoints', endpoints: endpointsOfPort(state, service, servicePort).filter((endpoint) => addresses.has(endpoint.address)) };
}

export function destinationOf(state: ClusterState, vantage: Vantage, target: string): Destination {
  if (target.includes('/')) return viaIngress(state, target.replace(/^https?:\/\//, ''));
  const { host, port } = splitPort(target);
  if (port !== undefined && /^\d+$/.test(port)) {
    const node = state.nodes.get(host);
    if (node !== undefined) return viaRule(state, { nodeName: host }, frontendKey('NodePort', '', Number(port)));
    if (IPV4.test(host)) return viaRule(state, vantage, frontendKey('ClusterIP', host, Number(port)));
  }
  return viaDns(state, vantage, target);
}

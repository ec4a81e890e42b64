// kube-proxy's rules on one node, as a view derived from the Services and EndpointSlices rather
// than state of its own: each Service port's frontends (its cluster IP, its node port on every
// node, its load-balancer and external IPs) and the endpoints traffic to them goes to from this
// node. A kube-proxy writing its rules into the log would add an event per node for every slice
// change and tell nothing the slices do not; the view is memoised on the tables it reads, so a
// run pays for it once per change of a Service or a slice, and only when someone asks.

import { listObjects, kindTable } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { categorizeEndpoints, endpointsFor, type TrafficPolicy } from './endpoint-categories.ts';
import { endpointsOfPort, type ServiceEndpoint } from './service-endpoints.ts';
import { isHeadless, type Protocol, type Service, type ServicePort } from './shapes.ts';

export type FrontendKind = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalIP';

export interface Frontend {
  readonly kind: FrontendKind;
  /** The IP it listens on; "" for a node port, open on every address of the node. */
  readonly address: string;
  readonly port: number;
  readonly protocol: Protocol;
}

export interface ServiceRule {
  /** "namespace/name" of the Service. */
  readonly service: string;
  readonly portName: string;
  readonly frontend: Frontend;
  /** internalTrafficPolicy for the cluster IP, externalTrafficPolicy for the others. */
  readonly policy: TrafficPolicy;
  /** Where this node sends the traffic: none means it is rejected. */
  readonly endpoints: readonly ServiceEndpoint[];
}

export interface NodeProxyView {
  readonly rules: readonly ServiceRule[];
  /** By frontendKey. */
  readonly byFrontend: ReadonlyMap<string, ServiceRule>;
}

export function frontendKey(kind: FrontendKind, address: string, port: number, protocol: Protocol = 'TCP'): string {
  return `${kind === 'NodePort' ? 'node' : address}:${port}/${protocol}`;
}

/** A Service kube-proxy programs: not ExternalName, not headless, with a cluster IP. */
function proxied(service: Service): boolean {
  const spec = service.spec;
  if (spec === undefined || spec.type === 'ExternalName' || isHeadless(service)) return false;
  return spec.clusterIP !== undefined && spec.clusterIP !== '';
}

function frontendsOf(service: Service, port: ServicePort): Frontend[] {
  const spec = service.spec ?? {};
  const protocol = port.protocol ?? 'TCP';
  const frontends: Frontend[] = [{ kind: 'ClusterIP', address: spec.clusterIP ?? '', port: port.port, protocol }];
  const exposesNodePort = spec.type === 'NodePort' || spec.type === 'LoadBalancer';
  if (exposesNodePort && port.nodePort !== undefined) frontends.push({ kind: 'NodePort', address: '', port: port.nodePort, protocol });
  for (const ingress of service.status?.loadBalancer?.ingress ?? []) {
    if (ingress.ip !== undefined && ingress.ip !== '') frontends.push({ kind: 'LoadBalancer', address: ingress.ip, port: port.port, protocol });
  }
  for (const ip of spec.externalIPs ?? []) frontends.push({ kind: 'ExternalIP', address: ip, port: port.port, protocol });
  return frontends;
}

function rulesOfService(state: ClusterState, service: Service, nodeName: string | undefined): ServiceRule[] {
  const spec = service.spec ?? {};
  const key = `${service.metadata.namespace ?? 'default'}/${service.metadata.name}`;
  const rules: ServiceRule[] = [];
  for (const port of spec.ports ?? []) {
    const categorized = categorizeEndpoints(endpointsOfPort(state, service, port), nodeName);
    for (const frontend of frontendsOf(service, port)) {
      const policy: TrafficPolicy = frontend.kind === 'ClusterIP' ? (spec.internalTrafficPolicy ?? 'Cluster') : (spec.externalTrafficPolicy ?? 'Cluster');
      rules.push({ service: key, portName: port.name ?? '', frontend, policy, endpoints: endpointsFor(categorized, policy) });
    }
  }
  return rules;
}

function buildView(state: ClusterState, nodeName: string | undefined): NodeProxyView {
  const rules = listObjects<Service>(state, 'Service').filter(proxied).flatMap((service) => rulesOfService(state, service, nodeName));
  const byFrontend = new Map<string, ServiceRule>();
  for (const rule of rules) {
    const { kind, address, port, protocol } = rule.frontend;
    const key = frontendKey(kind, address, port, protocol);
    if (!byFrontend.has(key)) byFrontend.set(key, rule);
  }
  return { rules, byFrontend };
}

/** Views already built, by the Service table, then the EndpointSlice table, then the node. */
const memo = new WeakMap<object, WeakMap<object, Map<string, NodeProxyView>>>();

/**
 * The rules kube-proxy programs on a node (undefined: a vantage point on no node, such as an
 * ingress controller's, which sees every endpoint and no Local one). The same tables give the
 * same view, so the view is kept while they last.
 */
export function proxyView(state: ClusterState, nodeName: string | undefined): NodeProxyView {
  const services = kindTable(state, 'Service');
  const slices = kindTable(state, 'EndpointSlice');
  let bySlices = memo.get(services);
  if (bySlices === undefined) memo.set(services, (bySlices = new WeakMap()));
  let byNode = bySlices.get(slices);
  if (byNode === undefined) bySlices.set(slices, (byNode = new Map()));
  const key = nodeName ?? '';
  let view = byNode.get(key);
  if (view === undefined) byNode.set(key, (view = buildView(state, nodeName)));
  return view;
}

/** "10.96.0.10:80/TCP", or "<node>:30080/TCP" for a node port. */
export function formatFrontend(frontend: Frontend): string {
  return `${frontend.kind === 'NodePort' ? '<node>' : frontend.address}:${frontend.port}/${frontend.protocol}`;
}

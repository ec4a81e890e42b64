// What the Service REST storage does around validation (pkg/registry/core/service/storage): on an
// update it carries over the IPs and ports the client left out (patchAllocatedValues) and drops
// those the new type has no use for (dropTypeDependentFields); then it allocates the cluster IP,
// node ports and health check port the Service needs, or refuses what is taken or out of range
// with the allocators' messages.

import type { Rng } from '../../core/prng.ts';
import type { Service, ServicePort, ServiceSpec } from '../../core/networking.ts';
import { withFields } from '../../core/with-fields.ts';
import { type FieldError, invalid } from '../validation/field-errors.ts';
import { type Allocated, inRange, nextClusterIP, nextNodePort } from './allocation.ts';
import { orderedSpec } from './service-defaults.ts';
import { nodePortRangeText, parseIpv4, rangeOf, type ServiceNetwork } from './service-network.ts';

const orderedSpecOf = (spec: object): ServiceSpec => orderedSpec(spec as Record<string, unknown>);

export const needsClusterIP = (spec: ServiceSpec): boolean => spec.type !== 'ExternalName' && spec.clusterIP !== 'None';
const needsNodePorts = (spec: ServiceSpec): boolean => spec.type === 'NodePort' || spec.type === 'LoadBalancer';
const needsHealthCheck = (spec: ServiceSpec): boolean => spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';

type Allocation = { readonly spec: ServiceSpec } | { readonly errors: readonly FieldError[] };

function clusterIPs(spec: ServiceSpec, allocated: Allocated, network: ServiceNetwork, rng: Rng): Allocation {
  if (spec.type === 'ExternalName') return { spec };
  if (spec.clusterIP === 'None') return { spec: orderedSpecOf(withFields(spec, { clusterIPs: ['None'] })) };
  const range = rangeOf(network);
  const given = spec.clusterIP ?? '';
  if (given === '') {
    const ip = nextClusterIP(range, allocated.clusterIPs, rng);
    if (ip === undefined) return { errors: [invalid('spec.clusterIPs', [], 'failed to allocate a serviceIP: range is full')] };
    return { spec: orderedSpecOf(withFields(spec, { clusterIP: ip, clusterIPs: [ip] })) };
  }
  const address = parseIpv4(given);
  // A malformed address is validation's to report.
  if (address === undefined) return { spec };
  const fail = (reason: string): Allocation => ({ errors: [invalid('spec.clusterIPs', spec.clusterIPs ?? [given], `failed to allocate IP ${given}: ${reason}`)] });
  if (!inRange(range, address)) return fail(`the provided IP (${given}) is not in the valid range. The range of valid IPs is ${network.serviceCIDR}`);
  // The range's first address is the kubernetes Service's.
  if (address === range.base + 1 || allocated.clusterIPs.has(given)) return fail('provided IP is already allocated');
  return { spec };
}

function claimPort(port: number, path: string, taken: Set<number>, network: ServiceNetwork): FieldError | undefined {
  if (port < network.nodePortBase || port >= network.nodePortBase + network.nodePortSize) {
    return invalid(path, port, `provided port is not in the valid range. The range of valid ports is ${nodePortRangeText(network)}`);
  }
  if (taken.has(port)) return invalid(path, port, 'provided port is already allocated');
  taken.add(port);
  return undefined;
}

/** initNodePorts: ports of the same number share a node port; one asked for elsewhere in the list is reused. */
function nodePorts(spec: ServiceSpec, allocated: Allocated, network: ServiceNetwork, rng: Rng): Allocation {
  if (!needsNodePorts(spec)) return { spec };
  const taken = new Set(allocated.nodePorts);
  const byPort = new Map<number, number>();
  const allocate = spec.type === 'NodePort' || spec.allocateLoadBalancerNodePorts !== false;
  const ports: ServicePort[] = [];
  for (const [index, port] of (spec.ports ?? []).entries()) {
    const path = `spec.ports[${index}].nodePort`;
    const shared = byPort.get(port.port);
    const asked = port.nodePort ?? 0;
    if (asked !== 0 && asked !== shared) {
      const error = claimPort(asked, path, taken, network);
      if (error !== undefined) return { errors: [error] };
      byPort.set(port.port, asked);
      ports.push(port);
    } else if (shared !== undefined) {
      ports.push(withFields(port, { nodePort: shared }));
    } else if (allocate) {
      // findRequestedNodePort: a later port of the same number may name the node port they share.
      const requested = (spec.ports ?? []).find((other) => other.port === port.port && (other.nodePort ?? 0) !== 0)?.nodePort;
      const next = requested ?? nextNodePort(network, taken, rng);
      if (next === undefined) return { errors: [invalid(path, 0, 'failed to allocate a nodePort: range is full')] };
      const error = claimPort(next, path, taken, network);
      if (error !== undefined) return { errors: [error] };
      byPort.set(port.port, next);
      ports.push(withFields(port, { nodePort: next }));
    } else ports.push(port);
  }
  let next = withFields(spec, { ports });
  if (needsHealthCheck(next) && (next.healthCheckNodePort ?? 0) === 0) {
    const port = nextNodePort(network, taken, rng);
    if (port !== undefined) next = withFields(next, { healthCheckNodePort: port });
  } else if (needsHealthCheck(next)) {
    const error = claimPort(next.healthCheckNodePort ?? 0, 'spec.healthCheckNodePort', taken, network);
    if (error !== undefined) return { errors: [error] };
  }
  return { spec: orderedSpecOf(next) };
}

/** The Service with what it needs allocated, or the allocators' refusal. */
export function allocateService(service: Service, allocated: Allocated, network: ServiceNetwork, rng: Rng): { readonly object: Service } | { readonly errors: readonly FieldError[] } {
  const ips = clusterIPs(service.spec, allocated, network, rng);
  if ('errors' in ips) return ips;
  const ports = nodePorts(ips.spec, allocated, network, rng);
  if ('errors' in ports) return ports;
  return { object: withFields(service, { spec: ports.spec }) };
}

/** patchAllocatedValues: an update that leaves the cluster IPs or node ports out keeps the ones held. */
export function keepAllocatedValues(next: ServiceSpec, current: ServiceSpec): ServiceSpec {
  let spec = next;
  if (needsClusterIP(current) && needsClusterIP(spec)) {
    if ((spec.clusterIP ?? '') === '') spec = withFields(spec, { clusterIP: current.clusterIP });
    if ((spec.clusterIPs ?? []).length === 0 && spec.clusterIP === current.clusterIP) spec = withFields(spec, { clusterIPs: current.clusterIPs });
  }
  if (needsNodePorts(current) && needsNodePorts(spec)) {
    const held = new Map((current.ports ?? []).map((port) => [`${port.protocol ?? 'TCP'}/${port.port}`, port.nodePort]));
    const ports = (spec.ports ?? []).map((port) => {
      const nodePort = held.get(`${port.protocol ?? 'TCP'}/${port.port}`);
      return (port.nodePort ?? 0) === 0 && nodePort !== undefined ? withFields(port, { nodePort }) : port;
    });
    spec = withFields(spec, { ports });
  }
  if (needsHealthCheck(current) && needsHealthCheck(spec) && (spec.healthCheckNodePort ?? 0) === 0 && current.healthCheckNodePort !== undefined) {
    spec = withFields(spec, { healthCheckNodePort: current.healthCheckNodePort });
  }
  return orderedSpecOf(spec);
}

/** dropTypeDependentFields: what the old type held and the new one has no use for goes, if the client left it as it was. */
export function dropTypeDependentFields(next: ServiceSpec, current: ServiceSpec): ServiceSpec {
  const fields: Record<string, unknown> = { ...next };
  if (needsClusterIP(current) && !needsClusterIP(next) && next.clusterIP === current.clusterIP) {
    fields.clusterIP = undefined;
    fields.clusterIPs = undefined;
  }
  if (next.type === 'ExternalName' && current.type !== 'ExternalName') {
    if (next.clusterIP === current.clusterIP) fields.clusterIP = undefined;
    fields.clusterIPs = undefined;
    fields.ipFamilies = undefined;
    fields.ipFamilyPolicy = undefined;
  }
  if (needsNodePorts(current) && !needsNodePorts(next)) {
    const held = new Set((current.ports ?? []).map((port) => port.nodePort));
    fields.ports = next.ports?.map((port) => (port.nodePort !== undefined && held.has(port.nodePort) ? withoutNodePort(port) : port));
  }
  if (needsHealthCheck(current) && !needsHealthCheck(next) && next.healthCheckNodePort === current.healthCheckNodePort) fields.healthCheckNodePort = undefined;
  if (next.type !== 'LoadBalancer') fields.allocateLoadBalancerNodePorts = undefined;
  return orderedSpecOf(fields);
}

function withoutNodePort(port: ServicePort): ServicePort {
  const { nodePort: _dropped, ...rest } = port;
  return rest;
}

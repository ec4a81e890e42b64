// SetDefaults_Service (pkg/apis/core/v1/defaults.go) and the IP family fields the registry fills in
// (initIPFamilyFields, single-stack IPv4 here): what a Service has once the API server has read it.
// The spec is rebuilt in the order of upstream's ServiceSpec, so `get -o yaml` reads as kubectl's.

import type { Service, ServicePort, ServiceSpec } from '../../core/networking.ts';
import { withFields } from '../../core/with-fields.ts';

/** The default session affinity timeout for ClientIP: three hours. */
export const DEFAULT_CLIENT_IP_TIMEOUT_SECONDS = 10800;

function defaultPort(port: ServicePort): ServicePort {
  const targetPort = port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '' ? port.port : port.targetPort;
  return withFields(port, { protocol: port.protocol ?? 'TCP', targetPort });
}

/** The fields of ServiceSpec in the order of upstream's types.go. */
const SPEC_ORDER = [
  'ports', 'selector', 'clusterIP', 'clusterIPs', 'type', 'externalIPs', 'sessionAffinity', 'loadBalancerIP', 'loadBalancerSourceRanges',
  'externalName', 'externalTrafficPolicy', 'healthCheckNodePort', 'publishNotReadyAddresses', 'sessionAffinityConfig', 'ipFamilies',
  'ipFamilyPolicy', 'allocateLoadBalancerNodePorts', 'loadBalancerClass', 'internalTrafficPolicy', 'trafficDistribution',
];

export function orderedSpec(spec: Record<string, unknown>): ServiceSpec {
  const ordered: Record<string, unknown> = {};
  for (const key of SPEC_ORDER) if (spec[key] !== undefined) ordered[key] = spec[key];
  for (const key of Object.keys(spec).sort()) if (!(key in ordered) && spec[key] !== undefined) ordered[key] = spec[key];
  return ordered as ServiceSpec;
}

function affinityConfig(spec: ServiceSpec): ServiceSpec['sessionAffinityConfig'] {
  if (spec.sessionAffinity !== 'ClientIP') return undefined;
  const timeoutSeconds = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_CLIENT_IP_TIMEOUT_SECONDS;
  return { clientIP: { timeoutSeconds } };
}

export function defaultServiceSpec(given: ServiceSpec | undefined): ServiceSpec {
  const spec = given ?? {};
  const type = spec.type ?? 'ClusterIP';
  const sessionAffinity = spec.sessionAffinity ?? 'None';
  const external = type === 'NodePort' || type === 'LoadBalancer';
  const withAffinity = withFields(spec, { type, sessionAffinity }) as ServiceSpec;
  const fields: Record<string, unknown> = { ...withAffinity };
  if (spec.ports !== undefined) fields.ports = spec.ports.map(defaultPort);
  fields.sessionAffinityConfig = affinityConfig(withAffinity);
  if (external) fields.externalTrafficPolicy = spec.externalTrafficPolicy ?? 'Cluster';
  if (spec.internalTrafficPolicy === undefined && type !== 'ExternalName') fields.internalTrafficPolicy = 'Cluster';
  if (type === 'LoadBalancer') fields.allocateLoadBalancerNodePorts = spec.allocateLoadBalancerNodePorts ?? true;
  if (type !== 'ExternalName') {
    // A clusterIP given alone is the primary of clusterIPs, as the API's conversion makes it.
    if (spec.clusterIP !== undefined && spec.clusterIP !== '' && spec.clusterIPs === undefined) fields.clusterIPs = [spec.clusterIP];
    fields.ipFamilies = spec.ipFamilies ?? ['IPv4'];
    fields.ipFamilyPolicy = spec.ipFamilyPolicy ?? 'SingleStack';
  }
  return orderedSpec(fields);
}

export function defaultService(service: Service): Service {
  return withFields(service, { spec: defaultServiceSpec(service.spec) });
}

// ValidateService and ValidateServiceUpdate (pkg/apis/core/validation/validation.go), with
// upstream's messages, for the fields ksim acts on: type, ports, selector, cluster IPs, session
// affinity, traffic policies and ExternalName.

import type { Service, ServicePort, ServiceSpec } from '../../core/networking.ts';
import { dns1123LabelErrors, dns1123SubdomainErrors } from '../validation/names.ts';
import { duplicate, type FieldError, forbidden, invalid, isOneOf, required, unsupported, validateLabels } from '../validation/field-errors.ts';
import { parseIpv4 } from './service-network.ts';

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PORT_RANGE = 'must be between 1 and 65535, inclusive';

const isPort = (value: unknown): boolean => typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;

/** IsValidPortName (apimachinery validation): an IANA_SVC_NAME. */
export function portNameErrors(name: string): string[] {
  const errors: string[] = [];
  if (name.length < 1 || name.length > 15) errors.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errors.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errors.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errors.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) errors.push('must not begin or end with a hyphen');
  return errors;
}

function targetPortErrors(path: string, target: unknown): FieldError[] {
  if (typeof target === 'number') return isPort(target) ? [] : [invalid(path, target, PORT_RANGE)];
  if (typeof target === 'string') return portNameErrors(target).map((message) => invalid(path, target, message));
  return [required(path)];
}

function portErrors(port: ServicePort, index: number, requireName: boolean, names: Set<string>): FieldError[] {
  const at = `spec.ports[${index}]`;
  const errors: FieldError[] = [];
  const name = port.name ?? '';
  if (requireName && name === '') errors.push(required(`${at}.name`));
  else if (name !== '') {
    errors.push(...dns1123LabelErrors(name).map((message) => invalid(`${at}.name`, name, message)));
    if (names.has(name)) errors.push(duplicate(`${at}.name`, name));
    names.add(name);
  }
  if (!isPort(port.port)) errors.push(invalid(`${at}.port`, port.port, PORT_RANGE));
  if (port.protocol === undefined) errors.push(required(`${at}.protocol`));
  else if (!isOneOf(port.protocol, PROTOCOLS)) errors.push(unsupported(`${at}.protocol`, port.protocol, PROTOCOLS));
  errors.push(...targetPortErrors(`${at}.targetPort`, port.targetPort));
  return errors;
}

function portsErrors(spec: ServiceSpec): FieldError[] {
  const ports = spec.ports ?? [];
  const headless = spec.clusterIP === 'None';
  if (ports.length === 0 && !headless && spec.type !== 'ExternalName') return [required('spec.ports')];
  const errors: FieldError[] = [];
  const names = new Set<string>();
  const seen = new Set<string>();
  ports.forEach((port, index) => {
    errors.push(...portErrors(port, index, ports.length > 1, names));
    // Two ports may not share a number and protocol.
    const key = `${port.protocol ?? ''}/${port.port}`;
    if (seen.has(key)) errors.push(duplicate(`spec.ports[${index}]`, { port: port.port, protocol: port.protocol }));
    seen.add(key);
    if (spec.type === 'ClusterIP' && port.nodePort !== undefined && port.nodePort !== 0) {
      errors.push(forbidden(`spec.ports[${index}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    }
  });
  return errors;
}

function externalNameErrors(spec: ServiceSpec): FieldError[] {
  if (spec.type !== 'ExternalName') return [];
  const errors: FieldError[] = [];
  if (spec.clusterIP !== undefined && spec.clusterIP !== '') errors.push(forbidden('spec.clusterIP', 'may not be set for ExternalName services'));
  if (spec.clusterIPs !== undefined && spec.clusterIPs.length > 0) errors.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
  const name = spec.externalName ?? '';
  if (name === '') return [...errors, required('spec.externalName')];
  // A trailing dot (a fully qualified name) is allowed.
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  return [...errors, ...dns1123SubdomainErrors(bare).map((message) => invalid('spec.externalName', name, message))];
}

function clusterIPErrors(spec: ServiceSpec): FieldError[] {
  const ip = spec.clusterIP;
  if (spec.type === 'ExternalName' || ip === undefined || ip === '' || ip === 'None') {
    if (ip === 'None' && (spec.type === 'NodePort' || spec.type === 'LoadBalancer')) {
      return [invalid('spec.clusterIPs[0]', ip, `may not be set to 'None' for ${spec.type} services`)];
    }
    return [];
  }
  if (parseIpv4(ip) === undefined) return [invalid('spec.clusterIPs[0]', ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];
  const primary = spec.clusterIPs?.[0];
  if (primary !== undefined && primary !== ip) return [invalid('spec.clusterIPs', spec.clusterIPs, 'must be consistent with spec.clusterIP')];
  return [];
}

function policyErrors(spec: ServiceSpec): FieldError[] {
  const errors: FieldError[] = [];
  if (!isOneOf(spec.sessionAffinity, ['ClientIP', 'None'])) errors.push(unsupported('spec.sessionAffinity', spec.sessionAffinity, ['ClientIP', 'None']));
  const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  if (timeout !== undefined && (timeout <= 0 || timeout > 86400)) {
    errors.push(invalid('spec.sessionAffinityConfig.clientIP.timeoutSeconds', timeout, 'must be greater than 0 and less than 86400'));
  }
  const external = spec.type === 'NodePort' || spec.type === 'LoadBalancer';
  if (spec.externalTrafficPolicy !== undefined) {
    if (!external) errors.push(invalid('spec.externalTrafficPolicy', spec.externalTrafficPolicy, 'may only be set for externally-accessible services'));
    else if (!isOneOf(spec.externalTrafficPolicy, ['Cluster', 'Local'])) errors.push(unsupported('spec.externalTrafficPolicy', spec.externalTrafficPolicy, ['Cluster', 'Local']));
  }
  if (spec.internalTrafficPolicy !== undefined && !isOneOf(spec.internalTrafficPolicy, ['Cluster', 'Local'])) {
    errors.push(unsupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, ['Cluster', 'Local']));
  }
  return errors;
}

/** ValidateService on a defaulted Service. */
export function validateService(service: Service): FieldError[] {
  const spec = service.spec;
  if (!isOneOf(spec.type, SERVICE_TYPES)) return [unsupported('spec.type', spec.type, SERVICE_TYPES)];
  return [...externalNameErrors(spec), ...portsErrors(spec), ...clusterIPErrors(spec), ...validateLabels('spec.selector', spec.selector), ...policyErrors(spec)];
}

/**
 * validateUpgradeDowngradeClusterIPs: the cluster IPs may not change once set, unless the Service
 * moves to or from ExternalName (which has none) or stays headless.
 */
export function clusterIPChangeErrors(next: ServiceSpec, current: ServiceSpec): FieldError[] {
  if (next.type === 'ExternalName' || current.type === 'ExternalName') return [];
  if (next.clusterIP === 'None' && current.clusterIP === 'None') return [];
  const before = current.clusterIPs ?? [];
  const after = next.clusterIPs ?? [];
  const errors: FieldError[] = [];
  before.forEach((ip, index) => {
    if (after[index] !== undefined && after[index] !== ip) errors.push(invalid(`spec.clusterIPs[${index}]`, after, 'may not change once set'));
  });
  return errors;
}

/** ValidateServiceUpdate */
export function validateServiceUpdate(next: Service, current: Service): FieldError[] {
  return [...validateService(next), ...clusterIPChangeErrors(next.spec, current.spec)];
}

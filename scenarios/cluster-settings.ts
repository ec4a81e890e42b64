// The `cluster:` section of a scenario: settings of the simulated cluster that kube-apiserver and
// a cloud provider take as configuration. `serviceCIDR` is --service-cluster-ip-range,
// `nodePortRange` is --service-node-port-range, `loadBalancerIPs` the addresses the simulated
// cloud hands to Services of type LoadBalancer (none: there is no cloud, and they stay <pending>).

import * as t from 'io-ts';
import { DEFAULT_SERVICE_NETWORK, parseCidr, parseIpv4, type ServiceNetwork } from '../kinds/network/service-network.ts';

const ServiceCIDR = new t.Type<string, string, unknown>(
  'an IPv4 CIDR such as 10.96.0.0/12 (at least a /29, host bits zero)',
  (value): value is string => typeof value === 'string',
  (value, context) => (typeof value === 'string' && 'range' in parseCidr(value) ? t.success(value) : t.failure(value, context)),
  t.identity,
);

/** "30000-32767" to its first port and count. */
function parsePortRange(text: string): { readonly base: number; readonly size: number } | undefined {
  const match = /^([0-9]{1,5})-([0-9]{1,5})$/.exec(text);
  if (match === null) return undefined;
  const base = Number(match[1]);
  const last = Number(match[2]);
  return base >= 1 && last <= 65535 && last >= base ? { base, size: last - base + 1 } : undefined;
}

const PortRange = new t.Type<string, string, unknown>(
  'a port range such as 30000-32767',
  (value): value is string => typeof value === 'string',
  (value, context) => (typeof value === 'string' && parsePortRange(value) !== undefined ? t.success(value) : t.failure(value, context)),
  t.identity,
);

const Ipv4Address = new t.Type<string, string, unknown>(
  'an IPv4 address such as 203.0.113.10',
  (value): value is string => typeof value === 'string',
  (value, context) => (typeof value === 'string' && parseIpv4(value) !== undefined ? t.success(value) : t.failure(value, context)),
  t.identity,
);

export const ClusterSettingsCodec = t.partial({
  serviceCIDR: ServiceCIDR,
  nodePortRange: PortRange,
  loadBalancerIPs: t.array(Ipv4Address),
});

export type ClusterSettings = t.TypeOf<typeof ClusterSettingsCodec>;

export function serviceNetworkOf(settings: ClusterSettings | undefined): ServiceNetwork {
  const ports = parsePortRange(settings?.nodePortRange ?? '') ?? { base: DEFAULT_SERVICE_NETWORK.nodePortBase, size: DEFAULT_SERVICE_NETWORK.nodePortSize };
  return { serviceCIDR: settings?.serviceCIDR ?? DEFAULT_SERVICE_NETWORK.serviceCIDR, nodePortBase: ports.base, nodePortSize: ports.size };
}

// The cluster's Service network, as kube-apiserver's flags set it: the service CIDR
// (--service-cluster-ip-range, 10.96.0.0/12 by default in kubeadm clusters) and the NodePort range
// (--service-node-port-range, 30000-32767). A scenario may set both; admission reads them here.

export interface ServiceNetwork {
  /** "10.96.0.0/12" */
  readonly serviceCIDR: string;
  readonly nodePortBase: number;
  readonly nodePortSize: number;
}

export const DEFAULT_SERVICE_NETWORK: ServiceNetwork = { serviceCIDR: '10.96.0.0/12', nodePortBase: 30000, nodePortSize: 2768 };

export interface Ipv4Range {
  /** The network address as an unsigned 32-bit number. */
  readonly base: number;
  /** Addresses in the range, network and broadcast included. */
  readonly size: number;
}

export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part) || Number(part) > 255) return undefined;
    value = value * 256 + Number(part);
  }
  return value;
}

export function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/** An IPv4 CIDR with its host bits zero, or why not (ksim simulates single-stack IPv4 only). */
export function parseCidr(text: string): { readonly range: Ipv4Range } | { readonly error: string } {
  const [address, prefixText, ...rest] = text.split('/');
  const base = parseIpv4(address ?? '');
  const prefix = Number(prefixText);
  if (base === undefined || rest.length > 0 || prefixText === undefined || !/^[0-9]+$/.test(prefixText) || prefix > 32) {
    return { error: `"${text}" is not an IPv4 CIDR such as 10.96.0.0/12` };
  }
  // Upstream refuses ranges with fewer than 8 addresses, and larger than a /12 offers nothing more to a simulation.
  if (prefix > 29) return { error: `"${text}" is too small: a service CIDR needs at least a /29` };
  const size = 2 ** (32 - prefix);
  if (base % size !== 0) return { error: `"${text}" has host bits set; the network address is ${formatIpv4(base - (base % size))}/${prefix}` };
  return { range: { base, size } };
}

export function rangeOf(network: ServiceNetwork): Ipv4Range {
  const parsed = parseCidr(network.serviceCIDR);
  if ('error' in parsed) throw new Error(`service CIDR ${parsed.error}`);
  return parsed.range;
}

export function nodePortRangeText(network: ServiceNetwork): string {
  return `${network.nodePortBase}-${network.nodePortBase + network.nodePortSize - 1}`;
}

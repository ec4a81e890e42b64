// Addresses for a pod's status: the node's InternalIP as hostIP, and a pod IP from the node's
// podCIDR. A bridge plugin with host-local IPAM (flannel, kindnet) gives the range's first address
// to the bridge as gateway and hands pods the lowest free one after it; ksim does the same, which is
// deterministic and reuses the addresses of pods that finished or left.

import type { Node } from '../../core/objects.ts';
import type { ClusterState } from '../../reducers/state.ts';

export function hostIPOf(node: Node): string | undefined {
  return node.status.addresses?.find((address) => address.type === 'InternalIP')?.address;
}

interface Range {
  readonly first: number;
  readonly last: number;
}

function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = value * 256 + Number(part);
  }
  return value;
}

function formatIPv4(value: number): string {
  return `${(value >>> 24) & 255}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

/** The addresses pods may use in an IPv4 CIDR: past the network address and the gateway, before broadcast. */
export function podRange(cidr: string): Range | undefined {
  const [address, prefixText] = cidr.split('/');
  const base = address === undefined ? undefined : parseIPv4(address);
  const prefix = Number(prefixText);
  if (base === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 30) return undefined;
  const size = 2 ** (32 - prefix);
  const network = base - (base % size);
  return { first: network + 2, last: network + size - 2 };
}

/** The lowest address in the node's podCIDR that no live pod on the node holds; undefined when none is left. */
export function allocatePodIP(state: ClusterState, node: Node): string | undefined {
  const range = node.spec.podCIDR === undefined ? undefined : podRange(node.spec.podCIDR);
  if (range === undefined) return undefined;
  // The reducers index the addresses held by live pods on each node.
  const used = state.indexes.podIPsByNode.group(node.metadata.name);
  // At most used.size + 1 candidates are looked at before a free one turns up.
  for (let candidate = range.first; candidate <= range.last; candidate++) {
    const ip = formatIPv4(candidate);
    if (!used.has(ip)) return ip;
  }
  return undefined;
}

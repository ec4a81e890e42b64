// Cluster IPs and node ports, allocated as kube-apiserver's allocators do. What is allocated is
// derived from the Services in the state (services are few), so a replay, which never runs
// admission, needs no allocator memory, and deleting a Service releases what it held.
//
// Both allocators split their range in two (KEP-3070, ServiceIPStaticSubrange and
// ServiceNodePortStaticSubrange): a low band meant for values users ask for, and the rest, which
// dynamic allocation draws from first, at a random offset (from the admission's seeded stream),
// scanning on from there; only when that band is full does it fall back to the low band.

import { keyOf } from '../../core/objects.ts';
import type { Rng } from '../../core/prng.ts';
import type { Service } from '../../core/networking.ts';
import { kindTable } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { formatIpv4, type Ipv4Range, type ServiceNetwork } from './service-network.ts';

/** What the other Services hold; `exceptKey` leaves out the Service being updated. */
export interface Allocated {
  readonly clusterIPs: ReadonlySet<string>;
  readonly nodePorts: ReadonlySet<number>;
}

export function allocatedBy(state: ClusterState, exceptKey?: string): Allocated {
  const clusterIPs = new Set<string>();
  const nodePorts = new Set<number>();
  for (const service of kindTable<Service>(state, 'Service').values()) {
    if (exceptKey !== undefined && keyOf(service) === exceptKey) continue;
    for (const ip of service.spec.clusterIPs ?? []) if (ip !== 'None') clusterIPs.add(ip);
    for (const port of service.spec.ports ?? []) if (port.nodePort !== undefined) nodePorts.add(port.nodePort);
    if (service.spec.healthCheckNodePort !== undefined) nodePorts.add(service.spec.healthCheckNodePort);
  }
  return { clusterIPs, nodePorts };
}

/** calculateRangeOffset: the size of the low band, size/step bounded to [min, max]. */
export function staticBandSize(size: number, min: number, max: number, step: number): number {
  return Math.min(Math.max(Math.floor(size / step), min), max);
}

/** The first free offset in [low, high], starting at a random one and wrapping; undefined when all are taken. */
function scanBand(low: number, high: number, taken: (offset: number) => boolean, rng: Rng): number | undefined {
  if (high < low) return undefined;
  const count = high - low + 1;
  const start = rng.int(count);
  for (let step = 0; step < count; step++) {
    const offset = low + ((start + step) % count);
    if (!taken(offset)) return offset;
  }
  return undefined;
}

/**
 * The service IPs a range offers: offsets 1 to size-2 (not the network or broadcast address). The
 * first, .1 of the range, is the kubernetes Service's, which the API server keeps for itself.
 */
export function nextClusterIP(range: Ipv4Range, used: ReadonlySet<string>, rng: Rng): string | undefined {
  const last = range.size - 2;
  const band = staticBandSize(last, 16, 256, 16);
  const taken = (offset: number): boolean => offset === 1 || used.has(formatIpv4(range.base + offset));
  const offset = scanBand(band + 1, last, taken, rng) ?? scanBand(1, band, taken, rng);
  return offset === undefined ? undefined : formatIpv4(range.base + offset);
}

/** Whether an address lies in the range's usable part (not the network or broadcast address). */
export function inRange(range: Ipv4Range, address: number): boolean {
  return address > range.base && address < range.base + range.size - 1;
}

export function nextNodePort(network: ServiceNetwork, used: ReadonlySet<number>, rng: Rng): number | undefined {
  const band = staticBandSize(network.nodePortSize, 16, 128, 32);
  const taken = (offset: number): boolean => used.has(network.nodePortBase + offset);
  const offset = scanBand(band, network.nodePortSize - 1, taken, rng) ?? scanBand(0, band - 1, taken, rng);
  return offset === undefined ? undefined : network.nodePortBase + offset;
}

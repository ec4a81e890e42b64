import { describe, expect, it } from 'vitest';
import { allocatePodIP, podRange } from '../../controllers/kubelet/pod-network.ts';
import type { Node } from '../../core/objects.ts';
import { emptyState } from '../../reducers/state.ts';
import { MAX_NODES, nodeManifests } from '../../scenarios/nodes.ts';
import { ScenarioError, simulate } from '../../scenarios/simulate.ts';

const cidrOf = (manifest: Record<string, unknown>) => (manifest.spec as { podCIDR: string }).podCIDR;
const internalIPOf = (manifest: Record<string, unknown>) => (manifest.status as { addresses: { type: string; address: string }[] }).addresses.find((address) => address.type === 'InternalIP')?.address;

describe('scenario nodes', () => {
  it('names a series from its prefix and defaults pods to 110', () => {
    const nodes = nodeManifests([{ namePrefix: 'worker-', count: 2, capacity: { cpu: '2', memory: '4Gi' } }]);
    expect(nodes.map((node) => node.name)).toEqual(['worker-1', 'worker-2']);
    expect((nodes[0]?.manifest.status as { capacity: Record<string, string> }).capacity).toEqual({ cpu: '2', memory: '4Gi', pods: '110' });
  });

  it('hands out /24s of a 10.128.0.0/10 cluster CIDR in order, and node addresses on 10.0.0.0/16', () => {
    const nodes = nodeManifests([{ namePrefix: 'n-', count: 300, capacity: { cpu: '1', memory: '1Gi' } }]).map((node) => node.manifest);
    expect([0, 1, 256, 299].map((index) => cidrOf(nodes[index] as Record<string, unknown>))).toEqual(['10.128.0.0/24', '10.128.1.0/24', '10.129.0.0/24', '10.129.43.0/24']);
    expect([0, 253, 254, 299].map((index) => internalIPOf(nodes[index] as Record<string, unknown>))).toEqual(['10.0.0.2', '10.0.0.255', '10.0.1.0', '10.0.1.45']);
  });

  it('gives each of 5,000 nodes its own pod range and address, none overlapping another', () => {
    const nodes = nodeManifests([
      { name: 'control', capacity: { cpu: '4', memory: '8Gi' } },
      { namePrefix: 'n-', count: 4_999, capacity: { cpu: '1', memory: '1Gi' } },
    ]).map((node) => node.manifest);
    const ranges = nodes.map((node) => podRange(cidrOf(node)));
    expect(ranges.every((range) => range !== undefined && range.last - range.first + 1 === 253)).toBe(true);
    const sorted = ranges.map((range) => range as { first: number; last: number }).sort((a, b) => a.first - b.first);
    expect(sorted.every((range, index) => index === 0 || range.first > (sorted[index - 1] as { last: number }).last)).toBe(true);
    const addresses = nodes.map(internalIPOf);
    expect(new Set(addresses).size).toBe(5_000);
    // Node addresses lie below every pod range: no node address is a pod's.
    const toNumber = (ip: string) => ip.split('.').reduce((value, part) => value * 256 + Number(part), 0);
    expect(Math.max(...addresses.map((address) => toNumber(address as string)))).toBeLessThan((sorted[0] as { first: number }).first);
  });

  it('gives the first pod of each of 5,000 nodes an address of its own, inside the range of its node and no node address', () => {
    const nodes = nodeManifests([{ namePrefix: 'n-', count: 5_000, capacity: { cpu: '1', memory: '1Gi' } }]).map((node) => node.manifest as unknown as Node);
    const state = emptyState();
    const podIPs = nodes.map((node) => allocatePodIP(state, node));
    expect(new Set(podIPs).size).toBe(5_000);
    expect(podIPs[4_999]).toBe('10.147.135.2');
    const nodeAddresses = new Set(nodes.map((node) => internalIPOf(node as unknown as Record<string, unknown>)));
    expect(podIPs.filter((ip) => ip === undefined || nodeAddresses.has(ip))).toEqual([]);
  });

  it('keeps every pod IP unique in a run of 1,100 nodes, past the 1,024 a /14 cluster CIDR had room for', () => {
    const labels = { app: 'agent' };
    const daemonSet = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'a', image: 'agent:1' }] } } } };
    const result = simulate(
      { name: 'wide', until: 5_000, nodes: [{ namePrefix: 'n-', count: 1_100, capacity: { cpu: '1', memory: '1Gi' } }], steps: [{ atMs: 1_000, action: 'apply', value: daemonSet }] },
      { keepEvents: false },
    );
    const podIPs = [...result.state.pods.values()].map((pod) => pod.status.podIP);
    expect(podIPs.length).toBe(1_100);
    expect(podIPs.filter((ip) => ip === undefined)).toEqual([]);
    expect(new Set(podIPs).size).toBe(1_100);
  }, 60_000);

  it('refuses more nodes than the cluster CIDR has ranges for', () => {
    const scenario = { name: 'huge', until: 0, nodes: [{ namePrefix: 'n-', count: MAX_NODES + 1, capacity: { cpu: '1', memory: '1Gi' } }] };
    expect(() => simulate(scenario)).toThrow(ScenarioError);
    expect(() => simulate(scenario)).toThrow(/16385 nodes, more than the 16384 pod ranges/);
  });
});

import { describe, expect, it } from 'vitest';
import { nodeManifests } from '../../scenarios/nodes.ts';

const cidrOf = (manifest: Record<string, unknown>) => (manifest.spec as { podCIDR: string }).podCIDR;

describe('scenario nodes', () => {
  it('names a series from its prefix and defaults pods to 110', () => {
    const nodes = nodeManifests([{ namePrefix: 'worker-', count: 2, capacity: { cpu: '2', memory: '4Gi' } }]);
    expect(nodes.map((node) => node.name)).toEqual(['worker-1', 'worker-2']);
    expect((nodes[0]?.manifest.status as { capacity: Record<string, string> }).capacity).toEqual({ cpu: '2', memory: '4Gi', pods: '110' });
  });

  it('gives each of 1,024 nodes its own pod CIDR', () => {
    const nodes = nodeManifests([{ namePrefix: 'n-', count: 1024, capacity: { cpu: '1', memory: '1Gi' } }]);
    const cidrs = new Set(nodes.map((node) => cidrOf(node.manifest)));
    expect(cidrs.size).toBe(1024);
    expect(cidrOf((nodes[256] as { manifest: Record<string, unknown> }).manifest)).toBe('10.245.0.0/24');
  });
});

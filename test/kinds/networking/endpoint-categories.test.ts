import { describe, expect, it } from 'vitest';
import { categorizeEndpoints } from '../../../kinds/networking/endpoint-categories.ts';
import type { ServiceEndpoint } from '../../../kinds/networking/service-endpoints.ts';

// The cases of upstream's TestCategorizeEndpoints (pkg/proxy/topology_test.go) without topology
// hints, with ProxyTerminatingEndpoints on as in v1.34; IsLocal is "on node `here`".
const HERE = 'here';

function endpoint(address: string, conditions: { ready: boolean; serving?: boolean; terminating?: boolean; local?: boolean }): ServiceEndpoint {
  return {
    address,
    port: 80,
    ready: conditions.ready,
    serving: conditions.serving ?? conditions.ready,
    terminating: conditions.terminating ?? false,
    nodeName: conditions.local === true ? HERE : 'elsewhere',
  };
}

const ids = (endpoints: readonly ServiceEndpoint[]) => endpoints.map((e) => `${e.address}:${e.port}`).sort();

describe('kube-proxy: categorizing endpoints (CategorizeEndpoints)', () => {
  it('internalTrafficPolicy Local with every endpoint remote: no local endpoint', () => {
    const { local } = categorizeEndpoints([endpoint('10.0.0.0', { ready: true }), endpoint('10.0.0.1', { ready: true })], HERE);
    expect(ids(local)).toEqual([]);
  });

  it('internalTrafficPolicy Local with every endpoint local: all of them', () => {
    const { local } = categorizeEndpoints([endpoint('10.0.0.0', { ready: true, local: true }), endpoint('10.0.0.1', { ready: true, local: true })], HERE);
    expect(ids(local)).toEqual(['10.0.0.0:80', '10.0.0.1:80']);
  });

  it('internalTrafficPolicy Local with some endpoints local: those', () => {
    const { local, cluster } = categorizeEndpoints([endpoint('10.0.0.0', { ready: true, local: true }), endpoint('10.0.0.1', { ready: true })], HERE);
    expect(ids(local)).toEqual(['10.0.0.0:80']);
    expect(ids(cluster)).toEqual(['10.0.0.0:80', '10.0.0.1:80']);
  });

  it('Cluster policy with no endpoint Ready: none', () => {
    expect(ids(categorizeEndpoints([endpoint('10.0.0.0', { ready: false }), endpoint('10.0.0.1', { ready: false })], HERE).cluster)).toEqual([]);
  });

  it('Cluster policy with some endpoints Ready: only those', () => {
    expect(ids(categorizeEndpoints([endpoint('10.0.0.0', { ready: false }), endpoint('10.0.0.1', { ready: true })], HERE).cluster)).toEqual(['10.0.0.1:80']);
  });

  it('Cluster policy with every endpoint terminating but serving: falls back to them', () => {
    const endpoints = [endpoint('10.0.0.0', { ready: false, serving: true, terminating: true, local: true }), endpoint('10.0.0.1', { ready: false, serving: true, terminating: true })];
    expect(ids(categorizeEndpoints(endpoints, HERE).cluster)).toEqual(['10.0.0.0:80', '10.0.0.1:80']);
  });

  it('iTP Local, eTP Local, every endpoint remote and terminating: cluster falls back, local has none', () => {
    const endpoints = [endpoint('10.0.0.0', { ready: false, serving: true, terminating: true }), endpoint('10.0.0.1', { ready: false, serving: true, terminating: true })];
    const { cluster, local } = categorizeEndpoints(endpoints, HERE);
    expect(ids(cluster)).toEqual(['10.0.0.0:80', '10.0.0.1:80']);
    expect(ids(local)).toEqual([]);
  });

  it('iTP Cluster, eTP Local with terminating endpoints: cluster keeps the ready one, local falls back to its serving-terminating one', () => {
    const endpoints = [
      endpoint('10.0.0.0', { ready: true }),
      endpoint('10.0.0.1', { ready: false, serving: false, local: true }),
      endpoint('10.0.0.2', { ready: false, serving: true, terminating: true, local: true }),
      endpoint('10.0.0.3', { ready: false, serving: true, terminating: true }),
    ];
    const { cluster, local } = categorizeEndpoints(endpoints, HERE);
    expect(ids(cluster)).toEqual(['10.0.0.0:80']);
    expect(ids(local)).toEqual(['10.0.0.2:80']);
  });
});

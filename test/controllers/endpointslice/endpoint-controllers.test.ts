// The EndpointSlice and Endpoints controllers in a run: the objects they write (labels, owner,
// conditions, node, zone, target, ports with named target ports resolved per pod), their updates
// as pods become ready and terminate, and the simulated cloud's load balancer IPs.

import { describe, expect, it } from 'vitest';
import type { Endpoints, EndpointSlice, Service } from '../../../core/networking.ts';
import { kindTable, listObjects } from '../../../reducers/lookup.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { decodeScenario } from '../../../scenarios/load.ts';
import { simulate } from '../../../scenarios/simulate.ts';

function run(steps: unknown[], extra: Record<string, unknown> = {}): ClusterState {
  const decoded = decodeScenario(
    {
      name: 'svc',
      nodes: [{ namePrefix: 'node-', count: 2, capacity: { cpu: '4', memory: '8Gi' }, labels: { 'topology.kubernetes.io/zone': 'zone-a' } }],
      images: { default: { pull: '1s', start: '1s', ready: '2s' }, 'slow:1': { ready: '1h' } },
      steps,
      ...extra,
    },
    'test',
  );
  if (!decoded.ok) throw new Error(decoded.errors.join('\n'));
  return simulate(decoded.value).state;
}

const pod = (name: string, labels: Record<string, string>, ports: unknown[] = [], image = 'web:1') => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels },
  spec: { containers: [{ name: 'app', image, ports }] },
});

const svc = (name: string, spec: Record<string, unknown>, labels?: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, ...(labels ? { labels } : {}) }, spec });

function slicesOf(state: ClusterState, service: string): EndpointSlice[] {
  return listObjects<EndpointSlice>(state, 'EndpointSlice', 'default').filter((slice) => slice.metadata.labels?.['kubernetes.io/service-name'] === service);
}

describe('EndpointSlice controller', () => {
  it('writes a slice as upstream does: generateName, labels, controller reference, IPv4, conditions, node, zone, target', () => {
    const state = run([{ at: '0s', apply: [pod('web-1', { app: 'web' }, [{ containerPort: 8080 }]), svc('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] }, { tier: 'front' })] }], { until: '30s' });
    const service = kindTable<Service>(state, 'Service').get('default/web');
    const [slice, ...others] = slicesOf(state, 'web');
    expect(others).toEqual([]);
    expect(slice?.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice?.metadata.generateName).toBe('web-');
    expect(slice?.metadata.labels).toEqual({ 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'web', tier: 'front' });
    expect(slice?.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: service?.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    const pod1 = state.pods.get('default/web-1');
    expect(slice?.addressType).toBe('IPv4');
    expect(slice?.ports).toEqual([{ name: '', protocol: 'TCP', port: 8080 }]);
    expect(slice?.endpoints).toEqual([
      {
        addresses: [pod1?.status.podIP],
        conditions: { ready: true, serving: true, terminating: false },
        targetRef: { kind: 'Pod', namespace: 'default', name: 'web-1', uid: pod1?.metadata.uid },
        nodeName: pod1?.spec.nodeName,
        zone: 'zone-a',
      },
    ]);
  });

  it('lists a pod that is not ready as not ready and not serving, and as ready with publishNotReadyAddresses', () => {
    const manifests = [pod('slow', { app: 'slow' }, [], 'slow:1'), svc('slow', { selector: { app: 'slow' }, ports: [{ port: 80 }] }), svc('slow-all', { selector: { app: 'slow' }, ports: [{ port: 80 }], publishNotReadyAddresses: true })];
    const state = run([{ at: '0s', apply: manifests }], { until: '30s' });
    expect(slicesOf(state, 'slow')[0]?.endpoints[0]?.conditions).toEqual({ ready: false, serving: false, terminating: false });
    expect(slicesOf(state, 'slow-all')[0]?.endpoints[0]?.conditions).toEqual({ ready: true, serving: false, terminating: false });
    const endpoints = kindTable<Endpoints>(state, 'Endpoints');
    expect(endpoints.get('default/slow')?.subsets?.[0]?.notReadyAddresses?.length).toBe(1);
    expect(endpoints.get('default/slow')?.subsets?.[0]?.addresses).toBeUndefined();
    expect(endpoints.get('default/slow-all')?.subsets?.[0]?.addresses?.length).toBe(1);
  });

  it('resolves a named target port per pod; a pod without it goes in a slice without that port, and out of the Endpoints subset', () => {
    const manifests = [
      pod('a', { app: 'proxy' }, [{ containerPort: 80, name: 'http-web-svc' }]),
      pod('b', { app: 'proxy' }, [{ containerPort: 8080, name: 'http-web-svc' }]),
      pod('c', { app: 'proxy' }, []),
      svc('proxy', { selector: { app: 'proxy' }, ports: [{ name: 'web', port: 80, targetPort: 'http-web-svc' }] }),
    ];
    const state = run([{ at: '0s', apply: manifests }], { until: '30s' });
    const byPorts = slicesOf(state, 'proxy').map((slice) => [slice.ports?.map((port) => port.port) ?? [], slice.endpoints.map((e) => e.targetRef?.name)]);
    expect(byPorts.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)))).toEqual([[[], ['c']], [[80], ['a']], [[8080], ['b']]]);
    const subsets = kindTable<Endpoints>(state, 'Endpoints').get('default/proxy')?.subsets ?? [];
    expect(subsets.map((subset) => [subset.ports?.[0]?.port, subset.addresses?.map((address) => address.targetRef?.name)])).toEqual(
      expect.arrayContaining([[80, ['a']], [8080, ['b']]]),
    );
    expect(subsets).toHaveLength(2);
  });

  it('marks a terminating pod terminating, still serving, not ready, until it is gone', () => {
    const steps = [
      { at: '0s', apply: [pod('web-1', { app: 'web' }), svc('web', { selector: { app: 'web' }, ports: [{ port: 80 }] })] },
      { at: '20s', delete: { kind: 'Pod', name: 'web-1', gracePeriodSeconds: 30 } },
    ];
    const images = { default: { pull: '1s', start: '1s', ready: '2s', stop: '10s' } };
    const during = run(steps, { until: '25s', images });
    expect(slicesOf(during, 'web')[0]?.endpoints[0]?.conditions).toEqual({ ready: false, serving: true, terminating: true });
    expect(kindTable<Endpoints>(during, 'Endpoints').get('default/web')?.subsets).toBeUndefined();
    const after = run(steps, { until: '1m', images });
    expect(slicesOf(after, 'web').map((slice) => slice.endpoints)).toEqual([[]]);
  });

  it('keeps no slices for a Service without a selector or of type ExternalName', () => {
    const state = run([{ at: '0s', apply: [svc('manual', { ports: [{ port: 80 }] }), svc('ext', { type: 'ExternalName', externalName: 'example.com' })] }], { until: '10s' });
    expect(listObjects(state, 'EndpointSlice', 'default')).toEqual([]);
    expect(listObjects(state, 'Endpoints', 'default')).toEqual([]);
  });
});

describe('the simulated cloud service controller', () => {
  const lb = (name: string) => svc(name, { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80 }] });

  it('leaves a LoadBalancer pending on a cluster without a pool', () => {
    const state = run([{ at: '0s', apply: lb('a') }], { until: '10s' });
    expect(kindTable<Service>(state, 'Service').get('default/a')?.status).toEqual({ loadBalancer: {} });
  });

  it('hands out the pool in order, and a freed IP to the Service waiting for one', () => {
    const steps = [{ at: '0s', apply: [lb('a'), lb('b'), lb('c')] }, { at: '10s', delete: { kind: 'Service', name: 'a' } }];
    const cluster = { loadBalancerIPs: ['192.0.2.10', '192.0.2.11'] };
    const ip = (state: ClusterState, name: string) => kindTable<Service>(state, 'Service').get(`default/${name}`)?.status?.loadBalancer?.ingress?.[0]?.ip;
    const before = run(steps.slice(0, 1), { until: '5s', cluster });
    expect([ip(before, 'a'), ip(before, 'b'), ip(before, 'c')]).toEqual(['192.0.2.10', '192.0.2.11', undefined]);
    const after = run(steps, { until: '20s', cluster });
    expect(ip(after, 'c')).toBe('192.0.2.10');
  });
});

// kubectl's columns for Services, Endpoints and EndpointSlices (printers.go), with its figures:
// "80:30007/TCP", "<pending>", three addresses then "+ N more...", "<unset>".

import { describe, expect, it } from 'vitest';
import type { Endpoint, Endpoints, EndpointSlice, Service } from '../../../core/networking.ts';
import { endpointSliceRow, endpointsText, externalIPText, serviceRow, servicePortsText } from '../../../kinds/printers/services.ts';

const meta = (name: string) => ({ name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: '2025-01-01T00:00:00Z' });
// Virtual time starts at 2025-01-01T00:00:00Z; five minutes in.
const NOW = 5 * 60_000;

function service(spec: Service['spec'], status?: Service['status']): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: meta('my-service'), spec, ...(status ? { status } : {}) };
}

describe('Service columns', () => {
  it('prints the documentation example as kubectl does, and its selector with -o wide', () => {
    const row = serviceRow(service({ type: 'ClusterIP', clusterIP: '10.96.12.34', selector: { 'app.kubernetes.io/name': 'MyApp' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 9376 }] }), true, NOW);
    expect(row).toEqual(['my-service', 'ClusterIP', '10.96.12.34', '<none>', '80/TCP', '5m', 'app.kubernetes.io/name=MyApp']);
  });

  it('shows node ports and several ports joined by commas', () => {
    expect(servicePortsText(service({ ports: [{ port: 80, nodePort: 30007, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }] }))).toBe('80:30007/TCP,53/UDP');
    expect(servicePortsText(service({ clusterIP: 'None' }))).toBe('<none>');
  });

  it('shows a LoadBalancer without ingress as <pending>, and cuts a long ingress list unless wide', () => {
    expect(externalIPText(service({ type: 'LoadBalancer' }, { loadBalancer: {} }), false)).toBe('<pending>');
    const ingress = [{ ip: '192.0.2.127' }, { ip: '192.0.2.128' }];
    expect(externalIPText(service({ type: 'LoadBalancer' }, { loadBalancer: { ingress } }), false)).toBe('192.0.2.127,1...');
    expect(externalIPText(service({ type: 'LoadBalancer' }, { loadBalancer: { ingress } }), true)).toBe('192.0.2.127,192.0.2.128');
    expect(externalIPText(service({ type: 'ExternalName', externalName: 'my.database.example.com' }), false)).toBe('my.database.example.com');
    expect(externalIPText(service({ type: 'ClusterIP', externalIPs: ['198.51.100.32'] }), false)).toBe('198.51.100.32');
  });
});

describe('Endpoints column', () => {
  const address = (i: number) => ({ ip: `10.0.0.${i}` });
  it('lists three addresses with their port, then counts the rest', () => {
    const endpoints: Endpoints = { apiVersion: 'v1', kind: 'Endpoints', metadata: meta('web'), subsets: [{ addresses: [1, 2, 3, 4, 5].map(address), ports: [{ port: 8080 }] }] };
    expect(endpointsText(endpoints)).toBe('10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 2 more...');
  });

  it('counts every port of every address: two ports of two addresses are four entries', () => {
    const endpoints: Endpoints = { apiVersion: 'v1', kind: 'Endpoints', metadata: meta('web'), subsets: [{ addresses: [1, 2].map(address), ports: [{ port: 80 }, { port: 443 }] }] };
    expect(endpointsText(endpoints)).toBe('10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...');
  });

  it('prints <none> without subsets, bare addresses for a headless Service without ports, and nothing for not-ready ones only', () => {
    expect(endpointsText({ apiVersion: 'v1', kind: 'Endpoints', metadata: meta('a') })).toBe('<none>');
    expect(endpointsText({ apiVersion: 'v1', kind: 'Endpoints', metadata: meta('b'), subsets: [{ addresses: [address(7)] }] })).toBe('10.0.0.7');
    expect(endpointsText({ apiVersion: 'v1', kind: 'Endpoints', metadata: meta('c'), subsets: [{ notReadyAddresses: [address(7)], ports: [{ port: 80 }] }] })).toBe('');
  });
});

describe('EndpointSlice columns', () => {
  const endpoint = (i: number): Endpoint => ({ addresses: [`10.0.0.${i}`], conditions: { ready: true } });
  const slice = (endpoints: Endpoint[], ports: EndpointSlice['ports']): EndpointSlice => ({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: meta('web-abcde'), addressType: 'IPv4', endpoints, ports });

  it('lists ports and addresses, three of each, then + N more...', () => {
    expect(endpointSliceRow(slice([1, 2, 3, 4].map(endpoint), [{ port: 80 }, { port: 443 }, { port: 8080 }, { port: 9090 }]), NOW)).toEqual([
      'web-abcde', 'IPv4', '80,443,8080 + 1 more...', '10.0.0.1,10.0.0.2,10.0.0.3 + 1 more...', '5m',
    ]);
  });

  it('prints <unset> for a placeholder slice', () => {
    expect(endpointSliceRow(slice([], []), NOW).slice(2, 4)).toEqual(['<unset>', '<unset>']);
  });
});

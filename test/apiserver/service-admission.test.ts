// Service admission as kube-apiserver v1.34 does it: SetDefaults_Service, the registry's IP family
// fields, cluster IP and node port allocation with the allocators' messages, and ValidateService's
// messages for what ksim acts on.

import { describe, expect, it } from 'vitest';
import type { KsimEvent } from '../../core/events.ts';
import type { Service } from '../../core/networking.ts';
import { kindTable } from '../../reducers/lookup.ts';
import { ApiHarness } from '../support/api-harness.ts';

function service(name: string, spec: Record<string, unknown>, namespace?: string): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, ...(namespace === undefined ? {} : { namespace }) }, spec };
}

function stored(api: ApiHarness, name: string, namespace = 'default'): Service {
  const found = kindTable<Service>(api.state, 'Service').get(`${namespace}/${name}`);
  if (found === undefined) throw new Error(`no Service ${namespace}/${name}`);
  return found;
}

function refusal(events: readonly KsimEvent[]): string {
  const event = events.find((candidate) => candidate.type === 'request/rejected');
  if (event?.type !== 'request/rejected') throw new Error(`expected a rejection, got ${events.map((e) => e.type).join(', ')}`);
  return event.message;
}

const MY_SERVICE = { selector: { 'app.kubernetes.io/name': 'MyApp' }, ports: [{ protocol: 'TCP', port: 80, targetPort: 9376 }] };

describe('Service defaults', () => {
  it('gives the documentation example type ClusterIP, sessionAffinity None, single-stack IPv4 and a cluster IP from 10.96.0.0/12', () => {
    const api = new ApiHarness();
    api.apply(service('my-service', MY_SERVICE));
    const { spec, status } = stored(api, 'my-service');
    expect(spec).toMatchObject({ type: 'ClusterIP', sessionAffinity: 'None', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', internalTrafficPolicy: 'Cluster' });
    expect(spec.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.[0-9]+\.[0-9]+$/);
    expect(spec.clusterIP).not.toBe('10.96.0.1');
    expect(spec.clusterIPs).toEqual([spec.clusterIP]);
    expect(spec.externalTrafficPolicy).toBeUndefined();
    expect(status).toEqual({ loadBalancer: {} });
  });

  it('defaults protocol to TCP and targetPort to the port', () => {
    const api = new ApiHarness();
    api.apply(service('web', { selector: { app: 'web' }, ports: [{ port: 8080 }] }));
    expect(stored(api, 'web').spec.ports).toEqual([{ protocol: 'TCP', port: 8080, targetPort: 8080 }]);
  });

  it('keeps spec fields in the order of upstream ServiceSpec', () => {
    const api = new ApiHarness();
    api.apply(service('web', { type: 'NodePort', ports: [{ port: 80 }], selector: { app: 'web' } }));
    expect(Object.keys(stored(api, 'web').spec)).toEqual([
      'ports', 'selector', 'clusterIP', 'clusterIPs', 'type', 'sessionAffinity', 'externalTrafficPolicy', 'ipFamilies', 'ipFamilyPolicy', 'internalTrafficPolicy',
    ]);
  });

  it('sets externalTrafficPolicy Cluster for NodePort and LoadBalancer, and allocateLoadBalancerNodePorts for LoadBalancer', () => {
    const api = new ApiHarness();
    api.apply(service('np', { type: 'NodePort', selector: { app: 'x' }, ports: [{ port: 80 }] }));
    api.apply(service('lb', { type: 'LoadBalancer', selector: { app: 'x' }, ports: [{ port: 80 }] }));
    expect(stored(api, 'np').spec.externalTrafficPolicy).toBe('Cluster');
    expect(stored(api, 'lb').spec).toMatchObject({ externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true });
  });

  it('gives ClientIP affinity the three-hour timeout', () => {
    const api = new ApiHarness();
    api.apply(service('sticky', { selector: { app: 'x' }, ports: [{ port: 80 }], sessionAffinity: 'ClientIP' }));
    expect(stored(api, 'sticky').spec.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
  });

  it('leaves a headless Service without a cluster IP and an ExternalName one without IP fields', () => {
    const api = new ApiHarness();
    api.apply(service('db', { clusterIP: 'None', selector: { app: 'db' } }));
    api.apply(service('ext', { type: 'ExternalName', externalName: 'my.database.example.com' }));
    expect(stored(api, 'db').spec).toMatchObject({ clusterIP: 'None', clusterIPs: ['None'] });
    const ext = stored(api, 'ext').spec;
    expect(ext.clusterIP).toBeUndefined();
    expect(ext.ipFamilies).toBeUndefined();
    expect(ext.internalTrafficPolicy).toBeUndefined();
  });
});

describe('Service allocation', () => {
  it('draws node ports from the upper band of 30000-32767 and never the same twice', () => {
    const api = new ApiHarness();
    for (let i = 0; i < 20; i++) api.apply(service(`np-${i}`, { type: 'NodePort', selector: { app: 'x' }, ports: [{ port: 80 }] }));
    const ports = Array.from({ length: 20 }, (_, i) => stored(api, `np-${i}`).spec.ports?.[0]?.nodePort ?? 0);
    expect(new Set(ports).size).toBe(20);
    // The static band of a 2768-port range is 2768/32 = 86 ports; dynamic allocation starts above it.
    for (const port of ports) expect(port >= 30086 && port <= 32767).toBe(true);
  });

  it('gives the same node port to two ports of the same number (TCP and UDP)', () => {
    const api = new ApiHarness();
    api.apply(service('dns', { type: 'NodePort', selector: { app: 'dns' }, ports: [{ name: 'tcp', port: 53, protocol: 'TCP' }, { name: 'udp', port: 53, protocol: 'UDP' }] }));
    const [tcp, udp] = stored(api, 'dns').spec.ports ?? [];
    expect(tcp?.nodePort).toBe(udp?.nodePort);
  });

  it('refuses a node port that is taken, and one outside the range, with the allocator messages', () => {
    const api = new ApiHarness();
    api.apply(service('first', { type: 'NodePort', selector: { app: 'x' }, ports: [{ port: 80, nodePort: 30007 }] }));
    expect(refusal(api.apply(service('second', { type: 'NodePort', selector: { app: 'x' }, ports: [{ port: 80, nodePort: 30007 }] })))).toBe(
      'Service "second" is invalid: spec.ports[0].nodePort: Invalid value: 30007: provided port is already allocated',
    );
    expect(refusal(api.apply(service('third', { type: 'NodePort', selector: { app: 'x' }, ports: [{ port: 80, nodePort: 29999 }] })))).toBe(
      'Service "third" is invalid: spec.ports[0].nodePort: Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
  });

  it('releases a node port and a cluster IP when the Service is deleted', () => {
    const api = new ApiHarness();
    api.apply(service('first', { type: 'NodePort', clusterIP: '10.96.0.10', selector: { app: 'x' }, ports: [{ port: 80, nodePort: 30007 }] }));
    api.run({ type: 'delete', actor: 'user', kind: 'Service', namespace: 'default', name: 'first' });
    api.apply(service('second', { type: 'NodePort', clusterIP: '10.96.0.10', selector: { app: 'x' }, ports: [{ port: 80, nodePort: 30007 }] }));
    expect(stored(api, 'second').spec).toMatchObject({ clusterIP: '10.96.0.10', ports: [{ nodePort: 30007 }] });
  });

  it('refuses a cluster IP that is taken, the reserved first address, and one outside the service CIDR', () => {
    const api = new ApiHarness();
    api.apply(service('dns', { clusterIP: '10.96.0.10', selector: { app: 'x' }, ports: [{ port: 53 }] }));
    expect(refusal(api.apply(service('again', { clusterIP: '10.96.0.10', selector: { app: 'x' }, ports: [{ port: 53 }] })))).toBe(
      'Service "again" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.10"]: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    );
    expect(refusal(api.apply(service('kube', { clusterIP: '10.96.0.1', selector: { app: 'x' }, ports: [{ port: 443 }] })))).toContain('failed to allocate IP 10.96.0.1: provided IP is already allocated');
    expect(refusal(api.apply(service('far', { clusterIP: '10.0.171.239', selector: { app: 'x' }, ports: [{ port: 80 }] })))).toBe(
      'Service "far" is invalid: spec.clusterIPs: Invalid value: ["10.0.171.239"]: failed to allocate IP 10.0.171.239: the provided IP (10.0.171.239) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
  });

  it('keeps the cluster IP and node ports when a manifest applied again leaves them out', () => {
    const api = new ApiHarness();
    const manifest = service('web', { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] });
    api.apply(manifest);
    const before = stored(api, 'web');
    expect(api.apply(manifest)).toEqual([]);
    expect(stored(api, 'web')).toBe(before);
  });

  it('refuses a changed cluster IP: it may not change once set', () => {
    const api = new ApiHarness();
    api.apply(service('web', { clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ port: 80 }] }));
    expect(refusal(api.apply(service('web', { clusterIP: '10.96.0.21', selector: { app: 'web' }, ports: [{ port: 80 }] })))).toBe(
      'Service "web" is invalid: spec.clusterIPs[0]: Invalid value: ["10.96.0.21"]: may not change once set',
    );
  });

  it('drops the node ports when a NodePort Service becomes ClusterIP, and the cluster IP when it becomes ExternalName', () => {
    const api = new ApiHarness();
    api.apply(service('web', { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] }));
    const nodePort = stored(api, 'web').spec.ports?.[0]?.nodePort;
    api.apply(service('web', { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ port: 80, nodePort }] }));
    expect(stored(api, 'web').spec.ports?.[0]?.nodePort).toBeUndefined();
    api.apply(service('web', { type: 'ExternalName', externalName: 'example.com' }));
    expect(stored(api, 'web').spec.clusterIP).toBeUndefined();
  });
});

describe('ValidateService messages', () => {
  const cases: readonly [string, Record<string, unknown>, string][] = [
    ['ports are required', { selector: { app: 'x' } }, 'spec.ports: Required value'],
    ['two ports need names', { selector: { app: 'x' }, ports: [{ port: 80 }, { port: 443 }] }, '[spec.ports[0].name: Required value, spec.ports[1].name: Required value]'],
    ['port names are unique', { selector: { app: 'x' }, ports: [{ name: 'web', port: 80 }, { name: 'web', port: 443 }] }, 'spec.ports[1].name: Duplicate value: "web"'],
    ['a port is 1 to 65535', { selector: { app: 'x' }, ports: [{ port: 65536 }] }, 'spec.ports[0].port: Invalid value: 65536: must be between 1 and 65535, inclusive'],
    ['a named target port is an IANA service name', { selector: { app: 'x' }, ports: [{ port: 80, targetPort: 'http_web' }] }, 'spec.ports[0].targetPort: Invalid value: "http_web": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'],
    ['the protocol is TCP, UDP or SCTP', { selector: { app: 'x' }, ports: [{ port: 80, protocol: 'HTTP' }] }, 'spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"'],
    ['the type is one of four', { selector: { app: 'x' }, type: 'Magic', ports: [{ port: 80 }] }, 'spec.type: Unsupported value: "Magic": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
    ['a ClusterIP Service has no node port', { selector: { app: 'x' }, ports: [{ port: 80, nodePort: 30001 }] }, "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
    ['an ExternalName Service names a host', { type: 'ExternalName' }, 'spec.externalName: Required value'],
    ['externalTrafficPolicy is for external Services', { selector: { app: 'x' }, ports: [{ port: 80 }], externalTrafficPolicy: 'Local' }, 'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services'],
    ['the selector holds label values', { selector: { app: 'not valid' }, ports: [{ port: 80 }] }, 'spec.selector: Invalid value: "not valid": a valid label must be an empty string or consist of alphanumeric characters'],
  ];
  for (const [title, spec, message] of cases) {
    it(title, () => {
      const api = new ApiHarness();
      expect(refusal(api.apply(service('bad', spec)))).toContain(message);
    });
  }
});

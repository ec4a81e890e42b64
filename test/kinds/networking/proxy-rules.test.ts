import { describe, expect, it } from 'vitest';
import { formatFrontend, frontendKey, proxyView } from '../../../kinds/networking/proxy-rules.ts';
import { stateWith } from '../../support/reduce-events.ts';
import { service, slice } from '../../support/networking.ts';

const web = service('web', { type: 'NodePort', clusterIP: '10.96.0.20', ports: [{ name: 'http', port: 80, nodePort: 30080 }] });
const webSlices = [
  slice('web-a', 'web', [{ ip: '10.128.1.2', node: 'n1', pod: 'web-1' }, { ip: '10.128.2.2', node: 'n2', pod: 'web-2', ready: false }], { http: 8080 }),
  // The same endpoint listed again by a second slice counts once.
  slice('web-b', 'web', [{ ip: '10.128.1.2', node: 'n1', pod: 'web-1' }, { ip: '10.128.3.2', node: 'n3', pod: 'web-3' }], { http: 8080 }),
];

const addresses = (endpoints: readonly { address: string; port: number }[]) => endpoints.map((e) => `${e.address}:${e.port}`);

describe("kube-proxy's view of a node", () => {
  it('sends a cluster IP to the ready endpoints of every slice of the Service, each once, at the slice port of the same name', () => {
    const view = proxyView(stateWith(web, ...webSlices), 'n1');
    const rule = view.byFrontend.get(frontendKey('ClusterIP', '10.96.0.20', 80));
    expect(rule?.service).toBe('default/web');
    expect(addresses(rule?.endpoints ?? [])).toEqual(['10.128.1.2:8080', '10.128.3.2:8080']);
  });

  it('opens the node port of a NodePort Service on every node', () => {
    const state = stateWith(web, ...webSlices);
    for (const node of ['n1', 'n2']) expect(proxyView(state, node).byFrontend.get(frontendKey('NodePort', '', 30080))?.frontend).toEqual({ kind: 'NodePort', address: '', port: 30080, protocol: 'TCP' });
    expect(formatFrontend(proxyView(state, 'n1').rules[1]!.frontend)).toBe('<node>:30080/TCP');
  });

  it('sends nothing where no slice port has the Service port name', () => {
    const state = stateWith(web, slice('web-a', 'web', [{ ip: '10.128.1.2', node: 'n1' }], { metrics: 9090 }));
    expect(proxyView(state, 'n1').byFrontend.get(frontendKey('ClusterIP', '10.96.0.20', 80))?.endpoints).toEqual([]);
  });

  it('with internalTrafficPolicy Local keeps cluster-IP traffic on the node, with no fallback to other nodes', () => {
    const local = service('local', { clusterIP: '10.96.0.30', internalTrafficPolicy: 'Local', ports: [{ port: 80 }] });
    const state = stateWith(local, slice('local-a', 'local', [{ ip: '10.128.1.5', node: 'n1' }, { ip: '10.128.2.5', node: 'n2' }]));
    expect(addresses(proxyView(state, 'n2').byFrontend.get(frontendKey('ClusterIP', '10.96.0.30', 80))?.endpoints ?? [])).toEqual(['10.128.2.5:8080']);
    expect(proxyView(state, 'n3').byFrontend.get(frontendKey('ClusterIP', '10.96.0.30', 80))?.endpoints).toEqual([]);
  });

  it('with externalTrafficPolicy Local keeps node-port and load-balancer traffic on the node, but not cluster-IP traffic', () => {
    const lb = service('lb', { type: 'LoadBalancer', clusterIP: '10.96.0.40', externalTrafficPolicy: 'Local', ports: [{ port: 80, nodePort: 31000 }] }, 'default', { loadBalancer: { ingress: [{ ip: '198.51.100.7' }] } });
    const state = stateWith(lb, slice('lb-a', 'lb', [{ ip: '10.128.1.6', node: 'n1' }, { ip: '10.128.2.6', node: 'n2' }]));
    const view = proxyView(state, 'n1');
    expect(addresses(view.byFrontend.get(frontendKey('NodePort', '', 31000))?.endpoints ?? [])).toEqual(['10.128.1.6:8080']);
    expect(addresses(view.byFrontend.get(frontendKey('LoadBalancer', '198.51.100.7', 80))?.endpoints ?? [])).toEqual(['10.128.1.6:8080']);
    expect(addresses(view.byFrontend.get(frontendKey('ClusterIP', '10.96.0.40', 80))?.endpoints ?? [])).toEqual(['10.128.1.6:8080', '10.128.2.6:8080']);
  });

  it('programs nothing for headless and ExternalName Services, nor a NodePort for a ClusterIP Service', () => {
    const headless = service('db', { clusterIP: 'None', ports: [{ port: 5432 }] });
    const external = service('ext', { type: 'ExternalName', externalName: 'db.example.com' });
    const plain = service('plain', { clusterIP: '10.96.0.50', ports: [{ port: 80, nodePort: 30999 }] });
    const view = proxyView(stateWith(headless, external, plain), 'n1');
    expect(view.rules.map((rule) => formatFrontend(rule.frontend))).toEqual(['10.96.0.50:80/TCP']);
  });

  it('is kept while the Service and EndpointSlice tables are the same, and built again when a slice changes', () => {
    const state = stateWith(web, ...webSlices);
    expect(proxyView(state, 'n1')).toBe(proxyView(state, 'n1'));
    const changed = stateWith(web, webSlices[0]!);
    expect(proxyView(changed, 'n1')).not.toBe(proxyView(state, 'n1'));
    expect(addresses(proxyView(changed, 'n1').rules[0]!.endpoints)).toEqual(['10.128.1.2:8080']);
  });
});

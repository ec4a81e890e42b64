// `kubectl describe service` and `describe endpointslice`, as kubectl v1.34 prints them: each port
// with its ready endpoints from the Service's slices, and each endpoint with its conditions.

import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Service } from '../../../core/networking.ts';
import { describeEndpointSlice } from '../../../kinds/describe/endpoint-slice.ts';
import { describeService, endpointSlicesText } from '../../../kinds/describe/service.ts';
import { kindTable } from '../../../reducers/lookup.ts';
import { ApiHarness } from '../../support/api-harness.ts';
import { lines, page } from './builders.ts';

const endpoint = (ip: string, ready: boolean, name: string) => ({
  addresses: [ip],
  conditions: { ready, serving: ready, terminating: false },
  targetRef: { kind: 'Pod', namespace: 'default', name, uid: `uid-${name}` },
  nodeName: 'node-1',
  zone: 'zone-a',
});

const sliceManifest = {
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: 'my-service-x7k2p', labels: { 'kubernetes.io/service-name': 'my-service', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' } },
  addressType: 'IPv4',
  endpoints: [endpoint('10.128.0.5', true, 'my-app-1'), endpoint('10.128.1.4', false, 'my-app-2')],
  ports: [{ name: '', protocol: 'TCP', port: 9376 }],
};

function cluster(): { api: ApiHarness; service: Service; slice: EndpointSlice } {
  const api = new ApiHarness();
  api.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'my-service' }, spec: { clusterIP: '10.96.0.20', selector: { 'app.kubernetes.io/name': 'MyApp' }, ports: [{ protocol: 'TCP', port: 80, targetPort: 9376 }] } });
  api.apply(sliceManifest);
  const service = kindTable<Service>(api.state, 'Service').get('default/my-service');
  const slice = kindTable<EndpointSlice>(api.state, 'EndpointSlice').get('default/my-service-x7k2p');
  if (service === undefined || slice === undefined) throw new Error('not created');
  return { api, service, slice };
}

describe('describe service', () => {
  it('prints the documentation example with its ready endpoints only', () => {
    const { api, service } = cluster();
    expect(page((w) => describeService(w, service, api.state))).toBe(
      lines(
        'Name:                     my-service',
        'Namespace:                default',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 app.kubernetes.io/name=MyApp',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.96.0.20',
        'IPs:                      10.96.0.20',
        'Port:                     <unset>  80/TCP',
        'TargetPort:               9376/TCP',
        'Endpoints:                10.128.0.5:9376',
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
      ),
    );
  });

  it('lists three endpoints and counts the rest, ready ones only', () => {
    const { slice } = cluster();
    const many = { ...slice, endpoints: [1, 2, 3, 4, 5].map((i) => endpoint(`10.0.0.${i}`, i !== 2, `p${i}`)) };
    expect(endpointSlicesText([many], '')).toBe('10.0.0.1:9376,10.0.0.3:9376,10.0.0.4:9376 + 1 more...');
    expect(endpointSlicesText([], '')).toBe('<none>');
  });
});

describe('describe endpointslice', () => {
  it('prints the ports table and each endpoint with its condition, target, node and zone', () => {
    const { slice } = cluster();
    expect(page((w) => describeEndpointSlice(w, slice))).toBe(
      lines(
        'Name:         my-service-x7k2p',
        'Namespace:    default',
        'Labels:       endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io',
        '              kubernetes.io/service-name=my-service',
        'Annotations:  <none>',
        'AddressType:  IPv4',
        'Ports:',
        '  Name     Port  Protocol',
        '  ----     ----  --------',
        '  <unset>  9376  TCP',
        'Endpoints:',
        '  - Addresses:  10.128.0.5',
        '    Conditions:',
        '      Ready:    true',
        '    Hostname:   <unset>',
        '    TargetRef:  Pod/my-app-1',
        '    NodeName:   node-1',
        '    Zone:       zone-a',
        '  - Addresses:  10.128.1.4',
        '    Conditions:',
        '      Ready:    false',
        '    Hostname:   <unset>',
        '    TargetRef:  Pod/my-app-2',
        '    NodeName:   node-1',
        '    Zone:       zone-a',
        'Events:         <none>',
      ),
    );
  });
});

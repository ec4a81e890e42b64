import { describe, expect, it } from 'vitest';
import { candidateNames, lookupFqdn, resolveName } from '../../../kinds/networking/cluster-dns.ts';
import { stateWith } from '../../support/reduce-events.ts';
import { service, slice } from '../../support/networking.ts';

const state = stateWith(
  service('web', { clusterIP: '10.96.0.20', ports: [{ port: 80 }] }),
  service('web', { clusterIP: '10.96.7.7', ports: [{ port: 80 }] }, 'shop'),
  service('nginx', { clusterIP: 'None', ports: [{ port: 80 }] }),
  slice('nginx-a', 'nginx', [
    { ip: '10.128.1.4', hostname: 'web-0', pod: 'web-0' },
    { ip: '10.128.2.4', hostname: 'web-1', pod: 'web-1' },
    { ip: '10.128.3.4', hostname: 'web-2', pod: 'web-2', ready: false },
  ]),
  service('raw', { clusterIP: 'None', ports: [{ port: 80 }] }),
  slice('raw-a', 'raw', [{ ip: '10.128.1.9' }]),
  service('db', { type: 'ExternalName', externalName: 'db.example.com' }),
);

describe('cluster DNS (CoreDNS kubernetes plugin)', () => {
  it("answers a Service's name with its cluster IP", () => {
    expect(lookupFqdn(state, 'web.default.svc.cluster.local')).toMatchObject({ kind: 'A', addresses: ['10.96.0.20'] });
    expect(lookupFqdn(state, 'web.shop.svc.cluster.local')).toMatchObject({ kind: 'A', addresses: ['10.96.7.7'] });
  });

  it("answers a headless Service's name with its ready endpoints", () => {
    expect(lookupFqdn(state, 'nginx.default.svc.cluster.local')).toMatchObject({ kind: 'A', addresses: ['10.128.1.4', '10.128.2.4'] });
  });

  it('answers a StatefulSet pod by its hostname under the headless Service, and NXDOMAIN for a pod not ready', () => {
    expect(lookupFqdn(state, 'web-0.nginx.default.svc.cluster.local')).toMatchObject({ kind: 'A', addresses: ['10.128.1.4'] });
    expect(lookupFqdn(state, 'web-2.nginx.default.svc.cluster.local').kind).toBe('NXDOMAIN');
  });

  it('names an endpoint without a hostname by its address with dashes', () => {
    expect(lookupFqdn(state, '10-128-1-9.raw.default.svc.cluster.local')).toMatchObject({ kind: 'A', addresses: ['10.128.1.9'] });
  });

  it('answers an ExternalName Service with a CNAME', () => {
    expect(lookupFqdn(state, 'db.default.svc.cluster.local')).toMatchObject({ kind: 'CNAME', target: 'db.example.com' });
  });

  it('answers a pod A record from its dashed address (pods insecure)', () => {
    expect(lookupFqdn(state, '10-128-1-4.default.pod.cluster.local')).toMatchObject({ kind: 'A', addresses: ['10.128.1.4'] });
  });

  it('says NXDOMAIN for an unknown Service, a name under a Service that is not headless, and names outside the zone', () => {
    for (const name of ['nope.default.svc.cluster.local', 'x.web.default.svc.cluster.local', 'default.svc.cluster.local', 'example.com']) {
      expect([name, lookupFqdn(state, name).kind]).toEqual([name, 'NXDOMAIN']);
    }
  });

  it("tries a short name through the pod's search path first (ndots 5)", () => {
    expect(candidateNames('web', 'shop')).toEqual(['web.shop.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web']);
    expect(candidateNames('web.default.svc.cluster.local.', 'shop')).toEqual(['web.default.svc.cluster.local']);
    expect(resolveName(state, 'web', 'shop')).toMatchObject({ addresses: ['10.96.7.7'] });
    expect(resolveName(state, 'web.default', 'shop')).toMatchObject({ addresses: ['10.96.0.20'] });
  });

  it('resolves only fully qualified names from a node or outside the cluster', () => {
    expect(resolveName(state, 'web', undefined).kind).toBe('NXDOMAIN');
    expect(resolveName(state, 'web.default.svc.cluster.local', undefined)).toMatchObject({ addresses: ['10.96.0.20'] });
  });
});

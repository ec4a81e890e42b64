import { describe, expect, it } from 'vitest';
import { formatHosts, formatIngressAddress, ingressRow } from '../../../kinds/printers/ingress.ts';
import type { Ingress } from '../../../kinds/networking/shapes.ts';
import { ingress } from '../../support/networking.ts';

const withStatus = (base: Ingress, ips: string[]): Ingress => ({ ...base, status: { loadBalancer: { ingress: ips.map((ip) => ({ ip })) } } });

describe('kubectl get ingress (printIngress)', () => {
  it('prints NAME CLASS HOSTS ADDRESS PORTS AGE', () => {
    const ing = withStatus(ingress('shop', { ingressClassName: 'ksim', rules: [{ host: 'shop.example.com' }] }), ['203.0.113.10']);
    expect(ingressRow(ing, false, 60_000)).toEqual(['shop', 'ksim', 'shop.example.com', '203.0.113.10', '80', '60s']);
  });

  it('says <none> for no class, * for no host, and 80, 443 with TLS', () => {
    const ing = ingress('site', { tls: [{ hosts: ['a.example'] }], rules: [{ http: { paths: [] } }] });
    expect(ingressRow(ing, false, 0)).toEqual(['site', '<none>', '*', '', '80, 443', '0s']);
  });

  it('names three hosts, then how many more rules there are', () => {
    const ing = ingress('many', { rules: ['a', 'b', 'c', 'd', 'e'].map((host) => ({ host: `${host}.example` })) });
    expect(formatHosts(ing)).toBe('a.example,b.example,c.example + 2 more...');
  });

  it('cuts an address list past 16 characters unless wide', () => {
    const ing = withStatus(ingress('lb', {}), ['203.0.113.10', '203.0.113.11']);
    expect(formatIngressAddress(ing, false)).toBe('203.0.113.10,203...');
    expect(formatIngressAddress(ing, true)).toBe('203.0.113.10,203.0.113.11');
  });
});

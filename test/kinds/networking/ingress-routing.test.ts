import { describe, expect, it } from 'vitest';
import { hostMatchRank, pathMatches, routeIngress } from '../../../kinds/networking/ingress-routing.ts';
import type { PathType } from '../../../kinds/networking/shapes.ts';
import { ingress } from '../../support/networking.ts';

// The Ingress documentation's tables (concepts/services-networking/ingress: "Examples" and
// "Hostname wildcards"), row by row.
const PATH_TABLE: readonly (readonly [PathType, string, string, boolean])[] = [
  ['Prefix', '/', '/anything/at/all', true],
  ['Exact', '/foo', '/foo', true],
  ['Exact', '/foo', '/bar', false],
  ['Exact', '/foo', '/foo/', false],
  ['Exact', '/foo/', '/foo', false],
  ['Prefix', '/foo', '/foo', true],
  ['Prefix', '/foo', '/foo/', true],
  ['Prefix', '/foo/', '/foo', true],
  ['Prefix', '/foo/', '/foo/', true],
  ['Prefix', '/aaa/bb', '/aaa/bbb', false],
  ['Prefix', '/aaa/bbb', '/aaa/bbb', true],
  ['Prefix', '/aaa/bbb/', '/aaa/bbb', true],
  ['Prefix', '/aaa/bbb', '/aaa/bbb/', true],
  ['Prefix', '/aaa/bbb', '/aaa/bbb/ccc', true],
  ['Prefix', '/aaa/bbb', '/aaa/bbbxyz', false],
  ['Prefix', '/aaa', '/ccc', false],
];

const backend = (name: string) => ({ service: { name, port: { number: 80 } } });
const paths = (...entries: (readonly [string, PathType, string])[]) => ({ http: { paths: entries.map(([path, pathType, service]) => ({ path, pathType, backend: backend(service) })) } });

describe('Ingress path and host matching', () => {
  it.each(PATH_TABLE)('%s %s against %s: %s', (pathType, rulePath, requestPath, matches) => {
    expect(pathMatches(pathType, rulePath, requestPath)).toBe(matches);
  });

  it.each([
    ['*.foo.com', 'bar.foo.com', 1],
    ['*.foo.com', 'baz.bar.foo.com', -1],
    ['*.foo.com', 'foo.com', -1],
    ['foo.bar.com', 'foo.bar.com', 2],
    ['foo.bar.com', 'FOO.bar.com', 2],
    ['', 'anything.example', 0],
  ] as const)('host %s against %s ranks %d', (ruleHost, host, rank) => {
    expect(hostMatchRank(ruleHost, host)).toBe(rank);
  });

  it('takes the longest matching prefix', () => {
    const ing = ingress('site', { rules: [{ ...paths(['/', 'Prefix', 'root'], ['/aaa', 'Prefix', 'a'], ['/aaa/bbb', 'Prefix', 'ab']) }] });
    expect(routeIngress([ing], 'x', '/aaa/ccc')?.backend.name).toBe('a');
    expect(routeIngress([ing], 'x', '/aaa/bbb')?.backend.name).toBe('ab');
    expect(routeIngress([ing], 'x', '/ccc')?.backend.name).toBe('root');
  });

  it('prefers Exact to Prefix for the same path', () => {
    const ing = ingress('site', { rules: [{ ...paths(['/foo', 'Prefix', 'prefix'], ['/foo', 'Exact', 'exact']) }] });
    expect(routeIngress([ing], 'x', '/foo')?.backend.name).toBe('exact');
    expect(routeIngress([ing], 'x', '/foo/bar')?.backend.name).toBe('prefix');
  });

  it('falls back to the defaultBackend, or to nothing', () => {
    const ing = ingress('site', { rules: [{ host: 'foo.bar.com', ...paths(['/aaa', 'Prefix', 'a']) }] });
    expect(routeIngress([ing], 'foo.bar.com', '/ccc')).toBeUndefined();
    const withDefault = ingress('site', { defaultBackend: backend('fallback'), rules: [{ host: 'foo.bar.com', ...paths(['/aaa', 'Prefix', 'a']) }] });
    expect(routeIngress([withDefault], 'foo.bar.com', '/ccc')).toMatchObject({ backend: { name: 'fallback' }, ingress: 'default/site' });
  });

  it('prefers the exact host to a wildcard, and a wildcard to a rule for any host', () => {
    const ing = ingress('site', {
      rules: [{ ...paths(['/', 'Prefix', 'any']) }, { host: '*.foo.com', ...paths(['/', 'Prefix', 'wild']) }, { host: 'bar.foo.com', ...paths(['/', 'Prefix', 'bar']) }],
    });
    expect(routeIngress([ing], 'bar.foo.com', '/')?.backend.name).toBe('bar');
    expect(routeIngress([ing], 'baz.foo.com', '/')?.backend.name).toBe('wild');
    expect(routeIngress([ing], 'foo.com', '/')?.backend.name).toBe('any');
  });
});

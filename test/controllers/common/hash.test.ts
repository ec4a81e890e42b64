// The hashes controllers name things with: FNV-1a and FNV-1 against the published test vectors,
// rand.SafeEncodeString's alphabet, and what ComputeHash and HashControllerRevision take in.

import { describe, expect, it } from 'vitest';
import { computeHash, fnv1_32, fnv1a32, hashControllerRevision, safeEncodeString } from '../../../controllers/common/hash.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('FNV hashes', () => {
  it('FNV-1a matches the published 32-bit test vectors', () => {
    expect([fnv1a32(bytes('')), fnv1a32(bytes('a')), fnv1a32(bytes('foobar'))]).toEqual([0x811c9dc5, 0xe40c292c, 0xbf9cf968]);
  });

  it('FNV-1 matches the published 32-bit test vectors', () => {
    expect([fnv1_32(bytes('a')), fnv1_32(bytes('foobar'))]).toEqual([0x050c5d7e, 0x31f0b262]);
  });
});

describe('safeEncodeString', () => {
  it('maps decimal digits as rand.SafeEncodeString does', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });
});

describe('computeHash', () => {
  const web = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } };

  it('looks like an upstream hash and ignores field order', () => {
    expect(computeHash(web)).toMatch(/^[456789bcdf]{1,10}$/);
    expect(computeHash({ spec: { containers: [{ image: 'nginx:1.27', name: 'app' }] }, metadata: { labels: { app: 'web' } } })).toBe(computeHash(web));
  });

  it('changes with the collision count, and tells a count of 0 from none', () => {
    expect(computeHash(web, 1)).not.toBe(computeHash(web, 2));
    expect(computeHash(web, 0)).not.toBe(computeHash(web));
  });
});

describe('hashControllerRevision', () => {
  it('changes with the probe and ignores field order', () => {
    expect(hashControllerRevision({ a: 1 }, 0)).not.toBe(hashControllerRevision({ a: 1 }, 1));
    expect(hashControllerRevision({ a: 1, b: 2 }, 0)).toBe(hashControllerRevision({ b: 2, a: 1 }, 0));
  });
});

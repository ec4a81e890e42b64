import { describe, expect, it } from 'vitest';
import { nameSuffix, Rng, uuid } from '../../core/prng.ts';

const draws = (rng: Rng, count: number) => Array.from({ length: count }, () => rng.nextUint32());

describe('seeded randomness', () => {
  it('gives the same draws for the same seed and stream', () => {
    expect(draws(Rng.forComponent(7, 'kube-scheduler'), 5)).toEqual(draws(Rng.forComponent(7, 'kube-scheduler'), 5));
  });

  it('gives different draws for another seed or another component', () => {
    const base = draws(Rng.forComponent(7, 'kube-scheduler'), 5);
    expect(draws(Rng.forComponent(8, 'kube-scheduler'), 5)).not.toEqual(base);
    expect(draws(Rng.forComponent(7, 'kubelet'), 5)).not.toEqual(base);
  });

  it('keeps a component stream independent of how much another draws', () => {
    const quiet = Rng.forComponent(3, 'a');
    const busy = Rng.forComponent(3, 'b');
    draws(busy, 1000);
    expect(draws(quiet, 3)).toEqual(draws(Rng.forComponent(3, 'a'), 3));
  });

  it('draws integers within bounds and spread over them', () => {
    const rng = new Rng(1);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(10)));
    expect([...seen].every((n) => n >= 0 && n < 10)).toBe(true);
    expect(seen.size).toBe(10);
  });

  it('makes name suffixes from upstream alphabet and v4 uuids', () => {
    const rng = new Rng(42);
    expect(nameSuffix(rng)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(uuid(rng)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

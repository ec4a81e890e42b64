// Choosing among the best-scoring nodes: the best wins outright, ties go to a seeded draw.

import { describe, expect, it } from 'vitest';
import { selectHost } from '../../../controllers/scheduler/select-host.ts';
import { testRng } from './builders.ts';

describe('selectHost', () => {
  it('picks the highest total', () => {
    expect(selectHost([10, 300, 40], testRng())).toBe(1);
  });

  it('draws nothing when the best node has no equal', () => {
    const used = testRng(7);
    selectHost([1, 5, 3], used);
    expect(used.nextUint32()).toBe(testRng(7).nextUint32());
  });

  it('breaks a tie the same way for the same seed', () => {
    const picks = (seed: number) => {
      const rng = testRng(seed);
      return Array.from({ length: 20 }, () => selectHost([5, 9, 9, 2, 9], rng));
    };
    expect(picks(42)).toEqual(picks(42));
  });

  it('only ever picks one of the tied best nodes', () => {
    const rng = testRng(3);
    const picks = new Set(Array.from({ length: 200 }, () => selectHost([5, 9, 9, 2, 9], rng)));
    expect([...picks].sort()).toEqual([1, 2, 4]);
  });

  it('gives each tied node about the same chance', () => {
    const rng = testRng(11);
    const counts = [0, 0, 0];
    for (let draw = 0; draw < 3000; draw++) {
      const index = selectHost([7, 7, 7], rng);
      counts[index] = (counts[index] as number) + 1;
    }
    for (const count of counts) expect(count).toBeGreaterThan(900);
  });
});

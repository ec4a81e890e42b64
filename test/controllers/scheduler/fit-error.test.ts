// The failure message's shape, counting and ordering, as upstream's FitError.Error builds it.

import { describe, expect, it } from 'vitest';
import { fitErrorMessage } from '../../../controllers/scheduler/fit-error.ts';

describe('fitErrorMessage', () => {
  it('counts the nodes that gave each reason', () => {
    expect(fitErrorMessage(3, new Map([['Insufficient cpu', 3]]))).toBe(
      '0/3 nodes are available: 3 Insufficient cpu.',
    );
  });

  it('sorts "count reason" strings and joins them with commas', () => {
    const reasons = new Map([
      ["node(s) didn't match Pod's node affinity/selector", 3],
      ['Insufficient memory', 2],
    ]);
    expect(fitErrorMessage(5, reasons)).toBe(
      "0/5 nodes are available: 2 Insufficient memory, 3 node(s) didn't match Pod's node affinity/selector.",
    );
  });

  it('sorts as strings, so a count of 10 comes before a count of 2', () => {
    const reasons = new Map([
      ['Insufficient memory', 2],
      ['Insufficient cpu', 10],
    ]);
    expect(fitErrorMessage(12, reasons)).toBe(
      '0/12 nodes are available: 10 Insufficient cpu, 2 Insufficient memory.',
    );
  });

  it('gives only the PreFilter message when PreFilter rejected the pod', () => {
    expect(fitErrorMessage(2, new Map(), 'pod affinity terms conflict')).toBe(
      '0/2 nodes are available: pod affinity terms conflict.',
    );
  });
});

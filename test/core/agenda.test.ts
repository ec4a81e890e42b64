import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Agenda } from '../../core/agenda.ts';

describe('agenda', () => {
  it('pops timers by time, then by the order they were set', () => {
    const agenda = new Agenda<string>();
    agenda.schedule(20, 'late');
    agenda.schedule(10, 'first');
    agenda.schedule(10, 'second');
    agenda.schedule(5, 'earliest');
    expect([agenda.pop(), agenda.pop(), agenda.pop(), agenda.pop()].map((timer) => timer?.payload)).toEqual(['earliest', 'first', 'second', 'late']);
    expect(agenda.pop()).toBeUndefined();
  });

  it('orders any set of timers like a stable sort by time', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }), (times) => {
        const agenda = new Agenda<number>();
        for (const [index, time] of times.entries()) agenda.schedule(time, index);
        const popped: number[] = [];
        for (let timer = agenda.pop(); timer !== undefined; timer = agenda.pop()) popped.push(timer.payload);
        const expected = times.map((time, index) => ({ time, index })).sort((a, b) => a.time - b.time || a.index - b.index).map((entry) => entry.index);
        expect(popped).toEqual(expected);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KsimEvent } from '../../core/events.ts';
import { foldEvents, initialState } from '../../reducers/index.ts';
import { clusterTimeline, Timeline } from '../../replay/timeline.ts';
import { stateSnapshot as snapshot } from '../support/state-snapshot.ts';
import { syntheticRun } from './synthetic-run.ts';

const events = syntheticRun(60, 3);

/** A timeline over plain counters that records how many events it folds. */
function countingTimeline(
  length: number,
  checkpointEvery: number,
): { timeline: Timeline<number>; folds: () => number } {
  let folds = 0;
  const toy = Array.from({ length }, (_, i) => ({ rev: i + 1, time: i * 10 }) as KsimEvent);
  const timeline = new Timeline(toy, {
    initialState: 0,
    reduce: (state, event) => {
      folds++;
      return state + event.rev;
    },
    checkpointEvery,
  });
  return { timeline, folds: () => folds };
}

describe('timeline', () => {
  it('gives the state a full fold gives, at any revision', () => {
    const timeline = clusterTimeline(events, 7);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: events.length }), (rev) => {
        expect(snapshot(timeline.stateAt({ rev }))).toEqual(snapshot(foldEvents(events.slice(0, rev))));
      }),
      { numRuns: 60 },
    );
  });

  it('gives the state after the last event at or before a time', () => {
    const timeline = clusterTimeline(events, 7);
    const lastTime = (events[events.length - 1] as KsimEvent).time;
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: lastTime + 1000 }), (timeMs) => {
        const expected = events.filter((event) => event.time <= timeMs);
        expect(timeline.stateAt({ timeMs }).rev).toBe(expected.length);
      }),
      { numRuns: 100 },
    );
  });

  it('is the initial state at revision 0', () => {
    expect(snapshot(clusterTimeline(events).stateAt({ rev: 0 }))).toEqual(snapshot(initialState()));
  });

  it('is the initial state before the first event time', () => {
    const late = events.map((event) => ({ ...event, time: event.time + 5000 }));
    expect(clusterTimeline(late).stateAt({ timeMs: 4999 }).rev).toBe(0);
  });

  it('refuses revisions outside the log', () => {
    const timeline = clusterTimeline(events);
    expect(() => timeline.stateAt({ rev: events.length + 1 })).toThrow(RangeError);
    expect(() => timeline.stateAt({ rev: -1 })).toThrow(RangeError);
    expect(() => timeline.stateAt({ rev: 1.5 })).toThrow(RangeError);
  });

  it('folds only as far as the question reaches', () => {
    const { timeline, folds } = countingTimeline(5000, 1000);
    timeline.stateAt({ rev: 10 });
    expect(folds()).toBe(10);
  });

  it('seeks to a checkpoint and folds at most K events once checkpoints exist', () => {
    const { timeline, folds } = countingTimeline(5000, 1000);
    timeline.finalState();
    const before = folds();
    expect(timeline.stateAt({ rev: 3999 })).toBe((3999 * 4000) / 2);
    expect(folds() - before).toBe(999);
  });

  it('reuses the checkpoint state itself at a multiple of K', () => {
    const { timeline, folds } = countingTimeline(3000, 1000);
    timeline.finalState();
    const before = folds();
    timeline.stateAt({ rev: 2000 });
    expect(folds()).toBe(before);
  });
});

// Schedule.Next as robfig/cron/v3 computes it (spec.go, constantdelay.go): the first matching
// whole second after t, in the schedule's zone; day of month OR day of week when both are
// restricted; daylight saving as robfig walks wall-clock time.

import { describe, expect, it } from 'vitest';
import { parseStandard, type ParsedSchedule } from '../../../core/cron/cron-spec.ts';
import { nextActivation } from '../../../controllers/cronjob/next-time.ts';
import { EPOCH_MS } from '../../../core/clock.ts';
import { at } from './builders.ts';

function schedule(spec: string): ParsedSchedule {
  const parsed = parseStandard(spec);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.schedule;
}

function nextTimes(spec: string, fromIso: string, count: number): string[] {
  const s = schedule(spec);
  const times: string[] = [];
  let t: number | undefined = at(fromIso);
  for (let i = 0; i < count; i++) {
    t = t === undefined ? undefined : nextActivation(s, t);
    times.push(t === undefined ? 'none' : new Date(EPOCH_MS + t).toISOString());
  }
  return times;
}

describe('nextActivation', () => {
  it('is strictly after the reference time', () => {
    expect(nextTimes('0 * * * *', '2025-01-01T00:00:00Z', 2)).toEqual(['2025-01-01T01:00:00.000Z', '2025-01-01T02:00:00.000Z']);
  });

  it('starts from the next whole second', () => {
    expect(nextTimes('*/15 * * * *', '2025-01-01T00:07:30.500Z', 1)).toEqual(['2025-01-01T00:15:00.000Z']);
  });

  it('skips the weekend of a weekday schedule', () => {
    expect(nextTimes('30 6-16/4 * * 1-5', '2016-05-20T14:30:00Z', 1)).toEqual(['2016-05-23T06:30:00.000Z']);
  });

  it('matches day of month or day of week when both are restricted', () => {
    // 2025-02-01 is a Saturday (the 1st); the Mondays around it match too.
    expect(nextTimes('0 0 1 * 1', '2025-01-27T00:00:00Z', 2)).toEqual(['2025-02-01T00:00:00.000Z', '2025-02-03T00:00:00.000Z']);
  });

  it('matches only the day of week when the day of month is "*"', () => {
    expect(nextTimes('0 0 * * 1', '2025-01-01T00:00:00Z', 1)).toEqual(['2025-01-06T00:00:00.000Z']);
  });

  it('has no next time for a date that never comes within five years', () => {
    expect(nextTimes('59 23 31 2 *', '2025-01-01T00:00:00Z', 1)).toEqual(['none']);
  });

  it('finds a leap day within five years', () => {
    expect(nextTimes('0 0 29 2 *', '2025-01-01T00:00:00Z', 1)).toEqual(['2028-02-29T00:00:00.000Z']);
  });

  it('adds the @every delay to the reference, less its sub-second part', () => {
    expect(nextTimes('@every 1h30m', '2025-01-01T00:00:00.700Z', 2)).toEqual(['2025-01-01T01:30:00.000Z', '2025-01-01T03:00:00.000Z']);
  });

  it('reads the wall clock of a TZ= zone', () => {
    expect(nextTimes('TZ=Europe/Paris @daily', '2025-01-01T00:00:00Z', 1)).toEqual(['2025-01-01T23:00:00.000Z']);
  });

  it('skips a wall time that does not exist (spring forward)', () => {
    expect(nextTimes('TZ=America/New_York 30 2 * * *', '2025-03-08T12:00:00Z', 2)).toEqual(['2025-03-10T06:30:00.000Z', '2025-03-11T06:30:00.000Z']);
  });

  it('matches a wall time that occurs twice both times (fall back)', () => {
    expect(nextTimes('TZ=America/New_York 30 1 * * *', '2025-11-01T12:00:00Z', 2)).toEqual(['2025-11-02T05:30:00.000Z', '2025-11-02T06:30:00.000Z']);
  });

  it('keeps to real time through a repeated hour', () => {
    expect(nextTimes('TZ=America/New_York */30 * * * *', '2025-11-02T05:10:00Z', 3)).toEqual([
      '2025-11-02T05:30:00.000Z',
      '2025-11-02T06:00:00.000Z',
      '2025-11-02T06:30:00.000Z',
    ]);
  });
});

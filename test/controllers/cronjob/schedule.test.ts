// The CronJob schedule logic, with the cases of upstream's TestMostRecentScheduleTime,
// TestNextScheduleTime and TestNextScheduleTimeDuration (pkg/controller/cronjob/utils_test.go).

import { describe, expect, it } from 'vitest';
import { parseStandard, type ParsedSchedule } from '../../../core/cron/cron-spec.ts';
import {
  formatSchedule,
  mostRecentScheduleTime,
  nextScheduleDelayMs,
  nextScheduleTime,
} from '../../../controllers/cronjob/schedule.ts';
import { toTimestamp } from '../../../core/clock.ts';
import type { CronJobStatus } from '../../../core/workloads.ts';
import { afterTop, cronJob, DAY_MS, HOUR_MS, MINUTE_MS, TOP_OF_THE_HOUR } from './builders.ts';

function schedule(spec: string): ParsedSchedule {
  const parsed = parseStandard(spec);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.schedule;
}

const last = (ms: number): CronJobStatus => ({ lastScheduleTime: toTimestamp(ms) });

describe('mostRecentScheduleTime (TestMostRecentScheduleTime)', () => {
  const cases: readonly {
    readonly name: string;
    readonly schedule: string;
    readonly createdMs?: number;
    readonly status?: CronJobStatus;
    readonly deadline?: number;
    readonly includeSDS?: boolean;
    readonly nowMs: number;
    readonly earliestMs?: number;
    readonly recentMs?: number;
    readonly missed?: 'none' | 'few' | 'many';
    readonly wantErr?: boolean;
  }[] = [
    { name: 'now before next schedule', schedule: '0 * * * *', nowMs: afterTop(30_000), earliestMs: TOP_OF_THE_HOUR },
    { name: 'now just after next schedule', schedule: '0 * * * *', nowMs: afterTop(61 * MINUTE_MS), recentMs: afterTop(60 * MINUTE_MS), earliestMs: TOP_OF_THE_HOUR },
    {
      name: 'missed 5 schedules',
      schedule: '0 * * * *',
      createdMs: afterTop(10_000),
      nowMs: afterTop(301 * MINUTE_MS),
      recentMs: afterTop(300 * MINUTE_MS),
      earliestMs: afterTop(10_000),
      missed: 'few',
    },
    {
      name: 'complex schedule',
      schedule: '30 6-16/4 * * 1-5',
      status: last(afterTop(30 * MINUTE_MS)),
      nowMs: afterTop(DAY_MS + 31 * MINUTE_MS),
      recentMs: afterTop(DAY_MS + 30 * MINUTE_MS),
      earliestMs: afterTop(30 * MINUTE_MS),
      missed: 'few',
    },
    {
      name: 'another complex schedule',
      schedule: '30 10,11,12 * * 1-5',
      status: last(afterTop(30 * MINUTE_MS)),
      nowMs: afterTop(30 * HOUR_MS + 30 * MINUTE_MS),
      earliestMs: afterTop(30 * MINUTE_MS),
      missed: 'few',
    },
    {
      name: 'complex schedule with longer diff between executions',
      schedule: '30 6-16/4 * * 1-5',
      status: last(afterTop(30 * MINUTE_MS)),
      nowMs: afterTop(96 * HOUR_MS + 31 * MINUTE_MS),
      recentMs: afterTop(96 * HOUR_MS + 30 * MINUTE_MS),
      earliestMs: afterTop(30 * MINUTE_MS),
      missed: 'few',
    },
    {
      name: 'complex schedule with shorter diff between executions',
      schedule: '30 6-16/4 * * 1-5',
      nowMs: afterTop(DAY_MS + 31 * MINUTE_MS),
      recentMs: afterTop(DAY_MS + 30 * MINUTE_MS),
      earliestMs: TOP_OF_THE_HOUR,
      missed: 'few',
    },
    {
      name: '@every schedule',
      schedule: '@every 1h',
      createdMs: afterTop(-59 * MINUTE_MS),
      status: last(afterTop(MINUTE_MS)),
      deadline: 10,
      nowMs: afterTop(7 * DAY_MS),
      recentMs: afterTop(6 * DAY_MS + 23 * HOUR_MS + MINUTE_MS),
      earliestMs: afterTop(MINUTE_MS),
      missed: 'many',
    },
    { name: 'rogue cronjob', schedule: '59 23 31 2 *', createdMs: afterTop(10_000), nowMs: afterTop(HOUR_MS), wantErr: true },
    { name: 'earliestTime being CreationTimestamp and LastScheduleTime', schedule: '0 * * * *', status: last(TOP_OF_THE_HOUR), nowMs: afterTop(30_000), earliestMs: TOP_OF_THE_HOUR },
    { name: 'earliestTime being LastScheduleTime', schedule: '*/5 * * * *', status: last(afterTop(30 * MINUTE_MS)), nowMs: afterTop(31 * MINUTE_MS), earliestMs: afterTop(30 * MINUTE_MS) },
    {
      name: 'earliestTime being LastScheduleTime (within StartingDeadlineSeconds)',
      schedule: '*/5 * * * *',
      deadline: 60,
      status: last(afterTop(30 * MINUTE_MS)),
      nowMs: afterTop(31 * MINUTE_MS),
      earliestMs: afterTop(30 * MINUTE_MS),
    },
    {
      name: 'earliestTime being LastScheduleTime (outside StartingDeadlineSeconds)',
      schedule: '*/5 * * * *',
      deadline: 60,
      status: last(afterTop(30 * MINUTE_MS)),
      includeSDS: true,
      nowMs: afterTop(32 * MINUTE_MS),
      earliestMs: afterTop(31 * MINUTE_MS),
    },
  ];
  it.each(cases)('$name', (tc) => {
    const cj = cronJob({ schedule: tc.schedule, startingDeadlineSeconds: tc.deadline }, tc.status ?? {}, tc.createdMs ?? TOP_OF_THE_HOUR);
    const got = mostRecentScheduleTime(cj, tc.nowMs, schedule(tc.schedule), tc.includeSDS ?? false);
    if (tc.wantErr === true) {
      expect(got.error).toBe('time difference between two schedules is less than 1 second');
      return;
    }
    expect(got.error).toBeUndefined();
    expect(got.earliestMs).toBe(tc.earliestMs);
    expect(got.mostRecentMs).toBe(tc.recentMs);
    expect(got.missed).toBe(tc.missed ?? 'none');
  });
});

describe('nextScheduleTime (TestNextScheduleTime)', () => {
  const T1 = TOP_OF_THE_HOUR;
  const T2 = afterTop(HOUR_MS);
  const hourly = schedule('0 * * * ?');
  const cj = (createdMs: number, status: CronJobStatus = {}, deadline?: number) =>
    cronJob({ schedule: '0 * * * ?', startingDeadlineSeconds: deadline }, status, createdMs);

  it('Case 1: no known start times, and none needed yet', () => {
    expect(nextScheduleTime(cj(T1 - 10 * MINUTE_MS), T1 - 7 * MINUTE_MS, hourly).scheduledMs).toBeUndefined();
  });

  it('Case 2: no known start times, and one needed', () => {
    expect(nextScheduleTime(cj(T1 - 10 * MINUTE_MS), T1 + 2000, hourly).scheduledMs).toBe(T1);
  });

  it('Case 3: known LastScheduleTime, no start needed', () => {
    expect(nextScheduleTime(cj(T1 - 10 * MINUTE_MS, last(T1)), T1 + 2 * MINUTE_MS, hourly).scheduledMs).toBeUndefined();
  });

  it('Case 4: known LastScheduleTime, a start needed', () => {
    expect(nextScheduleTime(cj(T1 - 10 * MINUTE_MS, last(T1)), T2 + 5 * MINUTE_MS, hourly).scheduledMs).toBe(T2);
  });

  it('Case 5: known LastScheduleTime, two starts needed', () => {
    expect(nextScheduleTime(cj(T1 - 2 * HOUR_MS, last(T1 - HOUR_MS)), T2 + 5 * MINUTE_MS, hourly).scheduledMs).toBe(T2);
  });

  it('Case 6: now is way way ahead of last start time, and there is no deadline', () => {
    const got = nextScheduleTime(cj(T1 - 2 * HOUR_MS, last(T1 - HOUR_MS)), T2 + 10 * DAY_MS, hourly);
    expect(got.scheduledMs).toBe(T2 + 10 * DAY_MS);
    expect(got.tooManyMissed).toBe(true);
  });

  it('Case 7: now is way way ahead of last start time, but there is a short deadline', () => {
    const got = nextScheduleTime(cj(T1 - 2 * HOUR_MS, last(T1 - HOUR_MS), 2 * 60 * 60), T2 + 10 * DAY_MS, hourly);
    expect(got.scheduledMs).toBe(T2 + 10 * DAY_MS);
    expect(got.tooManyMissed).toBe(false);
  });

  it('Case 8: ensure the error from mostRecentScheduleTime gets populated up', () => {
    const got = nextScheduleTime(cj(T1 + 10_000), afterTop(HOUR_MS), schedule('59 23 31 2 *'));
    expect(got.scheduledMs).toBeUndefined();
    expect(got.error).toBe('time difference between two schedules is less than 1 second');
  });
});

describe('nextScheduleDelayMs (TestNextScheduleTimeDuration)', () => {
  it.each([
    ['complex schedule skipping weekend', '30 6-16/4 * * 1-5', afterTop(30 * MINUTE_MS), afterTop(DAY_MS + 31 * MINUTE_MS), 3 * HOUR_MS + 59 * MINUTE_MS],
    ['another complex schedule skipping weekend', '30 10,11,12 * * 1-5', afterTop(30 * MINUTE_MS), afterTop(30 * HOUR_MS + 30 * MINUTE_MS), 66 * HOUR_MS],
    ['once a week cronjob, missed two runs', '0 12 * * 4', afterTop(2 * HOUR_MS), afterTop(19 * DAY_MS + HOUR_MS + 30 * MINUTE_MS), 48 * HOUR_MS + 30 * MINUTE_MS],
    ['no previous run of a cronjob', '0 12 * * 5', undefined, afterTop(6 * HOUR_MS), 20 * HOUR_MS],
  ])('%s', (_name, spec, lastMs, nowMs, wantMs) => {
    const cj = cronJob({ schedule: spec }, lastMs === undefined ? {} : last(lastMs));
    expect(nextScheduleDelayMs(cj, nowMs, schedule(spec))).toBe(wantMs + 100);
  });
});

describe('formatSchedule', () => {
  it('prefixes the time zone', () => {
    expect(formatSchedule(cronJob({ schedule: '0 3 * * *', timeZone: 'Europe/Paris' }))).toEqual({ schedule: 'TZ=Europe/Paris 0 3 * * *' });
  });

  it('warns about a zone written in the schedule', () => {
    expect(formatSchedule(cronJob({ schedule: 'TZ=UTC 0 3 * * *' })).warning).toBe(
      'CRON_TZ or TZ used in schedule "TZ=UTC 0 3 * * *" is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details',
    );
  });
});

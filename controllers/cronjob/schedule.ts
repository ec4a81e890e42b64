// A CronJob's schedule as the controller reads it (formatSchedule, mostRecentScheduleTime,
// nextScheduleTime and nextScheduleTimeDuration in pkg/controller/cronjob/{cronjob_controllerv2,
// utils}.go, v1.34). Times are virtual ms. The API server's checks of the same fields live in
// core/cron/validate-schedule.ts, where the kind's validation can reach them.

import { fromTimestamp } from '../../core/clock.ts';
import type { CronJob } from '../../core/workloads.ts';
import type { ParsedSchedule } from '../../core/cron/cron-spec.ts';
import { nextActivation } from './next-time.ts';
import { isLoadableTimeZone } from '../../core/cron/time-zone.ts';
import { withFields } from '../../core/with-fields.ts';

/** nextScheduleDelta: the padding upstream adds to every requeue, against clock skew. */
export const NEXT_SCHEDULE_DELTA_MS = 100;
/** More missed start times than this is "many": the TooManyMissedTimes warning. */
export const MANY_MISSED_SCHEDULES = 100;

export interface FormattedSchedule {
  readonly schedule: string;
  /** UnsupportedSchedule, when the schedule itself names a zone. */
  readonly warning?: string;
}

/** formatSchedule: "TZ=<timeZone> <schedule>" when the CronJob has a valid time zone. */
export function formatSchedule(cronJob: CronJob): FormattedSchedule {
  const { schedule, timeZone } = cronJob.spec;
  if (schedule.includes('TZ')) {
    return {
      schedule,
      warning: `CRON_TZ or TZ used in schedule "${schedule}" is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`,
    };
  }
  if (timeZone !== undefined && isLoadableTimeZone(timeZone)) return { schedule: `TZ=${timeZone} ${schedule}` };
  return { schedule };
}

export type MissedSchedules = 'none' | 'few' | 'many';

export interface MostRecent {
  /** lastScheduleTime, else creationTimestamp, moved up to now - startingDeadlineSeconds if asked. */
  readonly earliestMs: number;
  /** The latest activation at or before now, if any. */
  readonly mostRecentMs?: number;
  readonly missed: MissedSchedules;
  /** Set for a schedule that never repeats ("59 23 31 2 *"). */
  readonly error?: string;
}

const NEVER_REPEATS = 'time difference between two schedules is less than 1 second';

/**
 * mostRecentScheduleTime, with its approximation: the number of missed activations is the time
 * since the first divided by the gap between the first two, and the most recent is looked for
 * from two gaps before that estimate (so a schedule with uneven gaps, such as weekdays only, can
 * find none).
 */
export function mostRecentScheduleTime(cronJob: CronJob, nowMs: number, schedule: ParsedSchedule, includeStartingDeadline: boolean): MostRecent {
  const lastSchedule = cronJob.status.lastScheduleTime;
  let earliestMs = fromTimestamp(lastSchedule ?? cronJob.metadata.creationTimestamp);
  const deadlineSeconds = cronJob.spec.startingDeadlineSeconds;
  if (includeStartingDeadline && deadlineSeconds !== undefined) earliestMs = Math.max(earliestMs, nowMs - deadlineSeconds * 1000);
  const t1 = nextActivation(schedule, earliestMs);
  if (t1 !== undefined && nowMs < t1) return { earliestMs, missed: 'none' };
  const t2 = t1 === undefined ? undefined : nextActivation(schedule, t1);
  if (t1 !== undefined && t2 !== undefined && nowMs < t2) return { earliestMs, mostRecentMs: t1, missed: 'none' };
  if (t1 === undefined || t2 === undefined || Math.round((t2 - t1) / 1000) < 1) return { earliestMs, missed: 'none', error: NEVER_REPEATS };
  const gapSeconds = Math.round((t2 - t1) / 1000);
  const elapsedSeconds = Math.trunc((nowMs - t1) / 1000);
  const missedCount = Math.trunc(elapsedSeconds / gapSeconds) + 1;
  let mostRecentMs: number | undefined;
  for (let t = nextActivation(schedule, t1 + (missedCount - 2) * gapSeconds * 1000); t !== undefined && t <= nowMs; t = nextActivation(schedule, t)) {
    mostRecentMs = t;
  }
  const missed: MissedSchedules = missedCount > MANY_MISSED_SCHEDULES ? 'many' : missedCount > 0 ? 'few' : 'none';
  return { earliestMs, missed, ...(mostRecentMs === undefined ? {} : { mostRecentMs }) };
}

export interface NextScheduleTime {
  /** The activation to start a Job for now, if any. */
  readonly scheduledMs?: number;
  /** For the InvalidSchedule event. */
  readonly error?: string;
  /** Record TooManyMissedTimes. */
  readonly tooManyMissed: boolean;
}

export const TOO_MANY_MISSED_TIMES_MESSAGE = 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew';

/** nextScheduleTime: the unmet activation, within startingDeadlineSeconds. */
export function nextScheduleTime(cronJob: CronJob, nowMs: number, schedule: ParsedSchedule): NextScheduleTime {
  const recent = mostRecentScheduleTime(cronJob, nowMs, schedule, true);
  const error = recent.error === undefined ? {} : { error: recent.error };
  if (recent.mostRecentMs === undefined || recent.mostRecentMs > nowMs) return withFields(error, { tooManyMissed: false });
  return { scheduledMs: recent.mostRecentMs, ...error, tooManyMissed: recent.missed === 'many' };
}

/**
 * nextScheduleTimeDuration: how long until the activation after the most recent one (ignoring
 * startingDeadlineSeconds), plus 100 ms. Undefined when the schedule has no next activation, where
 * upstream's negative duration requeues at once.
 */
export function nextScheduleDelayMs(cronJob: CronJob, nowMs: number, schedule: ParsedSchedule): number | undefined {
  const recent = mostRecentScheduleTime(cronJob, nowMs, schedule, false);
  let fromMs: number;
  if (recent.error !== undefined) fromMs = nowMs;
  else if (recent.mostRecentMs !== undefined) fromMs = recent.mostRecentMs;
  else fromMs = recent.missed === 'none' ? recent.earliestMs : nowMs;
  const next = nextActivation(schedule, fromMs);
  return next === undefined ? undefined : next + NEXT_SCHEDULE_DELTA_MS - nowMs;
}

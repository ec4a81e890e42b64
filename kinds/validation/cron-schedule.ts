// A CronJob's schedule and time zone, checked as ValidateCronJobSpec does. Until the cron parser
// lands this refuses only what upstream refuses without parsing: a time zone inside the schedule.

import { type FieldError, invalid } from './field-errors.ts';

export function validateCronSchedule(path: string, schedule: string, zonePath: string, timeZone: unknown): FieldError[] {
  const errors: FieldError[] = [];
  if (/^(CRON_)?TZ=/.test(schedule.trim())) errors.push(invalid(path, schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  if (timeZone !== undefined && typeof timeZone !== 'string') errors.push(invalid(zonePath, timeZone, 'unknown time zone'));
  return errors;
}

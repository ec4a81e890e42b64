// A CronJob's schedule and time zone as v1.34's API server validates them (validateScheduleFormat
// and validateTimeZone, pkg/apis/batch/validation/validation.go). In core, beside the parser, so
// the CronJob kind's validation (kinds/) and the controller read a schedule the same way.

import type { CronJob } from '../workloads.ts';
import { parseStandard } from './cron-spec.ts';
import { isLoadableTimeZone } from './time-zone.ts';

export interface FieldError {
  readonly type: 'Required' | 'Invalid';
  readonly field: string;
  readonly value?: string;
  readonly detail: string;
}

/** Each path component of an IANA name (https://data.iana.org/time-zones/theory.html#naming). */
const VALID_TIME_ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** validateTimeZone. */
export function validateTimeZone(timeZone: string | undefined): FieldError[] {
  if (timeZone === undefined) return [];
  const invalid = (detail: string): FieldError => ({ type: 'Invalid', field: 'spec.timeZone', value: timeZone, detail });
  if (timeZone === '') return [invalid('timeZone must be nil or non-empty string')];
  for (const part of timeZone.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !VALID_TIME_ZONE_PART.test(part)) {
      return [invalid(`unknown time zone ${timeZone}`)];
    }
  }
  const errors: FieldError[] = [];
  if (timeZone.toLowerCase() === 'local') {
    errors.push(invalid('timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'));
  }
  if (!isLoadableTimeZone(timeZone)) errors.push(invalid(`unknown time zone ${timeZone}`));
  return errors;
}

/**
 * validateScheduleFormat, and the schedule half of validateCronJobSpec: TZ or CRON_TZ in the
 * schedule is refused, unless the old schedule already had it (then only alongside timeZone).
 */
export function validateSchedule(schedule: string, timeZone: string | undefined, oldSchedule?: string): FieldError[] {
  if (schedule === '') return [{ type: 'Required', field: 'spec.schedule', detail: '' }];
  const invalid = (detail: string): FieldError => ({ type: 'Invalid', field: 'spec.schedule', value: schedule, detail });
  const errors: FieldError[] = [];
  const parsed = parseStandard(schedule);
  if ('error' in parsed) errors.push(invalid(parsed.error));
  const allowTZ = oldSchedule !== undefined && oldSchedule.includes('TZ');
  if (allowTZ && schedule.includes('TZ') && timeZone !== undefined) {
    errors.push(invalid('cannot use both timeZone field and TZ or CRON_TZ in schedule'));
  } else if (!allowTZ && schedule.includes('TZ')) {
    errors.push(invalid('cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  return errors;
}

/** Schedule and time zone errors of a create (no old spec) or an update. */
export function validateCronJobSchedule(
  spec: Pick<CronJob['spec'], 'schedule' | 'timeZone'>,
  oldSpec?: Pick<CronJob['spec'], 'schedule' | 'timeZone'>,
): FieldError[] {
  const errors = validateSchedule(spec.schedule, spec.timeZone, oldSpec?.schedule);
  if (oldSpec === undefined || oldSpec.timeZone !== spec.timeZone) errors.push(...validateTimeZone(spec.timeZone));
  return errors;
}

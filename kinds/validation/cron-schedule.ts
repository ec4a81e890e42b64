// A CronJob's schedule and time zone, checked as ValidateCronJobSpec does (validateScheduleFormat
// and validateTimeZone, pkg/apis/batch/validation/validation.go): the schedule must parse as
// robfig/cron's ParseStandard reads it, must not name a zone itself (TZ= or CRON_TZ=), and the
// time zone must be an IANA name the tz database knows. The parser and the checks live in
// core/cron/, shared with the CronJob controller; here their errors take the API server's words.
// Every write is checked as a create: the kind has no old object at hand, so a schedule that
// already carried TZ= before an update is refused too (upstream lets such a CronJob keep it).

import { validateCronJobSchedule, type FieldError as CronFieldError } from '../../core/cron/validate-schedule.ts';
import { type FieldError, invalid, required } from './field-errors.ts';

function toFieldError(error: CronFieldError, path: string, zonePath: string): FieldError {
  const at = error.field === 'spec.timeZone' ? zonePath : path;
  return error.type === 'Required' ? required(at, error.detail) : invalid(at, error.value, error.detail);
}

export function validateCronSchedule(path: string, schedule: string, zonePath: string, timeZone: unknown): FieldError[] {
  if (timeZone !== undefined && typeof timeZone !== 'string') return [invalid(zonePath, timeZone, 'unknown time zone')];
  const spec = typeof timeZone === 'string' ? { schedule, timeZone } : { schedule };
  return validateCronJobSchedule(spec).map((error) => toFieldError(error, path, zonePath));
}

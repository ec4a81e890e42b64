// The API server's checks of a CronJob's schedule and time zone, with the texts of v1.34's
// validateScheduleFormat and validateTimeZone (pkg/apis/batch/validation/validation.go).

import { describe, expect, it } from 'vitest';
import { validateCronJobSchedule, validateTimeZone } from '../../../core/cron/validate-schedule.ts';

describe('validation', () => {
  it('refuses TZ in the schedule of a new CronJob', () => {
    expect(validateCronJobSchedule({ schedule: 'CRON_TZ=UTC * * * * *' })).toEqual([
      { type: 'Invalid', field: 'spec.schedule', value: 'CRON_TZ=UTC * * * * *', detail: 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead' },
    ]);
  });

  it("refuses adding timeZone to a schedule that kept TZ on update", () => {
    const errors = validateCronJobSchedule({ schedule: 'TZ=UTC 0 * * * *', timeZone: 'UTC' }, { schedule: 'TZ=UTC 0 * * * *' });
    expect(errors.map((e) => e.detail)).toEqual(['cannot use both timeZone field and TZ or CRON_TZ in schedule']);
  });

  it('reports the parse error of a bad schedule', () => {
    expect(validateCronJobSchedule({ schedule: '61 * * * *' })[0]?.detail).toBe('end of range (61) above maximum (59): 61');
  });

  it.each([
    ['Europe/Pariss', ['unknown time zone Europe/Pariss']],
    ['', ['timeZone must be nil or non-empty string']],
    ['../etc/passwd', ['unknown time zone ../etc/passwd']],
    ['Local', ['timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones']],
    ['europe/paris', ['unknown time zone europe/paris']],
    ['Europe/Paris', []],
    ['UTC', []],
  ])('time zone %j', (timeZone, details) => {
    expect(validateTimeZone(timeZone).map((e) => e.detail)).toEqual(details);
  });
});

// IANA zones through Intl, standing in for Go's time.LoadLocation, time.Time.In and the RFC 3339
// and RFC 1123Z formats the CronJob controller writes (the scheduled-timestamp annotation, the
// MissSchedule Event).

import { describe, expect, it } from 'vitest';
import { formatRfc1123zUtc, formatRfc3339, isLoadableTimeZone, offsetMs } from '../../../core/cron/time-zone.ts';

const JAN_1_2025_0030_UTC = Date.UTC(2025, 0, 1, 0, 30);

describe('isLoadableTimeZone (time.LoadLocation)', () => {
  it.each([
    ['UTC', true],
    ['', true],
    ['America/New_York', true],
    ['europe/paris', false],
    ['Mars/Olympus_Mons', false],
  ])('%j: %s', (zone, loadable) => {
    expect(isLoadableTimeZone(zone)).toBe(loadable);
  });
});

describe('formatRfc3339', () => {
  it('writes the wall clock of the zone with its offset', () => {
    expect(formatRfc3339('America/New_York', JAN_1_2025_0030_UTC)).toBe('2024-12-31T19:30:00-05:00');
    expect(formatRfc3339('Asia/Kolkata', JAN_1_2025_0030_UTC)).toBe('2025-01-01T06:00:00+05:30');
  });

  it('writes Z without a zone', () => {
    expect(formatRfc3339(undefined, JAN_1_2025_0030_UTC)).toBe('2025-01-01T00:30:00Z');
  });
});

describe('offsetMs', () => {
  it('follows daylight saving time', () => {
    expect(offsetMs('Europe/Paris', Date.UTC(2025, 0, 15))).toBe(3_600_000);
    expect(offsetMs('Europe/Paris', Date.UTC(2025, 6, 15))).toBe(7_200_000);
  });
});

describe('formatRfc1123zUtc', () => {
  it('writes Go\'s RFC1123Z in UTC', () => {
    expect(formatRfc1123zUtc(JAN_1_2025_0030_UTC)).toBe('Wed, 01 Jan 2025 00:30:00 +0000');
  });
});

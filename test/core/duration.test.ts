import { describe, expect, it } from 'vitest';
import { formatAgeMs, formatDurationMs, parseDurationMs } from '../../core/duration.ts';

describe('durations', () => {
  it('parses the units scenarios use, alone and combined', () => {
    expect(parseDurationMs('500ms')).toBe(500);
    expect(parseDurationMs('90s')).toBe(90_000);
    expect(parseDurationMs('5m')).toBe(300_000);
    expect(parseDurationMs('1h')).toBe(3_600_000);
    expect(parseDurationMs('1h30m')).toBe(5_400_000);
    expect(parseDurationMs('1.5s')).toBe(1500);
    expect(parseDurationMs('0')).toBe(0);
  });

  it('refuses text that is not a duration', () => {
    expect(parseDurationMs('5 minutes')).toBeUndefined();
    expect(parseDurationMs('10')).toBeUndefined();
    expect(parseDurationMs('m5')).toBeUndefined();
  });

  it('formats story times compactly', () => {
    expect(formatDurationMs(0)).toBe('0s');
    expect(formatDurationMs(65_000)).toBe('1m5s');
    expect(formatDurationMs(3_603_000)).toBe('1h0m3s');
    expect(formatDurationMs(1500)).toBe('1.5s');
  });

  it('formats ages as kubectl HumanDuration does', () => {
    expect(formatAgeMs(45_000)).toBe('45s');
    expect(formatAgeMs(119_000)).toBe('119s');
    expect(formatAgeMs(200_000)).toBe('3m20s');
    expect(formatAgeMs(12 * 60_000)).toBe('12m');
    expect(formatAgeMs(3 * 3_600_000 + 5 * 60_000)).toBe('3h5m');
    expect(formatAgeMs(10 * 3_600_000)).toBe('10h');
    expect(formatAgeMs(3 * 86_400_000 + 4 * 3_600_000)).toBe('3d4h');
  });
});

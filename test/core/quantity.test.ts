import { describe, expect, it } from 'vitest';
import { formatBytes, formatCpuMilli, parseCpuMilli, parseWholeUnits } from '../../core/quantity.ts';

describe('quantities', () => {
  it('reads cpu in millicores the way resource.Quantity.MilliValue does', () => {
    expect(parseCpuMilli('100m')).toBe(100);
    expect(parseCpuMilli('0.5')).toBe(500);
    expect(parseCpuMilli('2')).toBe(2000);
    expect(parseCpuMilli(1.5)).toBe(1500);
    expect(parseCpuMilli('1e3')).toBe(1_000_000);
  });

  it('rounds a fraction of a millicore up, as upstream does', () => {
    expect(parseCpuMilli('0.0001')).toBe(1);
    expect(parseCpuMilli('100500u')).toBe(101);
  });

  it('reads binary and decimal memory suffixes', () => {
    expect(parseWholeUnits('8Gi')).toBe(8 * 2 ** 30);
    expect(parseWholeUnits('200Mi')).toBe(200 * 2 ** 20);
    expect(parseWholeUnits('1k')).toBe(1000);
    expect(parseWholeUnits('1M')).toBe(1_000_000);
    expect(parseWholeUnits('128974848')).toBe(128974848);
    expect(parseWholeUnits('1.5Gi')).toBe(1.5 * 2 ** 30);
  });

  it('refuses what is not a quantity', () => {
    expect(parseCpuMilli('lots')).toBeUndefined();
    expect(parseWholeUnits('8GB')).toBeUndefined();
    expect(parseWholeUnits('')).toBeUndefined();
  });

  it('prints cpu and memory as kubectl does', () => {
    expect(formatCpuMilli(2000)).toBe('2');
    expect(formatCpuMilli(250)).toBe('250m');
    expect(formatBytes(8 * 2 ** 30)).toBe('8Gi');
    expect(formatBytes(1536 * 2 ** 20)).toBe('1536Mi');
    expect(formatBytes(1000)).toBe('1000');
  });
});

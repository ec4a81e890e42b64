// robfig/cron/v3 ParseStandard as the API server and the controller use it: accepted forms and
// the exact error texts (robfig's parser.go; a few appear in v1.34's validation errors, e.g.
// spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61).

import { describe, expect, it } from 'vitest';
import { parseStandard } from '../../../core/cron/cron-spec.ts';
import { parseGoDuration } from '../../../core/cron/go-duration.ts';

const errorOf = (spec: string): string | undefined => {
  const parsed = parseStandard(spec);
  return 'error' in parsed ? parsed.error : undefined;
};

describe('parseStandard errors', () => {
  it.each([
    ['', 'empty spec string'],
    ['61 * * * *', 'end of range (61) above maximum (59): 61'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['0 0 * * * *', 'expected exactly 5 fields, found 6: [0 0 * * * *]'],
    ['* * * * 7', 'end of range (7) above maximum (6): 7'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['5-3 * * * *', 'beginning of range (5) beyond end of range (3): 5-3'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['*/2/3 * * * *', 'too many slashes: */2/3'],
    ['a * * * *', 'failed to parse int from a: strconv.Atoi: parsing "a": invalid syntax'],
    ['@foo', 'unrecognized descriptor: @foo'],
    ['@Hourly', 'unrecognized descriptor: @Hourly'],
    ['@every 1d', 'failed to parse duration @every 1d: time: unknown unit "d" in duration "1d"'],
    ['@every x', 'failed to parse duration @every x: time: invalid duration "x"'],
    ['TZ=Mars/Olympus * * * * *', 'provided bad location Mars/Olympus: unknown time zone Mars/Olympus'],
  ])('%j: %s', (spec, message) => {
    expect(errorOf(spec)).toBe(message);
  });
});

describe('parseStandard accepts', () => {
  it.each(['0 * * * ?', '*/61 * * * *', '30 6-16/4 * * 1-5', '0 0 1 jan-dec SUN', '59 23 31 2 *', 'TZ=Europe/Paris 0 3 * * *', 'CRON_TZ=UTC 0 3 * * *'])(
    '%j',
    (spec) => {
      expect(errorOf(spec)).toBeUndefined();
    },
  );

  it.each(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly', '@every 1h30m'])('descriptor %s', (spec) => {
    expect(errorOf(spec)).toBeUndefined();
  });

  it('reads "*/61" as minute 0 only, as a step past the range keeps the start', () => {
    expect(parseStandard('*/61 * * * *')).toMatchObject({ schedule: { minute: { values: [0], star: false } } });
  });

  it('keeps the star of "*" and "?" but not of a step above 1', () => {
    expect(parseStandard('0 0 ? * */2')).toMatchObject({ schedule: { dom: { star: true }, dow: { values: [0, 2, 4, 6], star: false } } });
  });

  it('takes the zone of a TZ= prefix', () => {
    expect(parseStandard('TZ=Europe/Rome @daily')).toMatchObject({ schedule: { kind: 'spec', location: 'Europe/Rome' } });
  });

  it('rounds @every down to whole seconds, at least one', () => {
    expect(parseStandard('@every 1500ms')).toEqual({ schedule: { kind: 'every', delayMs: 1000 } });
    expect(parseStandard('@every 10ms')).toEqual({ schedule: { kind: 'every', delayMs: 1000 } });
    expect(parseStandard('@every 90s')).toEqual({ schedule: { kind: 'every', delayMs: 90_000 } });
  });
});

describe('parseGoDuration', () => {
  it('reads Go durations', () => {
    expect(parseGoDuration('1h30m')).toEqual({ ns: 5_400_000_000_000n });
    expect(parseGoDuration('1.5h')).toEqual({ ns: 5_400_000_000_000n });
    expect(parseGoDuration('-2s')).toEqual({ ns: -2_000_000_000n });
    expect(parseGoDuration('0')).toEqual({ ns: 0n });
  });

  it('needs a unit', () => {
    expect(parseGoDuration('10')).toEqual({ error: 'time: missing unit in duration "10"' });
  });
});

// Go's own table tests for the scalar parsers the decoder follows: base64's TestDecodeCorrupt
// (encoding/base64) and the RFC 3339 cases of time's parseErrorTests (time/format_test.go).

import { describe, expect, it } from 'vitest';
import { base64ErrorOffset } from '../../../apiserver/decode/go-scalars.ts';
import { goTimeParseError, RFC3339, RFC3339_MICRO } from '../../../apiserver/decode/go-time.ts';

describe("Go's base64 decoding", () => {
  const cases: readonly (readonly [string, number])[] = [
    ['', -1],
    ['\n', -1],
    ['AAA=\n', -1],
    ['AAAA\n', -1],
    ['!!!!', 0],
    ['====', 0],
    ['x===', 1],
    ['=AAA', 0],
    ['A=AA', 1],
    ['AA=A', 2],
    ['AA==A', 4],
    ['AAA=AAAA', 4],
    ['AAAAA', 4],
    ['AAAAAA', 4],
    ['A=', 1],
    ['A==', 1],
    ['AA=', 3],
    ['AA==', -1],
    ['AAA=', -1],
    ['AAAA', -1],
    ['AAAAAA=', 7],
    ['YWJjZA=====', 8],
    ['A!\n', 1],
    ['A=\n', 1],
  ];
  it.each(cases)('finds the corrupt byte of %j at %i (TestDecodeCorrupt)', (input, offset) => {
    expect(base64ErrorOffset(input) ?? -1).toBe(offset);
  });
});

describe("Go's time.Parse with RFC 3339", () => {
  it.each([
    ['2006-01-02T15:04:05Z07:00', 'parsing time "2006-01-02T15:04:05Z07:00": extra text: "07:00"'],
    ['2006-01-02T15:04_abc', 'parsing time "2006-01-02T15:04_abc" as "2006-01-02T15:04:05Z07:00": cannot parse "_abc" as ":"'],
    ['2006-01-02T15:04:05_abc', 'parsing time "2006-01-02T15:04:05_abc" as "2006-01-02T15:04:05Z07:00": cannot parse "_abc" as "Z07:00"'],
    ['2006-01-02T15:04:05Z_abc', 'parsing time "2006-01-02T15:04:05Z_abc": extra text: "_abc"'],
    ['2010-02-04T21:00:67.012345678-08:00', 'parsing time "2010-02-04T21:00:67.012345678-08:00": second out of range'],
    ['0000-01-01T00:00:.0+00:00', 'parsing time "0000-01-01T00:00:.0+00:00" as "2006-01-02T15:04:05Z07:00": cannot parse ".0+00:00" as "05"'],
    ['"', 'parsing time "\\"" as "2006-01-02T15:04:05Z07:00": cannot parse "\\"" as "2006"'],
    ['0000-01-01T00:00:00+00:+0', 'parsing time "0000-01-01T00:00:00+00:+0" as "2006-01-02T15:04:05Z07:00": cannot parse "+00:+0" as "Z07:00"'],
  ])('refuses %j as Go does (parseErrorTests)', (value, message) => {
    expect(goTimeParseError(RFC3339, value)).toBe(message);
  });

  it('checks the month, and the day against the month', () => {
    expect(goTimeParseError(RFC3339, '2025-13-01T00:00:00Z')).toBe('parsing time "2025-13-01T00:00:00Z": month out of range');
    expect(goTimeParseError(RFC3339, '2025-02-29T00:00:00Z')).toBe('parsing time "2025-02-29T00:00:00Z": day out of range');
    expect(goTimeParseError(RFC3339, '2024-02-29T00:00:00Z')).toBeUndefined();
  });

  it('takes timestamps with zones and fractions, and wants six digits for a MicroTime', () => {
    expect(goTimeParseError(RFC3339, '2025-01-01T00:00:00Z')).toBeUndefined();
    expect(goTimeParseError(RFC3339, '2025-01-01T10:00:00.5+02:00')).toBeUndefined();
    expect(goTimeParseError(RFC3339_MICRO, '2025-01-01T00:00:00.000000Z')).toBeUndefined();
    expect(goTimeParseError(RFC3339_MICRO, '2025-01-01T00:00:00Z')).toBe('parsing time "2025-01-01T00:00:00Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "Z" as ".000000"');
  });
});

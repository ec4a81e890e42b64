// Canonical quantities: the cases of apimachinery's TestQuantityParseEmit and the alternate
// spellings of TestQuantityString (k8s.io/apimachinery/pkg/api/resource/quantity_test.go),
// each parsed and printed back in canonical form.

import { describe, expect, it } from 'vitest';
import { canonicalQuantity } from '../../../kinds/describe/quantity-text.ts';

describe('canonicalQuantity', () => {
  const parseEmit: readonly (readonly [string, string])[] = [
    ['1Ki', '1Ki'],
    ['1Mi', '1Mi'],
    ['1Gi', '1Gi'],
    ['1024Mi', '1Gi'],
    ['1000M', '1G'],
    ['.001Ki', '1024m'],
    ['.000001Ki', '1024u'],
    ['.000000001Ki', '1024n'],
    ['.000000000001Ki', '2n'],
  ];
  for (const [input, expected] of parseEmit) {
    it(`TestQuantityParseEmit: ${input} is ${expected}, and negative too`, () => {
      expect(canonicalQuantity(input)).toBe(expected);
      expect(canonicalQuantity(`-${input}`)).toBe(`-${expected}`);
    });
  }

  const alternates: readonly (readonly [string, string])[] = [
    ['1024Mi', '1Gi'],
    ['307200Ki', '300Mi'],
    ['1025024Mi', '1001Gi'],
    ['1024Gi', '1Ti'],
    ['5000m', '5'],
    ['0.5', '500m'],
    ['1000M', '1G'],
    ['0.001T', '1G'],
    ['1000u', '1m'],
    ['1.08', '1080m'],
    ['1080000000n', '1080m'],
    ['1000E', '1e21'],
    ['5000E', '5e21'],
    ['1000000E', '1e24'],
    ['.001e12', '1e9'],
    ['0.001e0', '1e-3'],
    ['1000e-12', '1e-9'],
    ['00', '0'],
  ];
  for (const [input, expected] of alternates) {
    it(`TestQuantityString: ${input} is ${expected}`, () => {
      expect(canonicalQuantity(input)).toBe(expected);
    });
  }

  it('keeps small and fractional binary values decimal', () => {
    expect(canonicalQuantity('1025')).toBe('1025');
    expect(canonicalQuantity('1.5Gi')).toBe('1536Mi');
    expect(canonicalQuantity('0.5Ki')).toBe('512');
  });

  it('prints a JSON number, and returns what is not a quantity as given', () => {
    expect(canonicalQuantity(1000)).toBe('1k');
    expect(canonicalQuantity('lots')).toBe('lots');
  });
});

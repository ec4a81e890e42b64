import { describe, expect, it } from 'vitest';
import { addQuantity, formatQuantityValue, milliValue, parseQuantityValue, wholeValue } from '../../../kinds/quota/quantity-value.ts';

const q = (text: string) => {
  const value = parseQuantityValue(text);
  if (value === undefined) throw new Error(`not a quantity: ${text}`);
  return value;
};

describe('quantity values', () => {
  it.each([
    ['1', '1'],
    ['0.5', '500m'],
    ['1500m', '1500m'],
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['1000M', '1G'],
    ['2000', '2k'],
    ['0', '0'],
  ])('%s prints as %s (Quantity.String)', (text, printed) => {
    expect(formatQuantityValue(q(text))).toBe(printed);
  });

  it('a sum keeps the format of its first operand, or the second when the first is zero (Quantity.Add)', () => {
    expect(formatQuantityValue(addQuantity(q('0'), q('200Mi')))).toBe('200Mi');
    expect(formatQuantityValue(addQuantity(q('200Mi'), q('300Mi')))).toBe('500Mi');
    expect(formatQuantityValue(addQuantity(q('1'), q('500m')))).toBe('1500m');
    // Binary values that are not a whole number of Ki print as plain integers.
    expect(formatQuantityValue(addQuantity(q('1Ki'), q('1000')))).toBe('2024');
  });

  it('MilliValue and Value round up', () => {
    expect(milliValue(q('1n'))).toBe(1n);
    expect(milliValue(q('1.5'))).toBe(1500n);
    expect(wholeValue(q('100m'))).toBe(1n);
    expect(wholeValue(q('1Ki'))).toBe(1024n);
  });

  it('text that is not a quantity is no value', () => {
    expect(parseQuantityValue('lots')).toBeUndefined();
    expect(parseQuantityValue('')).toBeUndefined();
  });
});

// Go's %v of the values describers print: IntOrString pointers, string slices and JSON values.

import { describe, expect, it } from 'vitest';
import { goStringSlice, goValue, intOrStringText } from '../../../kinds/describe/go-values.ts';

describe('goValue', () => {
  it('prints whole numbers as integers and other floats as shortest %g', () => {
    expect(goValue(42)).toBe('42');
    expect(goValue(0.5)).toBe('0.5');
    expect(goValue(0.00001)).toBe('1e-05');
    expect(goValue(1234567.5)).toBe('1.2345675e+06');
    expect(goValue(123456.5)).toBe('123456.5');
  });

  it('prints nil, booleans, slices and maps as fmt does', () => {
    expect(goValue(null)).toBe('<nil>');
    expect(goValue(true)).toBe('true');
    expect(goValue(['a', 1])).toBe('[a 1]');
    expect(goValue({ b: 1, a: 'x' })).toBe('map[a:x b:1]');
  });
});

describe('intOrStringText and goStringSlice', () => {
  it('print an IntOrString, "<nil>" when unset, and a string slice in brackets', () => {
    expect(intOrStringText('25%')).toBe('25%');
    expect(intOrStringText(1)).toBe('1');
    expect(intOrStringText(undefined)).toBe('<nil>');
    expect(goStringSlice([])).toBe('[]');
    expect(goStringSlice(['a', 'b'])).toBe('[a b]');
  });
});

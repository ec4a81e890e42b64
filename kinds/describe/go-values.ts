// Values as Go's fmt prints them where a describer formats them with %v or %s: pointers that may
// be nil, slices, numbers and the values of unstructured content.

import type { IntOrString } from '../../core/workloads.ts';
import { compareStrings } from '../../core/table.ts';

/** intstr.IntOrString.String(), with "<nil>" for an unset pointer. */
export function intOrStringText(value: IntOrString | undefined): string {
  return value === undefined ? '<nil>' : String(value);
}

/** Go's %v (or %s) of a []string: "[a b]", "[]" when empty. */
export function goStringSlice(values: readonly string[]): string {
  return `[${values.join(' ')}]`;
}

/**
 * A number decoded from JSON as %v prints it. Whole numbers decode to int64 in unstructured
 * content and print as integers; others are float64, which %v prints as strconv's shortest 'g':
 * exponent form when the exponent is below -4 or at least 6, with two or more exponent digits
 * ("1e-05", "1.2345675e+06").
 */
function goNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  const [digits = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent >= -4 && exponent < 6) return String(value);
  const sign = exponent < 0 ? '-' : '+';
  return `${digits}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/** %v of a value decoded from JSON: strings as they are, maps as map[k:v] in key order, slices as [a b]. */
export function goValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'number') return goNumber(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(goValue).join(' ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => compareStrings(a, b));
    return `map[${entries.map(([key, field]) => `${key}:${goValue(field)}`).join(' ')}]`;
  }
  return String(value);
}

// IntOrString values resolved against a total, as upstream's intstr.GetScaledValueFromIntOrPercent
// (staging/src/k8s.io/apimachinery/pkg/util/intstr/intstr.go): a count as given, or a percentage
// of the total rounded up or down. Deployments, StatefulSets and DaemonSets all size their rolling
// updates with it.

import type { IntOrString } from '../../core/workloads.ts';

export type Scaled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const INT64_MAX = 2n ** 63n - 1n;

/** strconv.Atoi as Go writes it: an optional sign and decimal digits, nothing else. */
function atoi(text: string): Scaled<number> {
  if (!/^[+-]?[0-9]+$/.test(text)) return { ok: false, error: `strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax` };
  const value = BigInt(text);
  if (value > INT64_MAX || value < -INT64_MAX - 1n) {
    return { ok: false, error: `strconv.Atoi: parsing ${JSON.stringify(text)}: value out of range` };
  }
  return { ok: true, value: Number(value) };
}

/** getIntOrPercentValueSafely: a number as is, or a string that must end in "%". */
function intOrPercent(value: IntOrString): Scaled<{ readonly amount: number; readonly percent: boolean }> {
  if (typeof value === 'number') return { ok: true, value: { amount: value, percent: false } };
  if (!value.endsWith('%')) return { ok: false, error: 'invalid type: string is not a percentage' };
  const parsed = atoi(value.slice(0, -1));
  if (!parsed.ok) return { ok: false, error: `invalid value ${JSON.stringify(value)}: ${parsed.error}` };
  return { ok: true, value: { amount: parsed.value, percent: true } };
}

/**
 * A count as given, or a percentage of `total` rounded up or down. The float arithmetic is the
 * same as Go's (value * total / 100, then Ceil or Floor), so the results agree bit for bit.
 */
export function getScaledValueFromIntOrPercent(value: IntOrString, total: number, roundUp: boolean): Scaled<number> {
  const parsed = intOrPercent(value);
  if (!parsed.ok) return { ok: false, error: `invalid value for IntOrString: ${parsed.error}` };
  const { amount, percent } = parsed.value;
  if (!percent) return { ok: true, value: amount };
  const scaled = (amount * total) / 100;
  return { ok: true, value: roundUp ? Math.ceil(scaled) : Math.floor(scaled) };
}

/** The same, with upstream's error as the value's text, for callers that pass errors on as strings. */
export function scaledValue(value: IntOrString, total: number, roundUp: boolean): number | string {
  const scaled = getScaledValueFromIntOrPercent(value, total, roundUp);
  return scaled.ok ? scaled.value : scaled.error;
}

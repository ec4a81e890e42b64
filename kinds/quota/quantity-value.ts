// Resource quantities as exact values with the format they were written in, for the sums and
// comparisons of quota and limit ranges. Upstream's resource.Quantity keeps a format (BinarySI for
// "Mi", "Gi", ...; DecimalSI otherwise) and a sum keeps the format of its first non-zero operand,
// which decides how `kubectl get quota` prints "used". Values are nano-units in a BigInt, the
// finest precision a quantity has, so sums never round.

import { canonicalQuantity } from '../describe/quantity-text.ts';

export interface QuantityValue {
  readonly nano: bigint;
  readonly binary: boolean;
}

export type QuantityList = Readonly<Record<string, QuantityValue>>;

const NANO = 1_000_000_000n;
const MILLI_IN_NANO = 1_000_000n;
const BINARY = ['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const BINARY_POWERS: Readonly<Record<string, bigint>> = Object.fromEntries(BINARY.map((suffix, index) => [suffix, 1024n ** BigInt(index + 1)]));
const DECIMAL_POWERS: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?$/;

export const ZERO: QuantityValue = { nano: 0n, binary: false };

/** Rounds a value in units of 10^-digits up to nano-units, as ParseQuantity rounds finer values up. */
function toNano(unscaled: bigint, exponent: number): bigint {
  const shift = exponent + 9;
  if (shift >= 0) return unscaled * 10n ** BigInt(shift);
  const divisor = 10n ** BigInt(-shift);
  return (unscaled + divisor - 1n) / divisor;
}

/** The quantity a text names, or undefined when it is not one. */
export function parseQuantityValue(text: string | number): QuantityValue | undefined {
  const match = PATTERN.exec(String(text).trim());
  if (match === null) return undefined;
  const [, sign = '', whole = '', fraction = '', exponent, suffix = ''] = match;
  if (whole === '' && fraction === '') return undefined;
  const unscaled = BigInt(`${whole}${fraction}` || '0');
  const binaryPower = BINARY_POWERS[suffix];
  let nano: bigint;
  if (binaryPower !== undefined) nano = toNano(unscaled * binaryPower, -fraction.length);
  else nano = toNano(unscaled, -fraction.length + (exponent !== undefined ? Number(exponent) : (DECIMAL_POWERS[suffix] ?? 0)));
  return { nano: sign === '-' ? -nano : nano, binary: binaryPower !== undefined };
}

/** Quantity.String: the canonical text, in the quantity's own format. */
export function formatQuantityValue(value: QuantityValue): string {
  const { nano, binary } = value;
  if (nano === 0n) return '0';
  if (binary && nano % NANO === 0n) {
    const whole = nano / NANO;
    const magnitude = whole < 0n ? -whole : whole;
    // Small binary values print in decimal; large ones in the largest binary unit that divides them.
    if (magnitude >= 1024n) {
      let power = 0;
      let rest = whole;
      while (rest % 1024n === 0n && power < BINARY.length) {
        rest /= 1024n;
        power++;
      }
      return power === 0 ? String(whole) : `${rest}${BINARY[power - 1]}`;
    }
  }
  return canonicalQuantity(`${nano}n`);
}

/** Quantity.Add: the sum keeps the first operand's format unless that operand is zero. */
export function addQuantity(a: QuantityValue, b: QuantityValue): QuantityValue {
  return { nano: a.nano + b.nano, binary: a.nano === 0n ? b.binary : a.binary };
}

export function compareQuantity(a: QuantityValue, b: QuantityValue): number {
  return a.nano < b.nano ? -1 : a.nano > b.nano ? 1 : 0;
}

/** Quantity.MilliValue: rounded up to a whole milli-unit. */
export function milliValue(value: QuantityValue): bigint {
  const { nano } = value;
  const quotient = nano / MILLI_IN_NANO;
  return nano > 0n && nano % MILLI_IN_NANO !== 0n ? quotient + 1n : quotient;
}

/** Quantity.Value: rounded up to a whole unit. */
export function wholeValue(value: QuantityValue): bigint {
  const { nano } = value;
  const quotient = nano / NANO;
  return nano > 0n && nano % NANO !== 0n ? quotient + 1n : quotient;
}

/** A resource list read into values; entries that are not quantities are left out (validation names them). */
export function parseQuantityList(list: Readonly<Record<string, unknown>> | undefined): Record<string, QuantityValue> {
  const parsed: Record<string, QuantityValue> = {};
  for (const [name, text] of Object.entries(list ?? {})) {
    const value = typeof text === 'string' || typeof text === 'number' ? parseQuantityValue(text) : undefined;
    if (value !== undefined) parsed[name] = value;
  }
  return parsed;
}

/** quota.Add: every name of either list, summed where both have it. */
export function addQuantityLists(a: QuantityList, b: QuantityList): Record<string, QuantityValue> {
  const sum: Record<string, QuantityValue> = { ...a };
  for (const [name, value] of Object.entries(b)) {
    const existing = sum[name];
    sum[name] = existing === undefined ? value : addQuantity(existing, value);
  }
  return sum;
}

/** The list as the API stores it, names sorted so the bytes never depend on the order of a sum. */
export function formatQuantityList(list: QuantityList): Record<string, string> {
  const text: Record<string, string> = {};
  for (const name of Object.keys(list).sort()) text[name] = formatQuantityValue(list[name] as QuantityValue);
  return text;
}

// A resource quantity in the canonical form the API server returns it in, as kubectl prints it
// (resource.Quantity.String, CanonicalizeBytes): "1024Mi" is "1Gi", "1000M" is "1G", "0.5" is
// "500m", "1.5Gi" is "1536Mi". Exact arithmetic with BigInt, as upstream's inf.Dec is exact.

const BINARY_EXPONENTS: Readonly<Record<string, number>> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL_EXPONENTS: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?$/;

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** A non-negative value unscaled × 10^scale, with the format its text was written in. */
interface Parsed {
  readonly negative: boolean;
  readonly unscaled: bigint;
  readonly scale: number;
  readonly format: Format;
}

function pow10(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}

function parse(text: string): Parsed | undefined {
  const match = PATTERN.exec(text.trim());
  if (match === null) return undefined;
  const [, sign = '', whole = '', fraction = '', exponent, suffix = ''] = match;
  if (whole === '' && fraction === '') return undefined;
  let unscaled = BigInt(`${whole}${fraction}` || '0');
  let scale = -fraction.length;
  let format: Format = 'DecimalSI';
  if (exponent !== undefined) {
    format = 'DecimalExponent';
    scale += Number(exponent.slice(1));
  } else if (suffix in BINARY_EXPONENTS) {
    format = 'BinarySI';
    unscaled *= 1n << BigInt(10 * (BINARY_EXPONENTS[suffix] ?? 0));
  } else scale += DECIMAL_EXPONENTS[suffix] ?? 0;
  // ParseQuantity rounds anything finer than a nano up to the next nano.
  if (scale < -9) {
    const divisor = pow10(-9 - scale);
    unscaled = (unscaled + divisor - 1n) / divisor;
    scale = -9;
  }
  return { negative: sign === '-', unscaled, scale, format };
}

/** AsCanonicalBytes: no trailing zeros in the mantissa, then the exponent brought down to a multiple of 3. */
function decimalText(unscaled: bigint, scale: number, format: Format): string {
  let exponent = scale;
  let mantissa = unscaled;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  const remainder = ((exponent % 3) + 3) % 3;
  mantissa *= pow10(remainder);
  exponent -= remainder;
  if (format === 'DecimalExponent') return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`;
  const suffix = Object.entries(DECIMAL_EXPONENTS).find(([, value]) => value === exponent)?.[0];
  return suffix === undefined ? `${mantissa}e${exponent}` : `${mantissa}${suffix}`;
}

/** The canonical text of a quantity; text that is not a quantity is returned as given. */
export function canonicalQuantity(text: string | number): string {
  const parsed = parse(String(text));
  if (parsed === undefined) return String(text);
  const { negative, unscaled, scale } = parsed;
  if (unscaled === 0n) return '0';
  const sign = negative ? '-' : '';
  let format = parsed.format;
  let whole: bigint | undefined;
  if (format === 'BinarySI') {
    const integral = scale >= 0 || unscaled % pow10(-scale) === 0n;
    whole = scale >= 0 ? unscaled * pow10(scale) : unscaled / pow10(-scale);
    // Small or fractional binary values print in decimal, so nothing is rounded.
    if (!integral || whole < 1024n) format = 'DecimalSI';
  }
  if (format !== 'BinarySI' || whole === undefined) return `${sign}${decimalText(unscaled, scale, format)}`;
  let power = 0;
  while (whole % 1024n === 0n && power < BINARY_SUFFIXES.length - 1) {
    whole /= 1024n;
    power++;
  }
  return `${sign}${whole}${BINARY_SUFFIXES[power]}`;
}

// Kubernetes resource quantities ("100m", "1.5", "8Gi", "1e3") turned into whole numbers.
// Upstream rounds a quantity up when it asks for a smaller unit than the quantity can hold
// (resource.Quantity.MilliValue and Value both round toward +infinity), and so do we.

const BINARY_SUFFIXES: Readonly<Record<string, number>> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

const QUANTITY_PATTERN = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;

/** The quantity as a plain number of base units, or undefined when it is not a quantity. */
export function parseQuantity(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) ? text : undefined;
  const match = QUANTITY_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const [, digits, exponent, suffix] = match;
  const mantissa = Number(digits);
  if (exponent !== undefined) return mantissa * 10 ** Number(exponent.slice(1));
  const scale = BINARY_SUFFIXES[suffix ?? ''] ?? DECIMAL_SUFFIXES[suffix ?? ''];
  return scale === undefined ? undefined : mantissa * scale;
}

/** Rounds up, but forgives the tiny error that binary floating point adds to decimal input. */
function ceilTolerant(value: number): number {
  const rounded = Math.round(value);
  return Math.abs(value - rounded) < 1e-9 ? rounded : Math.ceil(value);
}

/** CPU in millicores, as resource.Quantity.MilliValue gives it. */
export function parseCpuMilli(text: string | number): number | undefined {
  const value = parseQuantity(text);
  return value === undefined ? undefined : ceilTolerant(value * 1000);
}

/** Memory (or any count) in whole base units, as resource.Quantity.Value gives it. */
export function parseWholeUnits(text: string | number): number | undefined {
  const value = parseQuantity(text);
  return value === undefined ? undefined : ceilTolerant(value);
}

export function isQuantity(text: unknown): boolean {
  return (typeof text === 'string' || typeof text === 'number') && parseQuantity(text) !== undefined;
}

/** CPU millicores as kubectl prints them: "250m", or "2" for whole cores. */
export function formatCpuMilli(cpuMilli: number): string {
  return cpuMilli % 1000 === 0 ? String(cpuMilli / 1000) : `${cpuMilli}m`;
}

/** Bytes in the largest binary unit that divides them exactly, as kubectl describe prints them. */
export function formatBytes(bytes: number): string {
  for (const suffix of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
    const scale = BINARY_SUFFIXES[suffix] ?? 1;
    if (bytes !== 0 && bytes % scale === 0) return `${bytes / scale}${suffix}`;
  }
  return String(bytes);
}

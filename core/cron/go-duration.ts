// Go's time.ParseDuration, for robfig/cron's "@every <duration>": "1h30m", "90s", "1.5h",
// "300ms", with Go's exact error texts (`time: invalid duration "x"`, `time: missing unit in
// duration "1"`, `time: unknown unit "d" in duration "1d"`). Nanoseconds are counted in BigInt,
// as Go counts them in an int64.

const UNIT_NS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n, // U+00B5 micro sign
  'μs': 1_000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const MAX_INT64 = (1n << 63n) - 1n;

export type DurationResult = { readonly ns: bigint } | { readonly error: string };

function quote(text: string): string {
  return `"${text}"`;
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

/** One "<number><unit>" element; the rest of the text, or an error. */
function element(text: string, orig: string): { readonly ns: bigint; readonly rest: string } | { readonly error: string } {
  const invalid = { error: `time: invalid duration ${quote(orig)}` };
  if (!(text[0] === '.' || isDigit(text[0]))) return invalid;
  let i = 0;
  while (isDigit(text[i])) i++;
  const whole = text.slice(0, i);
  let fraction = '';
  if (text[i] === '.') {
    let j = i + 1;
    while (isDigit(text[j])) j++;
    fraction = text.slice(i + 1, j);
    i = j;
  }
  if (whole === '' && fraction === '') return invalid;
  let u = i;
  while (u < text.length && text[u] !== '.' && !isDigit(text[u])) u++;
  const unit = text.slice(i, u);
  if (unit === '') return { error: `time: missing unit in duration ${quote(orig)}` };
  const scale = UNIT_NS[unit];
  if (scale === undefined) return { error: `time: unknown unit ${quote(unit)} in duration ${quote(orig)}` };
  const value = BigInt(whole === '' ? '0' : whole);
  if (value > MAX_INT64 / scale) return invalid;
  // Go adds the fraction as float64(f) * (float64(unit) / scale), truncated.
  const fractionNs = fraction === '' ? 0n : BigInt(Math.trunc(Number(`0.${fraction}`) * Number(scale)));
  const ns = value * scale + fractionNs;
  return ns > MAX_INT64 ? invalid : { ns, rest: text.slice(u) };
}

export function parseGoDuration(orig: string): DurationResult {
  let text = orig;
  let negative = false;
  if (text[0] === '-' || text[0] === '+') {
    negative = text[0] === '-';
    text = text.slice(1);
  }
  if (text === '0') return { ns: 0n };
  if (text === '') return { error: `time: invalid duration ${quote(orig)}` };
  let total = 0n;
  while (text !== '') {
    const parsed = element(text, orig);
    if ('error' in parsed) return parsed;
    total += parsed.ns;
    if (total > MAX_INT64) return { error: `time: invalid duration ${quote(orig)}` };
    text = parsed.rest;
  }
  return { ns: negative ? -total : total };
}

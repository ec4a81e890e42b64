// A cron schedule parsed as robfig/cron/v3's ParseStandard parses it (the parser both the API
// server's validation and the CronJob controller use), with its exact error texts:
//   - an optional "TZ=<zone> " or "CRON_TZ=<zone> " prefix (the controller adds "TZ=" from
//     spec.timeZone; validation refuses it in spec.schedule);
//   - the descriptors @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly, and
//     "@every <Go duration>" (a fixed delay, at least one second, in whole seconds);
//   - exactly five fields: minute, hour, day of month, month (1-12 or jan-dec), day of week (0-6 or
//     sun-sat, 7 is refused), each a comma list of "*" or "?", a value, or "a-b", with "/step".
// The day fields follow robfig: when either is "*" (or "?", or "*/1"), both must match; when
// neither is, either may (a "*/2" step does not count as "*").

import { parseGoDuration } from './go-duration.ts';
import { isLoadableTimeZone } from './time-zone.ts';

export interface CronField {
  /** The matching values in increasing order. */
  readonly values: readonly number[];
  /** robfig's starBit: the field was "*" or "?" (with no step above 1). */
  readonly star: boolean;
}

export interface SpecSchedule {
  readonly kind: 'spec';
  readonly minute: CronField;
  readonly hour: CronField;
  readonly dom: CronField;
  readonly month: CronField;
  readonly dow: CronField;
  /** From a TZ= or CRON_TZ= prefix; none means the controller's local zone, UTC here. */
  readonly location?: string;
}

export interface EverySchedule {
  readonly kind: 'every';
  readonly delayMs: number;
}

export type ParsedSchedule = SpecSchedule | EverySchedule;
export type ParseResult = { readonly schedule: ParsedSchedule } | { readonly error: string };

interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly names?: Readonly<Record<string, number>>;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DOW_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = { min: 1, max: 12, names: Object.fromEntries(MONTH_NAMES.map((name, i) => [name, i + 1])) };
const DOW: Bounds = { min: 0, max: 6, names: Object.fromEntries(DOW_NAMES.map((name, i) => [name, i])) };

function range(from: number, to: number, step = 1): number[] {
  const values: number[] = [];
  for (let value = from; value <= to; value += step) values.push(value);
  return values;
}

const all = (bounds: Bounds): CronField => ({ values: range(bounds.min, bounds.max), star: true });
const only = (value: number): CronField => ({ values: [value], star: false });

/** mustParseInt: strconv.Atoi, refusing negatives. */
function mustParseInt(expr: string): number | string {
  if (!/^[+-]?[0-9]+$/.test(expr)) return `failed to parse int from ${expr}: strconv.Atoi: parsing "${expr}": invalid syntax`;
  const value = Number.parseInt(expr, 10);
  if (!Number.isSafeInteger(value)) return `failed to parse int from ${expr}: strconv.Atoi: parsing "${expr}": value out of range`;
  return value < 0 ? `negative number (${value}) not allowed: ${expr}` : value;
}

function parseIntOrName(expr: string, names: Bounds['names']): number | string {
  const named = names?.[expr.toLowerCase()];
  return named ?? mustParseInt(expr);
}

/** getRange: one comma-separated part of a field. */
function getRange(expr: string, bounds: Bounds): CronField | string {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = (rangeAndStep[0] ?? '').split('-');
  let start: number | string;
  let end: number | string;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = bounds.min;
    end = bounds.max;
    star = true;
  } else {
    start = parseIntOrName(lowAndHigh[0] ?? '', bounds.names);
    if (typeof start === 'string') return start;
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1] ?? '', bounds.names);
    else return `too many hyphens: ${expr}`;
    if (typeof end === 'string') return end;
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const parsed = mustParseInt(rangeAndStep[1] ?? '');
    if (typeof parsed === 'string') return parsed;
    step = parsed;
    // "N/step" means "N-max/step".
    if (lowAndHigh.length === 1) end = bounds.max;
    if (step > 1) star = false;
  } else if (rangeAndStep.length > 2) return `too many slashes: ${expr}`;
  if (start < bounds.min) return `beginning of range (${start}) below minimum (${bounds.min}): ${expr}`;
  if (end > bounds.max) return `end of range (${end}) above maximum (${bounds.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  if (step === 0) return `step of range should be a positive number: ${expr}`;
  return { values: range(start, end, step), star };
}

/** getField: the union of the comma-separated parts (empty parts are dropped, as FieldsFunc does). */
function getField(field: string, bounds: Bounds): CronField | string {
  const values = new Set<number>();
  let star = false;
  for (const part of field.split(',').filter((p) => p !== '')) {
    const parsed = getRange(part, bounds);
    if (typeof parsed === 'string') return parsed;
    parsed.values.forEach((value) => values.add(value));
    star ||= parsed.star;
  }
  return { values: [...values].sort((a, b) => a - b), star };
}

function descriptor(spec: string, location: string | undefined): ParseResult {
  const at = location === undefined ? {} : { location };
  const zeroTime = { minute: only(0), hour: only(0) };
  switch (spec) {
    case '@yearly':
    case '@annually':
      return { schedule: { kind: 'spec', ...zeroTime, dom: only(1), month: only(1), dow: all(DOW), ...at } };
    case '@monthly':
      return { schedule: { kind: 'spec', ...zeroTime, dom: only(1), month: all(MONTHS), dow: all(DOW), ...at } };
    case '@weekly':
      return { schedule: { kind: 'spec', ...zeroTime, dom: all(DOM), month: all(MONTHS), dow: only(0), ...at } };
    case '@daily':
    case '@midnight':
      return { schedule: { kind: 'spec', ...zeroTime, dom: all(DOM), month: all(MONTHS), dow: all(DOW), ...at } };
    case '@hourly':
      return { schedule: { kind: 'spec', minute: only(0), hour: all(HOURS), dom: all(DOM), month: all(MONTHS), dow: all(DOW), ...at } };
  }
  if (spec.startsWith('@every ')) {
    const duration = parseGoDuration(spec.slice('@every '.length));
    if ('error' in duration) return { error: `failed to parse duration ${spec}: ${duration.error}` };
    // Every(): at least a second, rounded down to whole seconds.
    const ms = duration.ns < 1_000_000_000n ? 1000 : Number(duration.ns / 1_000_000_000n) * 1000;
    return { schedule: { kind: 'every', delayMs: ms } };
  }
  return { error: `unrecognized descriptor: ${spec}` };
}

/** The "TZ=" / "CRON_TZ=" prefix: its zone and the rest, or robfig's error. */
function splitLocation(spec: string): { readonly location?: string; readonly rest: string } | { readonly error: string } {
  if (!spec.startsWith('TZ=') && !spec.startsWith('CRON_TZ=')) return { rest: spec };
  const space = spec.indexOf(' ');
  const zone = spec.slice(spec.indexOf('=') + 1, space === -1 ? spec.length : space);
  if (space === -1 || !isLoadableTimeZone(zone)) return { error: `provided bad location ${zone}: unknown time zone ${zone}` };
  return { location: zone === '' ? 'UTC' : zone, rest: spec.slice(space).trim() };
}

/** cron.ParseStandard. */
export function parseStandard(spec: string): ParseResult {
  if (spec === '') return { error: 'empty spec string' };
  const split = splitLocation(spec);
  if ('error' in split) return split;
  if (split.rest.startsWith('@')) return descriptor(split.rest, split.location);
  const fields = split.rest.split(/\s+/).filter((field) => field !== '');
  if (fields.length !== 5) return { error: `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]` };
  const parsed: CronField[] = [];
  for (const [i, bounds] of [MINUTES, HOURS, DOM, MONTHS, DOW].entries()) {
    const field = getField(fields[i] ?? '', bounds);
    if (typeof field === 'string') return { error: field };
    parsed.push(field);
  }
  const [minute, hour, dom, month, dow] = parsed as [CronField, CronField, CronField, CronField, CronField];
  return { schedule: { kind: 'spec', minute, hour, dom, month, dow, ...(split.location === undefined ? {} : { location: split.location }) } };
}

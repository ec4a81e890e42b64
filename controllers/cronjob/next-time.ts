// Schedule.Next of robfig/cron/v3: the first whole second strictly after t whose wall clock, in
// the schedule's zone, matches every field; nothing when no match comes within five years
// (robfig's yearLimit, which makes "0 0 30 2 *" a "rogue" schedule).
//
// The calendar matching is croner's (a maintained, dependency-free cron library), always run in
// UTC on wall-clock time and always given the reference time: it never reads the clock. The
// zone is applied here with Intl offsets, so daylight saving follows robfig rather than croner:
// a wall time that does not exist (spring forward) is skipped, and one that occurs twice (fall
// back) matches both times.

import { Cron } from 'croner';
import { EPOCH_MS } from '../../core/clock.ts';
import type { CronField, ParsedSchedule, SpecSchedule } from '../../core/cron/cron-spec.ts';
import { offsetMs, wallClock, wallMs } from '../../core/cron/time-zone.ts';
import { withFields } from '../../core/with-fields.ts';

const DAY_MS = 86_400_000;
/** How far ahead a fall-back transition is looked for (shifts are at most a couple of hours). */
const LOOKAHEAD_MS = 3 * 3_600_000;
/** A bound on the wall times tried for one instant (gaps skip a handful at most). */
const MAX_CANDIDATES = 10_000;

function fieldPattern(field: CronField): string {
  return field.star ? '*' : field.values.join(',');
}

/**
 * The pattern croner matches: "*" where robfig saw a star and explicit values elsewhere, so
 * croner's OR of day of month and day of week applies exactly when robfig's does.
 */
export function cronerPattern(spec: SpecSchedule): string | undefined {
  const fields = [spec.minute, spec.hour, spec.dom, spec.month, spec.dow];
  if (fields.some((field) => field.values.length === 0)) return undefined;
  return `0 ${fields.map(fieldPattern).join(' ')}`;
}

const crons = new Map<string, Cron>();

function cronFor(pattern: string): Cron {
  let cron = crons.get(pattern);
  if (cron === undefined) {
    cron = new Cron(pattern, { paused: true, utcOffset: 0, mode: '6-part' });
    crons.set(pattern, cron);
  }
  return cron;
}

/** The first matching wall time (as fake-UTC ms) strictly after `afterWallMs`. */
function nextWall(pattern: string, afterWallMs: number): number | undefined {
  const next = cronFor(pattern).nextRun(new Date(afterWallMs));
  return next === null ? undefined : next.getTime();
}

/** The instants whose wall clock in `zone` reads `wall`: none in a gap, two in an overlap. */
function instantsAt(zone: string | undefined, wall: number): number[] {
  const offsets = new Set([offsetMs(zone, wall - DAY_MS), offsetMs(zone, wall), offsetMs(zone, wall + DAY_MS)]);
  const instants: number[] = [];
  for (const offset of offsets) {
    const instant = wall - offset;
    if (offsetMs(zone, instant) === offset) instants.push(instant);
  }
  return instants.sort((a, b) => a - b);
}

/**
 * The earliest instant after `floor` among the wall times after `fromWall` (and before `beforeWall`).
 * Wall order is instant order except inside a fall-back overlap, where a wall time has two
 * instants; taking the earlier of them that lies ahead keeps the first one found the earliest.
 */
function scanWalls(pattern: string, zone: string | undefined, floor: number, fromWall: number, limit: { readonly year: number; readonly beforeWall?: number }): number | undefined {
  let cursor = fromWall;
  for (let tries = 0; tries < MAX_CANDIDATES; tries++) {
    const wall = nextWall(pattern, cursor);
    if (wall === undefined || new Date(wall).getUTCFullYear() > limit.year) return undefined;
    if (limit.beforeWall !== undefined && wall >= limit.beforeWall) return undefined;
    const instant = instantsAt(zone, wall).find((at) => at > floor);
    if (instant !== undefined) return instant;
    cursor = wall;
  }
  return undefined;
}

/** The first instant of a fall-back transition in (from, to], by bisection on seconds. */
function transitionBetween(zone: string | undefined, from: number, to: number): number {
  const before = offsetMs(zone, from);
  let lo = from;
  let hi = to;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (offsetMs(zone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

function nextSpecUnix(spec: SpecSchedule, unixMs: number): number | undefined {
  const pattern = cronerPattern(spec);
  if (pattern === undefined) return undefined;
  const zone = spec.location;
  const floor = Math.floor(unixMs / 1000) * 1000;
  const limit = { year: wallClock(zone, floor + 1000).year + 5 };
  const ahead = scanWalls(pattern, zone, floor, wallMs(wallClock(zone, floor)), limit);
  // A fall-back just ahead repeats wall times already passed: their second instants may come first.
  const shift = offsetMs(zone, floor) - offsetMs(zone, floor + LOOKAHEAD_MS);
  if (shift <= 0) return ahead;
  const transition = transitionBetween(zone, floor, floor + LOOKAHEAD_MS);
  const repeatedFrom = wallMs(wallClock(zone, transition));
  const repeated = scanWalls(pattern, zone, floor, repeatedFrom - 1000, withFields(limit, { beforeWall: repeatedFrom + shift }));
  if (repeated === undefined) return ahead;
  return ahead === undefined ? repeated : Math.min(ahead, repeated);
}

/** Schedule.Next on virtual ms: the next activation strictly after `virtualMs`, or undefined. */
export function nextActivation(schedule: ParsedSchedule, virtualMs: number): number | undefined {
  if (schedule.kind === 'every') {
    // ConstantDelaySchedule.Next: t + delay, less t's sub-second part.
    return Math.floor(virtualMs / 1000) * 1000 + schedule.delayMs;
  }
  const next = nextSpecUnix(schedule, EPOCH_MS + virtualMs);
  return next === undefined ? undefined : next - EPOCH_MS;
}

// IANA time zones through Node's Intl (which carries the tz database), standing in for Go's
// time.LoadLocation and time.Time.In. Only instants passed in are converted; nothing reads the
// clock. Formatters are cached per zone: the cache changes no result.

/** A wall clock reading in a zone. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let cached = formatters.get(zone);
  if (cached === undefined) {
    cached = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, cached);
  }
  return cached;
}

/** No zone, "", "UTC", and Go's "Local" (the controller's own zone, UTC in ksim). */
function isUtc(zone: string | undefined): boolean {
  return zone === undefined || zone === '' || zone === 'UTC' || zone === 'Local';
}

/**
 * time.LoadLocation succeeds: "" and "UTC" always; otherwise a zone Intl knows. Go reads zone
 * files by exact name, so a name that differs from Intl's canonical one only by case is refused.
 */
export function isLoadableTimeZone(zone: string): boolean {
  if (isUtc(zone)) return true;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return false;
  }
  return resolved === zone || resolved.toLowerCase() !== zone.toLowerCase();
}

/** The wall clock in `zone` at a Unix ms instant (whole seconds). */
export function wallClock(zone: string | undefined, unixMs: number): WallClock {
  const date = new Date(Math.floor(unixMs / 1000) * 1000);
  if (isUtc(zone)) {
    return {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
    };
  }
  const parts: Record<string, number> = {};
  for (const part of formatter(zone as string).formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts['year'] ?? 0,
    month: parts['month'] ?? 1,
    day: parts['day'] ?? 1,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

/** The wall clock read as if it were UTC, in ms: what cron patterns are matched against. */
export function wallMs(wall: WallClock): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** The zone's offset from UTC at an instant, in ms (east positive). */
export function offsetMs(zone: string | undefined, unixMs: number): number {
  if (isUtc(zone)) return 0;
  return wallMs(wallClock(zone, unixMs)) - Math.floor(unixMs / 1000) * 1000;
}

function pad(value: number, width = 2): string {
  return `${value}`.padStart(width, '0');
}

/**
 * time.Time.In(zone).Format(time.RFC3339): "2025-01-01T01:00:00+01:00", or "...Z" when the
 * offset is zero.
 */
export function formatRfc3339(zone: string | undefined, unixMs: number): string {
  const wall = wallClock(zone, unixMs);
  const offsetMinutes = Math.trunc(offsetMs(zone, unixMs) / 60_000);
  const date = `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
  if (offsetMinutes === 0) return `${date}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${date}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** t.UTC().Format(time.RFC1123Z): "Wed, 01 Jan 2025 00:00:00 +0000". */
export function formatRfc1123zUtc(unixMs: number): string {
  const date = new Date(Math.floor(unixMs / 1000) * 1000);
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${WEEKDAYS[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${time} +0000`;
}

// Timestamps as kubectl prints them: ages relative to the view's "now" and RFC 1123 dates.

import { fromTimestamp } from '../../core/clock.ts';
import { formatAgeMs } from '../../core/duration.ts';

/**
 * printers.go translateTimestampSince: "<unknown>" for a missing time, else a human duration;
 * duration.HumanDuration says "<invalid>" for a time more than a second ahead (a deletion
 * timestamp still to come, say), as kubectl describe shows for a pod's grace period.
 */
export function ageSince(timestamp: string | undefined, nowMs: number): string {
  if (timestamp === undefined || timestamp === '') return '<unknown>';
  const ageMs = nowMs - fromTimestamp(timestamp);
  return Math.trunc(ageMs / 1000) < -1 ? '<invalid>' : formatAgeMs(ageMs);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function two(value: number): string {
  return String(value).padStart(2, '0');
}

/** Go's zero time, which kubectl prints for a timestamp that was never set. */
const ZERO_TIME = 'Mon, 01 Jan 0001 00:00:00 +0000';

/** Go's time.RFC1123Z layout in UTC, "Wed, 01 Jan 2025 00:01:05 +0000", as kubectl describe prints times. */
export function rfc1123z(timestamp: string | null | undefined): string {
  if (timestamp === undefined || timestamp === null || timestamp === '') return ZERO_TIME;
  const date = new Date(Date.parse(timestamp));
  if (Number.isNaN(date.getTime())) return timestamp;
  const day = DAYS[date.getUTCDay()];
  const month = MONTHS[date.getUTCMonth()];
  const clock = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${day}, ${two(date.getUTCDate())} ${month} ${date.getUTCFullYear()} ${clock} +0000`;
}

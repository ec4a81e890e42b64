// A point of a run given as a revision or a virtual time, as `ksim diff --from/--to` take it:
// a whole number is a revision (0 is the empty cluster before the first event), anything else
// a duration such as 90s or 5m.

import type { Moment } from '../replay/timeline.ts';
import { CliError } from './io.ts';
import { parseRevision, parseTimeMs } from './options.ts';

export function parseMoment(text: string, flag: string): Moment {
  if (/^\s*\d+\s*$/.test(text)) return { rev: parseRevision(text, flag) };
  try {
    return { timeMs: parseTimeMs(text, flag) };
  } catch {
    throw new CliError(`invalid ${flag} "${text}": expected a revision number (0, 1, 2, ...) or a duration such as 90s, 5m or 1h30m`);
  }
}

/** The revision a moment stands for in a log whose last revision is lastRev. */
export function momentRev(moment: Moment, flag: string, log: { readonly lastRev: number; revAtTime(timeMs: number): number }): number {
  if ('timeMs' in moment) return log.revAtTime(moment.timeMs);
  if (moment.rev > log.lastRev) throw new CliError(`${flag} ${moment.rev} is past the end of the log (the last revision is ${log.lastRev})`);
  return moment.rev;
}

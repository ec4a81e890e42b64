// `ksim log run.ndjson [--from REV] [--to REV] [-o json]`: the run's events, one a line, as the
// story tells them or as the raw JSON lines.

import type { KsimEvent } from '../core/events.ts';
import { formatEventLine } from '../replay/log-file.ts';
import { Storyteller } from '../replay/story.ts';
import { type CliIo, CliError, writeLines } from './io.ts';
import { parseOutputFormat, parseRevision } from './options.ts';
import { loadLog } from './view.ts';

export interface LogOptions {
  readonly file: string;
  readonly from?: string;
  readonly to?: string;
  readonly output?: string;
  readonly heartbeats?: boolean;
  /** Also tell the core/v1 Events components recorded. */
  readonly events?: boolean;
}

function range(options: LogOptions, lastRev: number): { from: number; to: number } {
  const from = options.from === undefined ? 1 : parseRevision(options.from, '--from');
  const askedTo = options.to === undefined ? lastRev : parseRevision(options.to, '--to');
  if (options.from !== undefined && from > lastRev) {
    throw new CliError(`--from ${from} is past the end of the log (the last revision is ${lastRev})`);
  }
  if (from > askedTo) throw new CliError(`--from ${from} is after --to ${askedTo}`);
  const to = Math.min(askedTo, lastRev);
  return { from, to };
}

/** Story lines for revisions from..to; the teller hears every earlier event too, so changes have their "before". */
function* storyOf(events: readonly KsimEvent[], from: number, to: number, noise: { heartbeats: boolean; events: boolean }): Generator<string> {
  const teller = new Storyteller({ ...noise, revWidth: Math.max(3, String(to).length + 1) });
  for (const event of events.slice(0, to)) {
    const line = teller.tell(event);
    if (line !== undefined && event.rev >= from) yield line;
  }
}

function* jsonOf(events: readonly KsimEvent[], from: number, to: number): Generator<string> {
  for (const event of events.slice(Math.max(0, from - 1), to)) yield formatEventLine(event);
}

export function logCommand(options: LogOptions, io: CliIo): number {
  const format = parseOutputFormat(options.output, ['json']);
  const log = loadLog(options.file, io);
  const { from, to } = range(options, log.events.length);
  const lines =
    format === 'json'
      ? jsonOf(log.events, from, to)
      : storyOf(log.events, from, to, { heartbeats: options.heartbeats === true, events: options.events === true });
  writeLines(io, lines);
  return 0;
}

// `ksim log run.ndjson [--from REV] [--to REV] [filters] [-o json] [--follow]`: the run's events,
// one a line, as the story tells them or as the raw JSON lines; filters pick events by object,
// type, actor and time, and --follow keeps printing as a live run appends to the log.

import { isLeft } from 'fp-ts/lib/Either.js';
import { type EventFilter, eventFilterTest, pastFilterEnd } from '../replay/event-filter.ts';
import { followLog } from '../replay/follow-log.ts';
import { formatEventLine } from '../replay/log-file.ts';
import { scanLogFile, truncationWarning } from '../replay/log-read.ts';
import { Storyteller } from '../replay/story.ts';
import { type CliIo, CliError, writeLines } from './io.ts';
import { parseKind, parseOutputFormat, parseRevision, parseTimeMs } from './options.ts';

export interface LogOptions {
  readonly file: string;
  readonly from?: string;
  readonly to?: string;
  readonly output?: string;
  readonly heartbeats?: boolean;
  /** Also tell the core/v1 Events components recorded. */
  readonly events?: boolean;
  /** Filters: kinds by any name the registry knows, comma-separated; the rest glob patterns (`pod/*`). */
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
  readonly type?: string;
  readonly actor?: string;
  /** Virtual times, as durations from the start of the run (90s, 5m). */
  readonly since?: string;
  readonly until?: string;
  readonly follow?: boolean;
}

/** How --follow waits for the run to write more; tests pass one that grows the file instead. */
export interface FollowWait {
  readonly wait: () => void;
}

const FOLLOW_POLL_MS = 200;

/** Blocks the thread between looks at the file: ksim has nothing else to do meanwhile, and Ctrl-C still ends it. */
const sleepBetweenLooks: FollowWait = {
  wait: () => {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, FOLLOW_POLL_MS);
  },
};

function parseKinds(text: string): string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name) => parseKind(name).kind);
}

function timeRange(options: LogOptions): { sinceMs?: number; untilMs?: number } {
  const sinceMs = options.since === undefined ? undefined : parseTimeMs(options.since, '--since');
  const untilMs = options.until === undefined ? undefined : parseTimeMs(options.until, '--until');
  if (sinceMs !== undefined && untilMs !== undefined && sinceMs > untilMs) throw new CliError(`--since ${options.since} is after --until ${options.until}`);
  return { ...(sinceMs === undefined ? {} : { sinceMs }), ...(untilMs === undefined ? {} : { untilMs }) };
}

/** The filters the flags ask for, revisions aside. */
function filterOf(options: LogOptions): EventFilter {
  const { name, namespace, type, actor } = options;
  return {
    ...(options.kind === undefined ? {} : { kinds: parseKinds(options.kind) }),
    ...(name === undefined ? {} : { name }),
    ...(namespace === undefined ? {} : { namespace }),
    ...(type === undefined ? {} : { type }),
    ...(actor === undefined ? {} : { actor }),
    ...timeRange(options),
  };
}

function revisions(options: LogOptions): { from: number; to?: number } {
  const from = options.from === undefined ? 1 : parseRevision(options.from, '--from');
  const to = options.to === undefined ? undefined : parseRevision(options.to, '--to');
  if (to !== undefined && from > to) throw new CliError(`--from ${from} is after --to ${to}`);
  return to === undefined ? { from } : { from, to };
}

function range(options: LogOptions, lastRev: number): { from: number; to: number } {
  const { from, to: askedTo = lastRev } = revisions(options);
  if (options.from !== undefined && from > lastRev) {
    throw new CliError(`--from ${from} is past the end of the log (the last revision is ${lastRev})`);
  }
  return { from, to: Math.min(askedTo, lastRev) };
}

interface Noise {
  readonly heartbeats: boolean;
  readonly events: boolean;
}

/** A --type filter picks the types to show itself, so it lets heartbeats and recorded Events through when it matches them. */
function noiseOf(options: LogOptions): Noise {
  const typed = options.type !== undefined;
  return { heartbeats: options.heartbeats === true || typed, events: options.events === true || typed };
}

/** Writes lines in chunks as they come, so a log of any size prints in constant memory. */
class LinePrinter {
  private pending: string[] = [];

  constructor(private readonly io: CliIo) {}

  push(line: string): void {
    this.pending.push(line);
    if (this.pending.length >= 1024) this.flush();
  }

  flush(): void {
    writeLines(this.io, this.pending);
    this.pending = [];
  }
}

/** Reads and checks the whole log once without keeping it: its last revision, and a warning if it is truncated. */
function lastRevOf(file: string, io: CliIo): number {
  const scanned = scanLogFile(file, () => {});
  if (isLeft(scanned)) throw new CliError(scanned.left);
  const truncated = truncationWarning(file, scanned.right.ending);
  if (truncated !== undefined) io.err(`ksim: ${truncated}\n`);
  return scanned.right.last.rev;
}

/**
 * The events that pass, as story lines or JSON, streamed from the file in a second read: the teller
 * hears every event up to --to, so changes have their "before", and prints the ones that pass.
 */
function printLog(options: LogOptions, filter: EventFilter, json: boolean, io: CliIo): void {
  const { from, to } = range(options, lastRevOf(options.file, io));
  const passes = eventFilterTest({ ...filter, fromRev: from, toRev: to });
  const teller = json ? undefined : new Storyteller({ ...noiseOf(options), skip: (event) => !passes(event), revWidth: Math.max(3, String(to).length + 1) });
  const printer = new LinePrinter(io);
  const read = scanLogFile(options.file, (event) => {
    if (event.rev > to) return;
    const line = teller === undefined ? (passes(event) ? formatEventLine(event) : undefined) : teller.tell(event);
    if (line !== undefined) printer.push(line);
  });
  printer.flush();
  if (isLeft(read)) throw new CliError(read.left);
}

/** Prints the log as it grows, until its trailer (the run ended), the end of --to or --until, or Ctrl-C. */
function follow(options: LogOptions, filter: EventFilter, json: boolean, io: CliIo, waiting: FollowWait): number {
  const passes = eventFilterTest(filter);
  const teller = new Storyteller({ ...noiseOf(options), skip: (event) => !passes(event) });
  let pending: string[] = [];
  const flush = () => {
    writeLines(io, pending);
    pending = [];
  };
  const followed = followLog(options.file, {
    onEvent: (event) => {
      const line = json ? (passes(event) ? formatEventLine(event) : undefined) : teller.tell(event);
      if (line !== undefined) pending.push(line);
      return pastFilterEnd(event, filter);
    },
    waitForMore: () => {
      flush();
      waiting.wait();
    },
    waitingForFile: () => io.err(`ksim: waiting for ${options.file} to be written (Ctrl-C to stop)\n`),
  });
  flush();
  if (isLeft(followed)) throw new CliError(followed.left);
  return 0;
}

export function logCommand(options: LogOptions, io: CliIo, waiting: FollowWait = sleepBetweenLooks): number {
  const format = parseOutputFormat(options.output, ['json']);
  const filter = filterOf(options);
  if (options.follow === true) {
    const { from, to } = revisions(options);
    return follow(options, { ...filter, fromRev: from, ...(to === undefined ? {} : { toRev: to }) }, format === 'json', io, waiting);
  }
  printLog(options, filter, format === 'json', io);
  return 0;
}

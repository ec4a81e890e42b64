// The run log as a file: NDJSON, one header line, then one event per line as JSON.stringify wrote
// it. Reading validates every line and names the first bad one as "file:line: path: problem", so a
// truncated or hand-edited log fails loudly instead of replaying into some other history.

import { closeSync, openSync, writeSync } from 'node:fs';
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { formatDecodeErrors } from '../core/decode-errors.ts';
import { decodeEvent, eventPayloads, type KsimEvent } from '../core/events.ts';
import { forEachFileLine, forEachStringLine } from './file-lines.ts';

/**
 * The log format this ksim writes and reads. Version 2 gave every kind but Pod and Node the
 * generic object events (object/created, object/statusUpdated, ...) and added recorded Events.
 * Version 3 has status events carry what changed, a patch (core/status-patch.ts), instead of the
 * whole status.
 */
export const LOG_FORMAT_VERSION = 3;

/** The scenario is kept as the loaded JSON object; the scenarios layer owns its codec. */
export const LogHeaderCodec = t.type({
  format: t.literal('ksim-log'),
  version: t.literal(LOG_FORMAT_VERSION),
  seed: t.number,
  scenario: t.UnknownRecord,
});

export type LogHeader = t.TypeOf<typeof LogHeaderCodec>;

export interface KsimLog {
  readonly header: LogHeader;
  readonly events: readonly KsimEvent[];
}

export function logHeader(seed: number, scenario: Readonly<Record<string, unknown>>): LogHeader {
  return { format: 'ksim-log', version: LOG_FORMAT_VERSION, seed, scenario };
}

/** The header line, keys in a fixed order so the same run always writes the same bytes. */
export function formatHeaderLine(header: LogHeader): string {
  return JSON.stringify({
    format: header.format,
    version: header.version,
    seed: header.seed,
    scenario: header.scenario,
  });
}

export function formatEventLine(event: KsimEvent): string {
  return JSON.stringify(event);
}

/** A whole log as text, for tests and small tools; the engine streams through LogWriter instead. */
export function formatLog(log: KsimLog): string {
  let text = `${formatHeaderLine(log.header)}\n`;
  for (const event of log.events) text += `${formatEventLine(event)}\n`;
  return text;
}

/**
 * Writes lines at most this long after they were appended, so `ksim log --follow` sees a live
 * run's progress; `clock` reads wall milliseconds (the bytes written never depend on it).
 */
export interface FlushDelay {
  readonly maxDelayMs: number;
  readonly clock: () => number;
}

/** Batches lines and writes them with one system call per batch, so long runs write fast. */
export class LogWriter {
  private static readonly BATCH_CHARS = 1 << 20;
  private pending: string[] = [];
  private pendingChars = 0;
  private closed = false;
  private lastFlushMs = 0;

  private constructor(
    private readonly fd: number,
    private readonly ownsFd: boolean,
    private readonly flushDelay?: FlushDelay,
  ) {
    if (flushDelay !== undefined) this.lastFlushMs = flushDelay.clock();
  }

  /** Creates (or truncates) the file and writes the header line. */
  static open(path: string, header: LogHeader, flushDelay?: FlushDelay): LogWriter {
    const writer = new LogWriter(openSync(path, 'w'), true, flushDelay);
    writer.writeLine(formatHeaderLine(header));
    // A follower may start as soon as the file exists; the header tells it what it follows.
    if (flushDelay !== undefined) writer.flush();
    return writer;
  }

  /** Writes to a descriptor the caller owns and closes (standard output, say). */
  static toDescriptor(fd: number, header: LogHeader): LogWriter {
    const writer = new LogWriter(fd, false);
    writer.writeLine(formatHeaderLine(header));
    return writer;
  }

  append(event: KsimEvent): void {
    this.writeLine(formatEventLine(event));
  }

  flush(): void {
    if (this.flushDelay !== undefined) this.lastFlushMs = this.flushDelay.clock();
    if (this.pending.length === 0) return;
    const bytes = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingChars = 0;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(this.fd, bytes, offset);
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    if (this.ownsFd) closeSync(this.fd);
  }

  private writeLine(line: string): void {
    if (this.closed) throw new Error('log writer is closed');
    this.pending.push(line, '\n');
    this.pendingChars += line.length + 1;
    if (this.pendingChars >= LogWriter.BATCH_CHARS || this.flushDue()) this.flush();
  }

  private flushDue(): boolean {
    return this.flushDelay !== undefined && this.flushDelay.clock() - this.lastFlushMs >= this.flushDelay.maxDelayMs;
  }
}

type LineResult<A> = Either<string, A>;

function parseJson(line: string): LineResult<unknown> {
  try {
    return right(JSON.parse(line));
  } catch (error) {
    return left(`not valid JSON (${(error as Error).message})`);
  }
}

function firstDecodeError(errors: t.Errors): string {
  return formatDecodeErrors(errors)[0] ?? 'invalid value';
}

/** What a line holds when it is not an object, in the words of core/decode-errors.ts. */
function notAnObject(value: unknown): string | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return undefined;
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function looksLikeEvent(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'rev' in value && 'type' in value;
}

const NO_HEADER = 'expected a ksim-log header line, got nothing';

/** Checks the first line of a log. */
export function decodeHeader(line: string): LineResult<LogHeader> {
  if (line.trim() === '') return left(NO_HEADER);
  const json = parseJson(line);
  if (isLeft(json)) return json;
  const other = notAnObject(json.right);
  if (other !== undefined) return left(`expected a ksim-log header line, got ${other}`);
  if (looksLikeEvent(json.right)) return left('expected a ksim-log header line first, got an event');
  const version = (json.right as { format?: unknown; version?: unknown }).version;
  if ((json.right as { format?: unknown }).format === 'ksim-log' && typeof version === 'number' && version !== LOG_FORMAT_VERSION) {
    return left(`version: this log has format version ${version} and this ksim reads version ${LOG_FORMAT_VERSION}; run the scenario again to write a new log`);
  }
  const header = LogHeaderCodec.decode(json.right);
  return isLeft(header) ? left(firstDecodeError(header.left)) : right(header.right);
}

const payloadCodecs = eventPayloads as Readonly<Record<string, t.Mixed>>;

/**
 * Checks one parsed line. The common case takes io-ts's `is` path, which allocates no error
 * context; only a line that fails it pays for `decodeEvent`, which says what is wrong. Both
 * accept the same values because every event codec is a plain shape check with no transformation.
 */
function checkEvent(value: object): LineResult<KsimEvent> {
  const { rev, time, actor, type } = value as Record<string, unknown>;
  if (
    typeof rev === 'number' &&
    typeof time === 'number' &&
    typeof actor === 'string' &&
    typeof type === 'string'
  ) {
    // An own-property check, so that a type such as "constructor" is unknown rather than inherited.
    if (!Object.hasOwn(payloadCodecs, type)) return left(`type: unknown event type ${JSON.stringify(type)}`);
    if ((payloadCodecs[type] as t.Mixed).is(value)) return right(value as KsimEvent);
  }
  const decoded = decodeEvent(value);
  return isLeft(decoded) ? left(firstDecodeError(decoded.left)) : right(decoded.right);
}

function checkOrder(event: KsimEvent, previous: KsimEvent | undefined): string | undefined {
  const expectedRev = (previous?.rev ?? 0) + 1;
  if (event.rev !== expectedRev) return `rev: expected ${expectedRev}, got ${event.rev}`;
  if (previous !== undefined && event.time < previous.time) {
    return `time: expected ${previous.time} or later (time never goes back), got ${event.time}`;
  }
  return undefined;
}

/** Checks an event line: its shape, and that it follows `previous` (the next revision, no earlier time). */
export function eventAt(line: string, previous: KsimEvent | undefined): LineResult<KsimEvent> {
  if (line.trim() === '') return left('empty line, expected an event');
  const json = parseJson(line);
  if (isLeft(json)) return json;
  const other = notAnObject(json.right);
  if (other !== undefined) return left(`expected an event object, got ${other}`);
  const event = checkEvent(json.right as object);
  if (isLeft(event)) return event;
  const disorder = checkOrder(event.right, previous);
  return disorder === undefined ? event : left(disorder);
}

type LineSource = (visit: (line: string) => boolean) => void;

/**
 * Checks a log's lines as they come, handing each event to `onEvent`; the Left names the first
 * bad line ("run.ndjson:17: rev: ..."), and no line after it is read.
 */
function readLines(lines: LineSource, source: string, onEvent: (event: KsimEvent) => void): Either<string, LogHeader> {
  let header: LogHeader | undefined;
  let previous: KsimEvent | undefined;
  let problem: string | undefined;
  let lineNumber = 0;
  lines((line) => {
    lineNumber++;
    if (header === undefined) {
      const read = decodeHeader(line);
      if (isLeft(read)) problem = read.left;
      else header = read.right;
    } else {
      const read = eventAt(line, previous);
      if (isLeft(read)) problem = read.left;
      else {
        previous = read.right;
        onEvent(read.right);
      }
    }
    return problem === undefined;
  });
  if (problem !== undefined) return left(`${source}:${lineNumber}: ${problem}`);
  return header === undefined ? left(`${source}:1: ${NO_HEADER}`) : right(header);
}

function collect(lines: LineSource, source: string): Either<string, KsimLog> {
  const events: KsimEvent[] = [];
  const header = readLines(lines, source, (event) => events.push(event));
  return isLeft(header) ? header : right({ header: header.right, events });
}

/** Parses a whole log held in memory; `source` names it in messages. */
export function parseLog(text: string, source: string): Either<string, KsimLog> {
  return collect((visit) => forEachStringLine(text, visit), source);
}

/** A file system error in words, naming the file. */
export function readProblem(path: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return `${path}: no such file or directory`;
    case 'EISDIR':
      return `${path}: is a directory`;
    case 'EACCES':
      return `${path}: permission denied`;
    default:
      return `${path}: ${error.message}`;
  }
}

function fromFile<A>(path: string, read: (lines: LineSource) => Either<string, A>): Either<string, A> {
  try {
    return read((visit) => forEachFileLine(path, visit));
  } catch (error) {
    return left(readProblem(path, error as NodeJS.ErrnoException));
  }
}

/** Reads and validates a log file; the Left is a one-line message naming the file. */
export function readLogFile(path: string): Either<string, KsimLog> {
  return fromFile(path, (lines) => collect(lines, path));
}

/**
 * Reads and validates a log file without keeping its events: each goes to `onEvent` as it is
 * read, so a log of any size can be folded in the memory of its final state.
 */
export function visitLogFile(path: string, onEvent: (event: KsimEvent) => void): Either<string, LogHeader> {
  return fromFile(path, (lines) => readLines(lines, path, onEvent));
}

// The run log as a file: NDJSON, one header line, then one event per line as JSON.stringify wrote
// it. Reading validates every line and names the first bad one as "file:line: path: problem", so a
// truncated or hand-edited log fails loudly instead of replaying into some other history.

import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { formatDecodeErrors } from '../core/decode-errors.ts';
import { decodeEvent, eventPayloads, type KsimEvent } from '../core/events.ts';

/**
 * The log format this ksim writes and reads. Version 2 gave every kind but Pod and Node the
 * generic object events (object/created, object/statusUpdated, ...) and added recorded Events.
 */
export const LOG_FORMAT_VERSION = 2;

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

/** Batches lines and writes them with one system call per batch, so long runs write fast. */
export class LogWriter {
  private static readonly BATCH_CHARS = 1 << 20;
  private pending: string[] = [];
  private pendingChars = 0;
  private closed = false;

  private constructor(
    private readonly fd: number,
    private readonly ownsFd: boolean,
  ) {}

  /** Creates (or truncates) the file and writes the header line. */
  static open(path: string, header: LogHeader): LogWriter {
    const writer = new LogWriter(openSync(path, 'w'), true);
    writer.writeLine(formatHeaderLine(header));
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
    if (this.pendingChars >= LogWriter.BATCH_CHARS) this.flush();
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

function decodeHeader(line: string | undefined): LineResult<LogHeader> {
  if (line === undefined || line.trim() === '') return left('expected a ksim-log header line, got nothing');
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

function eventAt(line: string, previous: KsimEvent | undefined): LineResult<KsimEvent> {
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

function nextLineEnd(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end === -1 ? text.length : end;
}

/** Parses a whole log; `source` names the file in messages ("run.ndjson:17: rev: ..."). */
export function parseLog(text: string, source: string): Either<string, KsimLog> {
  const headerEnd = nextLineEnd(text, 0);
  const header = decodeHeader(text.length === 0 ? undefined : text.slice(0, headerEnd));
  if (isLeft(header)) return left(`${source}:1: ${header.left}`);
  const events: KsimEvent[] = [];
  let previous: KsimEvent | undefined;
  let lineNumber = 1;
  for (let start = headerEnd + 1; start < text.length; ) {
    const end = nextLineEnd(text, start);
    lineNumber++;
    const event = eventAt(text.slice(start, end), previous);
    if (isLeft(event)) return left(`${source}:${lineNumber}: ${event.left}`);
    events.push(event.right);
    previous = event.right;
    start = end + 1;
  }
  return right({ header: header.right, events });
}

function readProblem(path: string, error: NodeJS.ErrnoException): string {
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

/** Reads and validates a log file; the Left is a one-line message naming the file. */
export function readLogFile(path: string): Either<string, KsimLog> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return left(readProblem(path, error as NodeJS.ErrnoException));
  }
  return parseLog(text, path);
}

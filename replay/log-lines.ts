// One line of a run log, checked: the header, an event (in order after the one before it) or the
// trailer. Each check names what is wrong with the line's field path, for the reader to prefix
// with "file:line".

import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { formatDecodeErrors } from '../core/decode-errors.ts';
import { decodeEvent, eventPayloads, type KsimEvent } from '../core/events.ts';
import { LOG_FORMAT_VERSION, type LogHeader, LogHeaderCodec, type LogTrailer, LogTrailerCodec } from './log-file.ts';

export type LineResult<A> = Either<string, A>;

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

export const NO_HEADER = 'expected a ksim-log header line, got nothing';

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

/** Where the log stands before a line: the revision and time of the event before it. */
export interface LogPosition {
  readonly rev: number;
  readonly time: number;
}

function checkOrder(event: KsimEvent, previous: LogPosition | undefined): string | undefined {
  const expectedRev = (previous?.rev ?? 0) + 1;
  if (event.rev !== expectedRev) return `rev: expected ${expectedRev}, got ${event.rev}`;
  if (previous !== undefined && event.time < previous.time) {
    return `time: expected ${previous.time} or later (time never goes back), got ${event.time}`;
  }
  return undefined;
}

function isTrailer(value: object): boolean {
  return (value as { format?: unknown }).format === 'ksim-log-end';
}

function decodeTrailer(value: object): LineResult<LogTrailer> {
  const trailer = LogTrailerCodec.decode(value);
  return isLeft(trailer) ? left(firstDecodeError(trailer.left)) : right(trailer.right);
}

/** A line after the header: the next event (checked against the one before it) or the trailer. */
export function eventOrTrailerAt(line: string, previous: LogPosition | undefined): LineResult<KsimEvent | LogTrailer> {
  if (line.trim() === '') return left('empty line, expected an event');
  const json = parseJson(line);
  if (isLeft(json)) return json;
  const other = notAnObject(json.right);
  if (other !== undefined) return left(`expected an event object, got ${other}`);
  if (isTrailer(json.right as object)) return decodeTrailer(json.right as object);
  const event = checkEvent(json.right as object);
  if (isLeft(event)) return event;
  const disorder = checkOrder(event.right, previous);
  return disorder === undefined ? event : left(disorder);
}

export function isEvent(value: KsimEvent | LogTrailer): value is KsimEvent {
  return (value as { format?: unknown }).format !== 'ksim-log-end';
}

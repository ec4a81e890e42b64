// Reading a run log: line by line, in chunks (a log of any size), checking every line and naming
// the first bad one as "file:line: path: problem". A log that ends without its trailer (a run
// killed mid-write) is read up to its last whole event and reported as truncated; a last line the
// file ends in the middle of is left out and reported, never an error that hides the rest. A log
// whose bytes do not match its trailer's digest was changed after it was written, and is refused.

import { createHash } from 'node:crypto';
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import type { KsimEvent } from '../core/events.ts';
import { fileChunks, forEachLineInChunks, type LineAt } from './file-lines.ts';
import { hexDigest, type KsimLog, type LogEnding, type LogHeader, type LogTrailer } from './log-file.ts';
import { decodeHeader, eventOrTrailerAt, isEvent, type LogPosition, NO_HEADER } from './log-lines.ts';

/** What a whole read of a log found besides its events. */
export interface ScannedLog {
  readonly header: LogHeader;
  readonly ending: LogEnding;
  /** The revision and time of the last whole event (0 and 0 for a log without events). */
  readonly last: LogPosition;
  /** sha256 of every whole line before the trailer: the trailer's digest when the log is complete. */
  readonly digest: string;
  /** Bytes read, the trailer and any partial last line included: the file's size. */
  readonly sizeBytes: number;
  /** The header line's bytes, its newline included: where the first event starts. */
  readonly headerBytes: number;
}

export type EventVisitor = (event: KsimEvent, line: LineAt) => void;

class LogScan {
  private header: LogHeader | undefined;
  private trailer: LogTrailer | undefined;
  private last: LogPosition = { rev: 0, time: 0 };
  private events = 0;
  private partialLineBytes = 0;
  private sizeBytes = 0;
  private headerBytes = 0;
  private lineNumber = 0;
  private problem: string | undefined;
  private readonly hash = createHash('sha256');

  constructor(
    private readonly source: string,
    private readonly onEvent: EventVisitor,
  ) {}

  /** Takes one line; false stops the walk (a bad line, or a partial last one). */
  visit(line: LineAt): boolean {
    this.lineNumber++;
    this.sizeBytes += line.bytes.length;
    if (this.problem !== undefined) return false;
    const problem = this.header === undefined ? this.takeHeader(line) : this.takeLine(line);
    if (problem !== undefined) this.problem = `${this.source}:${this.lineNumber}: ${problem}`;
    return this.problem === undefined && this.partialLineBytes === 0;
  }

  result(): Either<string, ScannedLog> {
    if (this.problem !== undefined) return left(this.problem);
    if (this.header === undefined) return left(`${this.source}:1: ${NO_HEADER}`);
    const digest = hexDigest(this.hash);
    const ending = this.ending(digest);
    if (isLeft(ending)) return ending;
    return right({ header: this.header, ending: ending.right, last: this.last, digest, sizeBytes: this.sizeBytes, headerBytes: this.headerBytes });
  }

  private takeHeader(line: LineAt): string | undefined {
    const read = decodeHeader(line.text);
    if (isLeft(read)) return read.left;
    this.header = read.right;
    this.headerBytes = line.bytes.length;
    this.hash.update(line.bytes);
    return undefined;
  }

  private takeLine(line: LineAt): string | undefined {
    if (this.trailer !== undefined) return 'a line after the trailer, which ends the log';
    const read = eventOrTrailerAt(line.text, this.last);
    if (isLeft(read)) {
      // A last line the file ends in the middle of is what a kill mid-write leaves: left out, not an error.
      if (!line.terminated) this.partialLineBytes = line.bytes.length;
      return line.terminated ? read.left : undefined;
    }
    if (!isEvent(read.right)) {
      this.trailer = read.right;
      return undefined;
    }
    if (!line.terminated) {
      // Whole as JSON but never given its newline: the writer was stopped before finishing it.
      this.partialLineBytes = line.bytes.length;
      return undefined;
    }
    this.hash.update(line.bytes);
    this.last = { rev: read.right.rev, time: read.right.time };
    this.events++;
    this.onEvent(read.right, line);
    return undefined;
  }

  private ending(digest: string): Either<string, LogEnding> {
    const trailer = this.trailer;
    if (trailer === undefined) return right({ complete: false, lastRev: this.last.rev, partialLineBytes: this.partialLineBytes });
    if (trailer.digest !== digest) {
      return left(`${this.source}: digest: the trailer says ${trailer.digest}, the log's bytes hash to ${digest}; the log was changed after it was written`);
    }
    if (trailer.lastRev !== this.last.rev || trailer.events !== this.events) {
      return left(`${this.source}: the trailer says ${trailer.events} events up to rev ${trailer.lastRev}, the log holds ${this.events} up to rev ${this.last.rev}`);
    }
    return right({ complete: true, trailer });
  }
}

function scan(chunks: () => Iterable<Buffer>, source: string, onEvent: EventVisitor): Either<string, ScannedLog> {
  const reader = new LogScan(source, onEvent);
  forEachLineInChunks(chunks(), 0, (line) => reader.visit(line));
  return reader.result();
}

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

/** Runs a read of the file, turning the file system's errors into a one-line message. */
export function withFile<A>(path: string, read: () => Either<string, A>): Either<string, A> {
  try {
    return read();
  } catch (error) {
    if (error instanceof Error && 'code' in error) return left(readProblem(path, error as NodeJS.ErrnoException));
    throw error;
  }
}

/**
 * Reads and checks a log file without keeping its events: each goes to `onEvent` with its line
 * (text, byte offset) as it is read, so a log of any size is folded in the memory of its state.
 */
export function scanLogFile(path: string, onEvent: EventVisitor): Either<string, ScannedLog> {
  return withFile(path, () => scan(() => fileChunks(path), path, onEvent));
}

/** The same read of a log already in memory; `source` names it in messages. */
export function scanLogText(text: string, source: string, onEvent: EventVisitor): Either<string, ScannedLog> {
  return scan(() => [Buffer.from(text, 'utf8')], source, onEvent);
}

function collect(read: (onEvent: EventVisitor) => Either<string, ScannedLog>): Either<string, KsimLog> {
  const events: KsimEvent[] = [];
  const scanned = read((event) => events.push(event));
  return isLeft(scanned) ? scanned : right({ header: scanned.right.header, events, ending: scanned.right.ending });
}

/** Parses a whole log held in memory; `source` names it in messages. */
export function parseLog(text: string, source: string): Either<string, KsimLog> {
  return collect((onEvent) => scanLogText(text, source, onEvent));
}

/** Reads and checks a whole log file, keeping its events; the Left is a one-line message naming the file. */
export function readLogFile(path: string): Either<string, KsimLog> {
  return collect((onEvent) => scanLogFile(path, onEvent));
}

/** Reads and checks a log file, handing each event to `onEvent` without keeping it. */
export function visitLogFile(path: string, onEvent: (event: KsimEvent) => void): Either<string, LogHeader> {
  const scanned = scanLogFile(path, (event) => onEvent(event));
  return isLeft(scanned) ? scanned : right(scanned.right.header);
}

/** The warning a reader prints for a log without its trailer. */
export function truncationWarning(source: string, ending: LogEnding): string | undefined {
  if (ending.complete) return undefined;
  const partial = ending.partialLineBytes > 0 ? `; a partial last line of ${ending.partialLineBytes} bytes was left out` : '';
  return `${source} is truncated: no trailer after rev ${ending.lastRev} (the run did not finish writing)${partial}`;
}

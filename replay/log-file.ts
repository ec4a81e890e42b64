// The run log as a file: NDJSON, a header line, one event per line as JSON.stringify wrote it,
// and a trailer line that says the run finished writing (its end time, last revision, event
// count, and a sha256 digest of every byte before the trailer). A log without its trailer is a
// run that was killed mid-write: readers take what is whole and call it truncated, never a valid
// shorter run. Reading lives in log-read.ts; this file is the format and the writer.

import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import * as t from 'io-ts';
import type { KsimEvent } from '../core/events.ts';
import { KSIM_VERSION } from './ksim-version.ts';

/**
 * The log format this ksim writes and reads. Version 2 gave every kind but Pod and Node the
 * generic object events (object/created, object/statusUpdated, ...) and added recorded Events.
 * Version 3 added the ksim version to the header and the trailer, and has status events carry
 * what changed, a patch (core/status-patch.ts), instead of the whole status.
 */
export const LOG_FORMAT_VERSION = 3;

/** The scenario is kept as the loaded JSON object; the scenarios layer owns its codec. */
export const LogHeaderCodec = t.type({
  format: t.literal('ksim-log'),
  version: t.literal(LOG_FORMAT_VERSION),
  ksim: t.string,
  seed: t.number,
  scenario: t.UnknownRecord,
});

export type LogHeader = t.TypeOf<typeof LogHeaderCodec>;

export const LogTrailerCodec = t.type({
  format: t.literal('ksim-log-end'),
  /** The virtual time at which the run ended (its `until`, or when nothing was left to do), in ms. */
  endTime: t.number,
  lastRev: t.number,
  events: t.number,
  /** "sha256:<hex>" over every byte of the file before the trailer line. */
  digest: t.string,
});

export type LogTrailer = t.TypeOf<typeof LogTrailerCodec>;

/** How a log ends: with its trailer, or cut (no trailer) after its last whole event. */
export type LogEnding =
  | { readonly complete: true; readonly trailer: LogTrailer }
  | {
      readonly complete: false;
      readonly lastRev: number;
      /** The bytes of a last line the file ends in the middle of, left out; 0 when the cut fell between lines. */
      readonly partialLineBytes: number;
    };

export interface KsimLog {
  readonly header: LogHeader;
  readonly events: readonly KsimEvent[];
  readonly ending: LogEnding;
}

export function logHeader(seed: number, scenario: Readonly<Record<string, unknown>>): LogHeader {
  return { format: 'ksim-log', version: LOG_FORMAT_VERSION, ksim: KSIM_VERSION, seed, scenario };
}

/** The header line, keys in a fixed order so the same run always writes the same bytes. */
export function formatHeaderLine(header: LogHeader): string {
  return JSON.stringify({
    format: header.format,
    version: header.version,
    ksim: header.ksim,
    seed: header.seed,
    scenario: header.scenario,
  });
}

export function formatEventLine(event: KsimEvent): string {
  return JSON.stringify(event);
}

export function formatTrailerLine(trailer: Omit<LogTrailer, 'format'>): string {
  return JSON.stringify({ format: 'ksim-log-end', endTime: trailer.endTime, lastRev: trailer.lastRev, events: trailer.events, digest: trailer.digest });
}

export function hexDigest(hash: Hash): string {
  return `sha256:${hash.digest('hex')}`;
}

/** The end of a run as the trailer records it: the virtual time it stopped at. */
export interface RunEnd {
  readonly endTimeMs: number;
}

/**
 * A whole log as text, for tests and small tools; the engine streams through LogWriter instead.
 * With an end the text has its trailer; without one it is cut after its last event, as a killed run's.
 */
export function formatLog(log: { readonly header: LogHeader; readonly events: readonly KsimEvent[] }, end?: RunEnd): string {
  let text = `${formatHeaderLine(log.header)}\n`;
  for (const event of log.events) text += `${formatEventLine(event)}\n`;
  if (end === undefined) return text;
  const digest = hexDigest(createHash('sha256').update(text, 'utf8'));
  const lastRev = log.events.at(-1)?.rev ?? 0;
  return `${text}${formatTrailerLine({ endTime: end.endTimeMs, lastRev, events: log.events.length, digest })}\n`;
}

/**
 * Writes lines at most this long after they were appended, so `ksim log --follow` sees a live
 * run's progress; `clock` reads wall milliseconds (the bytes written never depend on it).
 */
export interface FlushDelay {
  readonly maxDelayMs: number;
  readonly clock: () => number;
}

/**
 * Batches lines and writes them with one system call per batch, so long runs write fast. It
 * hashes what it writes as it goes, so the trailer's digest costs no second pass.
 */
export class LogWriter {
  private static readonly BATCH_CHARS = 1 << 20;
  private pending: string[] = [];
  private pendingChars = 0;
  private closed = false;
  private readonly hash = createHash('sha256');
  private lastRev = 0;
  private events = 0;
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
    this.lastRev = event.rev;
    this.events++;
  }

  flush(): void {
    if (this.flushDelay !== undefined) this.lastFlushMs = this.flushDelay.clock();
    if (this.pending.length === 0) return;
    const bytes = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingChars = 0;
    this.writeBytes(bytes);
  }

  /**
   * Writes what is pending and, given the run's end, the trailer. A writer closed without an end
   * (the run failed) leaves a log without a trailer, which readers report as truncated.
   */
  close(end?: RunEnd): void {
    if (this.closed) return;
    this.flush();
    if (end !== undefined) {
      const trailer = formatTrailerLine({ endTime: end.endTimeMs, lastRev: this.lastRev, events: this.events, digest: hexDigest(this.hash) });
      writeAll(this.fd, Buffer.from(`${trailer}\n`, 'utf8'));
    }
    this.closed = true;
    if (this.ownsFd) closeSync(this.fd);
  }

  private writeBytes(bytes: Buffer): void {
    this.hash.update(bytes);
    writeAll(this.fd, bytes);
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

function writeAll(fd: number, bytes: Buffer): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
}

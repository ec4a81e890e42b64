// `ksim verify`'s comparison: a log on disk against the lines a new run of its scenario writes,
// line by line, as they are produced, with the new run's trailer computed over its own bytes. The
// run itself belongs to the scenarios layer; the caller runs it and hands each line here.

import { createHash } from 'node:crypto';
import { isLeft, left, type Either, right } from 'fp-ts/lib/Either.js';
import type { KsimEvent } from '../core/events.ts';
import { fileChunks, type LineAt, linesInChunks } from './file-lines.ts';
import { formatEventLine, formatHeaderLine, formatTrailerLine, hexDigest, type LogHeader, logHeader } from './log-file.ts';
import { decodeHeader } from './log-lines.ts';
import { withFile } from './log-read.ts';

export type VerifyResult =
  | { readonly identical: true; readonly events: number; readonly digest: string }
  | {
      readonly identical: false;
      readonly line: number;
      /** The log's line, or undefined where the log ends first. */
      readonly logLine: string | undefined;
      /** The new run's line, or undefined where the new run ends first. */
      readonly rerunLine: string | undefined;
    };

/** Reads the log's header, which names the scenario and seed to run again; the Left names the file and the problem. */
export function readHeaderToVerify(path: string): Either<string, LogHeader> {
  return withFile(path, () => {
    const lines = linesInChunks(fileChunks(path), 0);
    const first = lines.next();
    lines.return(undefined);
    const header = decodeHeader(first.done === true ? '' : first.value.text);
    return isLeft(header) ? left(`${path}:1: ${header.left}`) : right(header.right);
  });
}

/** Compares the lines of a new run with the log's, stopping at the first difference. */
export class LogComparison {
  private readonly lines: Generator<LineAt>;
  private readonly hash = createHash('sha256');
  private lineNumber = 0;
  private events = 0;
  private lastRev = 0;
  private difference: VerifyResult | undefined;

  constructor(path: string, seed: number, scenario: Readonly<Record<string, unknown>>) {
    this.lines = linesInChunks(fileChunks(path), 0);
    this.expect(formatHeaderLine(logHeader(seed, scenario)));
  }

  /** The new run's next event. */
  event(event: KsimEvent): void {
    this.events++;
    this.lastRev = event.rev;
    this.expect(formatEventLine(event));
  }

  /** The new run ended at this virtual time: its trailer, then the log must end too. */
  finish(endTimeMs: number): VerifyResult {
    const digest = hexDigest(this.hash);
    this.expect(formatTrailerLine({ endTime: endTimeMs, lastRev: this.lastRev, events: this.events, digest }), false);
    if (this.difference === undefined) {
      const extra = this.lines.next();
      if (extra.done !== true) this.difference = { identical: false, line: this.lineNumber + 1, logLine: extra.value.text, rerunLine: undefined };
    }
    this.lines.return(undefined);
    return this.difference ?? { identical: true, events: this.events, digest };
  }

  /** The new run's next line; `hashed` for every line before the trailer, which the trailer's digest covers. */
  private expect(text: string, hashed = true): void {
    this.lineNumber++;
    if (this.difference !== undefined) return;
    if (hashed) this.hash.update(`${text}\n`, 'utf8');
    const next = this.lines.next();
    const logLine = next.done === true ? undefined : next.value.text;
    const whole = next.done !== true && next.value.terminated;
    if (logLine !== text || !whole) this.difference = { identical: false, line: this.lineNumber, logLine, rerunLine: text };
  }
}

/** Both lines cut to a window around where they first differ, so a long event line stays readable. */
export function shortenPair(a: string, b: string, width = 100): [string, string] {
  let column = 0;
  while (column < a.length && column < b.length && a[column] === b[column]) column++;
  const start = Math.max(0, column - Math.floor(width / 3));
  const cut = (text: string) => `${start > 0 ? '...' : ''}${text.slice(start, start + width)}${start + width < text.length ? '...' : ''}`;
  return [cut(a), cut(b)];
}

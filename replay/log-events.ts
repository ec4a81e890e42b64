// The events of a log file as an iterable that reads the file again each time it is walked, for
// the commands that need every event of a log more than once (the two-run diff walks each run to
// find where they part, to learn its objects' identities, and to tell the story line of one
// revision). It holds one chunk of the file at a time, never the whole log. The log is checked
// line by line first (scanLogFile); the walks after that only parse.

import { type Either, isLeft, right } from 'fp-ts/lib/Either.js';
import type { KsimEvent } from '../core/events.ts';
import { fileChunks, linesInChunks } from './file-lines.ts';
import { scanLogFile, type ScannedLog } from './log-read.ts';

export interface StreamedLog {
  readonly scanned: ScannedLog;
  /** Every whole event of the log, in order, read from disk at each walk. */
  readonly events: Iterable<KsimEvent>;
}

function* eventLines(path: string, headerBytes: number, lastRev: number): Generator<KsimEvent> {
  if (lastRev === 0) return;
  for (const line of linesInChunks(fileChunks(path, headerBytes), headerBytes)) {
    const event = JSON.parse(line.text) as KsimEvent;
    yield event;
    if (event.rev === lastRev) return;
  }
}

/** Checks the log once, then gives its events as a stream to walk as often as needed. */
export function streamLog(path: string): Either<string, StreamedLog> {
  const scanned = scanLogFile(path, () => {});
  if (isLeft(scanned)) return scanned;
  const { headerBytes, last } = scanned.right;
  return right({ scanned: scanned.right, events: { [Symbol.iterator]: () => eventLines(path, headerBytes, last.rev) } });
}

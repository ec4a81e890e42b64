// Following a log while a run writes it, as `tail -f` would: the events already there, then each
// one appended, checked as any log line is, until the trailer line says the run is over. The
// caller decides how to wait between looks (the CLI sleeps; a test grows the file).

import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import type { KsimEvent } from '../core/events.ts';
import type { LogHeader } from './log-file.ts';
import { decodeHeader, eventOrTrailerAt, isEvent } from './log-lines.ts';
import { readProblem } from './log-read.ts';
import { LogTail } from './log-tail.ts';

/** Why following stopped: the run's trailer was read, or the caller had seen enough. */
export type FollowEnd = 'trailer' | 'stopped';

export interface LogFollower {
  /** Takes one event; returns true to stop following. */
  readonly onEvent: (event: KsimEvent) => boolean;
  /** Called when the lines written so far are read, before the next look. */
  readonly waitForMore: () => void;
  /** Called once when the file is not there yet (the run has not started); following waits for it. */
  readonly waitingForFile?: () => void;
}

/** Opens the file once it exists; the Left is any other problem with it. */
function openTail(path: string, follower: LogFollower): Either<string, LogTail> {
  let told = false;
  for (;;) {
    try {
      return right(new LogTail(path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return left(readProblem(path, error as NodeJS.ErrnoException));
      if (!told) follower.waitingForFile?.();
      told = true;
      follower.waitForMore();
    }
  }
}

/** Follows the log at `path`; the Left names the file, and the line for a bad one. */
export function followLog(path: string, follower: LogFollower): Either<string, FollowEnd> {
  const opened = openTail(path, follower);
  if (isLeft(opened)) return opened;
  const tail = opened.right;
  try {
    let header: LogHeader | undefined;
    let previous: KsimEvent | undefined;
    let lineNumber = 0;
    for (;;) {
      for (const line of tail.readLines()) {
        lineNumber++;
        if (header === undefined) {
          const read = decodeHeader(line);
          if (isLeft(read)) return left(`${path}:${lineNumber}: ${read.left}`);
          header = read.right;
          continue;
        }
        const read = eventOrTrailerAt(line, previous);
        if (isLeft(read)) return left(`${path}:${lineNumber}: ${read.left}`);
        if (!isEvent(read.right)) return right('trailer');
        previous = read.right;
        if (follower.onEvent(previous)) return right('stopped');
      }
      // `ksim run --out` truncates the file it writes: a new run's log is another history.
      if (tail.truncated()) return left(`${path}: the log was started over (a new run is writing it); follow it again`);
      follower.waitForMore();
    }
  } finally {
    tail.close();
  }
}

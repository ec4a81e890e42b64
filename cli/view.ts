// The cluster as the read-side commands see it: a log opened through the replay API (its
// checkpoint index built or reused), and the state at the position the user asked for. What the
// reader should know about the log (truncated, index rebuilt) goes to stderr as "ksim: ...".

import { type Either, isLeft } from 'fp-ts/lib/Either.js';
import type { ClusterState } from '../reducers/state.ts';
import { type OpenLog, openLog } from '../replay/api.ts';
import { type CliIo, CliError } from './io.ts';
import type { Position } from './options.ts';

export interface View {
  readonly log: OpenLog;
  readonly state: ClusterState;
  /** The "now" that ages are measured from: the time asked for with --time, the run's end at the end, else the state's own time. */
  readonly nowMs: number;
}

function warn(io: CliIo, warnings: readonly string[]): void {
  for (const warning of warnings) io.err(`ksim: ${warning}\n`);
}

/** A log opened through the replay API (its checkpoint index built or reused); a bad log is the CliError. */
export function openLogOrFail(path: string): OpenLog {
  const log = openLog(path);
  if (isLeft(log)) throw new CliError(log.left);
  return log.right;
}

/** Prints what the reader should know about an opened log, after its questions: a question may add a warning (an index found damaged and rebuilt). */
export function warnAbout(log: OpenLog, io: CliIo): void {
  warn(io, log.warnings);
}

/** The value of a question to the log, or its problem as the CliError. */
export function answer<A>(result: Either<string, A>): A {
  if (isLeft(result)) throw new CliError(result.left);
  return result.right;
}

function stateAtPosition(log: OpenLog, position: Position): ClusterState {
  if ('rev' in position && position.rev > log.lastRev) {
    throw new CliError(`--at ${position.rev} is past the end of the log (the last revision is ${log.lastRev})`);
  }
  const state = 'end' in position ? log.stateAt(log.lastRev) : 'rev' in position ? log.stateAt(position.rev) : log.stateAtTime(position.timeMs);
  if (isLeft(state)) throw new CliError(state.left);
  return state.right;
}

export function loadView(path: string, position: Position, io: CliIo): View {
  const log = openLogOrFail(path);
  try {
    const state = stateAtPosition(log, position);
    const nowMs = 'timeMs' in position ? position.timeMs : 'end' in position ? log.endTimeMs : state.timeMs;
    return { log, state, nowMs };
  } finally {
    warnAbout(log, io);
  }
}

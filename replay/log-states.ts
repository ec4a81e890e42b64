// The cluster state at any revision of a log on disk: the one place the diff commands get their
// states from. It reads through openLog, so a question is a snapshot load from the checkpoint
// index and a fold of the events after it, read from the log at the snapshot's byte offset;
// the log is never held in memory.

import { type Either, isLeft, right } from 'fp-ts/lib/Either.js';
import type { ClusterState } from '../reducers/state.ts';
import type { OpenLog } from './open-log.ts';

export interface LogStates {
  /** The revision of the last event; 0 for a log without events. */
  readonly lastRev: number;
  /** The revision of the last event at or before the time; 0 before the first event. */
  revAtTime(timeMs: number): Either<string, number>;
  /** The state after the event with this revision (0: the empty cluster). */
  stateAt(rev: number): Either<string, ClusterState>;
}

export function logStates(log: OpenLog): LogStates {
  return {
    lastRev: log.lastRev,
    // The state at a time is folded up to the revision asked for next, and the log keeps it, so
    // asking for that revision's state after this costs nothing more.
    revAtTime: (timeMs) => {
      const state = log.stateAtTime(timeMs);
      return isLeft(state) ? state : right(state.right.rev);
    },
    stateAt: (rev) => log.stateAt(rev),
  };
}

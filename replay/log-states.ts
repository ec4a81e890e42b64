// The cluster state at any revision of a log that has been read: the one place the diff and
// history commands get their states from. Today it folds through the in-memory timeline; when
// the log has a checkpoint index, this is where reading through it belongs.

import type { KsimEvent } from '../core/events.ts';
import type { ClusterState } from '../reducers/state.ts';
import { clusterTimeline } from './timeline.ts';

export interface LogStates {
  /** The revision of the last event; 0 for a log without events. */
  readonly lastRev: number;
  /** The revision of the last event at or before the time; 0 before the first event. */
  revAtTime(timeMs: number): number;
  /** The state after the event with this revision (0: the empty cluster). */
  stateAt(rev: number): ClusterState;
}

export function logStates(log: { readonly events: readonly KsimEvent[] }): LogStates {
  const timeline = clusterTimeline(log.events);
  return {
    lastRev: timeline.lastRev,
    revAtTime: (timeMs) => timeline.revAtTime(timeMs),
    stateAt: (rev) => timeline.stateAt({ rev }),
  };
}

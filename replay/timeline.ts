// The state at any revision or time of a run. Folding the whole log for every question would
// cost a replay each; instead the timeline keeps a checkpoint (a reference to the state) every K
// events, which costs almost nothing because states share structure, and folds at most K events
// from the nearest checkpoint before the one asked for. Checkpoints are made lazily, as far as
// the questions reach, so asking about revision 10 of a long log folds 10 events.

import type { KsimEvent } from '../core/events.ts';
import { initialState, reduce } from '../reducers/index.ts';
import type { ClusterState } from '../reducers/state.ts';

export const DEFAULT_CHECKPOINT_EVERY = 1000;

/** A point in a run: after the event with this revision, or after the last event at or before this time. */
export type Moment = { readonly rev: number } | { readonly timeMs: number };

export interface TimelineParts<S> {
  readonly initialState: S;
  readonly reduce: (state: S, event: KsimEvent) => S;
  readonly checkpointEvery?: number;
}

export class Timeline<S> {
  private readonly reduce: (state: S, event: KsimEvent) => S;
  private readonly every: number;
  /** checkpoints[i] is the state after revision i * every. */
  private readonly checkpoints: S[];

  /** The events must be the log's, revisions 1, 2, 3... with times that never go back (readLogFile checks both). */
  constructor(
    readonly events: readonly KsimEvent[],
    parts: TimelineParts<S>,
  ) {
    this.reduce = parts.reduce;
    this.every = Math.max(1, Math.floor(parts.checkpointEvery ?? DEFAULT_CHECKPOINT_EVERY));
    this.checkpoints = [parts.initialState];
  }

  get lastRev(): number {
    return this.events.length;
  }

  /** The revision of the last event at or before the time; 0 when the run had not started. */
  revAtTime(timeMs: number): number {
    let low = 0;
    let high = this.events.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.events[middle] as KsimEvent).time <= timeMs) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  stateAt(moment: Moment): S {
    const rev = 'rev' in moment ? moment.rev : this.revAtTime(moment.timeMs);
    if (!Number.isInteger(rev) || rev < 0 || rev > this.lastRev) {
      throw new RangeError(`revision ${rev} is outside the log (0 to ${this.lastRev})`);
    }
    const index = Math.floor(rev / this.every);
    this.extendCheckpointsTo(index);
    return this.fold(this.checkpoints[index] as S, index * this.every, rev);
  }

  finalState(): S {
    return this.stateAt({ rev: this.lastRev });
  }

  private extendCheckpointsTo(index: number): void {
    while (this.checkpoints.length <= index) {
      const last = this.checkpoints.length - 1;
      const from = last * this.every;
      this.checkpoints.push(this.fold(this.checkpoints[last] as S, from, from + this.every));
    }
  }

  /** Folds the events with revisions fromRev + 1 through toRev. */
  private fold(state: S, fromRev: number, toRev: number): S {
    let current = state;
    for (let i = fromRev; i < toRev; i++) current = this.reduce(current, this.events[i] as KsimEvent);
    return current;
  }
}

/** The timeline of cluster states, folded with the reducers. */
export function clusterTimeline(
  events: readonly KsimEvent[],
  checkpointEvery = DEFAULT_CHECKPOINT_EVERY,
): Timeline<ClusterState> {
  return new Timeline(events, { initialState: initialState(), reduce, checkpointEvery });
}

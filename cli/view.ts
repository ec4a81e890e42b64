// The cluster as the read-side commands see it: a log file, read and validated, and the state at
// the position the user asked for.

import { isLeft } from 'fp-ts/lib/Either.js';
import type { ClusterState } from '../reducers/state.ts';
import { type KsimLog, readLogFile } from '../replay/log-file.ts';
import { clusterTimeline, type Timeline } from '../replay/timeline.ts';
import { CliError } from './io.ts';
import type { Position } from './options.ts';

export interface View {
  readonly log: KsimLog;
  readonly timeline: Timeline<ClusterState>;
  readonly state: ClusterState;
  /** The "now" that ages are measured from: the time asked for with --time, else the state's own time. */
  readonly nowMs: number;
}

export function loadLog(path: string): KsimLog {
  const log = readLogFile(path);
  if (isLeft(log)) throw new CliError(log.left);
  return log.right;
}

export function viewOf(log: KsimLog, position: Position): View {
  const timeline = clusterTimeline(log.events);
  if ('rev' in position && position.rev > timeline.lastRev) {
    throw new CliError(
      `--at ${position.rev} is past the end of the log (the last revision is ${timeline.lastRev})`,
    );
  }
  const state = 'end' in position ? timeline.finalState() : timeline.stateAt(position);
  return { log, timeline, state, nowMs: 'timeMs' in position ? position.timeMs : state.timeMs };
}

export function loadView(path: string, position: Position): View {
  return viewOf(loadLog(path), position);
}

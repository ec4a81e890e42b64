// The replay library in one place: open a run log and ask for the state at any revision or time,
// stream its events, read or write whole logs, and compare a log with a new run of its scenario.
// The CLI and the tests use this entry; see the README's "Library API" section.

export { openLog, type OpenLog, type OpenLogOptions } from './open-log.ts';
export { indexPathOf } from './checkpoint-index.ts';
export { DEFAULT_SPACING, type SnapshotSpacing } from './snapshot-spacing.ts';
export {
  formatLog,
  type KsimLog,
  LOG_FORMAT_VERSION,
  type LogEnding,
  type LogHeader,
  logHeader,
  type LogTrailer,
  LogWriter,
  type RunEnd,
} from './log-file.ts';
export { parseLog, readLogFile, scanLogFile, type ScannedLog, truncationWarning, visitLogFile } from './log-read.ts';
export { LogComparison, readHeaderToVerify, type VerifyResult } from './verify.ts';
export { clusterTimeline, type Moment, Timeline } from './timeline.ts';
export { applyDiff, clusterObjects, type DiffFilter, diffStates, type ObjectDiff, type StateDiff } from './state-diff.ts';
export { diffFields } from './field-diff.ts';
export { applyFieldChanges } from './apply-field-changes.ts';
export { type Divergence, firstDivergence } from './first-divergence.ts';
export { diffRuns, type RunDiff, type RunSide } from './run-diff.ts';
export { ObjectHistory, objectHistory } from './object-history.ts';
export { logStates, type LogStates } from './log-states.ts';
export { streamLog, type StreamedLog } from './log-events.ts';

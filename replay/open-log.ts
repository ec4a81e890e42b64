// A run log opened for questions: its header, how it ends, and the state at any revision or time,
// through the checkpoint index (run.ndjson.idx) when it fits the log, else after building it. A
// question costs one snapshot load and a fold of the events after it, read from the snapshot's
// byte offset; a snapshot found damaged rebuilds the index (with a warning) and the question is
// answered from the new one; the last state answered is kept, so questions that walk forward fold only the gap.

import { createHash } from 'node:crypto';
import { closeSync, openSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import type { KsimEvent } from '../core/events.ts';
import { reduce } from '../reducers/index.ts';
import type { ClusterState } from '../reducers/state.ts';
import {
  buildIndex,
  type Checkpoint,
  identityDigest,
  indexFits,
  indexPathOf,
  type IndexToc,
  loadSnapshot,
  type LogIdentity,
  readIndexToc,
} from './checkpoint-index.ts';
import { forEachFileLineAt, lastLineOf } from './file-lines.ts';
import type { LogEnding, LogHeader, LogTrailer } from './log-file.ts';
import { eventOrTrailerAt, isEvent, type LogPosition } from './log-lines.ts';
import { truncationWarning, withFile } from './log-read.ts';
import { DEFAULT_SPACING, type SnapshotSpacing } from './snapshot-spacing.ts';

export interface OpenLog {
  readonly path: string;
  readonly header: LogHeader;
  /** The trailer, or how far a log without one goes. */
  readonly ending: LogEnding;
  readonly lastRev: number;
  /** The run's end: the trailer's endTime, or the last event's time for a truncated log. */
  readonly endTimeMs: number;
  /** What a reader should be told: a truncated log, an index that had to be rebuilt (a question may add one). */
  readonly warnings: readonly string[];
  /** The state just after revision `rev` (0: before the first event). */
  stateAt(rev: number): Either<string, ClusterState>;
  /** The state after the last event at or before `timeMs`. */
  stateAtTime(timeMs: number): Either<string, ClusterState>;
  /** Hands `visit` the events with revisions fromRev through toRev, in order, read from disk. */
  forEachEvent(fromRev: number, toRev: number, visit: (event: KsimEvent) => void): Either<string, void>;
}

export interface OpenLogOptions {
  /** How the index spaces its snapshots (DEFAULT_SPACING): tests ask for many, to exercise the seek. */
  readonly spacing?: Partial<SnapshotSpacing>;
}

/** The trailer at the end of the file, if the last line is one; a cheap look that reads only the tail. */
function tailTrailer(path: string): LogTrailer | undefined {
  const fd = openSync(path, 'r');
  try {
    const line = lastLineOf(fd);
    const value = JSON.parse(line) as Partial<LogTrailer>;
    return value.format === 'ksim-log-end' && typeof value.digest === 'string' ? (value as LogTrailer) : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function identityOf(path: string): LogIdentity {
  const stat = statSync(path);
  const trailer = tailTrailer(path);
  return { sizeBytes: stat.size, mtimeMs: stat.mtimeMs, digest: trailer === undefined ? '' : identityDigest({ complete: true, trailer }) };
}

interface UsableIndex {
  readonly toc: IndexToc;
  readonly indexPath: string;
  readonly warnings: readonly string[];
}

/** Where the index goes when the log's directory is not writable: a temporary file named after the log's path. */
function temporaryIndexPath(path: string): string {
  return join(tmpdir(), `ksim-${createHash('sha1').update(resolve(path)).digest('hex').slice(0, 16)}.idx`);
}

/** Builds the index beside the log, or in the temporary directory when the log's directory refuses it. */
function rebuild(path: string, spacing: SnapshotSpacing, warnings: readonly string[]): Either<string, UsableIndex> {
  const indexPath = indexPathOf(path);
  const built = buildIndex(path, indexPath, spacing);
  if (!isLeft(built)) return right({ toc: built.right.toc, indexPath, warnings });
  if (!built.left.cannotWrite) return left(built.left.message);
  const fallback = temporaryIndexPath(path);
  const elsewhere = buildIndex(path, fallback, spacing);
  if (isLeft(elsewhere)) return left(elsewhere.left.message);
  return right({ toc: elsewhere.right.toc, indexPath: fallback, warnings: [...warnings, `${built.left.message}; wrote it to ${fallback} instead`] });
}

/** The index to answer from: the one on disk when it fits the log, else one built now (with a warning if the old one was unreadable). */
function indexFor(path: string, spacing: SnapshotSpacing): Either<string, UsableIndex> {
  const identity = identityOf(path);
  for (const indexPath of [indexPathOf(path), temporaryIndexPath(path)]) {
    const found = readIndexToc(indexPath);
    if (!isLeft(found) && indexFits(found.right, identity, spacing)) return right({ toc: found.right, indexPath, warnings: [] });
    if (indexPath === indexPathOf(path) && isLeft(found) && !found.left.missing) {
      return rebuild(path, spacing, [`${indexPath} could not be read (${found.left.problem}); rebuilt it`]);
    }
  }
  return rebuild(path, spacing, []);
}

/**
 * The last checkpoint whose `key` (revision or time) is at or before `value` (binary search; the
 * checkpoints are in revision order, and so in time order; the first is revision 0).
 */
function lastCheckpointAtOrBefore(checkpoints: readonly Checkpoint[], key: 'rev' | 'time', value: number): Checkpoint {
  let low = 0;
  let high = checkpoints.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((checkpoints[middle] as Checkpoint)[key] <= value) low = middle;
    else high = middle - 1;
  }
  return checkpoints[low] as Checkpoint;
}

function checkpointAtRev(checkpoints: readonly Checkpoint[], rev: number): Checkpoint {
  return lastCheckpointAtOrBefore(checkpoints, 'rev', rev);
}

function checkpointAtTime(checkpoints: readonly Checkpoint[], timeMs: number): Checkpoint {
  return lastCheckpointAtOrBefore(checkpoints, 'time', timeMs);
}

interface Anchor {
  readonly state: ClusterState;
  readonly position: LogPosition;
  readonly nextByte: number;
}

class IndexedLog implements OpenLog {
  readonly header: LogHeader;
  readonly ending: LogEnding;
  readonly lastRev: number;
  readonly endTimeMs: number;
  private anchor: Anchor | undefined;
  private readonly notes: string[];

  constructor(
    readonly path: string,
    private toc: IndexToc,
    private indexPath: string,
    notes: readonly string[],
    private readonly spacing: SnapshotSpacing,
  ) {
    this.notes = [...notes];
    this.header = toc.header;
    this.ending = toc.ending;
    this.lastRev = toc.last.rev;
    this.endTimeMs = toc.ending.complete ? toc.ending.trailer.endTime : toc.last.time;
  }

  get warnings(): readonly string[] {
    return this.notes;
  }

  stateAt(rev: number): Either<string, ClusterState> {
    if (!Number.isInteger(rev) || rev < 0 || rev > this.lastRev) return left(`revision ${rev} is outside the log (0 to ${this.lastRev})`);
    return this.foldFrom(this.anchorBefore(checkpointAtRev(this.toc.checkpoints, rev), rev), (event) => event.rev <= rev);
  }

  stateAtTime(timeMs: number): Either<string, ClusterState> {
    const checkpoint = checkpointAtTime(this.toc.checkpoints, timeMs);
    const anchorRev = this.anchor !== undefined && this.anchor.position.time <= timeMs ? this.anchor.position.rev : checkpoint.rev;
    return this.foldFrom(this.anchorBefore(checkpoint, anchorRev), (event) => event.time <= timeMs);
  }

  forEachEvent(fromRev: number, toRev: number, visit: (event: KsimEvent) => void): Either<string, void> {
    const first = Math.max(1, fromRev);
    const last = Math.min(toRev, this.lastRev);
    if (first > last) return right(undefined);
    const checkpoint = checkpointAtRev(this.toc.checkpoints, first - 1);
    const read = this.readEvents(checkpoint.nextByte, { rev: checkpoint.rev, time: checkpoint.time }, (event) => {
      if (event.rev > last) return false;
      if (event.rev >= first) visit(event);
      return true;
    });
    return isLeft(read) ? read : right(undefined);
  }

  /** Where to fold from: the kept state when it lies between the checkpoint and the target, else the checkpoint's snapshot. */
  private anchorBefore(checkpoint: Checkpoint, targetRev: number): Either<string, Anchor> {
    const kept = this.anchor;
    if (kept !== undefined && kept.position.rev >= checkpoint.rev && kept.position.rev <= targetRev) return right(kept);
    const state = withFile(this.indexPath, () => loadSnapshot(this.indexPath, checkpoint));
    if (!isLeft(state)) return right({ state: state.right, position: { rev: checkpoint.rev, time: checkpoint.time }, nextByte: checkpoint.nextByte });
    const rebuilt = this.rebuildIndex(state.left);
    if (isLeft(rebuilt)) return rebuilt;
    // The new index has other checkpoints: start again from its snapshot at or before the target.
    const again = checkpointAtRev(this.toc.checkpoints, checkpoint.rev);
    const reloaded = withFile(this.indexPath, () => loadSnapshot(this.indexPath, again));
    if (isLeft(reloaded)) return left(`${this.indexPath}: ${reloaded.left}`);
    return right({ state: reloaded.right, position: { rev: again.rev, time: again.time }, nextByte: again.nextByte });
  }

  /** A snapshot that fails its checksum means a damaged index: build it again from the log, and say so. */
  private rebuildIndex(problem: string): Either<string, void> {
    const damaged = this.indexPath;
    const index = withFile(this.path, () => rebuild(this.path, this.spacing, []));
    if (isLeft(index)) return left(`${damaged}: ${problem}, and rebuilding it failed: ${index.left}`);
    this.toc = index.right.toc;
    this.indexPath = index.right.indexPath;
    this.notes.push(`${damaged}: ${problem}; rebuilt it`, ...index.right.warnings);
    return right(undefined);
  }

  private foldFrom(from: Either<string, Anchor>, wanted: (event: KsimEvent) => boolean): Either<string, ClusterState> {
    if (isLeft(from)) return from;
    let { state, position, nextByte } = from.right;
    const read = this.readEvents(nextByte, position, (event, endByte) => {
      if (!wanted(event)) return false;
      state = reduce(state, event);
      position = { rev: event.rev, time: event.time };
      nextByte = endByte;
      return true;
    });
    if (isLeft(read)) return read;
    this.anchor = { state, position, nextByte };
    return right(state);
  }

  /** Reads and checks events from a byte offset until `take` says stop or the events end; line numbers are rev + 1. */
  private readEvents(startByte: number, before: LogPosition, take: (event: KsimEvent, endByte: number) => boolean): Either<string, void> {
    let previous = before;
    let problem: string | undefined;
    return withFile(this.path, () => {
      forEachFileLineAt(this.path, startByte, (line) => {
        // A truncated log's partial last line, or the trailer, ends the events.
        if (!line.terminated || previous.rev >= this.lastRev) return false;
        const read = eventOrTrailerAt(line.text, previous);
        if (isLeft(read)) {
          problem = `${this.path}:${previous.rev + 2}: ${read.left}`;
          return false;
        }
        if (!isEvent(read.right) || !take(read.right, line.startByte + line.bytes.length)) return false;
        previous = read.right;
        return true;
      });
      return problem === undefined ? right(undefined) : left(problem);
    });
  }
}

/**
 * Opens a run log for questions. The Left is a one-line message: the file cannot be read, or its
 * first bad line. A truncated log opens (its warnings say so) and answers up to its last whole event.
 */
export function openLog(path: string, options: OpenLogOptions = {}): Either<string, OpenLog> {
  const spacing = { ...DEFAULT_SPACING, ...options.spacing };
  const index = withFile(path, () => indexFor(path, spacing));
  if (isLeft(index)) return index;
  const { toc, indexPath, warnings } = index.right;
  const truncated = truncationWarning(path, toc.ending);
  return right(new IndexedLog(path, toc, indexPath, truncated === undefined ? warnings : [truncated, ...warnings], spacing));
}

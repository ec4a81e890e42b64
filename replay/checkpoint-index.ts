// The checkpoint index, `run.ndjson.idx`: snapshots of the cluster state every N revisions, so
// the state at any revision is one snapshot load and a fold of at most N events read from the
// byte where the snapshot's next event starts. The file is a cache of the log: it names the log's
// size, modification time and digest, and a reader that finds it missing, stale or unreadable
// builds it again from the log.
//
// Layout: one line per snapshot (the encoded state as JSON), then a table of contents as the last
// line: the log's identity, header and ending, and for every checkpoint its revision, the time of
// its event, the byte of its next event in the log, and where its snapshot lies in the index with
// a checksum of its bytes. Revision 0 (the empty cluster) has no snapshot.

import { createHash } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { formatDecodeErrors } from '../core/decode-errors.ts';
import { initialState, reduce } from '../reducers/index.ts';
import type { ClusterState } from '../reducers/state.ts';
import { lastLineOf, readBytesAt } from './file-lines.ts';
import { type LogEnding, LogHeaderCodec, LogTrailerCodec } from './log-file.ts';
import { scanLogFile, type ScannedLog } from './log-read.ts';
import { decodeState, encodeState, type EncodedState } from './state-codec.ts';

export const INDEX_FORMAT_VERSION = 1;

/**
 * Revisions between two snapshots. Measured on this machine: a fold reads, checks and reduces an
 * event in about 40 us, so 1,000 events cost at most about 40 ms and 20 ms on average.
 */
export const DEFAULT_SNAPSHOT_EVERY = 1000;

const CheckpointCodec = t.type({
  rev: t.number,
  /** The time of the event at `rev`; for revision 0, -1 (before any event). */
  time: t.number,
  /** The byte offset in the log of the line of revision rev + 1. */
  nextByte: t.number,
  /** The snapshot's offset and length in the index file; -1 for revision 0, which has none. */
  at: t.number,
  length: t.number,
  checksum: t.string,
});

export type Checkpoint = t.TypeOf<typeof CheckpointCodec>;

const LogEndingCodec = t.union([
  t.type({ complete: t.literal(true), trailer: LogTrailerCodec }),
  t.type({ complete: t.literal(false), lastRev: t.number, partialLineBytes: t.number }),
]);

/** What identifies the log an index was built from: a log that differs in any of these is another log. */
const LogIdentityCodec = t.type({ sizeBytes: t.number, mtimeMs: t.number, digest: t.string });

export type LogIdentity = t.TypeOf<typeof LogIdentityCodec>;

const IndexTocCodec = t.type({
  format: t.literal('ksim-log-index'),
  version: t.literal(INDEX_FORMAT_VERSION),
  log: LogIdentityCodec,
  every: t.number,
  header: LogHeaderCodec,
  ending: LogEndingCodec,
  last: t.type({ rev: t.number, time: t.number }),
  checkpoints: t.array(CheckpointCodec),
});

export type IndexToc = t.TypeOf<typeof IndexTocCodec>;

/** The trailer's digest names a complete log; a truncated one is named by its size and time alone. */
export function identityDigest(ending: LogEnding): string {
  return ending.complete ? ending.trailer.digest : '';
}

export function indexPathOf(logPath: string): string {
  return `${logPath}.idx`;
}

function checksumOf(bytes: Buffer): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** Appends lines to a file, keeping track of the byte offset for the table of contents. */
class LineAppender {
  private offset = 0;

  constructor(private readonly fd: number) {}

  /** Writes one line; returns where its bytes start and how many there are (the newline left out). */
  append(text: string): { at: number; length: number; checksum: string } {
    const bytes = Buffer.from(`${text}\n`, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written);
    const at = this.offset;
    this.offset += bytes.length;
    const body = bytes.subarray(0, bytes.length - 1);
    return { at, length: body.length, checksum: checksumOf(body) };
  }
}

export interface BuiltIndex {
  readonly toc: IndexToc;
  readonly scanned: ScannedLog;
}

/** Why an index could not be built: the log's first problem, or the file system refusing the index file. */
export interface BuildProblem {
  readonly cannotWrite: boolean;
  readonly message: string;
}

function cannotWrite(indexPath: string, error: unknown): BuildProblem {
  return { cannotWrite: true, message: `cannot write ${indexPath} (${(error as Error).message})` };
}

/**
 * Folds the whole log once, writing a snapshot every `every` revisions to `indexPath` (through a
 * temporary file renamed into place, so a reader never sees half an index).
 */
export function buildIndex(logPath: string, indexPath: string, every: number): Either<BuildProblem, BuiltIndex> {
  const identity = statSync(logPath);
  const temporary = `${indexPath}.tmp`;
  let fd: number;
  try {
    fd = openSync(temporary, 'w');
  } catch (error) {
    return left(cannotWrite(indexPath, error));
  }
  const appender = new LineAppender(fd);
  const checkpoints: Checkpoint[] = [];
  let state: ClusterState = initialState();
  let scanned: Either<string, ScannedLog>;
  try {
    scanned = scanLogFile(logPath, (event, line) => {
      if (checkpoints.length === 0) checkpoints.push({ rev: 0, time: -1, nextByte: line.startByte, at: -1, length: 0, checksum: '' });
      state = reduce(state, event);
      if (event.rev % every !== 0) return;
      const written = appender.append(JSON.stringify(encodeState(state)));
      checkpoints.push({ rev: event.rev, time: event.time, nextByte: line.startByte + line.bytes.length, ...written });
    });
    if (isLeft(scanned)) {
      closeSafely(fd);
      rmSync(temporary, { force: true });
      return left({ cannotWrite: false, message: scanned.left });
    }
    if (checkpoints.length === 0) checkpoints.push({ rev: 0, time: -1, nextByte: scanned.right.headerBytes, at: -1, length: 0, checksum: '' });
    const toc = tocOf(scanned.right, { sizeBytes: identity.size, mtimeMs: identity.mtimeMs, digest: identityDigest(scanned.right.ending) }, every, checkpoints);
    appender.append(JSON.stringify(toc));
    closeSync(fd);
    renameSync(temporary, indexPath);
    return right({ toc, scanned: scanned.right });
  } catch (error) {
    closeSafely(fd);
    rmSync(temporary, { force: true });
    return left(cannotWrite(indexPath, error));
  }
}

function closeSafely(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already closed after a successful write; nothing left to release.
  }
}

function tocOf(scanned: ScannedLog, log: LogIdentity, every: number, checkpoints: readonly Checkpoint[]): IndexToc {
  return {
    format: 'ksim-log-index',
    version: INDEX_FORMAT_VERSION,
    log,
    every,
    header: scanned.header,
    ending: scanned.ending as IndexToc['ending'],
    last: scanned.last,
    checkpoints: [...checkpoints],
  };
}

/** Reads an index's table of contents; the Left says why it cannot be used ("missing", or what is wrong with it). */
export function readIndexToc(indexPath: string): Either<{ readonly missing: boolean; readonly problem: string }, IndexToc> {
  let fd: number;
  try {
    fd = openSync(indexPath, 'r');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return left({ missing, problem: (error as Error).message });
  }
  try {
    const decoded = IndexTocCodec.decode(JSON.parse(lastLineOf(fd)));
    if (isLeft(decoded)) return left({ missing: false, problem: formatDecodeErrors(decoded.left)[0] ?? 'not a table of contents' });
    return right(decoded.right);
  } catch (error) {
    return left({ missing: false, problem: (error as Error).message });
  } finally {
    closeSync(fd);
  }
}

/** Loads one snapshot; the Left says what is wrong with it (the index is then to be rebuilt). */
export function loadSnapshot(indexPath: string, checkpoint: Checkpoint): Either<string, ClusterState> {
  if (checkpoint.at < 0) return right(initialState());
  try {
    const fd = openSync(indexPath, 'r');
    try {
      const bytes = readBytesAt(fd, checkpoint.at, checkpoint.length);
      if (bytes.length !== checkpoint.length || checksumOf(bytes) !== checkpoint.checksum) return left(`the snapshot of rev ${checkpoint.rev} does not match its checksum`);
      return right(decodeState(JSON.parse(bytes.toString('utf8')) as EncodedState));
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return left(`the snapshot of rev ${checkpoint.rev} cannot be read (${(error as Error).message})`);
  }
}

/** Whether an index was built from this log as it is now, with this spacing. */
export function indexFits(toc: IndexToc, log: LogIdentity, every: number): boolean {
  return toc.every === every && toc.log.sizeBytes === log.sizeBytes && toc.log.mtimeMs === log.mtimeMs && toc.log.digest === log.digest;
}

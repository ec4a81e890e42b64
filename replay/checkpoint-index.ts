// The checkpoint index, `run.ndjson.idx`: snapshots of the cluster state, so the state at any
// revision is one snapshot load and a fold of the events after it, read from the byte where the
// snapshot's next event starts. The file is a cache of the log: it names the log's size,
// modification time and digest, and a reader that finds it missing, stale or unreadable builds
// it again from the log.
//
// Layout: chunks (a JSON list of a stream's entries, deflated, each followed by a newline;
// replay/snapshot-chunks.ts) and snapshot lines (JSON: per stream, references to its chunks) in
// the order written, then a table of contents as
// the last line: "<checksum> <json>", the JSON holding the log's identity, header and ending, and
// for every checkpoint its revision, the time of its event, the byte of its next event in the
// log, and where its snapshot line lies with a checksum of its bytes. Revision 0 (the empty
// cluster) has no snapshot. Snapshots are spaced by bytes (replay/snapshot-spacing.ts), so the
// index is never larger than the log plus its table of contents.

import { closeSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { formatDecodeErrors } from '../core/decode-errors.ts';
import { initialState, reduce } from '../reducers/index.ts';
import type { ClusterState } from '../reducers/state.ts';
import { lastLineOf, readBytesAt } from './file-lines.ts';
import { type LogEnding, LogHeaderCodec, LogTrailerCodec } from './log-file.ts';
import { scanLogFile, type ScannedLog } from './log-read.ts';
import { ChunkedSnapshots, checksumOf, newChunkBytes, type SnapshotLine, type SnapshotPlan, unpackChunk } from './snapshot-chunks.ts';
import { keepsSnapshot, nextLookBytes, type SnapshotSpacing } from './snapshot-spacing.ts';
import { decodeStreams, stateStreams } from './state-codec.ts';

export const INDEX_FORMAT_VERSION = 2;

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
  spacing: t.type({ considerEveryBytes: t.number, indexBytesPerLogByte: t.number }),
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

/** Appends bytes to a file, keeping track of the offset for the table of contents. */
class ByteAppender {
  private offset = 0;

  constructor(private readonly fd: number) {}

  get endByte(): number {
    return this.offset;
  }

  append(bytes: Buffer): void {
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written);
    this.offset += bytes.length;
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

const NEWLINE = Buffer.from('\n');
const OPEN_LIST = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE_LIST = Buffer.from(']');

/** Appends a plan's new chunks and its snapshot line; returns where the line lies. */
function writeSnapshot(appender: ByteAppender, plan: SnapshotPlan): { at: number; length: number; checksum: string } {
  for (const bytes of newChunkBytes(plan)) {
    appender.append(bytes);
    appender.append(NEWLINE);
  }
  const at = appender.endByte;
  appender.append(plan.line);
  const body = plan.line.subarray(0, plan.line.length - 1);
  return { at, length: body.length, checksum: checksumOf(body) };
}

/** Folds a log, writing a snapshot where the spacing allows one; what it found goes to `checkpoints`. */
function foldWithSnapshots(logPath: string, appender: ByteAppender, spacing: SnapshotSpacing, checkpoints: Checkpoint[]): Either<string, ScannedLog> {
  const snapshots = new ChunkedSnapshots();
  let state: ClusterState = initialState();
  let sinceSnapshotBytes = 0;
  let lookAtBytes = spacing.considerEveryBytes;
  return scanLogFile(logPath, (event, line) => {
    if (checkpoints.length === 0) checkpoints.push({ rev: 0, time: -1, nextByte: line.startByte, at: -1, length: 0, checksum: '' });
    state = reduce(state, event);
    sinceSnapshotBytes += line.bytes.length;
    if (sinceSnapshotBytes < lookAtBytes) return;
    const plan = snapshots.plan(event.rev, state.timeMs, stateStreams(state), appender.endByte);
    const kept = keepsSnapshot(plan.newBytes, sinceSnapshotBytes, spacing);
    lookAtBytes = kept ? nextLookBytes(plan.newBytes, 0, spacing) : nextLookBytes(plan.newBytes, sinceSnapshotBytes, spacing);
    if (!kept) return;
    const written = writeSnapshot(appender, plan);
    snapshots.written(plan);
    sinceSnapshotBytes = 0;
    checkpoints.push({ rev: event.rev, time: event.time, nextByte: line.startByte + line.bytes.length, ...written });
  });
}

/** The table of contents as its line: the checksum of the JSON, a space, the JSON. */
function tocLine(toc: IndexToc): Buffer {
  const json = Buffer.from(JSON.stringify(toc), 'utf8');
  return Buffer.concat([Buffer.from(`${checksumOf(json)} `, 'utf8'), json, NEWLINE]);
}

/**
 * Folds the whole log once, writing snapshots to `indexPath` as the spacing allows (through a
 * temporary file renamed into place, so a reader never sees half an index).
 */
export function buildIndex(logPath: string, indexPath: string, spacing: SnapshotSpacing): Either<BuildProblem, BuiltIndex> {
  const identity = statSync(logPath);
  const temporary = `${indexPath}.tmp`;
  let fd: number;
  try {
    fd = openSync(temporary, 'w');
  } catch (error) {
    return left(cannotWrite(indexPath, error));
  }
  const appender = new ByteAppender(fd);
  const checkpoints: Checkpoint[] = [];
  try {
    const scanned = foldWithSnapshots(logPath, appender, spacing, checkpoints);
    if (isLeft(scanned)) {
      closeSafely(fd);
      rmSync(temporary, { force: true });
      return left({ cannotWrite: false, message: scanned.left });
    }
    if (checkpoints.length === 0) checkpoints.push({ rev: 0, time: -1, nextByte: scanned.right.headerBytes, at: -1, length: 0, checksum: '' });
    const toc = tocOf(scanned.right, { sizeBytes: identity.size, mtimeMs: identity.mtimeMs, digest: identityDigest(scanned.right.ending) }, spacing, checkpoints);
    appender.append(tocLine(toc));
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

function tocOf(scanned: ScannedLog, log: LogIdentity, spacing: SnapshotSpacing, checkpoints: readonly Checkpoint[]): IndexToc {
  return {
    format: 'ksim-log-index',
    version: INDEX_FORMAT_VERSION,
    log,
    spacing: { considerEveryBytes: spacing.considerEveryBytes, indexBytesPerLogByte: spacing.indexBytesPerLogByte },
    header: scanned.header,
    ending: scanned.ending as IndexToc['ending'],
    last: scanned.last,
    checkpoints: [...checkpoints],
  };
}

/** Why an index's table of contents cannot be used. `missing` and `otherVersion` are silent rebuilds, anything else a damaged file. */
export interface TocProblem {
  readonly missing: boolean;
  readonly problem: string;
}

/** Whether a last line is the table of contents of an index written by another ksim (version 1 had no checksum before it). */
function isOtherVersion(line: string): boolean {
  try {
    const value = JSON.parse(line) as { format?: unknown; version?: unknown };
    return value.format === 'ksim-log-index' && typeof value.version === 'number' && value.version !== INDEX_FORMAT_VERSION;
  } catch {
    return false;
  }
}

/** The table of contents in a last line "<checksum> <json>"; an index of another format version reads as missing (rebuilt without a warning). */
function decodeTocLine(line: string): Either<TocProblem, IndexToc> {
  if (line.startsWith('{') && isOtherVersion(line)) return left({ missing: true, problem: 'an index of another format version' });
  const space = line.indexOf(' ');
  const json = line.slice(space + 1);
  if (space === -1 || checksumOf(Buffer.from(json, 'utf8')) !== line.slice(0, space)) return left({ missing: false, problem: 'its table of contents does not match its checksum' });
  const decoded = IndexTocCodec.decode(JSON.parse(json));
  if (isLeft(decoded)) return left({ missing: false, problem: formatDecodeErrors(decoded.left)[0] ?? 'not a table of contents' });
  return right(decoded.right);
}

/** Reads an index's table of contents; the Left says why it cannot be used ("missing", or what is wrong with it). */
export function readIndexToc(indexPath: string): Either<TocProblem, IndexToc> {
  let fd: number;
  try {
    fd = openSync(indexPath, 'r');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return left({ missing, problem: (error as Error).message });
  }
  try {
    return decodeTocLine(lastLineOf(fd));
  } catch (error) {
    return left({ missing: false, problem: (error as Error).message });
  } finally {
    closeSync(fd);
  }
}

/** The bytes at a place in the index, checked against their checksum; undefined when they do not match. */
function checkedBytes(fd: number, at: number, length: number, checksum: string): Buffer | undefined {
  const bytes = readBytesAt(fd, at, length);
  return bytes.length === length && checksumOf(bytes) === checksum ? bytes : undefined;
}

/** Reads a snapshot line's chunks and decodes the state; the Left names what does not match. */
function readSnapshot(fd: number, checkpoint: Checkpoint): Either<string, ClusterState> {
  const lineBytes = checkedBytes(fd, checkpoint.at, checkpoint.length, checkpoint.checksum);
  if (lineBytes === undefined) return left(`the snapshot of rev ${checkpoint.rev} does not match its checksum`);
  const line = JSON.parse(lineBytes.toString('utf8')) as SnapshotLine;
  const streams = new Map<string, (readonly [string, unknown])[]>();
  for (const [name, chunks] of line.streams) {
    // Each chunk is a JSON list: the stream is their insides joined by commas, decoded and parsed once.
    const parts: Buffer[] = [OPEN_LIST];
    for (const [at, length, checksum] of chunks) {
      const stored = checkedBytes(fd, at, length, checksum);
      if (stored === undefined) return left(`a chunk of the snapshot of rev ${checkpoint.rev} does not match its checksum`);
      const bytes = unpackChunk(stored);
      if (parts.length > 1) parts.push(COMMA);
      parts.push(bytes.subarray(1, bytes.length - 1));
    }
    parts.push(CLOSE_LIST);
    streams.set(name, JSON.parse(Buffer.concat(parts).toString('utf8')) as (readonly [string, unknown])[]);
  }
  return right(decodeStreams(line.rev, line.timeMs, streams));
}

/** Loads one snapshot; the Left says what is wrong with it (the index is then to be rebuilt). */
export function loadSnapshot(indexPath: string, checkpoint: Checkpoint): Either<string, ClusterState> {
  if (checkpoint.at < 0) return right(initialState());
  try {
    const fd = openSync(indexPath, 'r');
    try {
      return readSnapshot(fd, checkpoint);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return left(`the snapshot of rev ${checkpoint.rev} cannot be read (${(error as Error).message})`);
  }
}

/** Whether an index was built from this log as it is now, with this spacing. */
export function indexFits(toc: IndexToc, log: LogIdentity, spacing: SnapshotSpacing): boolean {
  const same = toc.spacing.considerEveryBytes === spacing.considerEveryBytes && toc.spacing.indexBytesPerLogByte === spacing.indexBytesPerLogByte;
  return same && toc.log.sizeBytes === log.sizeBytes && toc.log.mtimeMs === log.mtimeMs && toc.log.digest === log.digest;
}

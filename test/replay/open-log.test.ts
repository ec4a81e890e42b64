import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { type Either, isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../core/canonical-json.ts';
import { foldEvents } from '../../reducers/index.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { formatLog, indexPathOf, logHeader, LogWriter, type OpenLog, openLog } from '../../replay/api.ts';
import { randomScenario } from '../../scenarios/arbitraries.ts';
import { simulate } from '../../scenarios/simulate.ts';
import { stateSnapshot } from '../support/state-snapshot.ts';
import { syntheticRun } from './synthetic-run.ts';

const header = logHeader(7, { name: 'demo' });
/** A look at every event and room for every snapshot: a checkpoint at every revision, to exercise the seek. */
const EVERY_REVISION = { considerEveryBytes: 1, indexBytesPerLogByte: 1000 };
/** A look every couple of kilobytes of log (about every ten events here). */
const EVERY_FEW = { considerEveryBytes: 2000, indexBytesPerLogByte: 1000 };
const events = syntheticRun(40, 3);
const endTimeMs = (events.at(-1)?.time ?? 0) + 60_000;

function tempPath(name = 'run.ndjson'): string {
  return join(mkdtempSync(join(tmpdir(), 'ksim-open-')), name);
}

function writeComplete(path = tempPath()): string {
  writeFileSync(path, formatLog({ header, events }, { endTimeMs }));
  return path;
}

interface TocForTests {
  readonly log: { readonly sizeBytes: number };
  readonly checkpoints: readonly { readonly rev: number; readonly at: number; readonly length: number }[];
}

/** The index's last line: "<checksum> <json>". */
function tocLine(path: string): string {
  return readFileSync(indexPathOf(path), 'utf8').trimEnd().split('\n').at(-1) as string;
}

function tocOf(path: string): TocForTests {
  const line = tocLine(path);
  return JSON.parse(line.slice(line.indexOf(' ') + 1)) as TocForTests;
}

function tocLineBytes(path: string): number {
  return Buffer.byteLength(tocLine(path)) + 1;
}

type ChunkRef = [number, number, string];
type SnapshotStream = [string, ChunkRef[]];

/** The snapshot line of a checkpoint: per stream, the chunks it is made of. */
function snapshotLine(path: string, rev: number): { streams: SnapshotStream[] } {
  const checkpoint = tocOf(path).checkpoints.find((each) => each.rev === rev) as { at: number; length: number };
  return JSON.parse(readFileSync(indexPathOf(path)).subarray(checkpoint.at, checkpoint.at + checkpoint.length).toString('utf8')) as { streams: SnapshotStream[] };
}

/** Changes one byte of a file in place, to another digit or letter, keeping its size. */
function flipByteAt(path: string, at: number): void {
  const bytes = readFileSync(path);
  bytes[at] = bytes[at] === 0x31 ? 0x32 : 0x31;
  writeFileSync(path, bytes);
}

function opened(result: Either<string, OpenLog>): OpenLog {
  if (isLeft(result)) throw new Error(result.left);
  return result.right;
}

function state(result: Either<string, ClusterState>): ClusterState {
  if (isLeft(result)) throw new Error(result.left);
  return result.right;
}

/** The state's objects as canonical JSON: what a seek must agree on with a fold from zero. */
function objectsJson(cluster: ClusterState): string {
  return canonicalJson(stateSnapshot(cluster));
}

describe('openLog', () => {
  it('reads the trailer: the run ends at its end time, not at the last event', () => {
    const log = opened(openLog(writeComplete()));
    expect(log.ending).toMatchObject({ complete: true, trailer: { endTime: endTimeMs, lastRev: events.length, events: events.length } });
    expect(log.endTimeMs).toBe(endTimeMs);
    expect(log.lastRev).toBe(events.length);
    expect(log.warnings).toEqual([]);
  });

  it('gives the state a fold from zero gives, at every revision, through a snapshot at every revision', () => {
    const log = opened(openLog(writeComplete(), { spacing: EVERY_REVISION }));
    for (let rev = 0; rev <= events.length; rev++) {
      expect(objectsJson(state(log.stateAt(rev)))).toBe(objectsJson(foldEvents(events.slice(0, rev))));
    }
  });

  it('answers backwards and forwards alike once the index exists (a second open reads it)', () => {
    const path = writeComplete();
    opened(openLog(path, { spacing: EVERY_REVISION }));
    const log = opened(openLog(path, { spacing: EVERY_REVISION }));
    for (const rev of [events.length, 3, 150, 149, 0, 151]) {
      expect(objectsJson(state(log.stateAt(rev)))).toBe(objectsJson(foldEvents(events.slice(0, rev))));
    }
  });

  it('takes the state at a time after the last event at or before it', () => {
    const log = opened(openLog(writeComplete(), { spacing: EVERY_FEW }));
    for (const timeMs of [0, 999, 1000, 1100, 20_500, endTimeMs]) {
      const rev = events.filter((event) => event.time <= timeMs).length;
      expect(state(log.stateAtTime(timeMs)).rev).toBe(rev);
      expect(objectsJson(state(log.stateAtTime(timeMs)))).toBe(objectsJson(foldEvents(events.slice(0, rev))));
    }
  });

  it('streams the events between two revisions', () => {
    const log = opened(openLog(writeComplete(), { spacing: EVERY_FEW }));
    const seen: number[] = [];
    expect(isLeft(log.forEachEvent(11, 20, (event) => seen.push(event.rev)))).toBe(false);
    expect(seen).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
  });

  it('refuses a revision outside the log', () => {
    const log = opened(openLog(writeComplete()));
    expect(log.stateAt(events.length + 1)).toEqual({ _tag: 'Left', left: `revision ${events.length + 1} is outside the log (0 to ${events.length})` });
  });
});

describe('a truncated log', () => {
  const whole = formatLog({ header, events });
  const lastLineStart = whole.lastIndexOf('\n', whole.length - 2) + 1;

  it('cut between lines reads up to its last event and says so', () => {
    const path = tempPath();
    writeFileSync(path, whole);
    const log = opened(openLog(path, { spacing: EVERY_FEW }));
    expect(log.ending).toEqual({ complete: false, lastRev: events.length, partialLineBytes: 0 });
    expect(log.warnings).toEqual([`${path} is truncated: no trailer after rev ${events.length} (the run did not finish writing)`]);
    expect(log.endTimeMs).toBe(events.at(-1)?.time);
    expect(objectsJson(state(log.stateAt(log.lastRev)))).toBe(objectsJson(foldEvents(events)));
  });

  it('cut mid-line leaves the partial line out and reads the whole events before it', () => {
    const path = tempPath();
    const cutAt = lastLineStart + 25;
    writeFileSync(path, whole.slice(0, cutAt));
    const log = opened(openLog(path, { spacing: EVERY_FEW }));
    expect(log.lastRev).toBe(events.length - 1);
    expect(log.warnings).toEqual([
      `${path} is truncated: no trailer after rev ${events.length - 1} (the run did not finish writing); a partial last line of 25 bytes was left out`,
    ]);
    expect(objectsJson(state(log.stateAt(log.lastRev)))).toBe(objectsJson(foldEvents(events.slice(0, -1))));
  });

  it('is what a writer closed without the run\'s end leaves', () => {
    const path = tempPath();
    const writer = LogWriter.open(path, header);
    for (const event of events) writer.append(event);
    writer.close();
    expect(readFileSync(path, 'utf8')).toBe(whole);
  });
});

describe('the checkpoint index', () => {
  it('is written beside the log and names the log it was built from', () => {
    const path = writeComplete();
    opened(openLog(path, { spacing: EVERY_REVISION }));
    const toc = tocOf(path);
    expect(toc.log.sizeBytes).toBe(statSync(path).size);
    expect(toc.checkpoints.map((checkpoint) => checkpoint.rev)).toEqual(Array.from({ length: events.length + 1 }, (_, i) => i));
  });

  it('shares unchanged chunks between snapshots: two revisions apart, most chunks are the same', () => {
    const path = writeComplete();
    opened(openLog(path, { spacing: EVERY_REVISION }));
    const [before, after] = [100, 102].map((rev) => new Set(snapshotLine(path, rev).streams.flatMap(([, chunks]) => chunks.map((chunk) => chunk.join(':')))));
    const shared = [...(after as Set<string>)].filter((chunk) => (before as Set<string>).has(chunk));
    expect(shared.length / (after as Set<string>).size).toBeGreaterThan(0.5);
  });

  it('stays within the log\'s size (plus its table of contents) with the default spacing, looking often', () => {
    const path = writeComplete();
    opened(openLog(path, { spacing: { considerEveryBytes: 256 } }));
    expect(tocOf(path).checkpoints.length).toBeGreaterThan(1);
    expect(statSync(indexPathOf(path)).size - tocLineBytes(path)).toBeLessThanOrEqual(statSync(path).size);
  });

  it('is rebuilt when the log changed since (stale), and answers for the new log', () => {
    const path = tempPath();
    const shorter = events.slice(0, 30);
    writeFileSync(path, formatLog({ header, events: shorter }, { endTimeMs: 1 }));
    opened(openLog(path, { spacing: EVERY_FEW }));
    writeComplete(path);
    const log = opened(openLog(path, { spacing: EVERY_FEW }));
    expect(log.lastRev).toBe(events.length);
    expect(log.warnings).toEqual([]);
    expect(objectsJson(state(log.stateAt(events.length)))).toBe(objectsJson(foldEvents(events)));
  });

  it('is rebuilt when missing', () => {
    const path = writeComplete();
    opened(openLog(path, { spacing: EVERY_FEW }));
    rmSync(indexPathOf(path));
    const log = opened(openLog(path, { spacing: EVERY_FEW }));
    expect(objectsJson(state(log.stateAt(17)))).toBe(objectsJson(foldEvents(events.slice(0, 17))));
    expect(statSync(indexPathOf(path)).size).toBeGreaterThan(0);
  });

  it('is rebuilt with a warning when its table of contents is corrupt, never a crash', () => {
    const path = writeComplete();
    opened(openLog(path, { spacing: EVERY_FEW }));
    appendFileSync(indexPathOf(path), '{"format":"ksim-log-index"');
    const log = opened(openLog(path, { spacing: EVERY_FEW }));
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]).toMatch(new RegExp(`^${indexPathOf(path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} could not be read \\(.+\\); rebuilt it$`));
    expect(objectsJson(state(log.stateAt(33)))).toBe(objectsJson(foldEvents(events.slice(0, 33))));
  });

  it('is rebuilt with a warning when the file was cut, never a crash', () => {
    const path = writeComplete();
    opened(openLog(path, { spacing: EVERY_FEW }));
    truncateSync(indexPathOf(path), Math.floor(statSync(indexPathOf(path)).size / 2));
    const log = opened(openLog(path, { spacing: EVERY_FEW }));
    expect(log.warnings).toEqual([`${indexPathOf(path)} could not be read (its table of contents does not match its checksum); rebuilt it`]);
    expect(objectsJson(state(log.stateAt(events.length)))).toBe(objectsJson(foldEvents(events)));
  });

  it('is rebuilt with a warning when a byte of its table of contents is flipped', () => {
    const path = writeComplete();
    opened(openLog(path, { spacing: EVERY_FEW }));
    flipByteAt(indexPathOf(path), statSync(indexPathOf(path)).size - 20);
    const log = opened(openLog(path, { spacing: EVERY_FEW }));
    expect(log.warnings).toEqual([`${indexPathOf(path)} could not be read (its table of contents does not match its checksum); rebuilt it`]);
    expect(objectsJson(state(log.stateAt(21)))).toBe(objectsJson(foldEvents(events.slice(0, 21))));
  });

  it('is rebuilt with a warning when a snapshot line no longer matches its checksum, and the answer is right', () => {
    const path = writeComplete();
    opened(openLog(path, { spacing: EVERY_REVISION }));
    const checkpoint = tocOf(path).checkpoints.find((each) => each.rev === 30) as { at: number };
    flipByteAt(indexPathOf(path), checkpoint.at + 3);
    const log = opened(openLog(path, { spacing: EVERY_REVISION }));
    expect(log.warnings).toEqual([]);
    expect(objectsJson(state(log.stateAt(30)))).toBe(objectsJson(foldEvents(events.slice(0, 30))));
    expect(log.warnings).toEqual([`${indexPathOf(path)}: the snapshot of rev 30 does not match its checksum; rebuilt it`]);
    expect(objectsJson(state(log.stateAt(30)))).toBe(objectsJson(foldEvents(events.slice(0, 30))));
    expect(log.warnings).toHaveLength(1);
  });

  it('is rebuilt with a warning when a chunk of a snapshot no longer matches its checksum', () => {
    const path = writeComplete();
    opened(openLog(path, { spacing: EVERY_REVISION }));
    const [podChunkAt] = (snapshotLine(path, events.length).streams.find(([name]) => name === 'pods') as SnapshotStream)[1][0] as ChunkRef;
    flipByteAt(indexPathOf(path), podChunkAt + 5);
    const log = opened(openLog(path, { spacing: EVERY_REVISION }));
    expect(objectsJson(state(log.stateAt(events.length)))).toBe(objectsJson(foldEvents(events)));
    expect(log.warnings).toEqual([`${indexPathOf(path)}: a chunk of the snapshot of rev ${events.length} does not match its checksum; rebuilt it`]);
  });
});

describe('stateAt through checkpoints, for random runs', () => {
  it('equals a fold from zero at random revisions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ksim-open-prop-'));
    try {
      fc.assert(
        fc.property(randomScenario(), fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 4000 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }), (scenario, seed, considerEveryBytes, picks) => {
          const path = join(dir, 'run.ndjson');
          rmSync(indexPathOf(path), { force: true });
          const writer = LogWriter.open(path, logHeader(seed, scenario as unknown as Record<string, unknown>));
          const run = simulate(scenario, { seed, onEvent: (event) => writer.append(event) });
          writer.close({ endTimeMs: run.endMs });
          const log = opened(openLog(path, { spacing: { considerEveryBytes, indexBytesPerLogByte: 1000 } }));
          for (const pick of picks) {
            const rev = Math.min(run.events.length, Math.floor(pick * (run.events.length + 1)));
            expect(objectsJson(state(log.stateAt(rev)))).toBe(objectsJson(foldEvents(run.events.slice(0, rev))));
          }
        }),
        { numRuns: 15 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the index within the log\'s size plus its table of contents, however often it looks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ksim-open-size-'));
    try {
      fc.assert(
        fc.property(randomScenario(), fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 4000 }), (scenario, seed, considerEveryBytes) => {
          const path = join(dir, 'run.ndjson');
          rmSync(indexPathOf(path), { force: true });
          const writer = LogWriter.open(path, logHeader(seed, scenario as unknown as Record<string, unknown>));
          const run = simulate(scenario, { seed, onEvent: (event) => writer.append(event) });
          writer.close({ endTimeMs: run.endMs });
          const log = opened(openLog(path, { spacing: { considerEveryBytes } }));
          expect(statSync(indexPathOf(path)).size - tocLineBytes(path)).toBeLessThanOrEqual(statSync(path).size);
          expect(objectsJson(state(log.stateAt(run.events.length)))).toBe(objectsJson(foldEvents(run.events)));
        }),
        { numRuns: 10 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

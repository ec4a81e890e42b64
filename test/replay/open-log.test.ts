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
const events = syntheticRun(40, 3);
const endTimeMs = (events.at(-1)?.time ?? 0) + 60_000;

function tempPath(name = 'run.ndjson'): string {
  return join(mkdtempSync(join(tmpdir(), 'ksim-open-')), name);
}

function writeComplete(path = tempPath()): string {
  writeFileSync(path, formatLog({ header, events }, { endTimeMs }));
  return path;
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

  it('gives the state a fold from zero gives, at every revision, through snapshots every 7 revisions', () => {
    const log = opened(openLog(writeComplete(), { snapshotEvery: 7 }));
    for (let rev = 0; rev <= events.length; rev++) {
      expect(objectsJson(state(log.stateAt(rev)))).toBe(objectsJson(foldEvents(events.slice(0, rev))));
    }
  });

  it('answers backwards and forwards alike once the index exists (a second open reads it)', () => {
    const path = writeComplete();
    opened(openLog(path, { snapshotEvery: 5 }));
    const log = opened(openLog(path, { snapshotEvery: 5 }));
    for (const rev of [events.length, 3, 150, 149, 0, 151]) {
      expect(objectsJson(state(log.stateAt(rev)))).toBe(objectsJson(foldEvents(events.slice(0, rev))));
    }
  });

  it('takes the state at a time after the last event at or before it', () => {
    const log = opened(openLog(writeComplete(), { snapshotEvery: 4 }));
    for (const timeMs of [0, 999, 1000, 1100, 20_500, endTimeMs]) {
      const rev = events.filter((event) => event.time <= timeMs).length;
      expect(state(log.stateAtTime(timeMs)).rev).toBe(rev);
      expect(objectsJson(state(log.stateAtTime(timeMs)))).toBe(objectsJson(foldEvents(events.slice(0, rev))));
    }
  });

  it('streams the events between two revisions', () => {
    const log = opened(openLog(writeComplete(), { snapshotEvery: 6 }));
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
    const log = opened(openLog(path, { snapshotEvery: 8 }));
    expect(log.ending).toEqual({ complete: false, lastRev: events.length, partialLineBytes: 0 });
    expect(log.warnings).toEqual([`${path} is truncated: no trailer after rev ${events.length} (the run did not finish writing)`]);
    expect(log.endTimeMs).toBe(events.at(-1)?.time);
    expect(objectsJson(state(log.stateAt(log.lastRev)))).toBe(objectsJson(foldEvents(events)));
  });

  it('cut mid-line leaves the partial line out and reads the whole events before it', () => {
    const path = tempPath();
    const cutAt = lastLineStart + 25;
    writeFileSync(path, whole.slice(0, cutAt));
    const log = opened(openLog(path, { snapshotEvery: 8 }));
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
    opened(openLog(path, { snapshotEvery: 10 }));
    const toc = JSON.parse(readFileSync(indexPathOf(path), 'utf8').trimEnd().split('\n').at(-1) as string) as { log: { sizeBytes: number }; checkpoints: { rev: number }[] };
    expect(toc.log.sizeBytes).toBe(statSync(path).size);
    expect(toc.checkpoints.map((checkpoint) => checkpoint.rev)).toEqual(Array.from({ length: Math.floor(events.length / 10) + 1 }, (_, i) => i * 10));
  });

  it('is rebuilt when the log changed since (stale), and answers for the new log', () => {
    const path = tempPath();
    const shorter = events.slice(0, 30);
    writeFileSync(path, formatLog({ header, events: shorter }, { endTimeMs: 1 }));
    opened(openLog(path, { snapshotEvery: 4 }));
    writeComplete(path);
    const log = opened(openLog(path, { snapshotEvery: 4 }));
    expect(log.lastRev).toBe(events.length);
    expect(log.warnings).toEqual([]);
    expect(objectsJson(state(log.stateAt(events.length)))).toBe(objectsJson(foldEvents(events)));
  });

  it('is rebuilt when missing', () => {
    const path = writeComplete();
    opened(openLog(path, { snapshotEvery: 4 }));
    rmSync(indexPathOf(path));
    const log = opened(openLog(path, { snapshotEvery: 4 }));
    expect(objectsJson(state(log.stateAt(17)))).toBe(objectsJson(foldEvents(events.slice(0, 17))));
    expect(statSync(indexPathOf(path)).size).toBeGreaterThan(0);
  });

  it('is rebuilt with a warning when its table of contents is corrupt, never a crash', () => {
    const path = writeComplete();
    opened(openLog(path, { snapshotEvery: 4 }));
    appendFileSync(indexPathOf(path), '{"format":"ksim-log-index"');
    const log = opened(openLog(path, { snapshotEvery: 4 }));
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]).toMatch(new RegExp(`^${indexPathOf(path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} could not be read \\(.+\\); rebuilt it$`));
    expect(objectsJson(state(log.stateAt(33)))).toBe(objectsJson(foldEvents(events.slice(0, 33))));
  });

  it('says which snapshot is damaged when one no longer matches its checksum', () => {
    const path = writeComplete();
    opened(openLog(path, { snapshotEvery: 4 }));
    const index = readFileSync(indexPathOf(path));
    index[10] = index[10] === 0x31 ? 0x32 : 0x31;
    writeFileSync(indexPathOf(path), index);
    truncateSync(indexPathOf(path), index.length);
    const log = opened(openLog(path, { snapshotEvery: 4 }));
    expect(log.stateAt(5)).toEqual({ _tag: 'Left', left: `${indexPathOf(path)}: the snapshot of rev 4 does not match its checksum; delete it and ksim will build it again` });
  });
});

describe('stateAt through checkpoints, for random runs', () => {
  it('equals a fold from zero at random revisions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ksim-open-prop-'));
    try {
      fc.assert(
        fc.property(randomScenario(), fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 2, max: 9 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }), (scenario, seed, every, picks) => {
          const path = join(dir, 'run.ndjson');
          rmSync(indexPathOf(path), { force: true });
          const writer = LogWriter.open(path, logHeader(seed, scenario as unknown as Record<string, unknown>));
          const run = simulate(scenario, { seed, onEvent: (event) => writer.append(event) });
          writer.close({ endTimeMs: run.endMs });
          const log = opened(openLog(path, { snapshotEvery: every }));
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
});

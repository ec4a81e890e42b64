// Bench case log-seek: the state at random revisions of a long log, through the checkpoint index.
// The log is bench/cases/long-run-log.ts (about 3,000 pods alive at any time). Reports the log's
// size, the index's build time and size, the time to open the log once the index exists, how
// many snapshots the index holds, and the time of stateAt at 100 random revisions (median, p95,
// max). Target: stateAt under 50 ms. KSIM_BENCH_LOG_EVENTS sets the size (default 1,000,000).

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isLeft } from 'fp-ts/lib/Either.js';
import { Rng } from '../../core/prng.ts';
import { DEFAULT_SPACING, indexPathOf, openLog } from '../../replay/api.ts';
import { readIndexToc } from '../../replay/checkpoint-index.ts';
import { writeLongRun } from './long-run-log.ts';
import { peakRssMb, seconds } from './measure.ts';

const EVENTS = Number(process.env.KSIM_BENCH_LOG_EVENTS ?? 1_000_000);
const QUERIES = 100;

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] as number;
}

const ms = (value: number) => Number(value.toFixed(1));

/** The snapshots the index holds (its checkpoints but revision 0): the log's events over this is the mean fold of a question, doubled. */
function snapshotCount(path: string): number {
  const toc = readIndexToc(indexPathOf(path));
  if (isLeft(toc)) throw new Error(toc.left.problem);
  return toc.right.checkpoints.length - 1;
}

function run(): void {
  const dir = mkdtempSync(join(tmpdir(), 'ksim-bench-seek-'));
  try {
    const path = join(dir, 'long.ndjson');
    let started = performance.now();
    const events = writeLongRun(path, EVENTS);
    const writeSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const built = openLog(path);
    if (isLeft(built)) throw new Error(built.left);
    const indexSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const log = openLog(path);
    if (isLeft(log)) throw new Error(log.left);
    const openMs = performance.now() - started;
    const rng = new Rng(7, 'bench-log-seek');
    const times: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const rev = Math.floor(rng.next() * (log.right.lastRev + 1));
      const before = performance.now();
      const state = log.right.stateAt(rev);
      times.push(performance.now() - before);
      if (isLeft(state) || state.right.rev !== rev) throw new Error(`stateAt(${rev}) failed`);
    }
    times.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        case: 'log-seek',
        events,
        logMb: Number((statSync(path).size / 2 ** 20).toFixed(1)),
        bytesPerEvent: Math.round(statSync(path).size / events),
        writeSeconds: seconds(writeSeconds * 1000),
        spacing: DEFAULT_SPACING,
        indexBuildSeconds: seconds(indexSeconds * 1000),
        indexMb: Number((statSync(indexPathOf(path)).size / 2 ** 20).toFixed(1)),
        snapshots: snapshotCount(path),
        openMs: ms(openMs),
        stateAtMs: { median: ms(percentile(times, 0.5)), p95: ms(percentile(times, 0.95)), max: ms(times.at(-1) as number) },
        peakRssMb: peakRssMb(),
        targets: { stateAtMs: 50 },
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

run();

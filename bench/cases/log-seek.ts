// Bench case log-seek: the state at random revisions of a long log, through the checkpoint index.
// The log is a long run of a small cluster written without the engine (so it takes seconds, not
// the minutes the engine would need for a million events): 100 nodes reporting heartbeats and
// pods that churn through creation, binding, two status reports and deletion, about 3,000 alive
// at any time. Reports the log's size, the index's build time and size, the time to open the log
// once the index exists, and the time of stateAt at 100 random revisions (median, p95, max).
// Target: stateAt under 50 ms. KSIM_BENCH_LOG_EVENTS sets the size (default 1,000,000).

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { EventBody, KsimEvent } from '../../core/events.ts';
import { Rng } from '../../core/prng.ts';
import { DEFAULT_SNAPSHOT_EVERY, indexPathOf, logHeader, LogWriter, openLog } from '../../replay/api.ts';
import { creatingStatus, namespaceObject, nodeObject, podObject, replicaSetObject, runningStatus } from '../../test/replay/builders.ts';
import { peakRssMb, seconds } from './measure.ts';

const EVENTS = Number(process.env.KSIM_BENCH_LOG_EVENTS ?? 1_000_000);
const NODES = 100;
const ALIVE = 3000;
const QUERIES = 100;

class LongRun {
  private rev = 0;
  private timeMs = 0;

  constructor(private readonly writer: LogWriter) {}

  get events(): number {
    return this.rev;
  }

  add(actor: string, body: EventBody, afterMs = 0): void {
    this.timeMs += afterMs;
    this.rev++;
    this.writer.append({ rev: this.rev, time: this.timeMs, actor, ...body } as KsimEvent);
  }

  get nowMs(): number {
    return this.timeMs;
  }
}

function podName(index: number): string {
  return `web-${index.toString(36).padStart(6, '0')}`;
}

/** One pod's life up to Running: created, bound, ContainerCreating, Running. */
function startPod(run: LongRun, index: number): void {
  const name = podName(index);
  const node = `node-${(index % NODES) + 1}`;
  const pod = podObject(name, { createdMs: run.nowMs, owner: replicaSetObject('web', ALIVE), cpu: '10m', memory: '16Mi', labels: { app: 'web' } });
  run.add('controller/replicaset', { type: 'pod/created', object: pod }, 10);
  run.add('kube-scheduler', { type: 'pod/bound', namespace: 'default', name, nodeName: node });
  run.add(`kubelet/${node}`, { type: 'pod/statusUpdated', namespace: 'default', name, status: creatingStatus(run.nowMs + 100) }, 100);
  run.add(`kubelet/${node}`, { type: 'pod/statusUpdated', namespace: 'default', name, status: runningStatus(run.nowMs + 1500) }, 1400);
}

function stopPod(run: LongRun, index: number): void {
  const name = podName(index);
  run.add('user', { type: 'pod/deletionRequested', namespace: 'default', name, gracePeriodSeconds: 0 }, 10);
  run.add(`kubelet/node-${(index % NODES) + 1}`, { type: 'pod/deleted', namespace: 'default', name });
}

function writeLongRun(path: string): number {
  const writer = LogWriter.open(path, logHeader(1, { name: 'bench-log-seek' }));
  const run = new LongRun(writer);
  run.add('scenario', { type: 'object/created', object: namespaceObject('default') });
  for (let n = 1; n <= NODES; n++) run.add(`kubelet/node-${n}`, { type: 'node/joined', object: nodeObject(`node-${n}`) });
  run.add('user', { type: 'object/created', object: replicaSetObject('web', ALIVE) });
  let started = 0;
  while (run.events < EVENTS) {
    if (started >= ALIVE) stopPod(run, started - ALIVE);
    startPod(run, started++);
    if (started % 10 === 0) {
      const node = `node-${(started % NODES) + 1}`;
      run.add(`kubelet/${node}`, { type: 'node/statusReported', name: node, status: nodeObject(node, { createdMs: run.nowMs }).status });
    }
  }
  writer.close({ endTimeMs: run.nowMs });
  return run.events;
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] as number;
}

const ms = (value: number) => Number(value.toFixed(1));

function run(): void {
  const dir = mkdtempSync(join(tmpdir(), 'ksim-bench-seek-'));
  try {
    const path = join(dir, 'long.ndjson');
    let started = performance.now();
    const events = writeLongRun(path);
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
        snapshotEvery: DEFAULT_SNAPSHOT_EVERY,
        indexBuildSeconds: seconds(indexSeconds * 1000),
        indexMb: Number((statSync(indexPathOf(path)).size / 2 ** 20).toFixed(1)),
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

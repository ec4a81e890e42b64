// Two bench cases on one run:
//   cluster-30k-pods: 1,000 nodes (4 cpu, 16Gi) and 30 ReplicaSets of 1,000 pods at 100m: wall
//     seconds until every pod is Running, events, events per second, peak RSS.
//   replay-30k-pods: that log read back from disk and folded, against the floor of a bare
//     JSON.parse of every line of the same file.
// Targets: under 20 s and 2 GB; replay at least 0.25 of the floor.

import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { KsimEvent } from '../../core/events.ts';
import { foldEvents } from '../../reducers/index.ts';
import { LogWriter, logHeader, readLogFile } from '../../replay/log-file.ts';
import type { Scenario } from '../../scenarios/codecs.ts';
import { simulate } from '../../scenarios/simulate.ts';
import { peakRssMb } from './measure.ts';

const NODES = Number(process.env.KSIM_BENCH_NODES ?? 1000);
const REPLICA_SETS = Number(process.env.KSIM_BENCH_REPLICASETS ?? 30);
const PODS_PER_SET = Number(process.env.KSIM_BENCH_PODS_PER_SET ?? 1000);

function benchScenario(): Scenario {
  const replicaSet = (index: number) => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: `app-${index}` },
    spec: {
      replicas: PODS_PER_SET,
      selector: { matchLabels: { app: `app-${index}` } },
      template: {
        metadata: { labels: { app: `app-${index}` } },
        spec: { containers: [{ name: 'app', image: 'app:1.0', resources: { requests: { cpu: '100m', memory: '128Mi' } } }] },
      },
    },
  });
  return {
    name: 'bench-30k-pods',
    nodes: [{ namePrefix: 'node-', count: NODES, capacity: { cpu: '4', memory: '16Gi' } }],
    images: { default: { pull: 1000, start: 1000, ready: 1000 } },
    steps: [{ atMs: 0, action: 'apply', value: Array.from({ length: REPLICA_SETS }, (_, index) => replicaSet(index + 1)) }],
  };
}

function runCluster(logPath: string): { events: number } {
  const scenario = benchScenario();
  const total = REPLICA_SETS * PODS_PER_SET;
  const writer = LogWriter.open(logPath, logHeader(1, scenario as unknown as Record<string, unknown>));
  const running = new Set<string>();
  let allRunningSeconds: number | undefined;
  let allRunningVirtualMs: number | undefined;
  const started = performance.now();
  const result = simulate(scenario, {
    seed: 1,
    keepEvents: false,
    onEvent: (event: KsimEvent) => {
      writer.append(event);
      if (event.type !== 'pod/statusUpdated' || allRunningSeconds !== undefined) return;
      if (event.status.phase === 'Running') running.add(`${event.namespace}/${event.name}`);
      if (running.size === total) {
        allRunningSeconds = (performance.now() - started) / 1000;
        allRunningVirtualMs = event.time;
      }
    },
  });
  writer.close();
  const wallSeconds = (performance.now() - started) / 1000;
  const events = result.state.rev;
  console.log(
    JSON.stringify({
      case: 'cluster-30k-pods',
      nodes: NODES,
      pods: total,
      running: running.size,
      secondsUntilAllRunning: allRunningSeconds === undefined ? null : Number(allRunningSeconds.toFixed(2)),
      virtualMsUntilAllRunning: allRunningVirtualMs ?? null,
      wallSeconds: Number(wallSeconds.toFixed(2)),
      events,
      eventsPerSecond: Math.round(events / wallSeconds),
      peakRssMb: peakRssMb(),
      logMb: Number((statSync(logPath).size / 2 ** 20).toFixed(1)),
      targets: { seconds: 20, rssMb: 2048 },
    }),
  );
  return { events };
}

function parseFloorSeconds(logPath: string): number {
  const started = performance.now();
  const text = readFileSync(logPath, 'utf8');
  let parsed = 0;
  for (const line of text.split('\n')) {
    if (line !== '') {
      JSON.parse(line);
      parsed++;
    }
  }
  if (parsed === 0) throw new Error('empty log');
  return (performance.now() - started) / 1000;
}

function runReplay(logPath: string, events: number): void {
  const floorSeconds = parseFloorSeconds(logPath);
  const started = performance.now();
  const read = readLogFile(logPath);
  if (isLeft(read)) throw new Error(read.left);
  const state = foldEvents(read.right.events);
  const replaySeconds = (performance.now() - started) / 1000;
  const floorRate = events / floorSeconds;
  const replayRate = events / replaySeconds;
  console.log(
    JSON.stringify({
      case: 'replay-30k-pods',
      events,
      pods: state.pods.size,
      replaySeconds: Number(replaySeconds.toFixed(2)),
      eventsPerSecond: Math.round(replayRate),
      jsonParseFloorEventsPerSecond: Math.round(floorRate),
      ratioToFloor: Number((replayRate / floorRate).toFixed(3)),
      peakRssMb: peakRssMb(),
      targets: { ratioToFloor: 0.25 },
    }),
  );
}

const dir = mkdtempSync(join(tmpdir(), 'ksim-bench-'));
try {
  const logPath = join(dir, 'bench.ndjson');
  const { events } = runCluster(logPath);
  runReplay(logPath, events);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

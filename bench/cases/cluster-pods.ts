// A cluster filled with ReplicaSets, and its log replayed, as two measurements of one run:
//   cluster: N nodes (4 cpu, 16Gi) and M ReplicaSets of K pods at 100m: wall seconds until every
//     pod is Running, events, events per second, peak RSS, and the log's size and bytes per event.
//   replay: that log read back from disk (in chunks, so a log past V8's longest string works)
//     and folded, against the floor of a bare JSON.parse of every line of the same file.
// The cases (cluster-30k-pods.ts, cluster-150k-pods.ts) choose the sizes and targets.

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { KsimEvent } from '../../core/events.ts';
import { type ClusterState, initialState, reduce } from '../../reducers/index.ts';
import { forEachFileLine } from '../../replay/file-lines.ts';
import { LogWriter, logHeader } from '../../replay/log-file.ts';
import { visitLogFile } from '../../replay/log-read.ts';
import type { Scenario } from '../../scenarios/codecs.ts';
import { simulate } from '../../scenarios/simulate.ts';
import { peakRssMb } from './measure.ts';

export interface ClusterCase {
  /** "30k-pods": the cases are named cluster-<label> and replay-<label>. */
  readonly label: string;
  readonly nodes: number;
  readonly replicaSets: number;
  readonly podsPerSet: number;
  readonly targets: { readonly seconds: number; readonly rssMb: number; readonly replayRatio: number };
}

function benchScenario({ label, nodes, replicaSets, podsPerSet }: ClusterCase): Scenario {
  const replicaSet = (index: number) => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: `app-${index}` },
    spec: {
      replicas: podsPerSet,
      selector: { matchLabels: { app: `app-${index}` } },
      template: {
        metadata: { labels: { app: `app-${index}` } },
        spec: { containers: [{ name: 'app', image: 'app:1.0', resources: { requests: { cpu: '100m', memory: '128Mi' } } }] },
      },
    },
  });
  return {
    name: `bench-${label}`,
    nodes: [{ namePrefix: 'node-', count: nodes, capacity: { cpu: '4', memory: '16Gi' } }],
    images: { default: { pull: 1000, start: 1000, ready: 1000 } },
    steps: [{ atMs: 0, action: 'apply', value: Array.from({ length: replicaSets }, (_, index) => replicaSet(index + 1)) }],
  };
}

function runCluster(benchCase: ClusterCase, logPath: string): { events: number } {
  const scenario = benchScenario(benchCase);
  const total = benchCase.replicaSets * benchCase.podsPerSet;
  const writer = LogWriter.open(logPath, logHeader(1, scenario as unknown as Record<string, unknown>));
  const running = new Set<string>();
  let allRunningSeconds: number | undefined;
  let allRunningVirtualMs: number | undefined;
  const started = performance.now();
  const result = simulate(scenario, {
    seed: 1,
    keepEvents: false,
    onEvent: (event: KsimEvent, state: ClusterState) => {
      writer.append(event);
      if (event.type !== 'pod/statusUpdated' || allRunningSeconds !== undefined) return;
      const key = `${event.namespace}/${event.name}`;
      if (state.pods.get(key)?.status.phase === 'Running') running.add(key);
      if (running.size === total) {
        allRunningSeconds = (performance.now() - started) / 1000;
        allRunningVirtualMs = event.time;
      }
    },
  });
  writer.close({ endTimeMs: result.endMs });
  const wallSeconds = (performance.now() - started) / 1000;
  const events = result.state.rev;
  console.log(
    JSON.stringify({
      case: `cluster-${benchCase.label}`,
      nodes: benchCase.nodes,
      pods: total,
      running: running.size,
      secondsUntilAllRunning: allRunningSeconds === undefined ? null : Number(allRunningSeconds.toFixed(2)),
      virtualMsUntilAllRunning: allRunningVirtualMs ?? null,
      wallSeconds: Number(wallSeconds.toFixed(2)),
      events,
      eventsPerSecond: Math.round(events / wallSeconds),
      peakRssMb: peakRssMb(),
      logMb: Number((statSync(logPath).size / 2 ** 20).toFixed(1)),
      logBytesPerEvent: Number((statSync(logPath).size / events).toFixed(1)),
      targets: { seconds: benchCase.targets.seconds, rssMb: benchCase.targets.rssMb },
    }),
  );
  return { events };
}

/** The floor: the same chunked read, and JSON.parse of every line, nothing else. */
function parseFloorSeconds(logPath: string): number {
  const started = performance.now();
  let parsed = 0;
  forEachFileLine(logPath, (line) => {
    JSON.parse(line);
    parsed++;
    return true;
  });
  if (parsed === 0) throw new Error('empty log');
  return (performance.now() - started) / 1000;
}

function runReplay(benchCase: ClusterCase, logPath: string, events: number): void {
  const floorSeconds = parseFloorSeconds(logPath);
  const started = performance.now();
  let state = initialState();
  const read = visitLogFile(logPath, (event) => {
    state = reduce(state, event);
  });
  if (isLeft(read)) throw new Error(read.left);
  const replaySeconds = (performance.now() - started) / 1000;
  const floorRate = events / floorSeconds;
  const replayRate = events / replaySeconds;
  console.log(
    JSON.stringify({
      case: `replay-${benchCase.label}`,
      events,
      pods: state.pods.size,
      replaySeconds: Number(replaySeconds.toFixed(2)),
      eventsPerSecond: Math.round(replayRate),
      jsonParseFloorEventsPerSecond: Math.round(floorRate),
      ratioToFloor: Number((replayRate / floorRate).toFixed(3)),
      peakRssMb: peakRssMb(),
      targets: { ratioToFloor: benchCase.targets.replayRatio },
    }),
  );
}

export function runClusterCase(benchCase: ClusterCase): void {
  const dir = mkdtempSync(join(tmpdir(), 'ksim-bench-'));
  try {
    const logPath = join(dir, 'bench.ndjson');
    const { events } = runCluster(benchCase, logPath);
    runReplay(benchCase, logPath, events);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

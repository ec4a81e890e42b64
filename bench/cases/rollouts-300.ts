// Bench case rollouts-300: 1,000 nodes (4 cpu, 16Gi) and 300 Deployments of 100 replicas at 100m
// (30,000 pods); once all are available, every Deployment gets a new image at the same instant.
// Reports the wall seconds from the image change until every rollout has completed (each
// Deployment's new ReplicaSet has all replicas updated and available, and no old pod is left),
// the virtual time that took, events, peak RSS, and the bytes per event of the log `--out` would
// write (counted as JSON lines, on a clock that leaves the counting out). Target: under 60 s and 3 GB.

import { performance } from 'node:perf_hooks';
import type { KsimEvent } from '../../core/events.ts';
import { formatEventLine } from '../../replay/log-file.ts';
import { lookupObject } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import type { Scenario, Step } from '../../scenarios/codecs.ts';
import { simulate } from '../../scenarios/simulate.ts';
import { peakRssMb, seconds } from './measure.ts';

const NODES = Number(process.env.KSIM_BENCH_NODES ?? 1000);
const DEPLOYMENTS = Number(process.env.KSIM_BENCH_DEPLOYMENTS ?? 300);
const REPLICAS = Number(process.env.KSIM_BENCH_REPLICAS ?? 100);
const ROLL_AT_MS = 60_000;

function deployment(index: number) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `app-${index}` },
    spec: {
      replicas: REPLICAS,
      selector: { matchLabels: { app: `app-${index}` } },
      template: {
        metadata: { labels: { app: `app-${index}` } },
        spec: { containers: [{ name: 'app', image: 'app:1.0', resources: { requests: { cpu: '100m', memory: '128Mi' } } }] },
      },
    },
  };
}

function benchScenario(): Scenario {
  const names = Array.from({ length: DEPLOYMENTS }, (_, index) => index + 1);
  const roll = names.map((index): Step => ({ atMs: ROLL_AT_MS, action: 'setImage', value: { kind: 'Deployment', name: `app-${index}`, container: 'app', image: 'app:2.0' } }));
  return {
    name: 'bench-rollouts-300',
    nodes: [{ namePrefix: 'node-', count: NODES, capacity: { cpu: '4', memory: '16Gi' } }],
    images: { default: { pull: 1000, start: 1000, ready: 1000 } },
    steps: [{ atMs: 0, action: 'apply', value: names.map(deployment) }, ...roll],
  };
}

/**
 * The Deployment a status report completes, as `kubectl rollout status` decides: the status has
 * observed the image change (generation 2), every replica is updated and available, and no old
 * pod is left.
 */
function completedBy(event: KsimEvent, state: ClusterState): string | undefined {
  if (event.type !== 'object/statusUpdated' || event.kind !== 'Deployment') return undefined;
  const status = lookupObject(state, 'Deployment', event.namespace, event.name)?.status as { observedGeneration?: number; replicas?: number; updatedReplicas?: number; availableReplicas?: number };
  const observed = (status.observedGeneration ?? 0) >= 2;
  const complete = observed && status.replicas === REPLICAS && status.updatedReplicas === REPLICAS && status.availableReplicas === REPLICAS;
  return complete ? event.name : undefined;
}

function run(): void {
  const completed = new Set<string>();
  let rolledAtWall: number | undefined;
  let doneAtWall: number | undefined;
  let doneAtVirtualMs: number | undefined;
  let logBytes = 0;
  let countingMs = 0;
  // The wall clock without the time spent counting log bytes, so the figures stay those of the run.
  const clock = () => performance.now() - countingMs;
  const started = clock();
  const result = simulate(benchScenario(), {
    seed: 1,
    keepEvents: false,
    onEvent: (event, state) => {
      const countStarted = performance.now();
      logBytes += Buffer.byteLength(formatEventLine(event)) + 1;
      countingMs += performance.now() - countStarted;
      if (event.time < ROLL_AT_MS || doneAtWall !== undefined) return;
      rolledAtWall ??= clock();
      const name = completedBy(event, state);
      if (name !== undefined) completed.add(name);
      if (completed.size === DEPLOYMENTS) {
        doneAtWall = clock();
        doneAtVirtualMs = event.time - ROLL_AT_MS;
      }
    },
  });
  const wallMs = clock() - started;
  console.log(
    JSON.stringify({
      case: 'rollouts-300',
      nodes: NODES,
      deployments: DEPLOYMENTS,
      replicas: REPLICAS,
      rolloutsCompleted: completed.size,
      secondsToRollAll: rolledAtWall === undefined || doneAtWall === undefined ? null : seconds(doneAtWall - rolledAtWall),
      secondsToCreateAll: rolledAtWall === undefined ? null : seconds(rolledAtWall - started),
      virtualMsToRollAll: doneAtVirtualMs ?? null,
      wallSeconds: seconds(wallMs),
      events: result.state.rev,
      logBytesPerEvent: Number((logBytes / result.state.rev).toFixed(1)),
      peakRssMb: peakRssMb(),
      targets: { seconds: 60, rssMb: 3072 },
    }),
  );
}

run();

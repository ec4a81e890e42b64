// fast-check arbitraries for workload scenarios: one Deployment rolled through several images with
// random surge and unavailability, a Job with random parallelism, completions and failures, on
// nodes with room for all of them. Property tests run them and check, at every
// revision, what the controllers promise, and at the end that each workload reached its spec.

import fc from 'fast-check';
import type { IntOrString } from '../core/workloads.ts';
import type { Scenario, Step } from './codecs.ts';

export interface RollingUpdateCase {
  readonly replicas: number;
  readonly maxSurge: IntOrString;
  readonly maxUnavailable: IntOrString;
  readonly minReadySeconds: number;
  /** When each new image is set, in ms; the first image is applied at 0. */
  readonly imageChangesMs: readonly number[];
  readonly readyMs: number;
}

export const ROLLING_SETTLE_MS = 300_000;

const intOrPercent = (values: readonly IntOrString[]) => fc.constantFrom(...values);

export const rollingUpdateCase: fc.Arbitrary<RollingUpdateCase> = fc
  .record({
    replicas: fc.integer({ min: 1, max: 8 }),
    maxSurge: intOrPercent([0, 1, 2, '25%', '50%']),
    maxUnavailable: intOrPercent([0, 1, 2, '25%', '50%']),
    minReadySeconds: fc.constantFrom(0, 5),
    imageChangesMs: fc.uniqueArray(fc.integer({ min: 6, max: 30 }).map((tens) => tens * 5000), { minLength: 1, maxLength: 4 }),
    readyMs: fc.constantFrom(0, 2000, 7000),
  })
  // Upstream refuses a strategy whose surge and unavailability are both zero.
  .filter((each) => !(isZero(each.maxSurge) && isZero(each.maxUnavailable)));

function isZero(value: IntOrString): boolean {
  return value === 0 || value === '0%';
}

function deploymentManifest(spec: RollingUpdateCase) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: spec.replicas,
      minReadySeconds: spec.minReadySeconds,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: spec.maxSurge, maxUnavailable: spec.maxUnavailable } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'web:1', resources: { requests: { cpu: '100m', memory: '64Mi' } } }] },
      },
    },
  };
}

const ROOMY_NODES: Scenario['nodes'] = [{ namePrefix: 'node-', count: 3, capacity: { cpu: '16', memory: '64Gi' } }];

export function rollingUpdateScenario(spec: RollingUpdateCase): Scenario {
  const changes = [...spec.imageChangesMs].sort((a, b) => a - b);
  const steps: Step[] = [
    { atMs: 0, action: 'apply', value: deploymentManifest(spec) },
    ...changes.map((atMs, index): Step => ({ atMs, action: 'setImage', value: { kind: 'Deployment', name: 'web', container: 'web', image: `web:${index + 2}` } })),
  ];
  return {
    name: 'random-rolling-update',
    until: (changes.at(-1) ?? 0) + ROLLING_SETTLE_MS,
    nodes: ROOMY_NODES,
    images: { default: { pull: 0, start: 1000, ready: spec.readyMs } },
    steps,
  };
}

export interface JobCase {
  readonly parallelism: number;
  readonly completions: number;
  readonly indexed: boolean;
  /** How long each pod runs, and whether it fails (exit 1) so the Job retries. */
  readonly runMs: number;
  readonly failing: boolean;
}

export const jobCase: fc.Arbitrary<JobCase> = fc.record({
  parallelism: fc.integer({ min: 1, max: 4 }),
  completions: fc.integer({ min: 1, max: 6 }),
  indexed: fc.boolean(),
  runMs: fc.constantFrom(1000, 5000, 20_000),
  failing: fc.boolean(),
});

export function jobScenario(spec: JobCase): Scenario {
  const manifest = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'batch' },
    spec: {
      parallelism: spec.parallelism,
      completions: spec.completions,
      completionMode: spec.indexed ? 'Indexed' : 'NonIndexed',
      backoffLimit: 2,
      template: { spec: { restartPolicy: 'Never', containers: [{ name: 'work', image: 'work:1', resources: { requests: { cpu: '100m', memory: '64Mi' } } }] } },
    },
  };
  return {
    name: 'random-job',
    until: 1_800_000,
    nodes: ROOMY_NODES,
    images: { default: { pull: 0, start: 1000, ready: 0, runFor: spec.runMs, exitCode: spec.failing ? 1 : 0 } },
    steps: [{ atMs: 0, action: 'apply', value: manifest }],
  };
}

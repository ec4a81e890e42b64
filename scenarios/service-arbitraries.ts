// fast-check arbitraries for Services over pods that come, go, crash and turn ready at different
// times: ReplicaSets whose pods carry a few labels (with or without a named container port) and
// Services selecting some of them, on numbered or named target ports, some publishing addresses
// that are not ready. What the endpoint controllers must make of any of these is a property test's.

import fc from 'fast-check';
import type { Scenario, Step } from './codecs.ts';

const APPS = ['alpha', 'beta'];
const TIERS = ['front', 'back'];

/** How a ReplicaSet's pods behave: ready soon, ready only after the run, or crashing now and then. */
const IMAGES = ['quick:1', 'slow:1', 'crashy:1'];

function replicaSet(name: string, app: string, tier: string, replicas: number, image: string, namedPort: boolean): Record<string, unknown> {
  const ports = namedPort ? [{ containerPort: 8080, name: 'http' }] : [{ containerPort: 8080 }];
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { rs: name } },
      template: { metadata: { labels: { rs: name, app, tier } }, spec: { containers: [{ name: 'app', image, ports, resources: { requests: { cpu: '10m', memory: '16Mi' } } }] } },
    },
  };
}

function service(name: string, selector: Record<string, string>, targetPort: number | string, publishNotReadyAddresses: boolean, headless: boolean): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: { selector, ports: [{ port: 80, targetPort }], ...(publishNotReadyAddresses ? { publishNotReadyAddresses } : {}), ...(headless ? { clusterIP: 'None' } : {}) },
  };
}

const at = fc.integer({ min: 0, max: 60 }).map((seconds) => seconds * 1000);

const replicaSetStep: fc.Arbitrary<Step> = fc
  .record({ atMs: at, index: fc.integer({ min: 0, max: 3 }), app: fc.constantFrom(...APPS), tier: fc.constantFrom(...TIERS), replicas: fc.integer({ min: 0, max: 6 }), image: fc.constantFrom(...IMAGES), named: fc.boolean() })
  .map(({ atMs, index, app, tier, replicas, image, named }) => ({ atMs, action: 'apply', value: replicaSet(`rs-${index}`, app, tier, replicas, image, named) }));

const selector: fc.Arbitrary<Record<string, string>> = fc.oneof(
  fc.constantFrom(...APPS).map((app) => ({ app })),
  fc.constantFrom(...TIERS).map((tier) => ({ tier })),
  fc.record({ app: fc.constantFrom(...APPS), tier: fc.constantFrom(...TIERS) }),
);

const serviceStep: fc.Arbitrary<Step> = fc
  .record({ atMs: at, index: fc.integer({ min: 0, max: 3 }), selector, named: fc.boolean(), publish: fc.boolean(), headless: fc.boolean() })
  .map(({ atMs, index, selector: chosen, named, publish, headless }) => ({ atMs, action: 'apply', value: service(`svc-${index}`, chosen, named ? 'http' : 8080, publish, headless) }));

const deleteStep: fc.Arbitrary<Step> = fc
  .record({ atMs: at, kind: fc.constantFrom('ReplicaSet', 'Service'), index: fc.integer({ min: 0, max: 3 }) })
  .map(({ atMs, kind, index }) => ({ atMs, action: 'delete', value: { kind, name: `${kind === 'Service' ? 'svc' : 'rs'}-${index}` } }));

/** A cluster of three nodes (two zones) with ReplicaSets and Services applied, changed and deleted in the first minute. */
export function serviceScenario(): fc.Arbitrary<Scenario> {
  return fc.array(fc.oneof({ weight: 3, arbitrary: replicaSetStep }, { weight: 3, arbitrary: serviceStep }, { weight: 1, arbitrary: deleteStep }), { minLength: 1, maxLength: 14 }).map((steps) => ({
    name: 'random-services',
    until: 150_000,
    nodes: [
      { name: 'node-a', capacity: { cpu: '4', memory: '8Gi' }, labels: { 'topology.kubernetes.io/zone': 'zone-a' } },
      { namePrefix: 'node-b', count: 2, capacity: { cpu: '4', memory: '8Gi' }, labels: { 'topology.kubernetes.io/zone': 'zone-b' } },
    ],
    images: {
      'quick:1': { pull: 1000, start: 1000, ready: 2000, stop: 3000 },
      'slow:1': { pull: 1000, start: 1000, ready: 3_600_000 },
      'crashy:1': { pull: 1000, start: 1000, ready: 1000, crashAfter: 17_000, exitCode: 1 },
    },
    steps: [...steps].sort((a, b) => a.atMs - b.atMs),
  }));
}

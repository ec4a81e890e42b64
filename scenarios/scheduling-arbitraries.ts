// fast-check arbitraries for scheduling-constraint scenarios: random nodes in random zones, and
// random sequences of pods that carry random required pod affinity, anti-affinity and
// DoNotSchedule topology spread constraints, mixed with pods placed by spec.nodeName, label
// changes of running pods, pod deletions, cordons and node deletions. Property tests check every
// binding the scheduler makes against the cluster as it stood.

import fc from 'fast-check';
import type { Scenario, Step } from './codecs.ts';

const ZONES = ['zone-a', 'zone-b', 'zone-c'];
const APPS = ['web', 'db', 'cache'];
const POD_NAMES = Array.from({ length: 10 }, (_, index) => `p${index + 1}`);
const TOPOLOGY_KEYS = ['kubernetes.io/hostname', 'topology.kubernetes.io/zone'];
export const SCHEDULING_LAST_STEP_MS = 60_000;
export const SCHEDULING_SETTLE_MS = 60_000;

const selectorOf = (app: string) => ({ matchLabels: { app } });

const term = fc.record({ app: fc.constantFrom(...APPS), topologyKey: fc.constantFrom(...TOPOLOGY_KEYS) }).map(({ app, topologyKey }) => ({ labelSelector: selectorOf(app), topologyKey }));

const spreadConstraint = fc
  .record({ app: fc.constantFrom(...APPS), topologyKey: fc.constantFrom(...TOPOLOGY_KEYS), maxSkew: fc.integer({ min: 1, max: 2 }), minDomains: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }) })
  .map(({ app, topologyKey, maxSkew, minDomains }) => ({
    maxSkew,
    topologyKey,
    whenUnsatisfiable: 'DoNotSchedule',
    labelSelector: selectorOf(app),
    ...(minDomains === undefined ? {} : { minDomains }),
  }));

interface PodCase {
  readonly name: string;
  readonly app: string;
  readonly cpuMilli: number;
  readonly affinity: readonly { labelSelector: unknown; topologyKey: string }[];
  readonly antiAffinity: readonly { labelSelector: unknown; topologyKey: string }[];
  readonly spread: readonly Record<string, unknown>[];
  /** Placed directly on this node, bypassing the scheduler (and requesting nothing, as nothing checks it fits). */
  readonly nodeName: string | undefined;
}

function podManifest(pod: PodCase): Record<string, unknown> {
  const affinity = {
    ...(pod.affinity.length > 0 ? { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: pod.affinity } } : {}),
    ...(pod.antiAffinity.length > 0 ? { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: pod.antiAffinity } } : {}),
  };
  const requests = pod.nodeName === undefined ? { cpu: `${pod.cpuMilli}m`, memory: '64Mi' } : {};
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: pod.name, labels: { app: pod.app } },
    spec: {
      containers: [{ name: 'app', image: 'app:1.0', resources: { requests } }],
      ...(Object.keys(affinity).length > 0 ? { affinity } : {}),
      ...(pod.spread.length > 0 ? { topologySpreadConstraints: pod.spread } : {}),
      ...(pod.nodeName === undefined ? {} : { nodeName: pod.nodeName }),
    },
  };
}

/** Spread constraints on distinct topology keys, as the API server refuses a repeated key and action. */
const spreadList = fc.uniqueArray(spreadConstraint, { maxLength: 2, selector: (constraint) => constraint.topologyKey });

function podCase(nodeNames: readonly string[]): fc.Arbitrary<PodCase> {
  return fc.record({
    name: fc.constantFrom(...POD_NAMES),
    app: fc.constantFrom(...APPS),
    cpuMilli: fc.integer({ min: 1, max: 9 }).map((tenths) => tenths * 100),
    affinity: fc.array(term, { maxLength: 1 }),
    antiAffinity: fc.array(term, { maxLength: 2 }),
    spread: spreadList,
    // One pod in six names its node.
    nodeName: fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...nodeNames) }),
  });
}

function stepArbitrary(nodeNames: readonly string[]): fc.Arbitrary<Step> {
  const atMs = fc.integer({ min: 0, max: SCHEDULING_LAST_STEP_MS / 1000 }).map((seconds) => seconds * 1000);
  const podName = fc.constantFrom(...POD_NAMES);
  const node = fc.constantFrom(...nodeNames);
  return fc.oneof(
    { weight: 8, arbitrary: fc.record({ atMs, pod: podCase(nodeNames) }).map(({ atMs, pod }): Step => ({ atMs, action: 'apply', value: podManifest(pod) })) },
    {
      weight: 2,
      arbitrary: fc.record({ atMs, name: podName, app: fc.constantFrom(...APPS) }).map(
        ({ atMs, name, app }): Step => ({ atMs, action: 'patch', value: { kind: 'Pod', name, patch: { metadata: { labels: { app } } } } }),
      ),
    },
    { weight: 1, arbitrary: fc.record({ atMs, name: podName }).map(({ atMs, name }): Step => ({ atMs, action: 'delete', value: { kind: 'Pod', name, gracePeriodSeconds: 0 } })) },
    { weight: 1, arbitrary: fc.record({ atMs, node }).map(({ atMs, node }): Step => ({ atMs, action: 'delete', value: { kind: 'Node', name: node } })) },
    { weight: 1, arbitrary: fc.record({ atMs, node, cordon: fc.boolean() }).map(({ atMs, node, cordon }): Step => ({ atMs, action: cordon ? 'cordon' : 'uncordon', value: node })) },
  );
}

/** A few nodes in up to three zones (some without a zone label) and 4 to 24 steps. */
export function schedulingConstraintsScenario(): fc.Arbitrary<Scenario> {
  return fc.integer({ min: 2, max: 5 }).chain((count) => {
    const names = Array.from({ length: count }, (_, index) => `node-${index + 1}`);
    // One node in eight has no zone label.
    const node = fc.record({ zone: fc.option(fc.constantFrom(...ZONES), { nil: undefined, freq: 8 }), cpu: fc.integer({ min: 1, max: 3 }) });
    return fc
      .record({ nodes: fc.array(node, { minLength: count, maxLength: count }), steps: fc.array(stepArbitrary(names), { minLength: 4, maxLength: 24, size: 'large' }) })
      .map(({ nodes, steps }): Scenario => ({
        name: 'random-constraints',
        until: SCHEDULING_LAST_STEP_MS + SCHEDULING_SETTLE_MS,
        nodes: names.map((name, index) => {
          const spec = nodes[index] ?? { zone: undefined, cpu: 1 };
          return { name, capacity: { cpu: String(spec.cpu), memory: '4Gi', pods: 20 }, ...(spec.zone === undefined ? {} : { labels: { 'topology.kubernetes.io/zone': spec.zone } }) };
        }),
        images: { default: { pull: 0, start: 1000, ready: 1000 } },
        steps,
      }));
  });
}

// fast-check arbitraries for random scenarios: small clusters and random sequences of apply,
// scale, delete and cordon, the pods with or without init containers, sidecars and probes.
// Property tests run them and check what must always hold.

import fc from 'fast-check';
import type { Scenario, Step } from './codecs.ts';

export interface RandomScenarioOptions {
  /** Nodes so large that every ReplicaSet fits, and every node uncordoned before the end. */
  readonly roomEnough?: boolean;
}

const REPLICA_SET_NAMES = ['alpha', 'beta', 'gamma'];

/** What else a ReplicaSet's pods run: an init container, a sidecar with a startup probe, probes on the app. */
export interface PodShape {
  readonly init: boolean;
  readonly sidecar: boolean;
  readonly probes: boolean;
}

const PLAIN: PodShape = { init: false, sidecar: false, probes: false };

function podSpecOf(cpuMilli: number, shape: PodShape): Record<string, unknown> {
  const probes = shape.probes
    ? {
        readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5 },
        livenessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: 5, periodSeconds: 10 },
      }
    : {};
  const inits = [
    ...(shape.init ? [{ name: 'setup', image: 'init:1.0' }] : []),
    ...(shape.sidecar ? [{ name: 'proxy', image: 'proxy:1.0', restartPolicy: 'Always', startupProbe: { tcpSocket: { port: 9901 }, periodSeconds: 2, failureThreshold: 10 } }] : []),
  ];
  return {
    ...(inits.length > 0 ? { initContainers: inits } : {}),
    containers: [{ name: 'app', image: 'app:1.0', resources: { requests: { cpu: `${cpuMilli}m`, memory: '128Mi' } }, ...probes }],
  };
}

const replicaSetManifest = (name: string, replicas: number, cpuMilli: number, shape: PodShape = PLAIN) => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: podSpecOf(cpuMilli, shape),
    },
  },
});

const podShape: fc.Arbitrary<PodShape> = fc.record({ init: fc.boolean(), sidecar: fc.boolean(), probes: fc.boolean() });

function stepArbitrary(nodeNames: readonly string[], lastStepMs: number): fc.Arbitrary<Step> {
  const atMs = fc.integer({ min: 0, max: lastStepMs / 1000 }).map((seconds) => seconds * 1000);
  const name = fc.constantFrom(...REPLICA_SET_NAMES);
  const node = fc.constantFrom(...nodeNames);
  return fc.oneof(
    fc.record({ atMs, name, replicas: fc.integer({ min: 0, max: 6 }), cpu: fc.integer({ min: 1, max: 10 }), shape: podShape }).map(
      ({ atMs, name, replicas, cpu, shape }): Step => ({ atMs, action: 'apply', value: replicaSetManifest(name, replicas, cpu * 100, shape) }),
    ),
    fc.record({ atMs, name, replicas: fc.integer({ min: 0, max: 8 }) }).map(
      ({ atMs, name, replicas }): Step => ({ atMs, action: 'scale', value: { kind: 'ReplicaSet', name, replicas } }),
    ),
    fc.record({ atMs, name }).map(({ atMs, name }): Step => ({ atMs, action: 'delete', value: { kind: 'Pod', selector: `app=${name}` } })),
    fc.record({ atMs, name }).map(({ atMs, name }): Step => ({ atMs, action: 'delete', value: { kind: 'ReplicaSet', name } })),
    fc.record({ atMs, node, cordon: fc.boolean() }).map(({ atMs, node, cordon }): Step => ({ atMs, action: cordon ? 'cordon' : 'uncordon', value: node })),
  );
}

export const LAST_STEP_MS = 120_000;
/** Time left after the last step for the cluster to settle. */
export const SETTLE_MS = 120_000;

export function randomScenario(options: RandomScenarioOptions = {}): fc.Arbitrary<Scenario> {
  const nodeCount = options.roomEnough ? fc.integer({ min: 2, max: 4 }) : fc.integer({ min: 1, max: 4 });
  return nodeCount.chain((count) => {
    const names = Array.from({ length: count }, (_, index) => `node-${index + 1}`);
    const capacity: fc.Arbitrary<{ cpu: string; memory: string; pods: number }> = options.roomEnough
      ? fc.constant({ cpu: '16', memory: '64Gi', pods: 110 })
      : fc.record({ cpu: fc.integer({ min: 1, max: 4 }).map(String), memory: fc.constantFrom('1Gi', '2Gi', '4Gi'), pods: fc.integer({ min: 2, max: 12 }) });
    const settleSteps: Step[] = options.roomEnough ? names.map((value) => ({ atMs: LAST_STEP_MS + 1000, action: 'uncordon', value })) : [];
    return fc.record({
      capacities: fc.array(capacity, { minLength: count, maxLength: count }),
      steps: fc.array(stepArbitrary(names, LAST_STEP_MS), { minLength: 1, maxLength: 12 }),
    }).map(({ capacities, steps }): Scenario => ({
      name: 'random',
      until: LAST_STEP_MS + SETTLE_MS,
      nodes: names.map((name, index) => ({ name, capacity: capacities[index] ?? { cpu: '1', memory: '1Gi' } })),
      images: {
        default: { pull: 0, start: 1000, ready: 1000 },
        'app:1.0': { pull: 2000, start: 1000, ready: 3000 },
        'init:1.0': { pull: 1000, runFor: 2000, exitCode: 0 },
        'proxy:1.0': { startupTakes: 3000, stop: 1000 },
      },
      steps: [...steps, ...settleSteps],
    }));
  });
}

// Small scenarios for the run-comparison tests: a ReplicaSet of web pods on a few nodes, with
// steps added per test, simulated in memory.

import type { Scenario, Step } from '../../scenarios/codecs.ts';
import { simulate } from '../../scenarios/simulate.ts';
import type { KsimEvent } from '../../core/events.ts';

export function replicaSetManifest(replicas: number) {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '64Mi' } } }] },
      },
    },
  };
}

export function webScenario(nodeCount: number, steps: readonly Step[] = []): Scenario {
  return {
    name: 'web',
    until: 120_000,
    nodes: [{ namePrefix: 'node-', count: nodeCount, capacity: { cpu: '4', memory: '8Gi' } }],
    images: { default: { pull: 0, start: 1000, ready: 1000 } },
    steps: [{ atMs: 0, action: 'apply', value: replicaSetManifest(3) }, ...steps],
  };
}

export function runEvents(scenario: Scenario, seed: number): readonly KsimEvent[] {
  return simulate(scenario, { seed }).events;
}

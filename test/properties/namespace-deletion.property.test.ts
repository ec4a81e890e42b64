// After a namespace's deletion settles, nothing of it remains: whatever was in it (Deployments,
// Jobs, bare pods on nodes, ConfigMaps, Secrets, a foreground-deleted ReplicaSet), however long
// its containers take to stop, the namespace controller empties it and the namespace goes, and the
// other namespaces keep what they had. The reducers' invariants hold at every revision.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Step } from '../../scenarios/codecs.ts';
import { allKinds } from '../../kinds/registry.ts';
import { checkInvariants } from '../../reducers/invariants.ts';
import { listObjects, lookupObject } from '../../reducers/lookup.ts';
import { simulate } from '../../scenarios/simulate.ts';

interface NamespaceCase {
  readonly deployments: readonly number[];
  readonly jobs: number;
  readonly pods: number;
  readonly configMaps: number;
  readonly stopMs: number;
  readonly deleteAtMs: number;
}

const namespaceCase: fc.Arbitrary<NamespaceCase> = fc.record({
  deployments: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }),
  jobs: fc.integer({ min: 0, max: 2 }),
  pods: fc.integer({ min: 0, max: 3 }),
  configMaps: fc.integer({ min: 0, max: 3 }),
  stopMs: fc.constantFrom(0, 3000, 20_000, 45_000),
  deleteAtMs: fc.constantFrom(0, 2000, 10_000),
});

const template = (app: string) => ({ metadata: { labels: { app } }, spec: { containers: [{ name: 'c', image: 'app:1' }] } });

function manifests(spec: NamespaceCase, namespace: string): Record<string, unknown>[] {
  return [
    ...spec.deployments.map((replicas, index) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: `web-${index}`, namespace },
      spec: { replicas, selector: { matchLabels: { app: `web-${index}` } }, template: template(`web-${index}`) },
    })),
    ...Array.from({ length: spec.jobs }, (_, index) => ({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: `job-${index}`, namespace },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'app:1' }] } } },
    })),
    ...Array.from({ length: spec.pods }, (_, index) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `pod-${index}`, namespace }, spec: template('bare').spec })),
    ...Array.from({ length: spec.configMaps }, (_, index) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${index}`, namespace }, data: { k: 'v' } })),
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'token', namespace }, stringData: { t: 'x' } },
  ];
}

function namespacedCount(state: Parameters<typeof listObjects>[0], namespace: string): number {
  return allKinds()
    .filter((definition) => definition.namespaced && definition.kind !== 'Event')
    .reduce((sum, definition) => sum + listObjects(state, definition.kind, namespace).length, 0);
}

describe('namespace deletion', () => {
  it('leaves nothing of the namespace once it settles, and the others as they were', () => {
    fc.assert(
      fc.property(namespaceCase, fc.integer({ min: 0, max: 2 ** 31 }), (spec, seed) => {
        const steps: Step[] = [
          { atMs: 0, action: 'apply', value: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } } },
          ...['shop', 'default'].flatMap((namespace) => manifests(spec, namespace).map((value): Step => ({ atMs: 0, action: 'apply', value }))),
          { atMs: spec.deleteAtMs, action: 'delete', value: { kind: 'Namespace', name: 'shop' } },
        ];
        const problems: string[] = [];
        const result = simulate(
          { name: 'random-namespace-deletion', until: 10 * 60_000, nodes: [{ name: 'node-1', capacity: { cpu: '64', memory: '256Gi', pods: 220 } }], images: { default: { start: 1000, stop: spec.stopMs, runFor: 30_000 } }, steps },
          { seed, keepEvents: false, onEvent: (event, state) => problems.push(...checkInvariants(state).map((problem) => `rev ${event.rev}: ${problem}`)) },
        );
        expect(problems).toEqual([]);
        expect(lookupObject(result.state, 'Namespace', undefined, 'shop')).toBeUndefined();
        expect(namespacedCount(result.state, 'shop')).toBe(0);
        // The same objects in `default` are untouched: Deployments, Jobs, ConfigMaps and the Secret stay.
        expect(listObjects(result.state, 'ConfigMap', 'default')).toHaveLength(spec.configMaps);
        expect(listObjects(result.state, 'Deployment', 'default')).toHaveLength(spec.deployments.length);
        expect(lookupObject(result.state, 'Secret', 'default', 'token')).toBeDefined();
      }),
      { numRuns: 20 },
    );
  });
});

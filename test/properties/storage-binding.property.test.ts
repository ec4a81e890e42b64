// Volume binding under random storage: classes (immediate or waiting for a first consumer, a
// provisioner or none, default or not), static volumes of random sizes, modes and classes, claims,
// pods that use them, and claims deleted along the way. After every event of the run: no volume is
// bound to two claims, every Bound claim's volume points back to it, and a pod is only bound to a
// node once all its claims are Bound.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KsimEvent } from '../../core/events.ts';
import type { Pod } from '../../core/objects.ts';
import type { Claim, PersistentVolume } from '../../core/storage.ts';
import { listObjects, lookupObject } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import type { Scenario } from '../../scenarios/codecs.ts';
import { simulate } from '../../scenarios/simulate.ts';

const RUNS = Number(process.env.KSIM_STORAGE_RUNS ?? 40);
const MODES = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany'] as const;
const SIZES = ['1Gi', '2Gi', '5Gi', '10Gi'] as const;

// Most volumes offer ReadWriteOnce and most claims ask for it, and classes come from a short list,
// so that claims and volumes often match.
const modes = fc.oneof({ arbitrary: fc.constant(['ReadWriteOnce']), weight: 3 }, { arbitrary: fc.subarray([...MODES], { minLength: 1 }), weight: 1 });
const className = fc.constantFrom('fast', 'local', 'manual', undefined);

const storageClass = fc.record({
  name: fc.constantFrom('fast', 'local'),
  waits: fc.boolean(),
  provisions: fc.boolean(),
  isDefault: fc.boolean(),
});
const volume = fc.record({ size: fc.constantFrom(...SIZES), modes, className, zone: fc.constantFrom('a', 'b', undefined), reclaim: fc.constantFrom('Retain', 'Delete') });
const claim = fc.record({ size: fc.constantFrom(...SIZES), modes, className, deleteAtS: fc.option(fc.integer({ min: 5, max: 50 }), { nil: undefined }) });
const pod = fc.record({ claims: fc.subarray([0, 1, 2, 3, 4, 5], { minLength: 1, maxLength: 2 }), atS: fc.integer({ min: 0, max: 20 }) });

type Drawn<A> = A extends fc.Arbitrary<infer T> ? T : never;

type DrawnCluster = {
  classes: Drawn<typeof storageClass>[];
  volumes: Drawn<typeof volume>[];
  claims: Drawn<typeof claim>[];
  pods: Drawn<typeof pod>[];
};

function scenarioOf({ classes, volumes, claims, pods }: DrawnCluster): Scenario {
  const classManifests = classes.map((c) => ({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: c.name, ...(c.isDefault ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } : {}) },
    provisioner: c.provisions ? 'example.com/disk' : 'kubernetes.io/no-provisioner',
    volumeBindingMode: c.waits ? 'WaitForFirstConsumer' : 'Immediate',
  }));
  const unique = classManifests.filter((c, i) => classManifests.findIndex((other) => other.metadata.name === c.metadata.name) === i);
  const volumeManifests = volumes.map((v, i) => ({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: `pv-${i}` },
    spec: {
      capacity: { storage: v.size },
      accessModes: v.modes,
      hostPath: { path: `/mnt/${i}` },
      persistentVolumeReclaimPolicy: v.reclaim,
      ...(v.className === undefined ? {} : { storageClassName: v.className }),
      ...(v.zone === undefined ? {} : { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: [v.zone] }] }] } } }),
    },
  }));
  const claimManifests = claims.map((c, i) => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: `claim-${i}` },
    spec: { accessModes: c.modes, resources: { requests: { storage: c.size } }, ...(c.className === undefined ? {} : { storageClassName: c.className }) },
  }));
  const podSteps = pods.map((p, i) => ({
    atMs: p.atS * 1000,
    action: 'apply' as const,
    value: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `pod-${i}` },
      spec: {
        containers: [{ name: 'app', image: 'nginx' }],
        volumes: p.claims.map((index) => ({ name: `v${index}`, persistentVolumeClaim: { claimName: `claim-${index}` } })),
      },
    },
  }));
  const deletions = claims.flatMap((c, i) => (c.deleteAtS === undefined ? [] : [{ atMs: c.deleteAtS * 1000, action: 'delete' as const, value: { kind: 'PersistentVolumeClaim', name: `claim-${i}` } }]));
  return {
    name: 'storage-binding',
    until: 60_000,
    storage: { provisioningTime: 3_000 },
    nodes: [
      { name: 'node-a', capacity: { cpu: '4', memory: '8Gi' }, labels: { 'topology.kubernetes.io/zone': 'a' } },
      { name: 'node-b', capacity: { cpu: '4', memory: '8Gi' }, labels: { 'topology.kubernetes.io/zone': 'b' } },
    ],
    steps: [{ atMs: 0, action: 'apply', value: [...unique, ...volumeManifests, ...claimManifests] }, ...podSteps, ...deletions],
  } as Scenario;
}

/** What must hold after every event; the first broken rule, or undefined. */
function brokenRule(state: ClusterState): string | undefined {
  const claims = listObjects<Claim>(state, 'PersistentVolumeClaim');
  const owners = new Map<string, string>();
  for (const claim of claims) {
    if (claim.status.phase !== 'Bound') continue;
    const volumeName = claim.spec.volumeName ?? '';
    const other = owners.get(volumeName);
    if (other !== undefined) return `${volumeName} is bound to ${other} and ${claim.metadata.name}`;
    owners.set(volumeName, claim.metadata.name);
    const volume = lookupObject<PersistentVolume>(state, 'PersistentVolume', undefined, volumeName);
    if (volume?.spec.claimRef?.uid !== claim.metadata.uid) return `${claim.metadata.name} is Bound to ${volumeName}, which does not point back`;
  }
  for (const pod of listObjects<Pod>(state, 'Pod')) {
    if (!pod.spec.nodeName) continue;
    for (const volume of (pod.spec.volumes ?? []) as { persistentVolumeClaim?: { claimName: string } }[]) {
      const name = volume.persistentVolumeClaim?.claimName;
      if (name === undefined) continue;
      const claim = lookupObject<Claim>(state, 'PersistentVolumeClaim', 'default', name);
      // A claim deleted after the pod was bound does not unbind it.
      if (claim !== undefined && claim.status.phase !== 'Bound') return `${pod.metadata.name} is on ${pod.spec.nodeName} with ${name} ${claim.status.phase ?? ''}`;
    }
  }
  return undefined;
}

describe('volume binding', () => {
  it('never binds a volume to two claims, and binds pods only to bound claims', () => {
    const drawn = fc.record({
      classes: fc.array(storageClass, { maxLength: 2 }),
      volumes: fc.array(volume, { maxLength: 6 }),
      claims: fc.array(claim, { minLength: 1, maxLength: 6 }),
      pods: fc.array(pod, { maxLength: 3 }),
    });
    // The property is only worth something if claims do get bound and pods placed.
    let runsWithBinding = 0;
    let placedPodsWithClaims = 0;
    fc.assert(
      fc.property(drawn, fc.integer({ min: 0, max: 99 }), (input, seed) => {
        let broken: string | undefined;
        let bound = false;
        const onEvent = (event: KsimEvent, state: ClusterState) => {
          broken ??= brokenRule(state);
          bound ||= event.type === 'object/statusUpdated' && event.kind === 'PersistentVolumeClaim' && lookupObject<Claim>(state, 'PersistentVolumeClaim', event.namespace, event.name)?.status.phase === 'Bound';
        };
        const result = simulate(scenarioOf(input), { seed, keepEvents: false, onEvent });
        expect(broken).toBeUndefined();
        expect(result.endMs).toBe(60_000);
        if (bound) runsWithBinding++;
        placedPodsWithClaims += listObjects<Pod>(result.state, 'Pod').filter((p) => p.spec.nodeName).length;
      }),
      { numRuns: RUNS, seed: 8 },
    );
    expect(runsWithBinding).toBeGreaterThan(RUNS / 3);
    expect(placedPodsWithClaims).toBeGreaterThan(0);
  });
});

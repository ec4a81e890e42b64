// The VolumeBinding plugin: PreFilter's refusals, Filter's reasons per node, and the PreBind writes
// for the chosen node (volumebinding_test.go's cases: a claim not found, unbound immediate claims,
// a bound volume's node affinity, WaitForFirstConsumer with a matching volume or a provisioner).

import { describe, expect, it } from 'vitest';
import { schedulePod } from '../../../controllers/scheduler/schedule-pod.ts';
import {
  ERR_REASON_BIND_CONFLICT,
  ERR_REASON_NODE_CONFLICT,
  planVolumes,
  podClaimNames,
  preBindPatches,
  volumeBindingFilter,
  volumeBindingPreFilter,
  type VolumeBindingState,
} from '../../../controllers/scheduler/plugins/volume-binding.ts';
import type { EventBody } from '../../../core/events.ts';
import type { KubeObject, Pod } from '../../../core/objects.ts';
import type { Claim } from '../../../core/storage.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { claim as makeClaim, storageClass, volume } from '../persistentvolume/builders.ts';
import { apply, infoOf, makeNode, makePod, snapshotOf, stateOf, testRng, viewOf } from './builders.ts';

const nodes = [makeNode('node-a', { labels: { zone: 'a' } }), makeNode('node-b', { labels: { zone: 'b' } })];

function inDefault(claim: Claim): Claim {
  return { ...claim, metadata: { ...claim.metadata, namespace: 'default' } };
}

function clusterWith(objects: readonly KubeObject[]): ClusterState {
  return apply(stateOf(nodes), ...objects.map((object): EventBody => ({ type: 'object/created', object })));
}

function podUsing(...claimNames: string[]): Pod {
  return makePod('app', { spec: { volumes: claimNames.map((claimName, i) => ({ name: `v${i}`, persistentVolumeClaim: { claimName } })) } });
}

const boundClaim = (name: string, volumeName: string) =>
  inDefault(makeClaim('1G', { name, volumeName, phase: 'Bound', annotations: { 'pv.kubernetes.io/bind-completed': 'yes' } }));

function cycle(pod: Pod, state: ClusterState) {
  return schedulePod({ pod: infoOf(pod, state), nodes: snapshotOf(state), cluster: state, startIndex: 0, percentageOfNodesToScore: 0, rng: testRng() });
}

function prefiltered(pod: Pod, state: ClusterState): VolumeBindingState {
  const result = volumeBindingPreFilter(pod, podClaimNames(pod), state);
  if ('rejected' in result) throw new Error(result.rejected);
  return result;
}

describe('VolumeBinding: which claims a pod uses', () => {
  it('reads persistentVolumeClaim volumes and the claims of generic ephemeral volumes', () => {
    const pod = makePod('web', { spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-0' } }, { name: 'scratch', ephemeral: {} }, { name: 'tmp', emptyDir: {} }] } });
    expect(podClaimNames(pod)).toEqual(['data-0', 'web-scratch']);
  });

  it('gives a pod without volumes the shared empty list', () => {
    expect(podClaimNames(makePod('a'))).toBe(podClaimNames(makePod('b')));
  });
});

describe('VolumeBinding: PreFilter', () => {
  it('refuses a pod whose claim does not exist, on every node', () => {
    const result = cycle(podUsing('missing'), clusterWith([]));
    expect(result).toMatchObject({ kind: 'unschedulable', message: '0/2 nodes are available: persistentvolumeclaim "missing" not found.' });
  });

  it('refuses a pod with an unbound claim that binds immediately', () => {
    const state = clusterWith([inDefault(makeClaim('1G', { name: 'data' }))]);
    expect(cycle(podUsing('data'), state)).toMatchObject({ kind: 'unschedulable', message: '0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims.' });
  });

  it('lets a pod whose claims are all bound through to the filters', () => {
    const state = clusterWith([volume('pv-1', '1G', { phase: 'Bound' }), boundClaim('data', 'pv-1')]);
    expect(cycle(podUsing('data'), state)).toMatchObject({ kind: 'bound' });
  });
});

describe('VolumeBinding: Filter', () => {
  it('refuses the nodes outside a bound volume\'s node affinity', () => {
    const state = clusterWith([volume('pv-1', '1G', { phase: 'Bound', nodeLabel: ['zone', 'b'] }), boundClaim('data', 'pv-1')]);
    const volumes = prefiltered(podUsing('data'), state);
    expect(volumeBindingFilter(volumes, viewOf(nodes[0]!))).toBe(ERR_REASON_NODE_CONFLICT);
    expect(volumeBindingFilter(volumes, viewOf(nodes[1]!))).toBeUndefined();
    expect(cycle(podUsing('data'), state)).toMatchObject({ kind: 'bound', nodeName: 'node-b' });
  });

  it('for a WaitForFirstConsumer claim of a class that cannot provision, keeps the nodes a matching volume reaches', () => {
    const state = clusterWith([
      storageClass('local', 'kubernetes.io/no-provisioner', 'WaitForFirstConsumer'),
      volume('local-a', '10G', { className: 'local', phase: 'Available', nodeLabel: ['zone', 'a'] }),
      inDefault(makeClaim('5G', { name: 'data', className: 'local' })),
    ]);
    const volumes = prefiltered(podUsing('data'), state);
    expect(volumeBindingFilter(volumes, viewOf(nodes[0]!))).toBeUndefined();
    expect(volumeBindingFilter(volumes, viewOf(nodes[1]!))).toBe(ERR_REASON_BIND_CONFLICT);
  });

  it('for a WaitForFirstConsumer claim whose class provisions, keeps every node', () => {
    const state = clusterWith([storageClass('fast', 'example.com/disk', 'WaitForFirstConsumer'), inDefault(makeClaim('5G', { name: 'data', className: 'fast' }))]);
    const volumes = prefiltered(podUsing('data'), state);
    expect(nodes.map((node) => volumeBindingFilter(volumes, viewOf(node)))).toEqual([undefined, undefined]);
  });

  it('keeps only the node already selected for a claim', () => {
    const state = clusterWith([
      storageClass('fast', 'example.com/disk', 'WaitForFirstConsumer'),
      inDefault(makeClaim('5G', { name: 'data', className: 'fast', annotations: { 'volume.kubernetes.io/selected-node': 'node-b' } })),
    ]);
    const volumes = prefiltered(podUsing('data'), state);
    expect(nodes.map((node) => volumeBindingFilter(volumes, viewOf(node)))).toEqual([ERR_REASON_BIND_CONFLICT, undefined]);
  });

  it('does not give two claims of one pod the same volume', () => {
    const state = clusterWith([
      storageClass('local', 'kubernetes.io/no-provisioner', 'WaitForFirstConsumer'),
      volume('local-a', '10G', { className: 'local', phase: 'Available', nodeLabel: ['zone', 'a'] }),
      inDefault(makeClaim('5G', { name: 'one', className: 'local' })),
      inDefault(makeClaim('5G', { name: 'two', className: 'local' })),
    ]);
    expect(volumeBindingFilter(prefiltered(podUsing('one', 'two'), state), viewOf(nodes[0]!))).toBe(ERR_REASON_BIND_CONFLICT);
  });
});

describe('VolumeBinding: PreBind', () => {
  it('reserves the chosen static volume and asks for provisioning on the node for the rest', () => {
    const state = clusterWith([
      storageClass('local', 'kubernetes.io/no-provisioner', 'WaitForFirstConsumer'),
      storageClass('fast', 'example.com/disk', 'WaitForFirstConsumer'),
      volume('local-a', '10G', { className: 'local', phase: 'Available', nodeLabel: ['zone', 'a'] }),
      inDefault(makeClaim('5G', { name: 'static', className: 'local' })),
      inDefault(makeClaim('5G', { name: 'dynamic', className: 'fast' })),
    ]);
    const plan = planVolumes(prefiltered(podUsing('static', 'dynamic'), state), viewOf(nodes[0]!));
    expect(plan).toBeDefined();
    expect(preBindPatches(plan!, 'node-a')).toEqual([
      {
        kind: 'PersistentVolume',
        name: 'local-a',
        patch: {
          metadata: { annotations: { 'pv.kubernetes.io/bound-by-controller': 'yes' } },
          spec: { claimRef: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'static', uid: 'uid-static', apiVersion: 'v1' } },
        },
      },
      { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'dynamic', patch: { metadata: { annotations: { 'volume.kubernetes.io/selected-node': 'node-a' } } } },
    ]);
  });

  it('writes nothing again once the claim names the node', () => {
    const selected = inDefault(makeClaim('5G', { name: 'data', className: 'fast', annotations: { 'volume.kubernetes.io/selected-node': 'node-a' } }));
    const state = clusterWith([storageClass('fast', 'example.com/disk', 'WaitForFirstConsumer'), selected]);
    expect(preBindPatches(planVolumes(prefiltered(podUsing('data'), state), viewOf(nodes[0]!))!, 'node-a')).toEqual([]);
  });
});


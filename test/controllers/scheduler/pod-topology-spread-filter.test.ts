// PodTopologySpread's PreFilter and Filter, with the cases of upstream's filtering_test.go
// (TestSingleConstraint, TestMultipleConstraints) and their figures, then minDomains, the node
// inclusion policies and the AddPod/RemovePod step preemption will use.

import { describe, expect, it } from 'vitest';
import type { NodeView } from '../../../controllers/scheduler/node-views.ts';
import {
  ERR_REASON_CONSTRAINTS_NOT_MATCH,
  ERR_REASON_NODE_LABEL_NOT_MATCH,
  spreadFilter,
  spreadPreFilter,
  spreadWithPod,
} from '../../../controllers/scheduler/plugins/pod-topology-spread/filtering.ts';
import type { LabelSelector, Labels } from '../../../core/labels.ts';
import type { Node, Pod, TopologySpreadConstraint } from '../../../core/objects.ts';
import { infoOf, makeNode, makePod, snapshotOf, stateOf } from './builders.ts';
import { readUsages } from '../../../controllers/scheduler/node-usage-cache.ts';

const FITS = 'fits';
const SKEW = ERR_REASON_CONSTRAINTS_NOT_MATCH;
const NO_LABEL = ERR_REASON_NODE_LABEL_NOT_MATCH;

const exists = (key: string): LabelSelector => ({ matchExpressions: [{ key, operator: 'Exists' }] });

function constraint(maxSkew: number, topologyKey: string, labelSelector: LabelSelector, extra: Partial<TopologySpreadConstraint> = {}): TopologySpreadConstraint {
  return { maxSkew, topologyKey, whenUnsatisfiable: 'DoNotSchedule', labelSelector, ...extra };
}

function incoming(labels: Labels, constraints: TopologySpreadConstraint[], spec: Partial<Pod['spec']> = {}): Pod {
  return makePod('p', { labels, spec: { topologySpreadConstraints: constraints, ...spec } });
}

/** p-<node>N pods bound to each node, labelled foo unless given. */
function existing(name: string, nodeName: string, labels: Labels = { foo: '' }, namespace = 'default'): Pod {
  return makePod(name, { nodeName, labels, namespace });
}

const zoned = (name: string, zone: string) => makeNode(name, { labels: { zone, node: name } });
const FOUR_NODES = [zoned('node-a', 'zone1'), zoned('node-b', 'zone1'), zoned('node-x', 'zone2'), zoned('node-y', 'zone2')];

function filterEach(pod: Pod, nodes: readonly Node[], pods: readonly Pod[] = []): Record<string, string> {
  const state = stateOf(nodes, pods);
  const snapshot = snapshotOf(state);
  const { list } = snapshot;
  const prefiltered = spreadPreFilter(infoOf(pod, state), list, readUsages(snapshot, state.indexes.nodeUsage), state);
  return Object.fromEntries(list.map((node: NodeView) => [node.name, spreadFilter(prefiltered, pod.metadata.labels ?? {}, node) ?? FITS]));
}

/** Pods spread 2/1/0/3 over node-a, node-b, node-x, node-y. */
const SPREAD_2_1_0_3 = [
  existing('p-a1', 'node-a'),
  existing('p-a2', 'node-a'),
  existing('p-b1', 'node-b'),
  existing('p-y1', 'node-y'),
  existing('p-y2', 'node-y'),
  existing('p-y3', 'node-y'),
];

describe('PodTopologySpread filter: one constraint (TestSingleConstraint)', () => {
  it('lets every node through when no pod exists', () => {
    const pod = incoming({ foo: '' }, [constraint(1, 'zone', exists('foo'))]);
    expect(filterEach(pod, FOUR_NODES)).toEqual({ 'node-a': FITS, 'node-b': FITS, 'node-x': FITS, 'node-y': FITS });
  });

  it('lets every node through when the pod does not match its own selector and no pod exists', () => {
    const pod = incoming({ foo: '' }, [constraint(1, 'zone', exists('bar'))]);
    expect(filterEach(pod, FOUR_NODES)).toEqual({ 'node-a': FITS, 'node-b': FITS, 'node-x': FITS, 'node-y': FITS });
  });

  it('does not count pods of other namespaces', () => {
    const pod = incoming({ foo: '' }, [constraint(1, 'zone', exists('foo'))]);
    const pods = [existing('p-a1', 'node-a', { foo: '' }, 'ns1'), existing('p-b1', 'node-a', { foo: '' }, 'ns2'), existing('p-x1', 'node-x'), existing('p-y1', 'node-y')];
    expect(filterEach(pod, FOUR_NODES, pods)).toEqual({ 'node-a': FITS, 'node-b': FITS, 'node-x': SKEW, 'node-y': SKEW });
  });

  it('lets every node through when the zones hold 3 and 3', () => {
    const pod = incoming({ foo: '' }, [constraint(1, 'zone', exists('foo'))]);
    const pods = [existing('p-a1', 'node-a'), existing('p-a2', 'node-a'), existing('p-b1', 'node-b'), existing('p-y1', 'node-y'), existing('p-y2', 'node-y'), existing('p-y3', 'node-y')];
    expect(filterEach(pod, FOUR_NODES, pods)).toEqual({ 'node-a': FITS, 'node-b': FITS, 'node-x': FITS, 'node-y': FITS });
  });

  it('spreads 1/2 when node-b lacks the zone label, and refuses node-b as missing the label', () => {
    const nodes = [zoned('node-a', 'zone1'), makeNode('node-b', { labels: { zon: 'zone1', node: 'node-b' } }), zoned('node-x', 'zone2'), zoned('node-y', 'zone2')];
    const pod = incoming({ foo: '' }, [constraint(1, 'zone', exists('foo'))]);
    const pods = [existing('p-a1', 'node-a'), existing('p-b1', 'node-b'), existing('p-x1', 'node-x'), existing('p-y1', 'node-y')];
    expect(filterEach(pod, nodes, pods)).toEqual({ 'node-a': FITS, 'node-b': NO_LABEL, 'node-x': SKEW, 'node-y': SKEW });
  });

  it('refuses every node when none has the topology key', () => {
    const pod = incoming({ foo: '' }, [constraint(1, 'rack', exists('foo'))]);
    expect(filterEach(pod, [zoned('node-a', 'zone1'), zoned('node-x', 'zone2')])).toEqual({ 'node-a': NO_LABEL, 'node-x': NO_LABEL });
  });

  it('spread 2/1/0/3 by node with maxSkew 1: only node-x fits', () => {
    const pod = incoming({ foo: '' }, [constraint(1, 'node', exists('foo'))]);
    expect(filterEach(pod, FOUR_NODES, SPREAD_2_1_0_3)).toEqual({ 'node-a': SKEW, 'node-b': SKEW, 'node-x': FITS, 'node-y': SKEW });
  });

  it('spread 2/1/0/3 by node with maxSkew 2: node-b and node-x fit', () => {
    const pod = incoming({ foo: '' }, [constraint(2, 'node', exists('foo'))]);
    expect(filterEach(pod, FOUR_NODES, SPREAD_2_1_0_3)).toEqual({ 'node-a': SKEW, 'node-b': FITS, 'node-x': FITS, 'node-y': SKEW });
  });

  it('spread 2/1/0/3 with a pod that does not match itself: node-b and node-x fit', () => {
    const pod = incoming({ bar: '' }, [constraint(1, 'node', exists('foo'))]);
    expect(filterEach(pod, FOUR_NODES, SPREAD_2_1_0_3)).toEqual({ 'node-a': SKEW, 'node-b': FITS, 'node-x': FITS, 'node-y': SKEW });
  });

  it('counts only the nodes the pod affinity allows: 2/~1~/~0~/3, so node-a fits', () => {
    const nodeAffinity = { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'node', operator: 'In' as const, values: ['node-a', 'node-y'] }] }] } };
    const pod = incoming({ foo: '' }, [constraint(1, 'node', exists('foo'))], { affinity: { nodeAffinity } });
    // As upstream's unit test, only this plugin runs: NodeAffinity would turn node-b and node-x away.
    expect(filterEach(pod, FOUR_NODES, SPREAD_2_1_0_3)).toEqual({ 'node-a': FITS, 'node-b': FITS, 'node-x': FITS, 'node-y': SKEW });
  });

  it('leaves terminating pods out', () => {
    const nodes = [makeNode('node-a', { labels: { node: 'node-a' } }), makeNode('node-b', { labels: { node: 'node-b' } })];
    const pod = incoming({ foo: '' }, [constraint(1, 'node', exists('foo'))]);
    const terminating = makePod('p-a', { nodeName: 'node-a', labels: { foo: '' }, metadata: { deletionTimestamp: '2025-01-01T00:01:00Z' } });
    expect(filterEach(pod, nodes, [terminating, existing('p-b', 'node-b')])).toEqual({ 'node-a': FITS, 'node-b': SKEW });
  });
});

describe('PodTopologySpread filter: several constraints (TestMultipleConstraints)', () => {
  it('zone and node constraints over 3/3 and 2/1/0/3: only node-x fits both', () => {
    const pod = incoming({ foo: '' }, [constraint(1, 'zone', exists('foo')), constraint(1, 'node', exists('foo'))]);
    expect(filterEach(pod, FOUR_NODES, SPREAD_2_1_0_3)).toEqual({ 'node-a': SKEW, 'node-b': SKEW, 'node-x': FITS, 'node-y': SKEW });
  });

  it('zone and node constraints over 3/4 and 2/1/0/4: no node fits', () => {
    const pod = incoming({ foo: '' }, [constraint(1, 'zone', exists('foo')), constraint(1, 'node', exists('foo'))]);
    const pods = [...SPREAD_2_1_0_3, existing('p-y4', 'node-y')];
    // zone1 holds 3 and zone2 4, so zone1 fits the zone constraint; by node only node-x (0) fits.
    expect(filterEach(pod, FOUR_NODES, pods)).toEqual({ 'node-a': SKEW, 'node-b': SKEW, 'node-x': SKEW, 'node-y': SKEW });
  });

  it('a node missing the second key is refused as missing a label', () => {
    const nodes = [zoned('node-a', 'zone1'), makeNode('node-b', { labels: { zone: 'zone1' } }), zoned('node-x', 'zone2'), zoned('node-y', 'zone2')];
    const pod = incoming({ foo: '' }, [constraint(1, 'zone', exists('foo')), constraint(1, 'node', exists('foo'))]);
    expect(filterEach(pod, nodes)['node-b']).toBe(NO_LABEL);
  });
});

describe('PodTopologySpread filter: minDomains', () => {
  const twoZones = [zoned('node-a', 'zone1'), zoned('node-b', 'zone2')];
  const one = [existing('p-a1', 'node-a'), existing('p-b1', 'node-b')];

  it('with as many domains as minDomains, the smallest domain counts: 1/1 and maxSkew 1 fit everywhere', () => {
    const pod = incoming({ foo: '' }, [constraint(1, 'zone', exists('foo'), { minDomains: 2 })]);
    expect(filterEach(pod, twoZones, one)).toEqual({ 'node-a': FITS, 'node-b': FITS });
  });

  it('with fewer domains than minDomains the global minimum is 0: 1/1 with maxSkew 1 fits nowhere', () => {
    const pod = incoming({ foo: '' }, [constraint(1, 'zone', exists('foo'), { minDomains: 3 })]);
    expect(filterEach(pod, twoZones, one)).toEqual({ 'node-a': SKEW, 'node-b': SKEW });
  });

  it('with fewer domains than minDomains and maxSkew 2, a domain with one pod still fits', () => {
    const pod = incoming({ foo: '' }, [constraint(2, 'zone', exists('foo'), { minDomains: 3 })]);
    expect(filterEach(pod, twoZones, [...one, existing('p-a2', 'node-a')])).toEqual({ 'node-a': SKEW, 'node-b': FITS });
  });
});

describe('PodTopologySpread filter: node inclusion policies', () => {
  const tainted = { key: 'dedicated', value: 'infra', effect: 'NoSchedule' as const };
  const nodes = [
    makeNode('node-a', { labels: { zone: 'zone1' } }),
    makeNode('node-b', { labels: { zone: 'zone2' } }),
    makeNode('node-c', { labels: { zone: 'zone3' }, taints: [tainted] }),
  ];
  const pods = [existing('p-a1', 'node-a'), existing('p-b1', 'node-b')];

  it('ignores tainted nodes by default: the empty tainted zone is the minimum', () => {
    const pod = incoming({ foo: '' }, [constraint(1, 'zone', exists('foo'))]);
    expect(filterEach(pod, nodes, pods)).toEqual({ 'node-a': SKEW, 'node-b': SKEW, 'node-c': FITS });
  });

  it('with nodeTaintsPolicy Honor the untolerated zone does not count', () => {
    const pod = incoming({ foo: '' }, [constraint(1, 'zone', exists('foo'), { nodeTaintsPolicy: 'Honor' })]);
    expect(filterEach(pod, nodes, pods)).toEqual({ 'node-a': FITS, 'node-b': FITS, 'node-c': FITS });
  });

  it('with nodeAffinityPolicy Ignore, zones outside the pod nodeSelector count', () => {
    const labelled = [makeNode('node-a', { labels: { zone: 'zone1', disk: 'ssd' } }), makeNode('node-b', { labels: { zone: 'zone2' } })];
    const both = [existing('p-a1', 'node-a')];
    const honor = incoming({ foo: '' }, [constraint(1, 'zone', exists('foo'))], { nodeSelector: { disk: 'ssd' } });
    const ignore = incoming({ foo: '' }, [constraint(1, 'zone', exists('foo'), { nodeAffinityPolicy: 'Ignore' })], { nodeSelector: { disk: 'ssd' } });
    // Honor: only zone1 is a domain, so its own count is the minimum and node-a fits.
    expect(filterEach(honor, labelled, both)['node-a']).toBe(FITS);
    // Ignore: the empty zone2 is the minimum, so node-a (one pod already) would skew by 2.
    expect(filterEach(ignore, labelled, both)['node-a']).toBe(SKEW);
  });
});

describe('PodTopologySpread filter: matchLabelKeys', () => {
  it('counts only the pods with the same value of each key', () => {
    const nodes = [zoned('node-a', 'zone1'), zoned('node-b', 'zone2')];
    const pods = [existing('p-a1', 'node-a', { app: 'web', version: 'v1' }), existing('p-a2', 'node-a', { app: 'web', version: 'v1' })];
    const pod = incoming({ app: 'web', version: 'v2' }, [constraint(1, 'zone', { matchLabels: { app: 'web' } }, { matchLabelKeys: ['version'] })]);
    expect(filterEach(pod, nodes, pods)).toEqual({ 'node-a': FITS, 'node-b': FITS });
    const sameVersion = incoming({ app: 'web', version: 'v1' }, [constraint(1, 'zone', { matchLabels: { app: 'web' } }, { matchLabelKeys: ['version'] })]);
    expect(filterEach(sameVersion, nodes, pods)).toEqual({ 'node-a': SKEW, 'node-b': FITS });
  });
});

describe('PodTopologySpread pre-filter state: AddPod and RemovePod', () => {
  it('removing a pod from a node moves its domain count and the minimum, without touching the original', () => {
    const pod = incoming({ foo: '' }, [constraint(1, 'node', exists('foo'))]);
    const state = stateOf(FOUR_NODES, SPREAD_2_1_0_3);
    const snapshot = snapshotOf(state);
    const info = infoOf(pod, state);
    const before = spreadPreFilter(info, snapshot.list, readUsages(snapshot, state.indexes.nodeUsage), state);
    const nodeY = snapshot.byName.get('node-y') as NodeView;
    const nodeX = snapshot.byName.get('node-x') as NodeView;
    const victim = state.pods.get('default/p-y1') as Pod;
    const after = spreadWithPod(spreadWithPod(spreadWithPod(before, info, victim, nodeY, -1), info, victim, nodeY, -1), info, victim, nodeY, -1);
    expect(before?.domainCounts[0]?.get('node-y')).toBe(3);
    expect(after?.domainCounts[0]?.get('node-y')).toBe(0);
    // node-y now holds 0, as node-x does: both fit.
    expect(spreadFilter(after, { foo: '' }, nodeY)).toBeUndefined();
    expect(spreadFilter(after, { foo: '' }, nodeX)).toBeUndefined();
    // Adding a pod to node-x makes node-y the only minimum.
    const added = spreadWithPod(after, info, victim, nodeX, 1);
    expect(spreadFilter(added, { foo: '' }, nodeX)).toBe(SKEW);
    expect(spreadFilter(before, { foo: '' }, nodeY)).toBe(SKEW);
  });

  it('ignores pods of other namespaces and pods the selector does not match', () => {
    const pod = incoming({ foo: '' }, [constraint(1, 'node', exists('foo'))]);
    const state = stateOf(FOUR_NODES, SPREAD_2_1_0_3);
    const snapshot = snapshotOf(state);
    const info = infoOf(pod, state);
    const before = spreadPreFilter(info, snapshot.list, readUsages(snapshot, state.indexes.nodeUsage), state);
    const nodeX = snapshot.byName.get('node-x') as NodeView;
    expect(spreadWithPod(before, info, makePod('other', { namespace: 'ns1', labels: { foo: '' } }), nodeX, 1)).toBe(before);
    expect(spreadWithPod(before, info, makePod('other', { labels: { bar: '' } }), nodeX, 1)?.domainCounts[0]?.get('node-x')).toBe(0);
  });
});

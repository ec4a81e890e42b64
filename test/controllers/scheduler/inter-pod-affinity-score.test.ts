// InterPodAffinity's PreScore, Score and NormalizeScore with the cases and figures of upstream's
// scoring_test.go (TestPreferredAffinity), symmetry and namespace selectors included.

import { describe, expect, it } from 'vitest';
import type { NodeView } from '../../../controllers/scheduler/node-views.ts';
import {
  interPodPreScore,
  interPodScore,
  normalizeInterPodScores,
} from '../../../controllers/scheduler/plugins/inter-pod-affinity/scoring.ts';
import type { EventBody } from '../../../core/events.ts';
import type { Labels, SelectorRequirement } from '../../../core/labels.ts';
import type { Affinity, KubeObject, Node, Pod, PodAffinityTerm } from '../../../core/objects.ts';
import { apply, infoOf, makeNode, makePod, snapshotOf, stateOf } from './builders.ts';

const CHINA = { region: 'China' };
const INDIA = { region: 'India' };
const AZ1 = { az: 'az1' };
const AZ2 = { az: 'az2' };
const CHINA_AZ1 = { region: 'China', az: 'az1' };
const S1 = { security: 'S1' };
const S2 = { security: 'S2' };

const securityIn = (...values: string[]): SelectorRequirement => ({ key: 'security', operator: 'In', values });
const term = (topologyKey: string, ...matchExpressions: SelectorRequirement[]): PodAffinityTerm => ({ labelSelector: { matchExpressions }, topologyKey });
const weighted = (weight: number, podAffinityTerm: PodAffinityTerm) => ({ weight, podAffinityTerm });

const stayWithS1InRegion: Affinity = { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(5, term('region', securityIn('S1')))] } };
const stayWithS2InRegion: Affinity = { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(6, term('region', securityIn('S2')))] } };
const affinity3: Affinity = {
  podAffinity: {
    preferredDuringSchedulingIgnoredDuringExecution: [
      weighted(8, term('region', { key: 'security', operator: 'NotIn', values: ['S1'] }, securityIn('S2'))),
      weighted(2, term('region', { key: 'security', operator: 'Exists' }, { key: 'wrongkey', operator: 'DoesNotExist' })),
    ],
  },
};
const hardAffinity: Affinity = {
  podAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: [
      term('region', securityIn('S1', 'value2')),
      term('region', { key: 'security', operator: 'Exists' }, { key: 'wrongkey', operator: 'DoesNotExist' }),
    ],
  },
};
const awayFromS1InAz: Affinity = { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(5, term('az', securityIn('S1')))] } };
const awayFromS2InAz: Affinity = { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(5, term('az', securityIn('S2')))] } };
const stayWithS1InRegionAwayFromS2InAz: Affinity = {
  podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(8, term('region', securityIn('S1')))] },
  podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(5, term('az', securityIn('S2')))] },
};
const team1Selector = { matchExpressions: [{ key: 'team', operator: 'In' as const, values: ['team1'] }] };
const affinityNamespaceSelector: Affinity = {
  podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(5, { ...term('region', securityIn('S1')), namespaces: ['subteam2.team2'], namespaceSelector: team1Selector })] },
};
const antiAffinityNamespaceSelector: Affinity = {
  podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(5, { ...term('region', securityIn('S1')), namespaces: ['subteam2.team2'], namespaceSelector: team1Selector })] },
};

const namespace = (name: string, labels: Labels): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels, uid: `uid-${name}`, creationTimestamp: '2025-01-01T00:00:00Z' }, status: { phase: 'Active' } });
const NAMESPACES = [namespace('subteam1.team1', { team: 'team1' }), namespace('subteam2.team1', { team: 'team1' }), namespace('subteam1.team2', { team: 'team2' }), namespace('subteam2.team2', { team: 'team2' })];

let counter = 0;
function pod(labels: Labels, options: { affinity?: Affinity; nodeName?: string; namespace?: string } = {}): Pod {
  counter++;
  return makePod(`pod-${counter}`, {
    labels,
    ...(options.nodeName === undefined ? {} : { nodeName: options.nodeName }),
    ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
    ...(options.affinity === undefined ? {} : { spec: { affinity: options.affinity } }),
  });
}

const node = (name: string, labels: Labels) => makeNode(name, { labels });

/** Normalised scores of every node, or undefined when PreScore skips. */
function scores(incoming: Pod, nodes: readonly Node[], pods: readonly Pod[]): Record<string, number> | undefined {
  const state = apply(stateOf(nodes, pods), ...NAMESPACES.map((object): EventBody => ({ type: 'object/created', object })));
  const snapshot = snapshotOf(state);
  const feasible = nodes.map((each) => snapshot.byName.get(each.metadata.name) as NodeView);
  const prescored = interPodPreScore(infoOf(incoming, state), feasible, snapshot, state);
  if (prescored === undefined) return undefined;
  const normalized = normalizeInterPodScores(feasible.map((view) => interPodScore(prescored, view)));
  return Object.fromEntries(feasible.map((view, index) => [view.name, normalized[index] as number]));
}

describe('InterPodAffinity score: the pod preferences (TestPreferredAffinity)', () => {
  const three = [node('node1', CHINA), node('node2', INDIA), node('node3', AZ1)];

  it('skips when nothing has pod affinity', () => {
    expect(scores(pod(S1), three, [])).toBeUndefined();
  });

  it('prefers the node matching the topology key and the pods', () => {
    const pods = [pod(S1, { nodeName: 'node1' }), pod(S2, { nodeName: 'node2' }), pod(S1, { nodeName: 'node3' })];
    expect(scores(pod(S1, { affinity: stayWithS1InRegion }), three, pods)).toEqual({ node1: 100, node2: 0, node3: 0 });
  });

  it('scores alike every node of the region holding a matching pod', () => {
    const nodes = [node('node1', CHINA), node('node2', CHINA_AZ1), node('node3', INDIA)];
    expect(scores(pod({}, { affinity: stayWithS1InRegion }), nodes, [pod(S1, { nodeName: 'node1' })])).toEqual({ node1: 100, node2: 100, node3: 0 });
  });

  it('prefers the region with more matching pods', () => {
    const nodes = [node('node1', CHINA), node('node2', INDIA), node('node3', CHINA), node('node4', CHINA), node('node5', INDIA)];
    const pods = ['node1', 'node1', 'node2', 'node3', 'node4', 'node5'].map((nodeName) => pod(S2, { nodeName }));
    expect(scores(pod(S1, { affinity: stayWithS2InRegion }), nodes, pods)).toEqual({ node1: 100, node2: 0, node3: 100, node4: 100, node5: 0 });
  });

  it('weighs different operators, some terms failing: 20, 100, 0', () => {
    const pods = [pod(S1, { nodeName: 'node1' }), pod(S2, { nodeName: 'node2' }), pod(S1, { nodeName: 'node3' })];
    expect(scores(pod(S1, { affinity: affinity3 }), three, pods)).toEqual({ node1: 20, node2: 100, node3: 0 });
  });

  it('prefers away from the node holding a pod it wants distance from', () => {
    const pods = [pod(S1, { nodeName: 'node1' }), pod(S2, { nodeName: 'node2' })];
    expect(scores(pod(S1, { affinity: awayFromS1InAz }), [node('node1', AZ1), node('node2', CHINA)], pods)).toEqual({ node1: 0, node2: 100 });
  });

  it('prefers the node without the topology key even when it holds matching pods', () => {
    const pods = [pod(S1, { nodeName: 'node1' }), pod(S1, { nodeName: 'node2' })];
    expect(scores(pod(S1, { affinity: awayFromS1InAz }), [node('node1', AZ1), node('node2', CHINA)], pods)).toEqual({ node1: 0, node2: 100 });
  });

  it('prefers the node with fewer matching pods for anti-affinity', () => {
    const pods = [pod(S1, { nodeName: 'node1' }), pod(S1, { nodeName: 'node1' }), pod(S2, { nodeName: 'node2' })];
    expect(scores(pod(S1, { affinity: awayFromS1InAz }), [node('node1', AZ1), node('node2', INDIA)], pods)).toEqual({ node1: 0, node2: 100 });
  });

  it('combines affinity and anti-affinity preferences', () => {
    const pods = [pod(S1, { nodeName: 'node1' }), pod(S1, { nodeName: 'node2' })];
    expect(scores(pod(S1, { affinity: stayWithS1InRegionAwayFromS2InAz }), [node('node1', CHINA), node('node2', AZ1)], pods)).toEqual({ node1: 100, node2: 0 });
  });

  it('keeps a group in one region while spreading it over nodes', () => {
    const nodes = [node('node1', CHINA_AZ1), node('node2', INDIA), node('node3', CHINA), node('node4', CHINA), node('node5', INDIA)];
    const pods = ['node1', 'node1', 'node2', 'node3', 'node3', 'node4', 'node5'].map((nodeName) => pod(S1, { nodeName }));
    expect(scores(pod(S1, { affinity: stayWithS1InRegionAwayFromS2InAz }), nodes, pods)).toEqual({ node1: 100, node2: 0, node3: 100, node4: 100, node5: 0 });
  });
});

describe('InterPodAffinity score: symmetry with the existing pods', () => {
  const three = [node('node1', CHINA), node('node2', INDIA), node('node3', AZ1)];

  it("counts the existing pods' preferred affinity the pod matches", () => {
    const pods = [pod(S1, { nodeName: 'node1', affinity: stayWithS1InRegion }), pod(S2, { nodeName: 'node2', affinity: stayWithS2InRegion })];
    expect(scores(pod(S2), three, pods)).toEqual({ node1: 0, node2: 100, node3: 0 });
  });

  it("matches an existing pod's namespace selector against the pod's namespace", () => {
    const pods = [pod(S1, { nodeName: 'node1', affinity: affinityNamespaceSelector }), pod(S2, { nodeName: 'node2', affinity: stayWithS2InRegion })];
    expect(scores(pod(S1, { namespace: 'subteam1.team1' }), three, pods)).toEqual({ node1: 100, node2: 0, node3: 0 });
  });

  it("subtracts an existing pod's preferred anti-affinity through a namespace selector", () => {
    const pods = [pod(S1, { nodeName: 'node1', affinity: antiAffinityNamespaceSelector }), pod(S2, { nodeName: 'node2', affinity: stayWithS2InRegion })];
    expect(scores(pod(S1, { namespace: 'subteam1.team1' }), three, pods)).toEqual({ node1: 0, node2: 100, node3: 100 });
  });

  it("counts the existing pods' required affinity at the hard weight", () => {
    const pods = [pod(S1, { nodeName: 'node1', affinity: hardAffinity }), pod(S2, { nodeName: 'node2', affinity: hardAffinity })];
    expect(scores(pod(S1), three, pods)).toEqual({ node1: 100, node2: 100, node3: 0 });
  });

  it("subtracts the existing pods' preferred anti-affinity the pod matches", () => {
    const pods = [pod(S1, { nodeName: 'node1', affinity: awayFromS2InAz }), pod(S2, { nodeName: 'node2', affinity: awayFromS1InAz })];
    expect(scores(pod(S2), [node('node1', AZ1), node('node2', AZ2)], pods)).toEqual({ node1: 0, node2: 100 });
  });

  it('adds up the pod preferences and both symmetries: 100, 0, 100, 0', () => {
    const nodes = [node('node1', CHINA), node('node2', AZ1), node('node3', INDIA), node('node4', AZ2)];
    const pods = [pod(S1, { nodeName: 'node1' }), pod(S2, { nodeName: 'node2' }), pod({}, { nodeName: 'node3', affinity: stayWithS1InRegionAwayFromS2InAz }), pod({}, { nodeName: 'node4', affinity: awayFromS1InAz })];
    expect(scores(pod(S1, { affinity: stayWithS1InRegionAwayFromS2InAz }), nodes, pods)).toEqual({ node1: 100, node2: 0, node3: 100, node4: 0 });
  });

  it('gives every node 0 when all pairs score alike', () => {
    const pods = [pod(S1, { nodeName: 'node1' }), pod({}, { nodeName: 'node2', affinity: stayWithS1InRegionAwayFromS2InAz })];
    expect(scores(pod(S1), [node('node1', CHINA), node('node2', CHINA)], pods)).toEqual({ node1: 0, node2: 0 });
  });
});

describe('InterPodAffinity score: the pod namespace selector', () => {
  const nodes = [node('node1', CHINA), node('node2', INDIA)];

  it('counts pods of the namespaces its selector picks', () => {
    const pods = [
      pod(S1, { nodeName: 'node1', namespace: 'subteam1.team1' }),
      pod(S1, { nodeName: 'node1', namespace: 'subteam1.team1' }),
      pod(S1, { nodeName: 'node1', namespace: 'subteam1.team2' }),
      pod(S1, { nodeName: 'node2', namespace: 'subteam2.team1' }),
    ];
    expect(scores(pod(S1, { namespace: 'subteam1.team1', affinity: affinityNamespaceSelector }), nodes, pods)).toEqual({ node1: 100, node2: 0 });
  });
});

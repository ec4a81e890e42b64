// PodTopologySpread's PreScore, Score and NormalizeScore with the cases and figures of upstream's
// scoring_test.go (TestPodTopologySpreadScore), then the system default constraints' selector
// (helper.DefaultSelector) from Services, ReplicaSets, StatefulSets and ReplicationControllers.

import { describe, expect, it } from 'vitest';
import type { NodeView } from '../../../controllers/scheduler/node-views.ts';
import { defaultSelector } from '../../../controllers/scheduler/plugins/pod-topology-spread/default-selector.ts';
import {
  normalizeSpreadScores,
  spreadPreScore,
  spreadScore,
} from '../../../controllers/scheduler/plugins/pod-topology-spread/scoring.ts';
import type { EventBody } from '../../../core/events.ts';
import { type LabelSelector, type Labels, matchesSelector } from '../../../core/labels.ts';
import type { KubeObject, Node, Pod, TopologySpreadConstraint } from '../../../core/objects.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { apply, infoOf, makeNode, makePod, snapshotOf, stateOf, usageOn } from './builders.ts';

const HOSTNAME = 'kubernetes.io/hostname';
const FOO = { matchExpressions: [{ key: 'foo', operator: 'Exists' as const }] };
const BAR = { matchExpressions: [{ key: 'bar', operator: 'Exists' as const }] };

function soft(maxSkew: number, topologyKey: string, labelSelector: LabelSelector | null, extra: Partial<TopologySpreadConstraint> = {}): TopologySpreadConstraint {
  return { maxSkew, topologyKey, whenUnsatisfiable: 'ScheduleAnyway', labelSelector, ...extra };
}

function incoming(labels: Labels, constraints: TopologySpreadConstraint[], spec: Partial<Pod['spec']> = {}): Pod {
  return makePod('p', { labels, spec: { topologySpreadConstraints: constraints, ...spec } });
}

function placed(name: string, nodeName: string, labels: Labels = { foo: '' }, namespace = 'default'): Pod {
  return makePod(name, { nodeName, labels, namespace });
}

/** `count` pods named p-<node suffix><i> on the node. */
function on(nodeName: string, count: number, labels: Labels = { foo: '' }): Pod[] {
  const suffix = nodeName.slice(nodeName.lastIndexOf('-') + 1);
  return Array.from({ length: count }, (_, index) => placed(`p-${suffix}${index + 1}`, nodeName, labels));
}

const host = (name: string, labels: Labels = {}) => makeNode(name, { labels: { [HOSTNAME]: name, ...labels } });

function withObjects(state: ClusterState, objects: readonly KubeObject[]): ClusterState {
  return apply(state, ...objects.map((object): EventBody => ({ type: 'object/created', object })));
}

/** Normalised scores of the candidate nodes; `failed` nodes exist but did not pass the filters. */
function scores(pod: Pod, nodes: readonly Node[], pods: readonly Pod[], failed: readonly Node[] = [], objects: readonly KubeObject[] = []): Record<string, number> {
  const state = withObjects(stateOf([...nodes, ...failed], pods), objects);
  const snapshot = snapshotOf(state);
  const feasible = nodes.map((node) => snapshot.byName.get(node.metadata.name) as NodeView);
  const prescored = spreadPreScore(infoOf(pod, state), feasible, snapshot, state);
  if (prescored === undefined) return {};
  const raw = feasible.map((node) => spreadScore(prescored, node, usageOn(state, node.name)));
  const normalized = normalizeSpreadScores(prescored, feasible, raw);
  return Object.fromEntries(feasible.map((node, index) => [node.name, normalized[index] as number]));
}

describe('PodTopologySpread score: one constraint on hostname', () => {
  const fourHosts = ['node-a', 'node-b', 'node-c', 'node-d'].map((name) => host(name));
  const spread2103 = [...on('node-a', 2), ...on('node-b', 1), ...on('node-d', 3)];

  it('scores 100 everywhere with no existing pods', () => {
    expect(scores(incoming({ foo: '' }, [soft(1, HOSTNAME, FOO)]), [host('node-a'), host('node-b')], [])).toEqual({ 'node-a': 100, 'node-b': 100 });
  });

  it('scores the only candidate 100', () => {
    const pods = [...on('node-a', 2), ...on('node-b', 1)];
    expect(scores(incoming({ foo: '' }, [soft(1, HOSTNAME, FOO)]), [host('node-a')], pods, [host('node-b')])).toEqual({ 'node-a': 100 });
  });

  it('scores 100 everywhere when every node holds as many matching pods', () => {
    expect(scores(incoming({ foo: '' }, [soft(1, HOSTNAME, FOO)]), [host('node-a'), host('node-b')], [...on('node-a', 1), ...on('node-b', 1)])).toEqual({ 'node-a': 100, 'node-b': 100 });
  });

  it('spread 2/1/0/3 scores 20, 60, 100, 0', () => {
    expect(scores(incoming({ foo: '' }, [soft(1, HOSTNAME, FOO)]), fourHosts, spread2103)).toEqual({ 'node-a': 20, 'node-b': 60, 'node-c': 100, 'node-d': 0 });
  });

  it('a null selector matches nothing: 100 everywhere', () => {
    expect(scores(incoming({ foo: '' }, [soft(1, HOSTNAME, null)]), fourHosts, spread2103)).toEqual({ 'node-a': 100, 'node-b': 100, 'node-c': 100, 'node-d': 100 });
  });

  it('maxSkew 2 waters the differences down: 33, 66, 100, 16', () => {
    expect(scores(incoming({ foo: '' }, [soft(2, HOSTNAME, FOO)]), fourHosts, spread2103)).toEqual({ 'node-a': 33, 'node-b': 66, 'node-c': 100, 'node-d': 16 });
  });

  it('maxSkew 3 over 4/3/2/1: 44, 66, 77, 100', () => {
    const pods = [...on('node-a', 4), ...on('node-b', 3), ...on('node-c', 2), ...on('node-d', 1)];
    expect(scores(incoming({ foo: '' }, [soft(3, HOSTNAME, FOO)]), fourHosts, pods)).toEqual({ 'node-a': 44, 'node-b': 66, 'node-c': 77, 'node-d': 100 });
  });

  it('3 of 4 nodes are candidates, 4/2/1/~3~: 33, 83, 100', () => {
    const pods = [...on('node-a', 4), ...on('node-b', 2), ...on('node-x', 1), ...on('node-y', 3)];
    expect(scores(incoming({ foo: '' }, [soft(1, HOSTNAME, FOO)]), [host('node-a'), host('node-b'), host('node-x')], pods, [host('node-y')])).toEqual({ 'node-a': 33, 'node-b': 83, 'node-x': 100 });
  });

  it('a candidate without the topology key is ignored and scores 0: 16, 0, 100', () => {
    const pods = [...on('node-a', 4), ...on('node-b', 2), ...on('node-x', 1), ...on('node-y', 3)];
    const nodes = [host('node-a'), makeNode('node-b', { labels: { n: 'node-b' } }), host('node-x')];
    expect(scores(incoming({ foo: '' }, [soft(1, HOSTNAME, FOO)]), nodes, pods, [host('node-y')])).toEqual({ 'node-a': 16, 'node-b': 0, 'node-x': 100 });
  });

  it('pods of other namespaces do not count: 100, 33', () => {
    const pods = [placed('p-a1', 'node-a', { foo: '' }, 'ns1'), ...on('node-a', 1), ...on('node-b', 2)];
    expect(scores(incoming({ foo: '' }, [soft(1, HOSTNAME, FOO)]), [host('node-a'), host('node-b')], pods)).toEqual({ 'node-a': 100, 'node-b': 33 });
  });

  it('terminating pods do not count: 100, 0', () => {
    const terminating = makePod('p-a', { nodeName: 'node-a', labels: { foo: '' }, metadata: { deletionTimestamp: '2025-01-01T00:01:00Z' } });
    expect(scores(incoming({ foo: '' }, [soft(1, HOSTNAME, FOO)]), [host('node-a'), host('node-b')], [terminating, placed('p-b', 'node-b')])).toEqual({ 'node-a': 100, 'node-b': 0 });
  });
});

describe('PodTopologySpread score: zones and several constraints', () => {
  const zoned = (name: string, zone: string) => host(name, { zone });

  it('one constraint on zone, 3 of 4 nodes candidates, 4/2/1/~3~: 75, 75, 100', () => {
    const pods = [...on('node-a', 4), ...on('node-b', 2), ...on('node-x', 1), ...on('node-y', 3)];
    const nodes = [zoned('node-a', 'zone1'), zoned('node-b', 'zone1'), zoned('node-x', 'zone2')];
    expect(scores(incoming({ foo: '' }, [soft(1, 'zone', FOO)]), nodes, pods, [zoned('node-y', 'zone2')])).toEqual({ 'node-a': 75, 'node-b': 75, 'node-x': 100 });
  });

  it('zone and hostname constraints, 2 of 4 candidates, 2/~1~/2/~4~: 100, 63', () => {
    const pods = [...on('node-a', 2), ...on('node-b', 1), ...on('node-x', 2), ...on('node-y', 4)];
    const nodes = [zoned('node-a', 'zone1'), zoned('node-x', 'zone2')];
    const pod = incoming({ foo: '' }, [soft(1, 'zone', FOO), soft(1, HOSTNAME, FOO)]);
    expect(scores(pod, nodes, pods, [zoned('node-b', 'zone1'), zoned('node-y', 'zone2')])).toEqual({ 'node-a': 100, 'node-x': 63 });
  });

  const fourZoned = [zoned('node-a', 'zone1'), zoned('node-b', 'zone1'), zoned('node-x', 'zone2'), zoned('node-y', 'zone2')];
  const mixed = [placed('p-a1', 'node-a', { foo: '' }), placed('p-b1', 'node-b', { foo: '', bar: '' }), placed('p-y1', 'node-y', { foo: '' }), placed('p-y2', 'node-y', { bar: '' })];
  const twoSelectors = incoming({ foo: '', bar: '' }, [soft(1, 'zone', FOO), soft(1, HOSTNAME, BAR)]);

  it('zone and hostname constraints with different selectors: 60, 20, 100, 60', () => {
    expect(scores(twoSelectors, fourZoned, mixed)).toEqual({ 'node-a': 60, 'node-b': 20, 'node-x': 100, 'node-y': 60 });
  });

  it('different selectors where some nodes have no pods: 100, 60, 40, 0', () => {
    const pods = [placed('p-b1', 'node-b', { bar: '' }), placed('p-x1', 'node-x', { foo: '' }), placed('p-y1', 'node-y', { foo: '', bar: '' })];
    expect(scores(twoSelectors, fourZoned, pods)).toEqual({ 'node-a': 100, 'node-b': 60, 'node-x': 40, 'node-y': 0 });
  });

  it('different selectors, 3 of 4 candidates: 50, 25, 100', () => {
    expect(scores(twoSelectors, fourZoned.slice(0, 3), mixed, [zoned('node-y', 'zone2')])).toEqual({ 'node-a': 50, 'node-b': 25, 'node-x': 100 });
  });

  it('minDomains has no effect on scoring: 75, 75, 100', () => {
    const nodes = ['node-a', 'node-b', 'node-c'].map((name) => makeNode(name, { labels: { node: name } }));
    const pods = [...on('node-a', 2), ...on('node-b', 2), ...on('node-c', 1)];
    expect(scores(incoming({ foo: '' }, [soft(2, 'node', FOO, { minDomains: 10 })]), nodes, pods)).toEqual({ 'node-a': 75, 'node-b': 75, 'node-c': 100 });
  });
});

describe('PodTopologySpread score: node inclusion policies', () => {
  const nodes = [
    makeNode('node-a', { labels: { node: 'node-a', foo: '' } }),
    makeNode('node-b', { labels: { node: 'node-b', foo: '' } }),
    makeNode('node-c', { labels: { node: 'node-c' } }),
  ];
  const pods = [...on('node-a', 2), ...on('node-b', 1), ...on('node-c', 1)];
  const selectorNodeAffinity = { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'foo', operator: 'In' as const, values: [''] }] }] } };

  it('NodeAffinityPolicy honoured with a nodeSelector: 0, 33, 100', () => {
    expect(scores(incoming({ foo: '' }, [soft(1, 'node', FOO)], { nodeSelector: { foo: '' } }), nodes, pods)).toEqual({ 'node-a': 0, 'node-b': 33, 'node-c': 100 });
  });

  it('NodeAffinityPolicy ignored with a nodeSelector: 66, 100, 100', () => {
    expect(scores(incoming({ foo: '' }, [soft(1, 'node', FOO, { nodeAffinityPolicy: 'Ignore' })], { nodeSelector: { foo: '' } }), nodes, pods)).toEqual({ 'node-a': 66, 'node-b': 100, 'node-c': 100 });
  });

  it('NodeAffinityPolicy honoured with node affinity: 0, 33, 100', () => {
    expect(scores(incoming({ foo: '' }, [soft(1, 'node', FOO)], { affinity: { nodeAffinity: selectorNodeAffinity } }), nodes, pods)).toEqual({ 'node-a': 0, 'node-b': 33, 'node-c': 100 });
  });

  it('NodeAffinityPolicy ignored with node affinity: 66, 100, 100', () => {
    const pod = incoming({ foo: '' }, [soft(1, 'node', FOO, { nodeAffinityPolicy: 'Ignore' })], { affinity: { nodeAffinity: selectorNodeAffinity } });
    expect(scores(pod, nodes, pods)).toEqual({ 'node-a': 66, 'node-b': 100, 'node-c': 100 });
  });

  const taintedNodes = [
    makeNode('node-a', { labels: { node: 'node-a' } }),
    makeNode('node-b', { labels: { node: 'node-b' } }),
    makeNode('node-c', { labels: { node: 'node-c' }, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] }),
  ];

  it('NodeTaintsPolicy honoured: 0, 33, 100', () => {
    expect(scores(incoming({ foo: '' }, [soft(1, 'node', FOO, { nodeTaintsPolicy: 'Honor' })]), taintedNodes, pods)).toEqual({ 'node-a': 0, 'node-b': 33, 'node-c': 100 });
  });

  it('NodeTaintsPolicy ignored: 66, 100, 100', () => {
    expect(scores(incoming({ foo: '' }, [soft(1, 'node', FOO)]), taintedNodes, pods)).toEqual({ 'node-a': 66, 'node-b': 100, 'node-c': 100 });
  });
});

describe('PodTopologySpread score: system default constraints', () => {
  const fourHosts = ['node-a', 'node-b', 'node-c', 'node-d'].map((name) => host(name));
  const pods = [...on('node-a', 4), ...on('node-b', 3), ...on('node-c', 2), ...on('node-d', 1)];
  const service = (selector: Labels | null, namespace = 'default'): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'svc', namespace, uid: 'uid-svc', creationTimestamp: '2025-01-01T00:00:00Z' },
    spec: selector === null ? {} : { selector },
  });

  it('a pod selected by a Service spreads by hostname as one maxSkew-3 constraint would: 44, 66, 77, 100', () => {
    expect(scores(makePod('p', { labels: { foo: '' } }), fourHosts, pods, [], [service({ foo: '' })])).toEqual({ 'node-a': 44, 'node-b': 66, 'node-c': 77, 'node-d': 100 });
  });

  it('a pod no Service or controller selects has nothing to spread', () => {
    expect(scores(makePod('p', { labels: { foo: '' } }), fourHosts, pods)).toEqual({});
    expect(scores(makePod('p', { labels: { foo: '' } }), fourHosts, pods, [], [service({ foo: '' }, 'other'), service(null)])).toEqual({});
  });

  it('nodes without a zone still spread by hostname; zone labels add the zone constraint', () => {
    const zonedHosts = fourHosts.map((node, index) => host(node.metadata.name, { 'topology.kubernetes.io/zone': index < 2 ? 'z1' : 'z2' }));
    // Hostname: weight ln(6), maxSkew 3; zone: z1 holds 7 and z2 3, weight ln(4), maxSkew 5.
    // Raw scores round(4*ln6+2 + 7*ln4+4) = 23, 21, 14 and 12, normalised by 100 * (23 + 12 - s) / 23.
    expect(scores(makePod('p', { labels: { foo: '' } }), zonedHosts, pods, [], [service({ foo: '' })])).toEqual({ 'node-a': 52, 'node-b': 60, 'node-c': 91, 'node-d': 100 });
  });
});

describe('the default spreading selector (helper.DefaultSelector)', () => {
  const owned = (kind: string, apiVersion: string, labels: Labels) =>
    makePod('p', { labels, metadata: { ownerReferences: [{ apiVersion, kind, name: 'owner', uid: 'uid-owner', controller: true }] } });
  const controller = (kind: string, apiVersion: string, selector: unknown): KubeObject => ({
    apiVersion,
    kind,
    metadata: { name: 'owner', namespace: 'default', uid: 'uid-owner', creationTimestamp: '2025-01-01T00:00:00Z' },
    spec: { selector },
  });
  const selectorOf = (pod: Pod, objects: KubeObject[]) => defaultSelector(pod, withObjects(stateOf([]), objects));

  it("adds a ReplicaSet's selector, expressions included", () => {
    const selector = selectorOf(owned('ReplicaSet', 'apps/v1', { app: 'web', tier: 'fe' }), [
      controller('ReplicaSet', 'apps/v1', { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe'] }] }),
    ]);
    expect(selector.requirements).toHaveLength(2);
    expect(matchesSelector(selector, { app: 'web', tier: 'fe' })).toBe(true);
    expect(matchesSelector(selector, { app: 'web', tier: 'be' })).toBe(false);
  });

  it("adds a StatefulSet's and a ReplicationController's selector", () => {
    expect(selectorOf(owned('StatefulSet', 'apps/v1', { app: 'db' }), [controller('StatefulSet', 'apps/v1', { matchLabels: { app: 'db' } })]).requirements).toEqual([{ key: 'app', operator: 'In', values: ['db'] }]);
    expect(selectorOf(owned('ReplicationController', 'v1', { app: 'old' }), [controller('ReplicationController', 'v1', { app: 'old' })]).requirements).toEqual([{ key: 'app', operator: 'In', values: ['old'] }]);
  });

  it('ignores owners of other kinds, other API versions, and owners that are gone', () => {
    expect(selectorOf(owned('Job', 'batch/v1', { app: 'x' }), [controller('Job', 'batch/v1', { matchLabels: { app: 'x' } })]).requirements).toEqual([]);
    expect(selectorOf(owned('ReplicaSet', 'extensions/v1beta1', { app: 'x' }), [controller('ReplicaSet', 'apps/v1', { matchLabels: { app: 'x' } })]).requirements).toEqual([]);
    expect(selectorOf(owned('ReplicaSet', 'apps/v1', { app: 'x' }), []).requirements).toEqual([]);
  });
});

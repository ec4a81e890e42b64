// InterPodAffinity's PreFilter and Filter, with the cases of upstream's filtering_test.go
// (TestRequiredAffinitySingleNode, TestRequiredAffinityMultipleNodes), then namespace selectors and
// the AddPod/RemovePod step preemption will use.

import { describe, expect, it } from 'vitest';
import type { NodeView } from '../../../controllers/scheduler/node-views.ts';
import {
  ERR_REASON_AFFINITY_RULES_NOT_MATCH,
  ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH,
  ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH,
  interPodFilter,
  interPodPreFilter,
  interPodWithPod,
} from '../../../controllers/scheduler/plugins/inter-pod-affinity/filtering.ts';
import type { EventBody } from '../../../core/events.ts';
import type { Labels, SelectorRequirement } from '../../../core/labels.ts';
import type { KubeObject, Node, Pod, PodAffinityTerm } from '../../../core/objects.ts';
import { apply, infoOf, makeNode, makePod, snapshotOf, stateOf } from './builders.ts';

const FITS = 'fits';
const AFFINITY = ERR_REASON_AFFINITY_RULES_NOT_MATCH;
const ANTI = ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH;
const EXISTING = ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH;

const POD_LABEL = { service: 'securityscan' };
const POD_LABEL_2 = { security: 'S1' };

function term(topologyKey: string, ...matchExpressions: SelectorRequirement[]): PodAffinityTerm {
  return { labelSelector: { matchExpressions }, topologyKey };
}

const serviceIn = (...values: string[]): SelectorRequirement => ({ key: 'service', operator: 'In', values });

let counter = 0;
function withTerms(labels: Labels, affinity: PodAffinityTerm[] | undefined, anti: PodAffinityTerm[] | undefined, options: { nodeName?: string; namespace?: string } = {}): Pod {
  counter++;
  return makePod(`pod-${counter}`, {
    labels,
    ...options,
    spec: {
      affinity: {
        ...(affinity === undefined ? {} : { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: affinity } }),
        ...(anti === undefined ? {} : { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: anti } }),
      },
    },
  });
}

function filterEach(pod: Pod, nodes: readonly Node[], pods: readonly Pod[], objects: readonly KubeObject[] = []): Record<string, string> {
  const state = apply(stateOf(nodes, pods), ...objects.map((object): EventBody => ({ type: 'object/created', object })));
  const snapshot = snapshotOf(state);
  const info = infoOf(pod, state);
  const prefiltered = interPodPreFilter(info, snapshot, state);
  return Object.fromEntries(snapshot.list.map((node) => [node.name, interPodFilter(prefiltered, info, node) ?? FITS]));
}

const machine1 = makeNode('machine1', { labels: { region: 'r1', zone: 'z11' } });
const onMachine1 = (labels: Labels, namespace = 'default') => makePod(`existing-${++counter}`, { labels, nodeName: 'machine1', namespace });

describe('InterPodAffinity filter on one node (TestRequiredAffinitySingleNode)', () => {
  const single = (pod: Pod, pods: Pod[]) => filterEach(pod, [machine1], pods).machine1;

  it('lets a pod without pod affinity onto a node with no pods', () => {
    expect(single(makePod('plain'), [])).toBe(FITS);
  });

  it('is satisfied by an existing pod matching an In requirement', () => {
    expect(single(withTerms(POD_LABEL_2, [term('region', serviceIn('securityscan', 'value2'))], undefined), [onMachine1(POD_LABEL)])).toBe(FITS);
  });

  it('is satisfied by an existing pod matching a NotIn requirement', () => {
    const notIn: SelectorRequirement = { key: 'service', operator: 'NotIn', values: ['securityscan3', 'value3'] };
    expect(single(withTerms(POD_LABEL_2, [term('region', notIn)], undefined), [onMachine1(POD_LABEL)])).toBe(FITS);
  });

  it('is not satisfied by a matching pod of another namespace', () => {
    const elsewhere: PodAffinityTerm = { ...term('region', serviceIn('securityscan', 'value2')), namespaces: ['diff-namespace'] };
    expect(single(withTerms(POD_LABEL_2, [elsewhere], undefined), [onMachine1(POD_LABEL, 'ns')])).toBe(AFFINITY);
  });

  it('is not satisfied when the selector matches no existing pod', () => {
    expect(single(withTerms(POD_LABEL, [term('region', serviceIn('antivirusscan', 'value2'))], undefined), [onMachine1(POD_LABEL)])).toBe(AFFINITY);
  });

  it('is satisfied when every term, with different operators, matches', () => {
    const first = term('region', { key: 'service', operator: 'Exists' }, { key: 'wrongkey', operator: 'DoesNotExist' });
    const second = term('region', serviceIn('securityscan'), { key: 'service', operator: 'NotIn', values: ['WrongValue'] });
    expect(single(withTerms(POD_LABEL_2, [first, second], undefined), [onMachine1(POD_LABEL)])).toBe(FITS);
  });

  it('ANDs the requirements of a term: one that fails blocks the node', () => {
    const first = term('region', { key: 'service', operator: 'Exists' }, { key: 'wrongkey', operator: 'DoesNotExist' });
    const second = term('region', serviceIn('securityscan2'), { key: 'service', operator: 'NotIn', values: ['WrongValue'] });
    expect(single(withTerms(POD_LABEL_2, [first, second], undefined), [onMachine1(POD_LABEL)])).toBe(AFFINITY);
  });

  it('satisfies affinity and anti-affinity with the existing pod', () => {
    const pod = withTerms(POD_LABEL_2, [term('region', serviceIn('securityscan', 'value2'))], [term('node', serviceIn('antivirusscan', 'value2'))]);
    expect(single(pod, [onMachine1(POD_LABEL)])).toBe(FITS);
  });

  it("satisfies affinity, anti-affinity and the existing pod's anti-affinity", () => {
    const pod = withTerms(POD_LABEL_2, [term('region', serviceIn('securityscan', 'value2'))], [term('node', serviceIn('antivirusscan', 'value2'))]);
    const existing = withTerms(POD_LABEL, undefined, [term('node', serviceIn('antivirusscan', 'value2'))], { nodeName: 'machine1' });
    expect(single(pod, [existing])).toBe(FITS);
  });

  it("satisfies affinity but not its own anti-affinity", () => {
    const pod = withTerms(POD_LABEL_2, [term('region', serviceIn('securityscan', 'value2'))], [term('zone', serviceIn('securityscan', 'value2'))]);
    expect(single(pod, [onMachine1(POD_LABEL)])).toBe(ANTI);
  });

  it("satisfies its own rules but not the existing pod's anti-affinity (symmetry)", () => {
    const pod = withTerms(POD_LABEL, [term('region', serviceIn('securityscan', 'value2'))], [term('node', serviceIn('antivirusscan', 'value2'))]);
    const existing = withTerms(POD_LABEL, undefined, [term('zone', serviceIn('securityscan', 'value2'))], { nodeName: 'machine1' });
    expect(single(pod, [existing])).toBe(EXISTING);
  });

  it('a pod matching its own NotIn term is not the first of its group while another pod matches', () => {
    const notIn: SelectorRequirement = { key: 'service', operator: 'NotIn', values: ['securityscan', 'value2'] };
    expect(single(withTerms(POD_LABEL, [term('region', notIn)], undefined), [onMachine1(POD_LABEL)])).toBe(AFFINITY);
  });
});

describe('InterPodAffinity filter across nodes (TestRequiredAffinityMultipleNodes)', () => {
  const machines = [
    makeNode('machine1', { labels: { region: 'r1', zone: 'z1', hostname: 'h1' } }),
    makeNode('machine2', { labels: { region: 'r1', zone: 'z2', hostname: 'h2' } }),
    makeNode('machine3', { labels: { region: 'r2', zone: 'z3', hostname: 'h3' } }),
  ];

  it('lets the pod onto every node sharing the region of a matching pod', () => {
    const pod = withTerms({}, [term('region', { key: 'foo', operator: 'In', values: ['bar'] })], undefined);
    const existing = makePod('bar-pod', { labels: { foo: 'bar' }, nodeName: 'machine1' });
    expect(filterEach(pod, machines, [existing])).toEqual({ machine1: FITS, machine2: FITS, machine3: AFFINITY });
  });

  it('lets the first pod of a self-affine group go anywhere that has the topology key', () => {
    const pod = withTerms({ foo: 'bar', service: 'securityscan' }, [term('zone', { key: 'foo', operator: 'In', values: ['bar'] }), term('zone', serviceIn('securityscan'))], undefined);
    const nodes = [makeNode('nodeA', { labels: { zone: 'az1', hostname: 'h1' } }), makeNode('nodeB', { labels: { zone: 'az2', hostname: 'h2' } }), makeNode('nodeC', { labels: { hostname: 'h3' } })];
    expect(filterEach(pod, nodes, [])).toEqual({ nodeA: FITS, nodeB: FITS, nodeC: AFFINITY });
  });

  it('does not treat a pod as the first of its group when it does not match its own terms', () => {
    const pod = withTerms({ foo: 'bar' }, [term('zone', { key: 'foo', operator: 'In', values: ['bar'] }), term('zone', serviceIn('securityscan'))], undefined);
    const nodes = [makeNode('nodeA', { labels: { zone: 'az1' } }), makeNode('nodeB', { labels: { zone: 'az2' } })];
    expect(filterEach(pod, nodes, [])).toEqual({ nodeA: AFFINITY, nodeB: AFFINITY });
  });

  it('keeps the pod out of the zone of a pod its anti-affinity matches, and of one whose anti-affinity matches it', () => {
    const nodes = [makeNode('nodeA', { labels: { zone: 'az1', hostname: 'nodeA' } }), makeNode('nodeB', { labels: { zone: 'az1', hostname: 'nodeB' } }), makeNode('nodeC', { labels: { zone: 'az2', hostname: 'nodeC' } })];
    const pod = withTerms({ app: 'web' }, undefined, [term('zone', { key: 'app', operator: 'In', values: ['db'] })]);
    expect(filterEach(pod, nodes, [makePod('db', { labels: { app: 'db' }, nodeName: 'nodeA' })])).toEqual({ nodeA: ANTI, nodeB: ANTI, nodeC: FITS });
    const picky = withTerms({ app: 'db' }, undefined, [term('hostname', { key: 'app', operator: 'In', values: ['web'] })], { nodeName: 'nodeC' });
    expect(filterEach(makePod('web', { labels: { app: 'web' } }), nodes, [picky])).toEqual({ nodeA: FITS, nodeB: FITS, nodeC: EXISTING });
  });

  it('skips the plugin for a pod without terms when no pod has required anti-affinity', () => {
    const state = stateOf(machines, [makePod('bar-pod', { labels: { foo: 'bar' }, nodeName: 'machine1' })]);
    expect(interPodPreFilter(infoOf(makePod('plain'), state), snapshotOf(state), state)).toBeUndefined();
  });
});

describe('InterPodAffinity filter: namespaces', () => {
  const namespace = (name: string, labels: Labels): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels, uid: `uid-${name}`, creationTimestamp: '2025-01-01T00:00:00Z' }, status: { phase: 'Active' } });
  const nodes = [makeNode('n1', { labels: { zone: 'a' } }), makeNode('n2', { labels: { zone: 'b' } })];
  const teamPod = makePod('team-db', { namespace: 'team-a', labels: { app: 'db' }, nodeName: 'n1' });

  it('a namespace selector picks the namespaces by their labels', () => {
    const pod = withTerms({}, [{ ...term('zone', { key: 'app', operator: 'In', values: ['db'] }), namespaceSelector: { matchLabels: { team: 'a' } } }], undefined);
    expect(filterEach(pod, nodes, [teamPod], [namespace('team-a', { team: 'a' })])).toEqual({ n1: FITS, n2: AFFINITY });
    expect(filterEach(pod, nodes, [teamPod], [namespace('team-a', { team: 'b' })])).toEqual({ n1: AFFINITY, n2: AFFINITY });
  });

  it('an empty namespace selector matches every namespace; without one only the pod namespace counts', () => {
    const everywhere = withTerms({}, [{ ...term('zone', { key: 'app', operator: 'In', values: ['db'] }), namespaceSelector: {} }], undefined);
    const ownNamespace = withTerms({}, [term('zone', { key: 'app', operator: 'In', values: ['db'] })], undefined);
    expect(filterEach(everywhere, nodes, [teamPod])).toEqual({ n1: FITS, n2: AFFINITY });
    expect(filterEach(ownNamespace, nodes, [teamPod])).toEqual({ n1: AFFINITY, n2: AFFINITY });
  });

  it("an existing pod's anti-affinity namespace selector is matched against the incoming pod's namespace labels", () => {
    const guard = withTerms({ app: 'guard' }, undefined, [{ ...term('zone', { key: 'app', operator: 'Exists' }), namespaceSelector: { matchLabels: { env: 'prod' } } }], { nodeName: 'n1', namespace: 'ops' });
    const incomingPod = makePod('web', { namespace: 'shop', labels: { app: 'web' } });
    expect(filterEach(incomingPod, nodes, [guard], [namespace('shop', { env: 'prod' })])).toEqual({ n1: EXISTING, n2: FITS });
    expect(filterEach(incomingPod, nodes, [guard], [namespace('shop', { env: 'dev' })])).toEqual({ n1: FITS, n2: FITS });
  });
});

describe('InterPodAffinity pre-filter state: AddPod and RemovePod', () => {
  it('removing the only matching pod leaves the affinity unsatisfied, adding it back satisfies it', () => {
    const nodes = [makeNode('n1', { labels: { zone: 'a' } }), makeNode('n2', { labels: { zone: 'b' } })];
    const db = makePod('db', { labels: { app: 'db' }, nodeName: 'n1' });
    const pod = withTerms({ app: 'web' }, [term('zone', { key: 'app', operator: 'In', values: ['db'] })], undefined);
    const state = stateOf(nodes, [db]);
    const snapshot = snapshotOf(state);
    const info = infoOf(pod, state);
    const n1 = snapshot.byName.get('n1') as NodeView;
    const before = interPodPreFilter(info, snapshot, state);
    const removed = interPodWithPod(before, info, db, n1, -1);
    expect(interPodFilter(before, info, n1)).toBeUndefined();
    // With no matching pod left, the web pod (which does not match its own term) fits nowhere.
    expect(interPodFilter(removed, info, n1)).toBe(AFFINITY);
    expect(removed?.affinityCounts.size).toBe(0);
    expect(interPodFilter(interPodWithPod(removed, info, db, n1, 1), info, n1)).toBeUndefined();
  });

  it("removing a pod whose anti-affinity matches the pod frees its zone", () => {
    const nodes = [makeNode('n1', { labels: { zone: 'a' } })];
    const guard = withTerms({ app: 'guard' }, undefined, [term('zone', { key: 'app', operator: 'In', values: ['web'] })], { nodeName: 'n1' });
    const state = stateOf(nodes, [guard]);
    const snapshot = snapshotOf(state);
    const info = infoOf(makePod('web', { labels: { app: 'web' } }), state);
    const n1 = snapshot.byName.get('n1') as NodeView;
    const before = interPodPreFilter(info, snapshot, state);
    expect(interPodFilter(before, info, n1)).toBe(EXISTING);
    expect(interPodFilter(interPodWithPod(before, info, guard, n1, -1), info, n1)).toBeUndefined();
  });
});

// The placed-pod indexes the scheduler's pod-counting plugins read, kept by the pod reducer, and
// the audit that rebuilds them from the pods table and reports stale and missing entries alike.

import { describe, expect, it } from 'vitest';
import { inNamespaces, matchingPods } from '../../controllers/scheduler/matching-pods.ts';
import { asSelector } from '../../core/labels.ts';
import type { Pod } from '../../core/objects.ts';
import { checkInvariants } from '../../reducers/invariants.ts';
import { auditPodIndexes } from '../../reducers/pod-index-audit.ts';
import { labelSetId, WITH_POD_AFFINITY, WITH_REQUIRED_ANTI_AFFINITY } from '../../reducers/placed-pods.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { apply, makeNode, makePod, stateOf } from '../controllers/scheduler/builders.ts';

const web = (name: string, nodeName?: string) => makePod(name, { labels: { app: 'web' }, ...(nodeName === undefined ? {} : { nodeName }) });
const nodes = [makeNode('n1'), makeNode('n2')];
const relabel = (pod: Pod, labels: Record<string, string>): Pod => ({ ...pod, metadata: { ...pod.metadata, labels } });

describe('label sets of placed pods', () => {
  it('counts placed pods of one namespace and labels per node, and leaves pending pods out', () => {
    const state = stateOf(nodes, [web('a', 'n1'), web('b', 'n1'), web('c', 'n2'), web('pending')]);
    const set = state.indexes.labelSets.get(labelSetId('default', { app: 'web' }));
    expect(set?.pods).toBe(3);
    expect(set?.nodes.get('n1')).toBe(2);
    expect(state.indexes.nodeUsage.get('n1')?.labelSets).toEqual({ [labelSetId('default', { app: 'web' })]: 2 });
    expect(auditPodIndexes(state)).toEqual([]);
  });

  it('moves a pod between sets when its labels change, and drops an empty set', () => {
    let state = stateOf(nodes, [web('a', 'n1')]);
    state = apply(state, { type: 'pod/updated', object: relabel(state.pods.get('default/a') as Pod, { app: 'api' }) });
    expect(state.indexes.labelSets.has(labelSetId('default', { app: 'web' }))).toBe(false);
    expect(state.indexes.labelSetsByPair.count('default\u0000app=web')).toBe(0);
    expect(state.indexes.labelSets.get(labelSetId('default', { app: 'api' }))?.nodes.get('n1')).toBe(1);
    expect(auditPodIndexes(state)).toEqual([]);
  });

  it('counts pods marked for deletion apart, and forgets finished pods', () => {
    let state = stateOf(nodes, [web('a', 'n1'), web('b', 'n1')]);
    state = apply(state, { type: 'pod/deletionRequested', namespace: 'default', name: 'a', gracePeriodSeconds: 30 });
    state = apply(state, { type: 'pod/statusUpdated', namespace: 'default', name: 'b', status: { phase: 'Succeeded' } });
    const set = state.indexes.labelSets.get(labelSetId('default', { app: 'web' }));
    expect(set?.nodes.get('n1')).toBe(1);
    expect(set?.deleting.get('n1')).toBe(1);
    expect(auditPodIndexes(state)).toEqual([]);
  });

  it('answers selector queries per node through the indexes', () => {
    const state = stateOf(nodes, [web('a', 'n1'), web('b', 'n2'), web('c', 'n2'), makePod('db', { labels: { app: 'db' }, nodeName: 'n1' }), makePod('other', { namespace: 'ns2', labels: { app: 'web' }, nodeName: 'n1' })]);
    const matching = matchingPods(state, inNamespaces('default'), asSelector({ matchLabels: { app: 'web' } }), { skipDeleting: true });
    const counts: Record<string, number> = {};
    matching.forEachNode((node, count) => {
      counts[node] = (counts[node] ?? 0) + count;
    });
    expect(counts).toEqual({ n1: 1, n2: 2 });
    expect(matching.countOn(state.indexes.nodeUsage.get('n2') ?? assertNever())).toBe(2);
    expect(matchingPods(state, inNamespaces('default'), asSelector(null), { skipDeleting: true }).isEmpty).toBe(true);
    expect(matchingPods(state, inNamespaces('default'), asSelector({ matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['db'] }] }), { skipDeleting: true }).sets).toHaveLength(1);
  });
});

function assertNever(): never {
  throw new Error('missing usage');
}

describe('affinity and host-port indexes', () => {
  it('files placed pods with pod affinity terms, and those with required anti-affinity apart', () => {
    const anti = makePod('anti', { nodeName: 'n1', spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'zone' }] } } } });
    const preferred = makePod('pref', { nodeName: 'n1', spec: { affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [] } } } });
    const state = stateOf(nodes, [anti, preferred, makePod('plain', { nodeName: 'n1' })]);
    expect(state.indexes.affinityPods.members(WITH_POD_AFFINITY)).toEqual(['default/anti', 'default/pref']);
    expect(state.indexes.affinityPods.members(WITH_REQUIRED_ANTI_AFFINITY)).toEqual(['default/anti']);
    const gone = apply(state, { type: 'pod/deleted', namespace: 'default', name: 'anti' });
    expect(gone.indexes.affinityPods.members(WITH_REQUIRED_ANTI_AFFINITY)).toEqual([]);
    expect(auditPodIndexes(gone)).toEqual([]);
  });

  it('files placed pods with host ports under their node', () => {
    const ported = makePod('ported', { nodeName: 'n2', spec: { containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 80, hostPort: 80 }] }] } });
    const state = stateOf(nodes, [ported]);
    expect(state.indexes.hostPortPodsByNode.members('n2')).toEqual(['default/ported']);
  });
});

describe('the pod index audit', () => {
  const sound = (): ClusterState => stateOf(nodes, [web('a', 'n1'), makePod('anti', { nodeName: 'n1', spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'zone' }] } } } }), web('pending')]);

  it('finds nothing wrong with what the reducers kept', () => {
    expect(checkInvariants(sound(), { deep: true })).toEqual([]);
  });

  it('reports a stale entry: a member the pods do not justify', () => {
    const state = sound();
    const tampered = { ...state, indexes: { ...state.indexes, affinityPods: state.indexes.affinityPods.add(WITH_POD_AFFINITY, 'default/a') } };
    expect(auditPodIndexes(tampered)).toEqual(['affinityPods: stale entry default/a in "affinity"']);
  });

  it('reports a missing entry: a pod the index forgot', () => {
    const state = sound();
    const tampered = { ...state, indexes: { ...state.indexes, podsByNode: state.indexes.podsByNode.remove('n1', 'default/a') } };
    expect(auditPodIndexes(tampered)).toEqual(['podsByNode: missing entry default/a in "n1"']);
  });

  it('reports a label set whose counts differ, and usage that does not add up', () => {
    const state = sound();
    const id = labelSetId('default', { app: 'web' });
    const set = state.indexes.labelSets.get(id);
    if (set === undefined) throw new Error('no set');
    const labelSets = state.indexes.labelSets.set(id, { ...set, nodes: set.nodes.set('n2', 1), pods: 2 });
    expect(auditPodIndexes({ ...state, indexes: { ...state.indexes, labelSets } })).toEqual([`labelSets: set ${JSON.stringify(id)} counts differ from its pods'`]);
    const nodeUsage = state.indexes.nodeUsage.delete('n1');
    expect(auditPodIndexes({ ...state, indexes: { ...state.indexes, nodeUsage } })[0]).toMatch(/^node n1: indexed usage/);
  });

  it('reports a pending pod missing from the unschedulable group after a failure', () => {
    let state = sound();
    state = apply(state, { type: 'pod/schedulingFailed', namespace: 'default', name: 'pending', reason: 'Unschedulable', message: 'm' });
    expect(state.indexes.unscheduledPods.members('unschedulable')).toEqual(['default/pending']);
    const tampered = { ...state, indexes: { ...state.indexes, unscheduledPods: state.indexes.unscheduledPods.remove('unschedulable', 'default/pending') } };
    expect(auditPodIndexes(tampered)).toEqual(['unscheduledPods: missing entry default/pending in "unschedulable"']);
  });
});

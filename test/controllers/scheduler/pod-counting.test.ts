// The pod-counting plugins inside whole scheduling cycles: ReplicaSet pods spread by the system
// defaults instead of packing, one pod per node by anti-affinity with upstream's message, pods
// kept together by affinity, scheduling gates, and the queueing that retries pods turned away by
// affinity or spreading when pods are placed or relabelled.

import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod } from '../../../core/objects.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { apply, makeNode, makePod, stateOf } from './builders.ts';
import { SchedulerHarness } from './harness.ts';

const outcomeOf = (command: { type: string; nodeName?: string; message?: string }) =>
  command.type === 'bindPod' ? (command.nodeName ?? '') : command.type === 'reportSchedulingFailure' ? (command.message ?? '') : command.type;

/** Creates each pod and runs the cycles it brings, folding the outcome in; returns the state and each outcome. */
function scheduleAll(start: ClusterState, pods: readonly Pod[], seed = 1): { state: ClusterState; outcomes: string[] } {
  const harness = new SchedulerHarness(start, { seed });
  const outcomes: string[] = [];
  for (const pod of pods) {
    harness.emit({ type: 'pod/created', object: pod });
    outcomes.push(...harness.run().map(outcomeOf));
  }
  return { state: harness.state, outcomes };
}

const replicaSet: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web', namespace: 'default', uid: 'uid-rs', creationTimestamp: '2025-01-01T00:00:00Z' },
  spec: { replicas: 4, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [] } } },
};
const ownedByWeb = (name: string) =>
  makePod(name, {
    labels: { app: 'web' },
    requests: [{ cpu: '100m', memory: '128Mi' }],
    metadata: { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'uid-rs', controller: true }] },
  });

describe('default spreading of a ReplicaSet', () => {
  it('spreads its pods over the nodes where the resource scores alone would pile them on the emptier one', () => {
    // n1 is empty; n2 already runs a large pod of something else, so LeastAllocated favours n1.
    const nodes = ['n1', 'n2'].map((name) => makeNode(name, { cpu: '8', memory: '32Gi', labels: { 'kubernetes.io/hostname': name } }));
    const busy = makePod('other', { nodeName: 'n2', requests: [{ cpu: '2', memory: '8Gi' }] });
    const base = apply(stateOf(nodes, [busy]), { type: 'object/created', object: replicaSet });
    const spread = scheduleAll(base, ['web-1', 'web-2', 'web-3', 'web-4'].map(ownedByWeb)).outcomes;
    const orphans = scheduleAll(stateOf(nodes, [busy]), ['web-1', 'web-2', 'web-3', 'web-4'].map((name) => makePod(name, { labels: { app: 'web' }, requests: [{ cpu: '100m', memory: '128Mi' }] }))).outcomes;
    expect(orphans).toEqual(['n1', 'n1', 'n1', 'n1']);
    expect(spread).toEqual(['n1', 'n2', 'n1', 'n2']);
  });
});

const antiAffine = (name: string) =>
  makePod(name, {
    labels: { app: 'store' },
    spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'store' } }, topologyKey: 'kubernetes.io/hostname' }] } } },
  });

const hosts = ['n1', 'n2', 'n3'].map((name) => makeNode(name, { labels: { 'kubernetes.io/hostname': name } }));

describe('required anti-affinity in whole cycles', () => {
  it('places one pod per node and leaves the fourth Pending with upstream message', () => {
    const { outcomes } = scheduleAll(stateOf(hosts), ['store-1', 'store-2', 'store-3', 'store-4'].map(antiAffine));
    expect(new Set(outcomes.slice(0, 3))).toEqual(new Set(['n1', 'n2', 'n3']));
    expect(outcomes[3]).toBe("0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.");
  });

  it("keeps a plain pod the anti-affine pods refuse off their nodes (the existing pods' rules)", () => {
    const { outcomes } = scheduleAll(stateOf(hosts), [...['store-1', 'store-2', 'store-3'].map(antiAffine), makePod('intruder', { labels: { app: 'store' } })]);
    expect(outcomes[3]).toBe("0/3 nodes are available: 3 node(s) didn't satisfy existing pods anti-affinity rules. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.");
  });
});

describe('required affinity in whole cycles', () => {
  it('puts the first pod of a self-affine group anywhere and the rest with it', () => {
    const together = (name: string) =>
      makePod(name, {
        labels: { app: 'cache' },
        spec: { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'cache' } }, topologyKey: 'kubernetes.io/hostname' }] } } },
      });
    const { outcomes } = scheduleAll(stateOf(hosts), ['cache-1', 'cache-2', 'cache-3'].map(together));
    expect(new Set(outcomes).size).toBe(1);
  });
});

describe('scheduling gates', () => {
  it('leaves a gated pod alone until its gates are removed', () => {
    const harness = new SchedulerHarness(stateOf(hosts));
    harness.emit({ type: 'pod/created', object: makePod('gated', { spec: { schedulingGates: [{ name: 'example.com/wait' }] } }) });
    expect(harness.run()).toEqual([]);
    harness.emit({ type: 'pod/updated', object: makePod('gated') });
    expect(harness.run().map(outcomeOf)).toHaveLength(1);
  });
});

describe('queueing for the pod-counting plugins', () => {
  const affine = makePod('stuck', {
    spec: { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' }] } } },
  });
  const noAffinity = "0/3 nodes are available: 3 node(s) didn't match pod affinity rules. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";

  it('retries a pod turned away by affinity when a matching pod is placed, and not for another pod', () => {
    const harness = new SchedulerHarness(stateOf(hosts, [affine]));
    expect(harness.run().map(outcomeOf)).toEqual([noAffinity]);
    harness.emit({ type: 'pod/created', object: makePod('web', { nodeName: 'n2', labels: { app: 'web' } }) });
    expect(harness.run()).toEqual([]);
    harness.emit({ type: 'pod/created', object: makePod('db', { nodeName: 'n1', labels: { app: 'db' } }) });
    expect(harness.run().map(outcomeOf)).toEqual(['n1']);
  });

  it('retries it when a placed pod is relabelled to match, not when its labels stay', () => {
    const db = makePod('db', { nodeName: 'n3', labels: { app: 'cache' } });
    const harness = new SchedulerHarness(stateOf(hosts, [db, affine]));
    expect(harness.run().map(outcomeOf)).toEqual([noAffinity]);
    harness.emit({ type: 'pod/updated', object: { ...db, metadata: { ...db.metadata, annotations: { note: 'x' } } } });
    expect(harness.run()).toEqual([]);
    harness.emit({ type: 'pod/updated', object: { ...db, metadata: { ...db.metadata, labels: { app: 'db' } } } });
    expect(harness.run().map(outcomeOf)).toEqual(['n3']);
  });

  it('does not retry a pod turned away for cpu when a pod is placed', () => {
    const harness = new SchedulerHarness(stateOf(hosts, [makePod('big', { requests: [{ cpu: '64' }] })]));
    expect(harness.run()).toHaveLength(1);
    harness.emit({ type: 'pod/created', object: makePod('db', { nodeName: 'n1', labels: { app: 'db' } }) });
    expect(harness.run()).toEqual([]);
  });
});

// The pod-counting plugins inside whole scheduling cycles: ReplicaSet pods spread by the system
// defaults instead of packing, one pod per node by anti-affinity with upstream's message, pods
// kept together by affinity, scheduling gates, and the queueing that retries pods turned away by
// affinity or spreading when pods are placed or relabelled.

import { describe, expect, it } from 'vitest';
import { RETRY_POD_COUNTING_KEY, RETRY_UNSCHEDULABLE_KEY, scheduler } from '../../../controllers/scheduler/index.ts';
import { keysForChange } from '../../../controllers/scheduler/queue.ts';
import type { Command } from '../../../core/commands.ts';
import type { Change } from '../../../core/controller.ts';
import type { EventBody, KsimEvent } from '../../../core/events.ts';
import type { KubeObject, Pod } from '../../../core/objects.ts';
import { reduce } from '../../../reducers/index.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { commandsOf } from '../../support/effects.ts';
import { apply, makeNode, makePod, stateOf, testRng } from './builders.ts';

function accept(state: ClusterState, command: Command): ClusterState {
  if (command.type === 'bindPod') return apply(state, { type: 'pod/bound', namespace: command.namespace, name: command.name, nodeName: command.nodeName });
  if (command.type === 'reportSchedulingFailure') {
    const { namespace, name, reason, message } = command;
    return apply(state, { type: 'pod/schedulingFailed', namespace, name, reason, message });
  }
  throw new Error(`unexpected ${command.type}`);
}

/** Creates each pod and runs its cycle, folding the outcome in; returns the state and each outcome. */
function scheduleAll(start: ClusterState, pods: readonly Pod[], seed = 1): { state: ClusterState; outcomes: string[] } {
  const controller = scheduler();
  const rng = testRng(seed);
  let state = start;
  const outcomes: string[] = [];
  for (const pod of pods) {
    state = apply(state, { type: 'pod/created', object: pod });
    for (const command of commandsOf(controller.reconcile(`default/${pod.metadata.name}`, { state, nowMs: 0, rng }))) {
      outcomes.push(command.type === 'bindPod' ? command.nodeName : command.type === 'reportSchedulingFailure' ? command.message : command.type);
      state = accept(state, command);
    }
  }
  return { state, outcomes };
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
    expect(outcomes[3]).toBe("0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules.");
  });

  it("keeps a plain pod the anti-affine pods refuse off their nodes (the existing pods' rules)", () => {
    const { outcomes } = scheduleAll(stateOf(hosts), [...['store-1', 'store-2', 'store-3'].map(antiAffine), makePod('intruder', { labels: { app: 'store' } })]);
    expect(outcomes[3]).toBe("0/3 nodes are available: 3 node(s) didn't satisfy existing pods anti-affinity rules.");
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
  it('leaves a gated pod alone: no key when it arrives, a key when its gates are removed', () => {
    const gated = makePod('gated', { spec: { schedulingGates: [{ name: 'example.com/wait' }] } });
    const empty = stateOf(hosts);
    const change = (before: ClusterState, body: EventBody): Change<ClusterState> => {
      const event = { rev: before.rev + 1, time: 0, actor: 'test', ...body } as KsimEvent;
      return { event, before, after: reduce(before, event) };
    };
    const created = change(empty, { type: 'pod/created', object: gated });
    expect(keysForChange(created)).toEqual([]);
    expect(commandsOf(scheduler().reconcile('default/gated', { state: created.after, nowMs: 0, rng: testRng() }))).toEqual([]);
    const released = change(created.after, { type: 'pod/updated', object: makePod('gated') });
    expect(keysForChange(released)).toEqual(['default/gated']);
  });
});

describe('queueing for the pod-counting plugins', () => {
  const change = (before: ClusterState, body: EventBody): Change<ClusterState> => {
    const event = { rev: before.rev + 1, time: 0, actor: 'test', ...body } as KsimEvent;
    return { event, before, after: reduce(before, event) };
  };
  const failed = (state: ClusterState, name: string, message: string) => apply(state, { type: 'pod/schedulingFailed', namespace: 'default', name, reason: 'Unschedulable', message });

  it('asks for the pod-counting retry when a pod is bound, only while some pod has failed', () => {
    const quiet = stateOf(hosts, [makePod('web')]);
    expect(keysForChange(change(quiet, { type: 'pod/bound', namespace: 'default', name: 'web', nodeName: 'n1' }))).toEqual([]);
    const waiting = failed(stateOf(hosts, [makePod('web'), makePod('stuck')]), 'stuck', "0/3 nodes are available: 3 node(s) didn't match pod affinity rules.");
    expect(keysForChange(change(waiting, { type: 'pod/bound', namespace: 'default', name: 'web', nodeName: 'n1' }))).toEqual([RETRY_POD_COUNTING_KEY]);
  });

  it('asks for it when a placed pod changes labels, not when it changes otherwise', () => {
    const bound = makePod('db', { nodeName: 'n1', labels: { app: 'db' } });
    const waiting = failed(stateOf(hosts, [bound, makePod('stuck')]), 'stuck', "0/3 nodes are available: 3 node(s) didn't match pod affinity rules.");
    expect(keysForChange(change(waiting, { type: 'pod/updated', object: { ...bound, metadata: { ...bound.metadata, labels: { app: 'cache' } } } }))).toEqual([RETRY_POD_COUNTING_KEY]);
    expect(keysForChange(change(waiting, { type: 'pod/updated', object: { ...bound, metadata: { ...bound.metadata, labels: { app: 'db' } } } }))).toEqual([]);
  });

  it('retries every waiting pod when a node is deleted', () => {
    expect(keysForChange(change(stateOf(hosts), { type: 'node/deleted', name: 'n3' }))).toEqual([RETRY_UNSCHEDULABLE_KEY]);
  });

  it('wakes only the pods that affinity or spreading turned away', () => {
    let state = stateOf(hosts, [makePod('affine'), makePod('spread'), makePod('big')]);
    state = failed(state, 'affine', "0/3 nodes are available: 3 node(s) didn't match pod affinity rules.");
    state = failed(state, 'spread', "0/3 nodes are available: 3 node(s) didn't match pod topology spread constraints.");
    state = failed(state, 'big', '0/3 nodes are available: 3 Insufficient cpu.');
    const effects = scheduler().reconcile(RETRY_POD_COUNTING_KEY, { state, nowMs: 7, rng: testRng() });
    expect(effects).toEqual([
      { kind: 'wake', atMs: 7, key: 'default/affine' },
      { kind: 'wake', atMs: 7, key: 'default/spread' },
    ]);
  });
});

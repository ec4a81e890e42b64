// Creating and deleting pods towards spec.replicas, counted as upstream's FakePodControl counts them.

import { describe, expect, it } from 'vitest';
import { replicaSetController } from '../../../controllers/replicaset/index.ts';
import type { OwnerReference, Pod, ReplicaSet } from '../../../core/objects.ts';
import { contextAt, ownedBy, pod, record, replicaSet, stateWith } from './builders.ts';

const controller = replicaSetController();

function sync(rs: ReplicaSet, pods: readonly Pod[], nowMs = 0) {
  return record(controller.reconcile('default/web', contextAt(stateWith(rs, ...pods), nowMs)));
}

function ownedPods(rs: ReplicaSet, count: number): Pod[] {
  return Array.from({ length: count }, (_, i) =>
    pod(`web-${String(i).padStart(4, '0')}`, { owners: [ownedBy(rs)], nodeName: 'node-1' }),
  );
}

describe('ReplicaSet controller: creating pods', () => {
  it('creates the missing pods when fewer exist than spec.replicas', () => {
    const rs = replicaSet({ replicas: 3 });
    expect(sync(rs, ownedPods(rs, 1)).creates).toHaveLength(2);
  });

  it('creates at most 500 pods in one sync', () => {
    const rs = replicaSet({ replicas: 1200 });
    expect(sync(rs, []).creates).toHaveLength(500);
  });

  it('creates the rest in the following syncs', () => {
    const rs = replicaSet({ replicas: 1200 });
    expect(sync(rs, ownedPods(rs, 1000)).creates).toHaveLength(200);
  });

  it('asks for nothing when the replica count is met', () => {
    const rs = replicaSet({
      replicas: 2,
      status: { replicas: 2, fullyLabeledReplicas: 2, observedGeneration: 1 },
    });
    expect(controller.reconcile('default/web', contextAt(stateWith(rs, ...ownedPods(rs, 2))))).toEqual([]);
  });

  it('builds each pod from the template, named after the ReplicaSet and controlled by it', () => {
    const rs = replicaSet({
      replicas: 1,
      templateLabels: { app: 'web', tier: 'front' },
      selector: { app: 'web' },
    });
    const owner: OwnerReference = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      name: 'web',
      uid: 'uid-web',
      controller: true,
      blockOwnerDeletion: true,
    };
    expect(sync(rs, []).creates[0]).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: 'web-',
        namespace: 'default',
        labels: { app: 'web', tier: 'front' },
        ownerReferences: [owner],
      },
      spec: rs.spec.template.spec,
    });
  });

  it('does not count terminal or terminating pods, and replaces them', () => {
    const rs = replicaSet({ replicas: 2 });
    const pods = [
      pod('done', { owners: [ownedBy(rs)], phase: 'Succeeded' }),
      pod('failed', { owners: [ownedBy(rs)], phase: 'Failed' }),
      pod('leaving', { owners: [ownedBy(rs)], deletionTimestamp: '2025-01-01T00:00:30Z' }),
    ];
    expect(sync(rs, pods).creates).toHaveLength(2);
  });

  it('neither creates nor deletes while the ReplicaSet is being deleted', () => {
    const rs = replicaSet({ replicas: 3, deletionTimestamp: '2025-01-01T00:00:00Z' });
    const recorded = sync(rs, []);
    expect([recorded.creates.length, recorded.deletes.length]).toEqual([0, 0]);
  });
});

describe('ReplicaSet controller: deleting pods', () => {
  it('deletes the surplus, each with its uid as precondition', () => {
    const rs = replicaSet({ replicas: 1 });
    const pods = [pod('a', { owners: [ownedBy(rs)], nodeName: 'n' }), pod('b', { owners: [ownedBy(rs)] })];
    const recorded = sync(rs, pods);
    expect([recorded.deletes, recorded.deleteUids]).toEqual([['b'], ['uid-b']]);
  });

  it('deletes at most 500 pods in one sync', () => {
    const rs = replicaSet({ replicas: 0 });
    expect(sync(rs, ownedPods(rs, 600)).deletes).toHaveLength(500);
  });

  it('deletes every pod when scaled to zero', () => {
    const rs = replicaSet({ replicas: 0 });
    expect(sync(rs, ownedPods(rs, 3)).deletes).toEqual(['web-0000', 'web-0001', 'web-0002']);
  });

  it('ranks pods by the related pods of ReplicaSets with the same controller on their node', () => {
    const deployment: OwnerReference = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'app',
      uid: 'uid-app',
      controller: true,
    };
    const rs = replicaSet({ replicas: 1, owner: deployment });
    const sibling = replicaSet({ name: 'old', selector: { app: 'old' }, owner: deployment });
    const crowded = pod('crowded', { owners: [ownedBy(rs)], nodeName: 'node-2', createdMs: 0 });
    const alone = pod('alone', { owners: [ownedBy(rs)], nodeName: 'node-1', createdMs: 60_000 });
    const siblings = ['s1', 's2'].map((name) =>
      pod(name, { labels: { app: 'old' }, owners: [ownedBy(sibling)], nodeName: 'node-2' }),
    );
    const state = stateWith(rs, sibling, crowded, alone, ...siblings);
    expect(record(controller.reconcile('default/web', contextAt(state, 120_000))).deletes).toEqual([
      'crowded',
    ]);
  });

  it('gives every pod rank 0 when the ReplicaSet has no controller, as upstream does', () => {
    const rs = replicaSet({ replicas: 2 });
    const older = pod('older', { owners: [ownedBy(rs)], nodeName: 'node-2', createdMs: 0 });
    const newer = pod('newer', { owners: [ownedBy(rs)], nodeName: 'node-1', createdMs: 3_600_000 });
    const sameNode = pod('same-node', {
      owners: [ownedBy(rs)],
      nodeName: 'node-2',
      createdMs: 0,
      uid: 'uid-z',
    });
    const recorded = sync(rs, [older, newer, sameNode], 7_200_000);
    expect(recorded.deletes).toEqual(['newer']);
  });
});

// Adoption and release, as upstream's PodControllerRefManager.ClaimPods decides them.

import { describe, expect, it } from 'vitest';
import { replicaSetController } from '../../../controllers/replicaset/index.ts';
import type { Command } from '../../../core/commands.ts';
import type { Pod } from '../../../core/objects.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { contextAt, ownedBy, pod, record, replicaSet, stateWith } from './builders.ts';

const controller = replicaSetController();

function syncState(state: ClusterState) {
  return controller.reconcile('default/web', contextAt(state));
}

/** The pods table with every way of walking it replaced by a failure. */
function unwalkable(state: ClusterState): ClusterState {
  const fail = () => {
    throw new Error('the pods table was walked');
  };
  const pods = Object.create(state.pods, {
    values: { value: fail },
    keys: { value: fail },
    sortedKeys: { value: fail },
    sortedValues: { value: fail },
  });
  return { ...state, pods };
}

describe('ReplicaSet controller: adoption', () => {
  it('adopts a matching orphan with a controller reference to the ReplicaSet', () => {
    const rs = replicaSet({ replicas: 1 });
    const commands = syncState(stateWith(rs, pod('orphan'))).flatMap((effect) =>
      effect.kind === 'submit' ? [effect.command] : [],
    );
    const expected: Command = {
      type: 'adopt',
      actor: 'controller/replicaset',
      kind: 'Pod',
      namespace: 'default',
      name: 'orphan',
      resourceVersion: '2',
      owner: {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: 'web',
        uid: 'uid-web',
        controller: true,
        blockOwnerDeletion: true,
      },
    };
    expect(commands[0]).toEqual(expected);
  });

  it('counts the adopted pod as a replica, so creates none for it', () => {
    const rs = replicaSet({ replicas: 1 });
    const recorded = record(syncState(stateWith(rs, pod('orphan'))));
    expect([recorded.adopts, recorded.creates.length, recorded.statuses[0]?.replicas]).toEqual([
      ['orphan'],
      0,
      1,
    ]);
  });

  it('leaves orphans of other namespaces and with other labels alone', () => {
    const rs = replicaSet({ replicas: 0 });
    const other = [pod('elsewhere', { namespace: 'other' }), pod('db', { labels: { app: 'db' } })];
    expect(record(syncState(stateWith(rs, ...other))).adopts).toEqual([]);
  });

  it('does not adopt terminal or terminating orphans', () => {
    const rs = replicaSet({ replicas: 0 });
    const other = [
      pod('done', { phase: 'Succeeded' }),
      pod('leaving', { deletionTimestamp: '2025-01-01T00:00:30Z' }),
    ];
    expect(record(syncState(stateWith(rs, ...other))).adopts).toEqual([]);
  });

  it('leaves pods controlled by another owner alone', () => {
    const rs = replicaSet({ replicas: 0 });
    const theirs = pod('theirs', { owners: [ownedBy(replicaSet({ name: 'other', uid: 'uid-other' }))] });
    const recorded = record(syncState(stateWith(rs, theirs)));
    expect([recorded.adopts, recorded.deletes]).toEqual([[], []]);
  });

  it('does not adopt while the ReplicaSet is being deleted', () => {
    const rs = replicaSet({ replicas: 1, deletionTimestamp: '2025-01-01T00:00:00Z' });
    expect(record(syncState(stateWith(rs, pod('orphan')))).adopts).toEqual([]);
  });

  it('never walks the pods table when no pod in the cluster is an orphan', () => {
    const rs = replicaSet({ replicas: 2 });
    const state = unwalkable(stateWith(rs, pod('a', { owners: [ownedBy(rs)] })));
    expect(record(syncState(state)).creates).toHaveLength(1);
  });
});

describe('ReplicaSet controller: release', () => {
  const rs = replicaSet({ replicas: 1 });
  const relabelled: Pod = pod('relabelled', { owners: [ownedBy(rs)], labels: { app: 'debug' } });

  it('releases an owned pod whose labels no longer match the selector', () => {
    expect(record(syncState(stateWith(rs, relabelled))).releases).toEqual(['relabelled']);
  });

  it('no longer counts the released pod, and creates a replacement', () => {
    const recorded = record(syncState(stateWith(rs, relabelled)));
    expect(recorded.creates).toHaveLength(1);
  });

  it('keeps a non-matching pod without releasing it while the ReplicaSet is being deleted', () => {
    const deleting = replicaSet({ replicas: 1, deletionTimestamp: '2025-01-01T00:00:00Z' });
    const owned = pod('relabelled', { owners: [ownedBy(deleting)], labels: { app: 'debug' } });
    expect(record(syncState(stateWith(deleting, owned))).releases).toEqual([]);
  });
});

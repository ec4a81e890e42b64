// The minimal garbage collector: dependents of a deleted owner go in the background.

import { of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { garbageCollector } from '../../../controllers/garbage-collector/index.ts';
import type { Command } from '../../../core/commands.ts';
import type { Effect } from '../../../core/controller.ts';
import type { KubeObject, OwnerReference } from '../../../core/objects.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { apply, change, contextAt, ownedBy, pod, replicaSet, stateWith } from '../replicaset/builders.ts';

const collector = garbageCollector();
const rs = replicaSet({ name: 'web' });

function commands(effects: readonly Effect[]): Command[] {
  return effects.flatMap((effect) => (effect.kind === 'submit' ? [effect.command] : []));
}

/** The state once the ReplicaSet is gone, its pods left behind. */
function withoutReplicaSet(...objects: KubeObject[]): ClusterState {
  return apply(stateWith(rs, ...objects), { type: 'replicaset/deleted', namespace: 'default', name: 'web' });
}

describe('garbage collector', () => {
  it('watches a deleted ReplicaSet as its uid, read from before the deletion', () => {
    const keys: string[] = [];
    const deleted = change(stateWith(rs), { type: 'replicaset/deleted', namespace: 'default', name: 'web' });
    collector.watch(of(deleted)).subscribe((key) => keys.push(key));
    expect(keys).toEqual(['uid-web']);
  });

  it('deletes the pods the deleted ReplicaSet controlled, each with its uid as precondition', () => {
    const state = withoutReplicaSet(
      pod('a', { owners: [ownedBy(rs)] }),
      pod('b', { owners: [ownedBy(rs)] }),
      pod('other'),
    );
    const expected: Command[] = ['a', 'b'].map((name) => ({
      type: 'delete',
      actor: 'controller/garbage-collector',
      kind: 'Pod',
      namespace: 'default',
      name,
      uid: `uid-${name}`,
    }));
    expect(commands(collector.reconcile('uid-web', contextAt(state)))).toEqual(expected);
  });

  it('leaves pods that are already being deleted', () => {
    const state = withoutReplicaSet(
      pod('a', { owners: [ownedBy(rs)], deletionTimestamp: '2025-01-01T00:00:30Z' }),
    );
    expect(collector.reconcile('uid-web', contextAt(state))).toEqual([]);
  });

  it('only drops the dangling reference of a pod that still has a live owner', () => {
    const keeper: OwnerReference = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      name: 'keeper',
      uid: 'uid-keeper',
    };
    const state = apply(withoutReplicaSet(pod('a', { owners: [ownedBy(rs), keeper] })), {
      type: 'replicaset/created',
      object: replicaSet({ name: 'keeper' }),
    });
    const [command] = commands(collector.reconcile('uid-web', contextAt(state)));
    expect(command).toMatchObject({ type: 'releasePod', name: 'a', ownerUid: 'uid-web' });
  });

  it('does nothing while the owner still exists', () => {
    const state = stateWith(rs, pod('a', { owners: [ownedBy(rs)] }));
    expect(collector.reconcile('uid-web', contextAt(state))).toEqual([]);
  });

  it('deletes the ReplicaSets of a deleted Deployment', () => {
    const deployment: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'app',
        namespace: 'default',
        uid: 'uid-app',
        creationTimestamp: '2025-01-01T00:00:00Z',
      },
    };
    const owner: OwnerReference = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'app',
      uid: 'uid-app',
      controller: true,
    };
    const before = stateWith(deployment, replicaSet({ name: 'app-1', owner }));
    const deleted = change(before, {
      type: 'object/deleted',
      kind: 'Deployment',
      namespace: 'default',
      name: 'app',
    });
    const keys: string[] = [];
    collector.watch(of(deleted)).subscribe((key) => keys.push(key));
    const [command] = commands(collector.reconcile(keys[0] ?? '', contextAt(deleted.after)));
    expect(command).toMatchObject({ type: 'delete', kind: 'ReplicaSet', name: 'app-1', uid: 'uid-app-1' });
  });
});

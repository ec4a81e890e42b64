// The garbage collector: background deletion of objects whose owners are gone, dangling
// references dropped, foreground deletion (dependents first) and orphaning, as upstream's
// attemptToDeleteItem and processDeletingDependentsItem decide.

import { of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { garbageCollector } from '../../../controllers/garbage-collector/index.ts';
import type { Command } from '../../../core/commands.ts';
import type { KubeObject, OwnerReference } from '../../../core/objects.ts';
import { kindTable } from '../../../reducers/lookup.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { ClusterHarness } from '../../support/cluster-harness.ts';
import { apply, change, contextAt, ownedBy, pod, replicaSet, stateWith } from '../replicaset/builders.ts';
import { commandsOf } from '../../support/effects.ts';

const collector = garbageCollector();
const rs = replicaSet({ name: 'web' });

/** The state once the ReplicaSet is gone, its pods left behind. */
function withoutReplicaSet(...objects: KubeObject[]): ClusterState {
  return apply(stateWith(rs, ...objects), { type: 'object/deleted', kind: 'ReplicaSet', namespace: 'default', name: 'web' });
}

function keysOf(changeToWatch: ReturnType<typeof change>): string[] {
  const keys: string[] = [];
  collector.watch(of(changeToWatch)).subscribe((key) => keys.push(key));
  return keys;
}

describe('garbage collector: background', () => {
  it('queues the dependents of a deleted owner, found in the index after the deletion', () => {
    const deleted = change(stateWith(rs, pod('a', { owners: [ownedBy(rs)] })), { type: 'object/deleted', kind: 'ReplicaSet', namespace: 'default', name: 'web' });
    expect(keysOf(deleted)).toEqual(['Pod:default/a']);
  });

  it('deletes a pod whose controller is gone, with its uid as precondition', () => {
    const state = withoutReplicaSet(pod('a', { owners: [ownedBy(rs)] }), pod('other'));
    const expected: Command = { type: 'delete', actor: 'controller/garbage-collector', kind: 'Pod', namespace: 'default', name: 'a', uid: 'uid-a', propagationPolicy: 'Background' };
    expect(commandsOf(collector.reconcile('Pod:default/a', contextAt(state)))).toEqual([expected]);
  });

  it('leaves pods that are already being deleted', () => {
    const state = withoutReplicaSet(pod('a', { owners: [ownedBy(rs)], deletionTimestamp: '2025-01-01T00:00:30Z' }));
    expect(collector.reconcile('Pod:default/a', contextAt(state))).toEqual([]);
  });

  it('only drops the dangling reference of a pod that still has a live owner', () => {
    const keeper: OwnerReference = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'keeper', uid: 'uid-keeper' };
    const state = apply(withoutReplicaSet(pod('a', { owners: [ownedBy(rs), keeper] })), { type: 'object/created', object: replicaSet({ name: 'keeper' }) });
    const [command] = commandsOf(collector.reconcile('Pod:default/a', contextAt(state)));
    expect(command).toMatchObject({ type: 'release', kind: 'Pod', name: 'a', ownerUid: 'uid-web' });
  });

  it('does nothing while the owner exists, and is not even asked', () => {
    const created = change(stateWith(rs), { type: 'pod/created', object: pod('a', { owners: [ownedBy(rs)] }) });
    expect(keysOf(created)).toEqual([]);
    expect(collector.reconcile('Pod:default/a', contextAt(created.after))).toEqual([]);
  });

  it('deletes an object created with an owner that does not exist (a dangling reference from the start)', () => {
    const created = change(stateWith(), { type: 'pod/created', object: pod('a', { owners: [ownedBy(rs)] }) });
    expect(keysOf(created)).toEqual(['Pod:default/a']);
    expect(commandsOf(collector.reconcile('Pod:default/a', contextAt(created.after)))).toMatchObject([{ type: 'delete', name: 'a' }]);
  });
});

describe('garbage collector: propagation policies, end to end', () => {
  function clusterWithReplicaSet(): ClusterHarness {
    const cluster = new ClusterHarness([garbageCollector()]);
    cluster.apply({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } } } });
    const owner = kindTable(cluster.state, 'ReplicaSet').get('default/web') as KubeObject;
    for (const name of ['a', 'b']) {
      cluster.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: 'web' }, ownerReferences: [ownedBy(owner as never)] }, spec: { containers: [{ name: 'app', image: 'nginx' }] } });
    }
    return cluster;
  }

  it('background: the owner goes at once, then each dependent', () => {
    const cluster = clusterWithReplicaSet();
    const start = cluster.events.length;
    cluster.run({ type: 'delete', actor: 'user', kind: 'ReplicaSet', namespace: 'default', name: 'web', propagationPolicy: 'Background' });
    expect(cluster.typesSince(start)).toEqual(['object/deleted web', 'pod/deleted a', 'pod/deleted b']);
  });

  it('foreground: the owner waits with foregroundDeletion until its blocking dependents are gone', () => {
    const cluster = clusterWithReplicaSet();
    const start = cluster.events.length;
    cluster.run({ type: 'delete', actor: 'user', kind: 'ReplicaSet', namespace: 'default', name: 'web', propagationPolicy: 'Foreground' });
    expect(cluster.typesSince(start)).toEqual(['object/deletionRequested web', 'pod/deleted a', 'pod/deleted b', 'object/updated web', 'object/deleted web']);
    expect(cluster.events[start]).toMatchObject({ finalizers: ['foregroundDeletion'] });
  });

  it('orphan: the dependents lose their owner reference and stay', () => {
    const cluster = clusterWithReplicaSet();
    const start = cluster.events.length;
    cluster.run({ type: 'delete', actor: 'user', kind: 'ReplicaSet', namespace: 'default', name: 'web', propagationPolicy: 'Orphan' });
    expect(cluster.typesSince(start)).toEqual(['object/deletionRequested web', 'pod/released a', 'pod/released b', 'object/updated web', 'object/deleted web']);
    expect(cluster.state.pods.get('default/a')?.metadata.ownerReferences).toBeUndefined();
  });

  it("follows the kind's default when the request names no policy: orphan for a ReplicationController", () => {
    const cluster = new ClusterHarness([garbageCollector()]);
    cluster.apply({ apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'rc' }, spec: { replicas: 0, selector: { app: 'rc' }, template: { metadata: { labels: { app: 'rc' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } } } });
    const events = cluster.run({ type: 'delete', actor: 'user', kind: 'ReplicationController', namespace: 'default', name: 'rc' });
    expect(events[0]).toMatchObject({ type: 'object/deletionRequested', finalizers: ['orphan'] });
  });
});

// Which Deployment keys a change wakes, as upstream's handlers route them
// (deployment_controller_test.go TestGetReplicaSetsForDeployment / TestUpdateReplicaSet* /
// TestDeletePod*-style cases): the Deployment itself, the controller of a ReplicaSet, the
// Deployments selecting an orphan, and a Recreate Deployment whose last pod went.

import { describe, expect, it } from 'vitest';
import { deploymentKeysFor } from '../../../controllers/deployment/watch.ts';
import { controllerRef } from '../../../controllers/common/controller-ref.ts';
import type { EventBody } from '../../../core/events.ts';
import type { ReplicaSet } from '../../../core/objects.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { change } from '../../support/reduce-events.ts';
import { deployment, template } from './builders.ts';
import { V1, ownedReplicaSet, podOf, stateWith } from './sync-builders.ts';

const rolling = deployment({ name: 'foo', uid: 'uid-foo', template: V1, maxSurge: 1 });
const recreate = deployment({ name: 'bar', uid: 'uid-bar', template: V1, strategy: 'Recreate', selector: { foo: 'bar' } });
const elsewhere = { ...deployment({ name: 'far', uid: 'uid-far', template: V1 }), metadata: { ...deployment({ name: 'far', uid: 'uid-far' }).metadata, namespace: 'other' } };
const unrelated = deployment({ name: 'baz', uid: 'uid-baz', selector: { app: 'baz' }, template: template({ app: 'baz' }) });

const ownedRS = ownedReplicaSet(rolling, { template: V1, replicas: 1, revision: 1 });

function orphanOf(rs: ReplicaSet, name = 'orphan'): ReplicaSet {
  const { ownerReferences: _owners, ...metadata } = rs.metadata;
  return { ...rs, metadata: { ...metadata, name, uid: `uid-${name}` } };
}

function keys(state: ClusterState, body: EventBody): string[] {
  return deploymentKeysFor(change(state, body));
}

const base = stateWith(rolling, recreate, elsewhere, unrelated);

describe('Deployment changes', () => {
  it('wake the Deployment on create, update, status write, scale and deletion', () => {
    const withFoo = stateWith(rolling);
    expect([
      keys(stateWith(), { type: 'object/created', object: rolling }),
      keys(withFoo, { type: 'object/updated', object: rolling }),
      keys(withFoo, { type: 'object/statusUpdated', kind: 'Deployment', namespace: 'default', name: 'foo', status: {} }),
      keys(withFoo, { type: 'object/scaled', kind: 'Deployment', namespace: 'default', name: 'foo', replicas: 4 }),
      keys(withFoo, { type: 'object/deletionRequested', kind: 'Deployment', namespace: 'default', name: 'foo', finalizers: [] }),
    ]).toEqual([['default/foo'], ['default/foo'], ['default/foo'], ['default/foo'], ['default/foo']]);
  });
});

describe('ReplicaSet changes', () => {
  it('a created ReplicaSet with a controller wakes that Deployment only', () => {
    expect(keys(base, { type: 'object/created', object: ownedRS })).toEqual(['default/foo']);
  });

  it('a controller reference whose uid does not match wakes nobody', () => {
    const impostor = { ...ownedRS, metadata: { ...ownedRS.metadata, ownerReferences: [{ ...controllerRef(rolling), uid: 'uid-gone' }] } };
    expect(keys(base, { type: 'object/created', object: impostor })).toEqual([]);
  });

  it('an orphan wakes every Deployment of its namespace whose selector matches its labels', () => {
    expect(keys(base, { type: 'object/created', object: orphanOf(ownedRS) })).toEqual(['default/bar', 'default/foo']);
  });

  it('an orphan without labels wakes nobody', () => {
    const bare = orphanOf(ownedRS);
    const { labels: _labels, ...metadata } = bare.metadata;
    expect(keys(base, { type: 'object/created', object: { ...bare, metadata } })).toEqual([]);
  });

  it('a status report of an owned ReplicaSet wakes its controller', () => {
    const state = stateWith(rolling, ownedRS);
    expect(keys(state, { type: 'object/statusUpdated', kind: 'ReplicaSet', namespace: 'default', name: ownedRS.metadata.name, status: { replicas: 1 } })).toEqual(['default/foo']);
  });

  it('a status report of an orphan wakes nobody (neither labels nor owner moved)', () => {
    const orphan = orphanOf(ownedRS);
    const state = stateWith(rolling, orphan);
    expect(keys(state, { type: 'object/statusUpdated', kind: 'ReplicaSet', namespace: 'default', name: 'orphan', status: { replicas: 1 } })).toEqual([]);
  });

  it('a release wakes the old controller and, the ReplicaSet now an orphan, the Deployments selecting it', () => {
    const state = stateWith(rolling, recreate, ownedRS);
    const released = keys(state, { type: 'object/released', kind: 'ReplicaSet', namespace: 'default', name: ownedRS.metadata.name, ownerUid: 'uid-foo' });
    expect(released).toEqual(['default/foo', 'default/bar']);
  });

  it('an adoption wakes the new controller', () => {
    const orphan = orphanOf(ownedRS);
    const state = stateWith(rolling, orphan);
    expect(keys(state, { type: 'object/adopted', kind: 'ReplicaSet', namespace: 'default', name: 'orphan', owner: controllerRef(rolling) })).toEqual(['default/foo']);
  });

  it('a deleted ReplicaSet wakes the controller it had', () => {
    const state = stateWith(rolling, ownedRS);
    expect(keys(state, { type: 'object/deleted', kind: 'ReplicaSet', namespace: 'default', name: ownedRS.metadata.name })).toEqual(['default/foo']);
  });
});

describe('pod deletions', () => {
  const recreateRS = ownedReplicaSet(recreate, { template: V1, replicas: 0, revision: 1, available: 0 });
  const rollingRS = ownedRS;

  it('the last pod of a Recreate Deployment wakes it', () => {
    const state = stateWith(recreate, recreateRS, podOf('p1', recreateRS));
    expect(keys(state, { type: 'pod/deleted', namespace: 'default', name: 'p1' })).toEqual(['default/bar']);
  });

  it('a Recreate pod that leaves others behind wakes nobody', () => {
    const state = stateWith(recreate, recreateRS, podOf('p1', recreateRS), podOf('p2', recreateRS));
    expect(keys(state, { type: 'pod/deleted', namespace: 'default', name: 'p1' })).toEqual([]);
  });

  it('a RollingUpdate Deployment does not care about its pods', () => {
    const state = stateWith(rolling, rollingRS, podOf('p1', rollingRS));
    expect(keys(state, { type: 'pod/deleted', namespace: 'default', name: 'p1' })).toEqual([]);
  });

  it('pod creations and status reports wake nobody', () => {
    const state = stateWith(recreate, recreateRS, podOf('p1', recreateRS));
    expect([
      keys(state, { type: 'pod/created', object: podOf('p2', recreateRS) }),
      keys(state, { type: 'pod/statusUpdated', namespace: 'default', name: 'p1', status: { phase: 'Failed' } }),
    ]).toEqual([[], []]);
  });
});

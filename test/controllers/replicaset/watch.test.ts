// Which ReplicaSets a change wakes, through the controller's watch pipeline.

import { of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { replicaSetController } from '../../../controllers/replicaset/index.ts';
import type { Change } from '../../../core/controller.ts';
import type { EventBody } from '../../../core/events.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { change, ownedBy, pod, replicaSet, stateWith } from './builders.ts';

const web = replicaSet({ name: 'web', selector: { app: 'web' } });
const web2 = replicaSet({ name: 'web2', selector: { app: 'web' } });
const db = replicaSet({ name: 'db', selector: { app: 'db' } });
const owned = pod('web-1', { owners: [ownedBy(web)] });
const base = stateWith(web, web2, db, owned);

function keysFor(changed: Change<ClusterState>): string[] {
  const keys: string[] = [];
  replicaSetController()
    .watch(of(changed))
    .subscribe((key) => keys.push(key));
  return keys;
}

function keysAfter(body: EventBody, state = base): string[] {
  return keysFor(change(state, body));
}

const readyStatus = { phase: 'Running' as const, conditions: [{ type: 'Ready', status: 'True' as const }] };

describe('ReplicaSet controller: watch', () => {
  it('syncs a ReplicaSet that was created, updated or scaled', () => {
    const created = keysAfter({ type: 'object/created', object: replicaSet({ name: 'new' }) });
    const scaled = keysAfter({ type: 'object/scaled', kind: 'ReplicaSet', namespace: 'default', name: 'db', replicas: 5 });
    expect([created, scaled]).toEqual([['default/new'], ['default/db']]);
  });

  it('syncs the controlling ReplicaSet of a created pod', () => {
    expect(keysAfter({ type: 'pod/created', object: pod('web-2', { owners: [ownedBy(web)] }) })).toEqual([
      'default/web',
    ]);
  });

  it('syncs every matching ReplicaSet of the namespace for a created orphan', () => {
    expect(keysAfter({ type: 'pod/created', object: pod('stray') })).toEqual(['default/web', 'default/web2']);
  });

  it('ignores a pod whose controller reference names a ReplicaSet that is gone', () => {
    const gone = ownedBy(replicaSet({ name: 'web', uid: 'uid-of-an-older-web' }));
    expect(keysAfter({ type: 'pod/created', object: pod('web-3', { owners: [gone] }) })).toEqual([]);
  });

  it('does not sync on a binding alone', () => {
    expect(keysAfter({ type: 'pod/bound', namespace: 'default', name: 'web-1', nodeName: 'node-1' })).toEqual(
      [],
    );
  });

  it('syncs the owner when a pod becomes ready', () => {
    expect(
      keysAfter({ type: 'pod/statusUpdated', namespace: 'default', name: 'web-1', status: readyStatus }),
    ).toEqual(['default/web']);
  });

  it('does not sync on a status report that moves neither phase nor readiness', () => {
    const status = { ...owned.status, podIP: '10.0.0.7' };
    expect(keysAfter({ type: 'pod/statusUpdated', namespace: 'default', name: 'web-1', status })).toEqual([]);
  });

  it('syncs the owner when a pod is being deleted and when it is gone', () => {
    const requested = keysAfter({
      type: 'pod/deletionRequested',
      namespace: 'default',
      name: 'web-1',
      gracePeriodSeconds: 30,
    });
    const deleted = keysAfter({ type: 'pod/deleted', namespace: 'default', name: 'web-1' });
    expect([requested, deleted]).toEqual([['default/web'], ['default/web']]);
  });

  it('does not sync anyone when an orphan is deleted', () => {
    const state = stateWith(web, pod('stray'));
    expect(keysAfter({ type: 'pod/deleted', namespace: 'default', name: 'stray' }, state)).toEqual([]);
  });

  it('syncs the owner when the labels of its pod change', () => {
    const relabelled = pod('web-1', { owners: [ownedBy(web)], labels: { app: 'web', debug: 'true' } });
    expect(keysAfter({ type: 'pod/updated', object: relabelled })).toEqual(['default/web']);
  });

  it('syncs the adopter when a pod is adopted', () => {
    const state = stateWith(web, db, pod('stray', { labels: { app: 'db' } }));
    expect(
      keysAfter({ type: 'pod/adopted', namespace: 'default', name: 'stray', owner: ownedBy(db) }, state),
    ).toEqual(['default/db']);
  });

  it('syncs the old owner and the ReplicaSets that may adopt a released pod', () => {
    const state = stateWith(web, web2, pod('web-1', { owners: [ownedBy(web)] }));
    const keys = keysAfter(
      { type: 'pod/released', namespace: 'default', name: 'web-1', ownerUid: 'uid-web' },
      state,
    );
    expect(keys).toEqual(['default/web', 'default/web2']);
  });
});

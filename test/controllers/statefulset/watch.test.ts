// Which StatefulSets a change wakes, through the controller's watch pipeline, as upstream's
// handlers route them (pkg/controller/statefulset/stateful_set.go addPod, updatePod, deletePod and
// the set informer's handlers; stateful_set_test.go TestStatefulSetControllerAddPod,
// ...UpdatePod, ...UpdatePodWithDifferentSet, ...DeletePod, ...AddPodOrphan,
// ...UpdatePodOrphanWithNewLabels, ...UpdatePodChangeControllerRef, ...DeletePodOrphan).

import { of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { statefulSetController } from '../../../controllers/statefulset/index.ts';
import { toTimestamp } from '../../../core/clock.ts';
import type { EventBody } from '../../../core/events.ts';
import type { Pod } from '../../../core/objects.ts';
import type { StatefulSet } from '../../../core/workloads.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { change } from '../../support/reduce-events.ts';
import { claim } from './builders.ts';
import { memberPod, orphaned, set, stateWith, storedRevision } from './wiring-builders.ts';

function withUid(s: StatefulSet, uid: string, namespace = 'default'): StatefulSet {
  return { ...s, metadata: { ...s.metadata, uid, namespace } };
}

const foo = set();
const bar = withUid(set({ name: 'bar' }), 'uid-bar');
const elsewhere = withUid(set({ name: 'far' }), 'uid-far', 'other');
const owned = memberPod(foo, 0);
const base = stateWith(foo, bar, elsewhere, owned);

function keysAfter(body: EventBody, state: ClusterState = base): string[] {
  const keys: string[] = [];
  statefulSetController()
    .watch(of(change(state, body)))
    .subscribe((key) => keys.push(key));
  return keys;
}

const readyStatus = { phase: 'Running' as const, conditions: [{ type: 'Ready', status: 'True' as const, lastTransitionTime: toTimestamp(0) }] };

function relabelled(pod: Pod, labels: Record<string, string>): Pod {
  return { ...pod, metadata: { ...pod.metadata, labels } };
}

describe('StatefulSet controller: watch of sets', () => {
  it('syncs a set that was created, updated, scaled, had its status written or is being deleted', () => {
    const named = { kind: 'StatefulSet', namespace: 'default', name: 'foo' };
    expect([
      keysAfter({ type: 'object/created', object: set({ name: 'new' }) }),
      keysAfter({ type: 'object/updated', object: foo }),
      keysAfter({ type: 'object/scaled', ...named, replicas: 5 }),
      keysAfter({ type: 'object/statusUpdated', ...named, status: { replicas: 1 } }),
      keysAfter({ type: 'object/deletionRequested', ...named, finalizers: [] }),
    ]).toEqual([['default/new'], ['default/foo'], ['default/foo'], ['default/foo'], ['default/foo']]);
  });

  it('ignores ControllerRevisions, which upstream does not watch for StatefulSets', () => {
    expect(keysAfter({ type: 'object/created', object: storedRevision(foo) })).toEqual([]);
  });
});

describe('StatefulSet controller: watch of pods', () => {
  it('syncs the controlling set of a created pod, and only it', () => {
    expect(keysAfter({ type: 'pod/created', object: memberPod(foo, 1) }, stateWith(foo, bar))).toEqual(['default/foo']);
  });

  it('ignores a pod whose controller reference names a set that is gone (another uid)', () => {
    const stale = memberPod(withUid(foo, 'uid-older-foo'), 1);
    expect(keysAfter({ type: 'pod/created', object: stale })).toEqual([]);
  });

  it('syncs every set of the namespace whose selector matches a created orphan', () => {
    expect(keysAfter({ type: 'pod/created', object: orphaned(memberPod(foo, 4)) })).toEqual(['default/bar', 'default/foo']);
  });

  it('syncs the owner when its pod turns ready, and nobody for a report that changes neither phase nor readiness', () => {
    const ready = keysAfter({ type: 'pod/statusUpdated', namespace: 'default', name: 'foo-0', status: readyStatus });
    const same = keysAfter({ type: 'pod/statusUpdated', namespace: 'default', name: 'foo-0', status: { phase: 'Pending', hostIP: '10.0.0.2' } });
    expect([ready, same]).toEqual([['default/foo'], []]);
  });

  it('does not sync for a binding, which a StatefulSet sync never reads', () => {
    expect(keysAfter({ type: 'pod/bound', namespace: 'default', name: 'foo-0', nodeName: 'node-1' })).toEqual([]);
  });

  it('syncs the owner of a pod being deleted and of a pod gone, but nobody for a gone orphan', () => {
    const stray = orphaned(memberPod(foo, 7));
    const withStray = stateWith(foo, bar, stray);
    expect([
      keysAfter({ type: 'pod/deletionRequested', namespace: 'default', name: 'foo-0', gracePeriodSeconds: 30 }),
      keysAfter({ type: 'pod/deleted', namespace: 'default', name: 'foo-0' }),
      keysAfter({ type: 'pod/deleted', namespace: 'default', name: 'foo-7' }, withStray),
    ]).toEqual([['default/foo'], ['default/foo'], []]);
  });

  it('syncs the old owner and the sets that may adopt a released pod', () => {
    expect(keysAfter({ type: 'pod/released', namespace: 'default', name: 'foo-0', ownerUid: 'test' })).toEqual(['default/foo', 'default/bar']);
  });

  it('syncs the sets selecting an orphan whose labels changed, and nobody when they no longer match', () => {
    const stray = orphaned(memberPod(foo, 7));
    const withStray = stateWith(foo, bar, stray);
    expect([
      keysAfter({ type: 'pod/updated', object: relabelled(stray, { foo: 'bar', extra: 'x' }) }, withStray),
      keysAfter({ type: 'pod/updated', object: relabelled(stray, { app: 'other' }) }, withStray),
    ]).toEqual([['default/bar', 'default/foo'], []]);
  });
});

describe('StatefulSet controller: watch of claims', () => {
  it('syncs the set whose claim template names a deleted claim, and nobody for other claims', () => {
    const state = stateWith(foo, bar, claim('datadir-foo-3'), claim('datadir-foo-x'), claim('scratch'));
    const deleted = (name: string) => keysAfter({ type: 'object/deleted', kind: 'PersistentVolumeClaim', namespace: 'default', name }, state);
    expect([deleted('datadir-foo-3'), deleted('datadir-foo-x'), deleted('scratch')]).toEqual([['default/foo'], [], []]);
  });
});

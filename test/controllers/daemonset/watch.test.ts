// Which DaemonSets a change wakes, through the controller's watch pipeline, as upstream's handlers
// route them (pkg/controller/daemon/daemon_controller.go; daemon_controller_test.go
// TestAddPod, TestUpdatePodChangeControllerRef, TestDeletePod, TestAddPodOrphan,
// TestUpdatePodOrphanSameLabels, TestUpdateNode, TestDeleteNoDaemonPod-style cases).

import { of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { daemonSetController } from '../../../controllers/daemonset/index.ts';
import { shouldIgnoreNodeUpdate } from '../../../controllers/daemonset/node-routing.ts';
import { toTimestamp } from '../../../core/clock.ts';
import type { EventBody } from '../../../core/events.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { change } from '../../support/reduce-events.ts';
import { daemonPod, daemonSet, node, SIMPLE_DAEMON_SET_LABEL, SIMPLE_NODE_LABEL } from './builders.ts';
import { ownedPod, revisionObject, stateWith } from './wiring-builders.ts';

const foo = daemonSet({ name: 'foo' });
const bar = daemonSet({ name: 'bar' });
const picky = daemonSet({ name: 'picky', templateSpec: { nodeSelector: SIMPLE_NODE_LABEL } });
const owned = ownedPod(foo, 'foo-abcde', { nodeName: 'node-0' });
const base = stateWith(foo, bar, picky, owned, node('node-0'), node('node-1', SIMPLE_NODE_LABEL));

function keysAfter(body: EventBody, state: ClusterState = base): string[] {
  const keys: string[] = [];
  daemonSetController()
    .watch(of(change(state, body)))
    .subscribe((key) => keys.push(key));
  return keys;
}

const readyStatus = { phase: 'Running' as const, conditions: [{ type: 'Ready', status: 'True' as const, lastTransitionTime: toTimestamp(0) }] };
const named = { kind: 'DaemonSet', namespace: 'default', name: 'foo' };

describe('DaemonSet controller: watch of DaemonSets and revisions', () => {
  it('syncs a DaemonSet that was created, updated, had its status written or is being deleted', () => {
    expect([
      keysAfter({ type: 'object/created', object: daemonSet({ name: 'new' }) }),
      keysAfter({ type: 'object/updated', object: foo }),
      keysAfter({ type: 'object/statusUpdated', ...named, status: {} }),
      keysAfter({ type: 'object/deletionRequested', ...named, finalizers: [] }),
      keysAfter({ type: 'object/deleted', ...named }),
    ]).toEqual([['default/new'], ['default/foo'], ['default/foo'], ['default/foo'], []]);
  });

  it('syncs the owner of a revision, and the DaemonSets selecting an orphan one', () => {
    const ownedRevision = revisionObject('foo-1', SIMPLE_DAEMON_SET_LABEL, {}, foo);
    const orphan = revisionObject('stray-1', SIMPLE_DAEMON_SET_LABEL, {});
    expect([keysAfter({ type: 'object/created', object: ownedRevision }), keysAfter({ type: 'object/created', object: orphan })]).toEqual([
      ['default/foo'],
      ['default/bar', 'default/foo', 'default/picky'],
    ]);
  });

  it('syncs the owner of a revision that is deleted', () => {
    const state = stateWith(foo, revisionObject('foo-1', SIMPLE_DAEMON_SET_LABEL, {}, foo));
    expect(keysAfter({ type: 'object/deleted', kind: 'ControllerRevision', namespace: 'default', name: 'foo-1' }, state)).toEqual(['default/foo']);
  });
});

describe('DaemonSet controller: watch of pods', () => {
  it('syncs the controller of a created pod, or every DaemonSet selecting an orphan', () => {
    expect([
      keysAfter({ type: 'pod/created', object: ownedPod(foo, 'foo-new') }),
      keysAfter({ type: 'pod/created', object: daemonPod('stray') }),
    ]).toEqual([['default/foo'], ['default/bar', 'default/foo', 'default/picky']]);
  });

  it('syncs the owner when its pod is bound, turns ready, is being deleted or is gone', () => {
    const pod = { namespace: 'default', name: 'foo-abcde' };
    const unbound = stateWith(foo, ownedPod(foo, 'foo-abcde'));
    expect([
      keysAfter({ type: 'pod/bound', ...pod, nodeName: 'node-0' }, unbound),
      keysAfter({ type: 'pod/statusUpdated', ...pod, status: readyStatus }),
      keysAfter({ type: 'pod/deletionRequested', ...pod, gracePeriodSeconds: 30 }),
      keysAfter({ type: 'pod/deleted', ...pod }),
    ]).toEqual([['default/foo'], ['default/foo'], ['default/foo'], ['default/foo']]);
  });

  it('wakes nobody for a status report that moves neither phase nor readiness', () => {
    expect(keysAfter({ type: 'pod/statusUpdated', namespace: 'default', name: 'foo-abcde', status: { phase: 'Pending', hostIP: '10.0.0.2' } })).toEqual([]);
  });
});

describe('DaemonSet controller: watch of nodes', () => {
  it('syncs, for a node that joins, the DaemonSets that should run a pod there', () => {
    expect([
      keysAfter({ type: 'node/joined', object: node('node-2') }),
      keysAfter({ type: 'node/joined', object: node('node-3', SIMPLE_NODE_LABEL) }),
    ]).toEqual([
      ['default/bar', 'default/foo'],
      ['default/bar', 'default/foo', 'default/picky'],
    ]);
  });

  it('syncs the DaemonSets whose answer a label change moves, and nobody when none moves', () => {
    expect([
      keysAfter({ type: 'node/updated', object: node('node-0', SIMPLE_NODE_LABEL) }),
      keysAfter({ type: 'node/updated', object: node('node-0', { zone: 'a' }) }),
    ]).toEqual([['default/picky'], []]);
  });

  it('syncs every DaemonSet when a taint they do not tolerate arrives', () => {
    const tainted = node('node-1', SIMPLE_NODE_LABEL, [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }]);
    expect(keysAfter({ type: 'node/updated', object: tainted })).toEqual(['default/bar', 'default/foo', 'default/picky']);
  });

  it('wakes nobody for a cordon, which the daemon tolerations make no difference to, nor for a heartbeat', () => {
    const heartbeat = { capacity: {}, allocatable: {}, conditions: [{ type: 'Ready', status: 'True' as const }] };
    expect([keysAfter({ type: 'node/cordoned', name: 'node-0' }), keysAfter({ type: 'node/statusReported', name: 'node-0', status: heartbeat })]).toEqual([[], []]);
  });

  it('syncs, for a node that is deleted, the DaemonSets that ran or should have run a pod there', () => {
    expect(keysAfter({ type: 'node/deleted', name: 'node-0' })).toEqual(['default/bar', 'default/foo']);
  });

  it('ignores an update that moves neither labels, taints nor unschedulable', () => {
    const before = node('node-0');
    expect([
      shouldIgnoreNodeUpdate(before, { ...before, status: { ...before.status, allocatable: { pods: '5' } } }),
      shouldIgnoreNodeUpdate(before, node('node-0', {}, [], true)),
    ]).toEqual([true, false]);
  });
});

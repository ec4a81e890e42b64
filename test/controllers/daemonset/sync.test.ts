// One DaemonSet sync as requests, as upstream's syncDaemonSet (pkg/controller/daemon/
// daemon_controller.go; daemon_controller_test.go TestSimpleDaemonSetLaunchesPods,
// TestDaemonSetHashCollision-style, TestDaemonKillFailedPods-style and
// TestDeleteDaemonSetSkipsPods-style cases): revisions and pods claimed, the plan's calls in
// order with their Events, the collision count raised with a failed sync, and the failed-pod
// back-off kept between syncs in the controller's memory.

import { describe, expect, it } from 'vitest';
import { computeHash } from '../../../controllers/common/hash.ts';
import { daemonSetController } from '../../../controllers/daemonset/index.ts';
import { daemonSetPatch } from '../../../controllers/daemonset/history.ts';
import { DAEMONSET_HASH_LABEL } from '../../../controllers/daemonset/pod-template.ts';
import { syncDaemonSet } from '../../../controllers/daemonset/sync.ts';
import { toTimestamp } from '../../../core/clock.ts';
import type { Effect } from '../../../core/controller.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { contextAt } from '../../support/reduce-events.ts';
import { daemonPod, daemonSet, node, SIMPLE_DAEMON_SET_LABEL } from './builders.ts';
import { commandsOf, describeCommands, KEY, ownedPod, revisionObject, stateWith, wakesOf } from './wiring-builders.ts';

const foo = daemonSet({ name: 'foo' });
const hash = computeHash(foo.spec.template, undefined);
const currentRevision = revisionObject(`foo-${hash}`, { ...SIMPLE_DAEMON_SET_LABEL, [DAEMONSET_HASH_LABEL]: hash }, daemonSetPatch(foo), foo);

function sync(state: ClusterState, nowMs = 0): Effect[] {
  return syncDaemonSet(KEY, contextAt(state, nowMs), { backoff: new Map() });
}

describe('DaemonSet sync: requests in order', () => {
  it('creates the revision, one pod per node, then writes the status', () => {
    expect(describeCommands(sync(stateWith(foo, node('node-0'), node('node-1'))))).toEqual([
      `create ControllerRevision/foo-${hash}`,
      'create Pod/foo-',
      'create Pod/foo-',
      'updateStatus DaemonSet/foo',
    ]);
  });

  it('asks for each pod on its own node, recording "Created pod" with the given name or the refusal', () => {
    const creates = commandsOf(sync(stateWith(foo, currentRevision, node('node-0')))).filter((command) => command.type === 'create');
    expect(
      creates.map((command) => {
        const manifest = command.type === 'create' ? (command.manifest as { spec: { affinity?: unknown } }) : undefined;
        return [JSON.stringify(manifest?.spec.affinity), command.record?.message, command.recordOnRefusal?.message];
      }),
    ).toEqual([
      [
        JSON.stringify({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-0'] }] }] } } }),
        'Created pod: {name}',
        'Error creating: {error}',
      ],
    ]);
  });

  it('adopts a matching orphan revision before the history is used, and an orphan pod before pods are managed', () => {
    const { ownerReferences: _owner, ...metadata } = currentRevision.metadata;
    const orphanRevision = { ...currentRevision, metadata };
    const lines = describeCommands(sync(stateWith(foo, orphanRevision, daemonPod('stray', { nodeName: 'node-0' }), node('node-0'), node('node-1'))));
    expect(lines).toEqual([`adopt ControllerRevision/foo-${hash}`, 'adopt Pod/stray', 'create Pod/foo-', 'updateStatus DaemonSet/foo']);
  });

  it('asks for nothing at all while the DaemonSet is being deleted', () => {
    const deleting = { ...foo, metadata: { ...foo.metadata, deletionTimestamp: toTimestamp(0) } };
    expect(sync(stateWith(deleting, daemonPod('stray', { nodeName: 'node-0' }), node('node-0')))).toEqual([]);
  });

  it('raises the collision count and fails the sync when another revision holds the name', () => {
    const squatter = revisionObject(`foo-${hash}`, { other: 'x' }, { other: true });
    const effects = sync(stateWith(foo, squatter, node('node-0')));
    const status = commandsOf(effects).find((command) => command.type === 'updateStatus');
    expect([describeCommands(effects), (status?.type === 'updateStatus' ? (status.status as { collisionCount?: number }) : {}).collisionCount, effects.at(-1)?.kind]).toEqual([
      ['updateStatus DaemonSet/foo'],
      1,
      'fail',
    ]);
  });
});

describe('DaemonSet sync: the failed-pod back-off', () => {
  const failedOn = (name: string) => ownedPod(foo, name, { nodeName: 'node-0', phase: 'Failed' });
  const first = stateWith(foo, currentRevision, node('node-0'), failedOn('foo-1'));
  const second = stateWith(foo, currentRevision, node('node-0'), failedOn('foo-2'));

  it('deletes a failed pod with the FailedDaemonPod warning first', () => {
    expect(describeCommands(sync(first))).toEqual(['recordEvent FailedDaemonPod', 'delete Pod/foo-1', 'updateStatus DaemonSet/foo']);
  });

  it('remembers the deletion between syncs: the next failed pod within 1 s waits, and the set is woken when the back-off ends', () => {
    const controller = daemonSetController();
    controller.reconcile(KEY, contextAt(first, 0));
    const later = controller.reconcile(KEY, contextAt(second, 500));
    expect([describeCommands(later).filter((line) => line.startsWith('delete')), wakesOf(later)]).toEqual([[], [1500]]);
  });

  it('keeps that memory per controller: a new controller deletes the same pod at once', () => {
    const later = daemonSetController().reconcile(KEY, contextAt(second, 500));
    expect(describeCommands(later).filter((line) => line.startsWith('delete'))).toEqual(['delete Pod/foo-2']);
  });
});

describe('DaemonSet sync: requeues', () => {
  it('wakes minReadySeconds + 1 s after a pod turned ready', () => {
    const slow = { ...foo, spec: { ...foo.spec, minReadySeconds: 10 } };
    const pod = ownedPod(slow, 'foo-1', { nodeName: 'node-0', readySinceMs: 0 });
    const revision = revisionObject(`foo-${computeHash(slow.spec.template, undefined)}`, { ...SIMPLE_DAEMON_SET_LABEL, [DAEMONSET_HASH_LABEL]: computeHash(slow.spec.template, undefined) }, daemonSetPatch(slow), slow);
    expect(wakesOf(sync(stateWith(slow, revision, node('node-0'), pod), 2000)).sort((a, b) => a - b)).toEqual([11_000, 12_000]);
  });
});

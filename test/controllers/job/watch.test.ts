// Which keys a change gives the Job controller, as upstream's handlers route them (addPod,
// updatePod, deletePod, updateJob, deleteJob and cleanupPodFinalizers in
// pkg/controller/job/job_controller.go; cases in the spirit of TestAddPod, TestUpdatePod,
// TestDeletePod, TestWatchOrphanPods and TestFinalizerCleanup of job_controller_test.go).

import { describe, expect, it } from 'vitest';
import { jobKeysFor } from '../../../controllers/job/watch.ts';
import { controllerRef } from '../../../controllers/common/controller-ref.ts';
import type { EventBody } from '../../../core/events.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { change } from '../../support/reduce-events.ts';
import { job, pod } from './builders.ts';
import { COMPLETE, orphaned, podOf, stateWith } from './state-builders.ts';

const running = job({}, {}, 'run');
const done = job({}, { conditions: [COMPLETE] }, 'done');
const tracked = podOf(running, { name: 'run-1', finalizer: true });
const doneTracked = podOf(done, { name: 'done-1', finalizer: true });
const doneUntracked = podOf(done, { name: 'done-2' });
const base = stateWith(running, done, tracked, doneTracked, doneUntracked);

function keys(body: EventBody, state: ClusterState = base): string[] {
  return jobKeysFor(change(state, body));
}

const podEvent = (type: 'pod/statusUpdated', name: string): EventBody => ({ type, namespace: 'default', name, status: { phase: 'Running' } });

describe('pod changes', () => {
  it('a pod created with a Job as controller asks for that Job\'s batched sync', () => {
    expect(keys({ type: 'pod/created', object: podOf(running, { name: 'run-2' }) })).toEqual(['batch:default/run']);
  });

  it('a controller reference whose uid does not match wakes nobody', () => {
    const impostor = { ...tracked, metadata: { ...tracked.metadata, name: 'run-3', ownerReferences: [{ ...controllerRef(running), uid: 'gone' }] } };
    expect(keys({ type: 'pod/created', object: impostor })).toEqual([]);
  });

  it('a status report of a Job\'s pod asks for its batched sync', () => {
    expect(keys(podEvent('pod/statusUpdated', 'run-1'))).toEqual(['batch:default/run']);
  });

  it('an orphan with the finalizer asks for its removal, and the Jobs selecting it may adopt it', () => {
    const orphan = orphaned(podOf(running, { name: 'stray', finalizer: true }));
    expect(keys({ type: 'pod/created', object: orphan })).toEqual(['orphan-pod:default/stray', 'batch:default/run']);
  });

  it('an orphan no Job selects, without the finalizer, wakes nobody', () => {
    expect(keys({ type: 'pod/created', object: pod({ name: 'bare' }) })).toEqual([]);
  });

  it('a pod of a running Job marked for deletion asks for the Job\'s sync', () => {
    expect(keys({ type: 'pod/deletionRequested', namespace: 'default', name: 'run-1', gracePeriodSeconds: 30 })).toEqual(['batch:default/run']);
  });

  it('a pod of a finished Job marked for deletion has its finalizer removed, no sync asked', () => {
    expect(keys({ type: 'pod/deletionRequested', namespace: 'default', name: 'done-1', gracePeriodSeconds: 30 })).toEqual(['orphan-pod:default/done-1']);
    expect(keys({ type: 'pod/deletionRequested', namespace: 'default', name: 'done-2', gracePeriodSeconds: 30 })).toEqual([]);
  });

  it('a released pod wakes its old Job and, now an orphan, has its finalizer removed', () => {
    const released = keys({ type: 'pod/released', namespace: 'default', name: 'run-1', ownerUid: running.metadata.uid });
    expect(released).toEqual(['batch:default/run', 'orphan-pod:default/run-1']);
  });

  it('a pod of another kind of controller wakes nobody', () => {
    const owned = { ...pod({ name: 'web-1', finalizer: true }), metadata: { ...pod({ name: 'web-1' }).metadata, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs', controller: true }] } };
    expect(keys(podEvent('pod/statusUpdated', 'web-1'), stateWith(running, owned))).toEqual([]);
  });
});

describe('Job changes', () => {
  it('a created Job is synced at once', () => {
    expect(keys({ type: 'object/created', object: job({}, {}, 'fresh') })).toEqual(['default/fresh']);
  });

  it('a new generation is synced at once; the same generation is batched', () => {
    const withGeneration = stateWith({ ...running, metadata: { ...running.metadata, generation: 1 } });
    const bumped = { ...running, metadata: { ...running.metadata, generation: 2 } };
    const relabelled = { ...running, metadata: { ...running.metadata, generation: 1, labels: { a: 'b' } } };
    expect(keys({ type: 'object/updated', object: bumped }, withGeneration)).toEqual(['default/run']);
    expect(keys({ type: 'object/updated', object: relabelled }, withGeneration)).toEqual(['batch:default/run']);
  });

  it('a status write is batched', () => {
    expect(keys({ type: 'object/statusUpdated', kind: 'Job', namespace: 'default', name: 'run', status: { active: 1 } })).toEqual(['batch:default/run']);
  });

  it('a finished Job\'s change has the finalizer removed from the pods it still tracks', () => {
    expect(keys({ type: 'object/statusUpdated', kind: 'Job', namespace: 'default', name: 'done', status: { conditions: [COMPLETE], succeeded: 1 } })).toEqual([
      'batch:default/done',
      'orphan-pod:default/done-1',
    ]);
  });

  it('a deleted Job is synced at once and its tracked pods lose the finalizer', () => {
    expect(keys({ type: 'object/deleted', kind: 'Job', namespace: 'default', name: 'run' })).toEqual(['default/run', 'orphan-pod:default/run-1']);
  });

  it('other kinds wake nobody', () => {
    expect(keys({ type: 'object/statusUpdated', kind: 'CronJob', namespace: 'default', name: 'run', status: {} })).toEqual([]);
  });
});

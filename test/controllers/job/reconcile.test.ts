// One reconcile of the Job controller, from states folded through the real reducers: the Job's
// sync with its remembered back-off (podBackoffStore in job_controller.go), the claim's adoption
// with the tracking finalizer (getPodsForJob), the batched sync (enqueueSyncJobBatched) and the
// orphan pods' finalizer removal (syncOrphanPod; cases after TestSyncOrphanPod).

import { describe, expect, it } from 'vitest';
import { JobControllerMemory } from '../../../controllers/job/memory.ts';
import { reconcileJobKey, syncOrphanPod } from '../../../controllers/job/reconcile.ts';
import type { Effect } from '../../../core/controller.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { contextAt } from '../../support/reduce-events.ts';
import { job, pod, terminated } from './builders.ts';
import { COMPLETE, orphaned, podOf, stateWith } from './state-builders.ts';
import { commandsOf } from '../../support/effects.ts';

function summary(effects: readonly Effect[]): string[] {
  return effects.map((effect) => {
    if (effect.kind === 'wake') return `wake ${effect.key} at ${effect.atMs}`;
    if (effect.kind === 'fail') return `fail ${effect.reason}`;
    const command = effect.command;
    return 'name' in command ? `${command.type} ${command.name}` : command.type;
  });
}

function reconcile(state: ClusterState, key: string, nowMs: number, memory = new JobControllerMemory()): Effect[] {
  return reconcileJobKey(key, contextAt(state, nowMs), memory);
}

describe('syncJob', () => {
  it('creates the pods a new Job wants, each recording SuccessfulCreate with the name given', () => {
    const created = commandsOf(reconcile(stateWith(job({ parallelism: 2, completions: 4 }, {}, 'work')), 'default/work', 0)).filter((c) => c.type === 'create');
    expect(created).toHaveLength(2);
    expect(created[0]?.record).toMatchObject({ reason: 'SuccessfulCreate', message: 'Created pod: {name}', involvedObject: { kind: 'Job', name: 'work' } });
    expect(created[0]?.recordOnRefusal).toMatchObject({ type: 'Warning', reason: 'FailedCreate', message: 'Error creating: {error}' });
  });

  it('writes the status first with the Job\'s resourceVersion, then without one after the finalizers go', () => {
    const work = job({}, { active: 1, ready: 0, terminating: 0 }, 'work');
    const finishedPod = podOf(work, { name: 'work-1', phase: 'Succeeded', finalizer: true, containerStatuses: [terminated('main', 0, 1000)] });
    const state = stateWith(work, finishedPod);
    const version = state.objects.get('Job')?.get('default/work')?.metadata.resourceVersion;
    const writes = commandsOf(reconcile(state, 'default/work', 2000));
    expect(writes.map((c) => c.type)).toEqual(['updateStatus', 'removeFinalizer', 'updateStatus', 'recordEvent']);
    expect(writes.map((c) => ('resourceVersion' in c ? c.resourceVersion : undefined))).toEqual([version, undefined, undefined, undefined]);
  });

  it('remembers the back-off of a failed pod: the replacement waits out 10 s from the failure', () => {
    const work = job({}, { active: 1, ready: 0, terminating: 0, startTime: '2025-01-01T00:00:00Z' }, 'work');
    const failedPod = podOf(work, { name: 'work-1', phase: 'Failed', finalizer: true, containerStatuses: [terminated('main', 1, 30_000)] });
    const memory = new JobControllerMemory();
    reconcile(stateWith(work, failedPod), 'default/work', 31_000, memory);
    const counted = job({}, { failed: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {}, startTime: '2025-01-01T00:00:00Z' }, 'work');
    const after = stateWith(counted, podOf(counted, { name: 'work-1', phase: 'Failed', containerStatuses: [terminated('main', 1, 30_000)] }));
    expect(summary(reconcile(after, 'default/work', 35_000, memory))).toEqual(['wake default/work at 40000']);
    expect(summary(reconcile(after, 'default/work', 35_000)).filter((line) => line.startsWith('create'))).toHaveLength(1);
  });

  it('does nothing for a finished or missing Job', () => {
    expect(reconcile(stateWith(job({}, { conditions: [COMPLETE] }, 'done')), 'default/done', 0)).toEqual([]);
    expect(reconcile(stateWith(), 'default/gone', 0)).toEqual([]);
  });

  it('adopts a matching orphan and gives it the tracking finalizer', () => {
    const work = job({}, {}, 'work');
    const stray = orphaned(podOf(work, { name: 'stray' }));
    const adoption = commandsOf(reconcile(stateWith(work, stray), 'default/work', 0)).slice(0, 2);
    expect(adoption).toMatchObject([
      { type: 'adopt', name: 'stray', owner: { kind: 'Job', name: 'work', uid: work.metadata.uid, controller: true } },
      { type: 'patch', name: 'stray', patch: { metadata: { finalizers: ['batch.kubernetes.io/job-tracking'] } } },
    ]);
  });
});

describe('batched syncs', () => {
  it('a batch request wakes the Job one second later, once for requests until then', () => {
    const memory = new JobControllerMemory();
    const state = stateWith(job({}, {}, 'work'));
    expect(summary(reconcile(state, 'batch:default/work', 5000, memory))).toEqual(['wake default/work at 6000']);
    expect(reconcile(state, 'batch:default/work', 5500, memory)).toEqual([]);
    reconcile(state, 'default/work', 6000, memory);
    expect(summary(reconcile(state, 'batch:default/work', 6000, memory))).toEqual(['wake default/work at 7000']);
  });
});

describe('syncOrphanPod', () => {
  const running = job({}, {}, 'run');
  const done = job({}, { conditions: [COMPLETE] }, 'done');

  it('removes the finalizer of a pod no Job controls', () => {
    const stray = orphaned(podOf(running, { name: 'stray', finalizer: true }));
    expect(commandsOf(syncOrphanPod('default/stray', stateWith(stray)))).toMatchObject([
      { type: 'removeFinalizer', kind: 'Pod', name: 'stray', finalizer: 'batch.kubernetes.io/job-tracking', actor: 'controller/job' },
    ]);
  });

  it('removes the finalizer of a pod whose Job finished or is gone', () => {
    expect(summary(syncOrphanPod('default/done-1', stateWith(done, podOf(done, { name: 'done-1', finalizer: true }))))).toEqual(['removeFinalizer done-1']);
    expect(summary(syncOrphanPod('default/run-1', stateWith(podOf(running, { name: 'run-1', finalizer: true }))))).toEqual(['removeFinalizer run-1']);
  });

  it('leaves the pod of a running Job, and a pod another kind controls, alone', () => {
    expect(syncOrphanPod('default/run-1', stateWith(running, podOf(running, { name: 'run-1', finalizer: true })))).toEqual([]);
    const other = { ...pod({ name: 'rs-1', finalizer: true }), metadata: { ...pod({ name: 'rs-1', finalizer: true }).metadata, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'rs', controller: true }] } };
    expect(syncOrphanPod('default/rs-1', stateWith(other))).toEqual([]);
  });
});

// One reconcile of the CronJob controller from states folded through the real reducers: the
// requests of a sync in upstream's order (sync and syncCronJob in
// pkg/controller/cronjob/cronjob_controllerv2.go, after TestControllerV2SyncCronJob), the status
// write a create leaves to the next sync, and the rescheduling after a new schedule
// (TestControllerV2UpdateCronJob).

import { describe, expect, it } from 'vitest';
import { CronJobControllerMemory } from '../../../controllers/cronjob/memory.ts';
import { reconcileCronJobKey } from '../../../controllers/cronjob/reconcile.ts';
import { EPOCH_MS, toTimestamp } from '../../../core/clock.ts';
import type { Command } from '../../../core/commands.ts';
import type { Effect } from '../../../core/controller.ts';
import type { Job } from '../../../core/workloads.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { apply, contextAt } from '../../support/reduce-events.ts';
import { afterTop, cronJob, HOUR_MS, job, MINUTE_MS, TOP_OF_THE_HOUR } from './builders.ts';
import { stateWith } from './state-builders.ts';
import { commandsOf } from '../../support/effects.ts';

const KEY = 'snazzycats/mycronjob';
const cj = cronJob();
/** The Job of the 11:00 activation: the CronJob's name and the scheduled time in Unix minutes. */
const JOB = `mycronjob-${(EPOCH_MS + afterTop(HOUR_MS)) / MINUTE_MS}`;

function summary(effects: readonly Effect[]): string[] {
  return effects.map((effect) => {
    if (effect.kind === 'wake') return `wake ${effect.key} at +${effect.atMs - TOP_OF_THE_HOUR}`;
    if (effect.kind === 'fail') return `fail ${effect.reason}`;
    const command = effect.command;
    if (command.type === 'recordEvent') return `event ${command.event.reason}`;
    return 'name' in command ? `${command.type} ${command.name}` : command.type;
  });
}

function reconcile(state: ClusterState, key: string, nowMs: number, memory = new CronJobControllerMemory()): Effect[] {
  return reconcileCronJobKey(key, contextAt(state, nowMs), memory);
}

/** The Job the API server stores for the create of the activation at `scheduledMs`. */
function createdJob(createCommand: Command | undefined): Job {
  if (createCommand?.type !== 'create') throw new Error('no create');
  const manifest = createCommand.manifest as Job;
  return { ...manifest, metadata: { ...manifest.metadata, uid: 'uid-created', creationTimestamp: toTimestamp(afterTop(HOUR_MS)) }, status: {} };
}

describe('a sync at an activation', () => {
  const state = stateWith(cj);
  const memory = new CronJobControllerMemory();
  const first = reconcile(state, KEY, afterTop(HOUR_MS + 1000), memory);

  it('creates the Job and requeues for the next activation, leaving the status for later', () => {
    expect(summary(first)).toEqual([`create`, `wake ${KEY} at +${2 * HOUR_MS + 100}`]);
    expect(commandsOf(first)[0]).toMatchObject({
      record: { reason: 'SuccessfulCreate', message: `Created job ${JOB}` },
      recordOnRefusal: { type: 'Warning', reason: 'FailedCreate', message: 'Error creating job: {error}' },
    });
  });

  it('the next sync writes the status once, with the created Job\'s uid, and the first sync\'s precondition', () => {
    const created = createdJob(commandsOf(first)[0]);
    const after = apply(state, { type: 'object/created', object: created });
    const second = commandsOf(reconcile(after, KEY, afterTop(HOUR_MS + 1000), memory));
    expect(second).toHaveLength(1);
    expect(second[0]).toMatchObject({
      type: 'updateStatus',
      resourceVersion: state.objects.get('CronJob')?.get(KEY)?.metadata.resourceVersion,
      status: { active: [{ kind: 'Job', name: JOB, uid: 'uid-created' }], lastScheduleTime: toTimestamp(afterTop(HOUR_MS)) },
    });
  });

  it('when the create was refused, the next sync writes what changed before it and fails, to retry after back-off', () => {
    const refusedMemory = new CronJobControllerMemory();
    const stale = stateWith(cronJob({}, { active: [{ kind: 'Job', name: 'gone', uid: 'uid-gone' }] }));
    reconcile(stale, KEY, afterTop(HOUR_MS + 1000), refusedMemory);
    const retry = reconcile(stale, KEY, afterTop(HOUR_MS + 1000), refusedMemory);
    expect(summary(retry)).toEqual(['updateStatus mycronjob', `fail could not create job ${JOB}`]);
    expect(commandsOf(retry)[0]).toMatchObject({ status: {} });
  });
});

describe('requests in upstream\'s order', () => {
  it('deletes past the history limit first (background, SuccessfulDelete), then the other Events, then writes the status', () => {
    const limited = cronJob({ successfulJobsHistoryLimit: 1 }, { active: [{ kind: 'Job', name: 'mycronjob-2', uid: 'uid-mycronjob-2' }] });
    const old = job({ name: 'mycronjob-1', owner: limited, startMs: afterTop(0), completionMs: afterTop(MINUTE_MS), finished: 'Complete' });
    const newer = job({ name: 'mycronjob-2', owner: limited, startMs: afterTop(MINUTE_MS), completionMs: afterTop(2 * MINUTE_MS), finished: 'Complete' });
    const effects = reconcile(stateWith(limited, old, newer), KEY, afterTop(30 * MINUTE_MS));
    expect(summary(effects)).toEqual(['delete mycronjob-1', 'event SawCompletedJob', 'updateStatus mycronjob', `wake ${KEY} at +${HOUR_MS + 100}`]);
    expect(commandsOf(effects)[0]).toMatchObject({ kind: 'Job', propagationPolicy: 'Background', record: { reason: 'SuccessfulDelete', message: 'Deleted job mycronjob-1' } });
  });

  it('a suspended CronJob with nothing to reconcile asks for nothing, not even a requeue', () => {
    expect(reconcile(stateWith(cronJob({ suspend: true })), KEY, afterTop(2 * HOUR_MS))).toEqual([]);
  });
});

describe('a new schedule', () => {
  it('is synced at its next activation, plus upstream\'s 100 ms', () => {
    const state = stateWith(cronJob({ schedule: '*/5 * * * *' }));
    expect(summary(reconcile(state, `schedule:${KEY}`, afterTop(7 * MINUTE_MS)))).toEqual([`wake ${KEY} at +${10 * MINUTE_MS + 100}`]);
  });
});

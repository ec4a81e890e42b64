// Whole CronJob syncs as plain data, in the spirit of upstream's TestControllerV2SyncCronJob
// table (pkg/controller/cronjob/cronjob_controllerv2_test.go): concurrency policies, missed
// deadlines, suspension, the active list and the requeue delay.

import { describe, expect, it } from 'vitest';
import { statusAfterCreate, planCronJobSync } from '../../../controllers/cronjob/sync-plan.ts';
import { CronJobEvents } from '../../../controllers/cronjob/events.ts';
import { jobNameFor } from '../../../controllers/cronjob/jobs.ts';
import { toTimestamp } from '../../../core/clock.ts';
import type { CronJobSpec, CronJobStatus, Job } from '../../../core/workloads.ts';
import { afterTop, cronJob, HOUR_MS, job, MINUTE_MS, TOP_OF_THE_HOUR } from './builders.ts';

// The CronJob was created an hour before the top of the hour; hourly schedule "0 * * * *".
const CREATED = TOP_OF_THE_HOUR - HOUR_MS + 10 * MINUTE_MS;
const JUST_AFTER = afterTop(2000);

function sync(spec: Partial<CronJobSpec>, status: CronJobStatus, jobs: readonly Job[] = [], nowMs = JUST_AFTER) {
  return planCronJobSync({ cronJob: cronJob(spec, status, CREATED), jobs, nowMs });
}

const activeJob = (name: string): Job => job({ name, owner: cronJob(), startMs: CREATED });
const ref = (j: Job) => ({ kind: 'Job', namespace: 'snazzycats', name: j.metadata.name, uid: j.metadata.uid, apiVersion: 'batch/v1' });

describe('planCronJobSync', () => {
  it('creates the Job of an activation and requeues for the next one', () => {
    const plan = sync({}, {});
    expect(plan.createJob?.scheduledMs).toBe(TOP_OF_THE_HOUR);
    expect(plan.events).toEqual([{ type: 'Normal', reason: 'SuccessfulCreate', message: `Created job ${jobNameFor(cronJob(), TOP_OF_THE_HOUR)}` }]);
    expect(plan.requeueAfterMs).toBe(HOUR_MS - 2000 + 100);
  });

  it('records lastScheduleTime and the active Job once created', () => {
    const created = activeJob('mycronjob-1');
    expect(statusAfterCreate({}, created, TOP_OF_THE_HOUR)).toEqual({ active: [ref(created)], lastScheduleTime: toTimestamp(TOP_OF_THE_HOUR) });
  });

  it('requeues without creating before the first activation', () => {
    const plan = sync({}, {}, [], TOP_OF_THE_HOUR - MINUTE_MS);
    expect(plan.createJob).toBeUndefined();
    expect(plan.requeueAfterMs).toBe(MINUTE_MS + 100);
  });

  it('skips with Forbid while a Job is active', () => {
    const running = activeJob('old');
    const plan = sync({ concurrencyPolicy: 'Forbid' }, { active: [ref(running)] }, [running]);
    expect(plan.createJob).toBeUndefined();
    expect(plan.events).toEqual([
      { type: 'Normal', reason: 'JobAlreadyActive', message: 'Not starting job because prior execution is running and concurrency policy is Forbid' },
    ]);
    expect(plan.requeueAfterMs).toBe(HOUR_MS - 2000 + 100);
  });

  it('deletes the active Job first with Replace', () => {
    const running = activeJob('old');
    const plan = sync({ concurrencyPolicy: 'Replace' }, { active: [ref(running)] }, [running]);
    expect(plan.deleteJobs).toEqual([running]);
    expect(plan.status.active).toBeUndefined();
    expect(plan.events.map((e) => e.message)).toEqual(['Deleted job old', `Created job ${jobNameFor(cronJob(), TOP_OF_THE_HOUR)}`]);
  });

  it('runs alongside with Allow', () => {
    const running = activeJob('old');
    expect(sync({}, { active: [ref(running)] }, [running]).createJob).toBeDefined();
  });

  it('does not see an activation older than startingDeadlineSeconds', () => {
    // nextScheduleTime only looks from now - startingDeadlineSeconds, so upstream's tooLate check
    // (and its MissSchedule event) cannot fire after it; the activation is simply not seen.
    const plan = sync({ startingDeadlineSeconds: 10 }, {}, [], afterTop(MINUTE_MS));
    expect(plan.createJob).toBeUndefined();
    expect(plan.events).toEqual([]);
    expect(plan.requeueAfterMs).toBe(HOUR_MS - MINUTE_MS + 100);
  });

  it('writes MissSchedule with the scheduled time in RFC 1123 form', () => {
    expect(CronJobEvents.missSchedule(TOP_OF_THE_HOUR)).toEqual({
      type: 'Warning',
      reason: 'MissSchedule',
      message: 'Missed scheduled time to start a job: Thu, 19 May 2016 10:00:00 +0000',
    });
  });

  it('does nothing while suspended, and asks for no requeue', () => {
    expect(sync({ suspend: true }, {})).toEqual({ deleteJobs: [], status: {}, updateStatus: false, events: [] });
  });

  it('reports an unknown time zone and stops', () => {
    expect(sync({ timeZone: 'Mars/Olympus' }, {}).events).toEqual([
      { type: 'Warning', reason: 'UnknownTimeZone', message: 'invalid timeZone: "Mars/Olympus": unknown time zone Mars/Olympus' },
    ]);
  });

  it('reports a schedule that never repeats', () => {
    const plan = sync({ schedule: '59 23 31 2 *' }, {});
    expect(plan.events).toEqual([
      { type: 'Warning', reason: 'InvalidSchedule', message: 'invalid schedule: 59 23 31 2 * : time difference between two schedules is less than 1 second' },
    ]);
    expect(plan.requeueAfterMs).toBeUndefined();
  });

  it('does not start an activation already started', () => {
    const plan = sync({}, { lastScheduleTime: toTimestamp(TOP_OF_THE_HOUR) });
    expect(plan.createJob).toBeUndefined();
  });

  it('drops a finished Job from the active list with SawCompletedJob', () => {
    const done = job({ name: 'done', owner: cronJob(), startMs: CREATED, completionMs: CREATED + 1000, finished: 'Complete' });
    const plan = sync({ suspend: true }, { active: [ref(done)] }, [done]);
    expect(plan.status).toEqual({});
    expect(plan.events).toEqual([{ type: 'Normal', reason: 'SawCompletedJob', message: 'Saw completed job: done, condition: Complete' }]);
  });

  it('takes lastSuccessfulTime from a succeeded Job no longer active', () => {
    const done = job({ name: 'done', owner: cronJob(), startMs: CREATED, completionMs: CREATED + 1000, finished: 'Complete' });
    expect(sync({ suspend: true }, {}, [done]).status).toEqual({ lastSuccessfulTime: toTimestamp(CREATED + 1000) });
  });

  it('reports an unfinished Job it did not create', () => {
    expect(sync({ suspend: true }, {}, [activeJob('stray')]).events).toEqual([
      { type: 'Warning', reason: 'UnexpectedJob', message: 'Saw a job that the controller did not create or forgot: stray' },
    ]);
  });

  it('drops an active Job that no longer exists with MissingJob', () => {
    const gone = activeJob('gone');
    const plan = sync({ suspend: true }, { active: [ref(gone)] }, []);
    expect(plan.status.active).toBeUndefined();
    expect(plan.events).toEqual([{ type: 'Normal', reason: 'MissingJob', message: 'Active job went missing: gone' }]);
  });

  it('deletes failed Jobs beyond failedJobsHistoryLimit', () => {
    const cj = cronJob();
    const failed = [1, 2].map((i) => job({ name: `f${i}`, owner: cj, startMs: i * 1000, finished: 'Failed' }));
    const plan = sync({ suspend: true }, {}, failed);
    expect(plan.deleteJobs.map((j) => j.metadata.name)).toEqual(['f1']);
    expect(plan.events[0]).toEqual({ type: 'Normal', reason: 'SuccessfulDelete', message: 'Deleted job f1' });
  });
});

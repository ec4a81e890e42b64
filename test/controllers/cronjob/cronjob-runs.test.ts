// CronJobs run end to end through the real engine, with the Job controller, kubelet and garbage
// collector, in the spirit of upstream's e2e tests (test/e2e/apps/cronjob.go: "should schedule
// multiple jobs concurrently", "should not schedule new jobs when ForbidConcurrent", "should
// replace jobs when ReplaceConcurrent", "should delete successful/failed finished jobs with
// limit of one job", "should support timezone") and TestControllerV2SyncCronJob's deadline and
// missed-schedule cases (pkg/controller/cronjob/cronjob_controllerv2_test.go).

import { describe, expect, it } from 'vitest';
import { EPOCH_MS, fromTimestamp, toTimestamp } from '../../../core/clock.ts';
import type { CronJob, Job } from '../../../core/workloads.ts';
import { isPodActive } from '../../../controllers/common/pod-state.ts';
import { listObjects, lookupObject } from '../../../reducers/lookup.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import type { ClusterHarness } from '../../support/cluster-harness.ts';
import { batchCluster, eventsAbout, IMAGES, MINUTE_MS, podsOf, SECOND_MS } from '../job/cluster.ts';

const HOUR_MS = 60 * MINUTE_MS;

function cronJobManifest(name: string, spec: Record<string, unknown>, image = 'batch:1', jobSpec: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name },
    spec: { ...spec, jobTemplate: { spec: { ...jobSpec, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image }] } } } } },
  };
}

/** The Job a CronJob makes for an activation: "<cronjob>-<scheduled time in Unix minutes>". */
function jobName(cronJob: string, scheduledMs: number): string {
  return `${cronJob}-${Math.floor((EPOCH_MS + scheduledMs) / MINUTE_MS)}`;
}

function jobsOf(state: ClusterState, cronJob: string): Job[] {
  return listObjects<Job>(state, 'Job', 'default').filter((job) => job.metadata.ownerReferences?.[0]?.name === cronJob);
}

function namesOf(jobs: readonly Job[]): string[] {
  return jobs.map((job) => job.metadata.name);
}

function cronJobNamed(state: ClusterState, name: string): CronJob {
  const cronJob = lookupObject<CronJob>(state, 'CronJob', 'default', name);
  if (cronJob === undefined) throw new Error(`no CronJob ${name}`);
  return cronJob;
}

function finished(job: Job): string | undefined {
  return job.status.conditions?.find((condition) => (condition.type === 'Complete' || condition.type === 'Failed') && condition.status === 'True')?.type;
}

function suspendedUntil(cluster: ClusterHarness, name: string, spec: Record<string, unknown>, resumeMs: number): void {
  cluster.apply(cronJobManifest(name, { ...spec, suspend: true }));
  cluster.advance(resumeMs - cluster.nowMs);
  cluster.apply(cronJobManifest(name, { ...spec, suspend: false }));
}

describe('a CronJob "*/1 * * * *" with Allow', () => {
  const cluster = batchCluster();
  cluster.apply(cronJobManifest('every', { schedule: '*/1 * * * *' }));

  it('creates nothing before its first activation, a minute after time 0', () => {
    cluster.advance(MINUTE_MS - 1);
    expect(jobsOf(cluster.state, 'every')).toEqual([]);
  });

  it('creates a Job named after the scheduled minute, listed as active, with the scheduled time', () => {
    cluster.advance(SECOND_MS);
    const [job] = jobsOf(cluster.state, 'every');
    expect(job?.metadata.name).toBe(jobName('every', MINUTE_MS));
    expect(job?.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2025-01-01T00:01:00Z');
    const status = cronJobNamed(cluster.state, 'every').status;
    expect(status.active?.map((ref) => [ref.name, ref.uid])).toEqual([[job?.metadata.name, job?.metadata.uid]]);
    expect(status.lastScheduleTime).toBe(toTimestamp(MINUTE_MS));
    expect(eventsAbout(cluster, 'CronJob', 'every')).toEqual([`SuccessfulCreate: Created job ${job?.metadata.name}`]);
  });

  it('takes a finished Job off the active list and records its success', () => {
    cluster.advance(45 * SECOND_MS);
    const job = jobsOf(cluster.state, 'every')[0] as Job;
    const status = cronJobNamed(cluster.state, 'every').status;
    expect(status.active).toBeUndefined();
    expect(status.lastSuccessfulTime).toBe(job.status.completionTime);
    expect(eventsAbout(cluster, 'CronJob', 'every').at(-1)).toBe(`SawCompletedJob: Saw completed job: ${job.metadata.name}, condition: Complete`);
  });

  it('creates one Job every minute and keeps the 3 latest successful ones', () => {
    cluster.advance(6 * MINUTE_MS - cluster.nowMs + 45 * SECOND_MS);
    expect(namesOf(jobsOf(cluster.state, 'every'))).toEqual([4, 5, 6].map((minute) => jobName('every', minute * MINUTE_MS)));
    const deleted = eventsAbout(cluster, 'CronJob', 'every').filter((line) => line.startsWith('SuccessfulDelete'));
    expect(deleted).toEqual([1, 2, 3].map((minute) => `SuccessfulDelete: Deleted job ${jobName('every', minute * MINUTE_MS)}`));
  });

  it('takes the deleted Jobs\' pods with them (background propagation)', () => {
    const kept = new Set(jobsOf(cluster.state, 'every').map((job) => job.metadata.name));
    const owners = [...cluster.state.pods.values()].map((pod) => pod.metadata.ownerReferences?.[0]?.name ?? '');
    expect(owners.filter((owner) => !kept.has(owner))).toEqual([]);
    expect(owners).toHaveLength(3);
  });
});

describe('failedJobsHistoryLimit', () => {
  it('keeps only the latest failed Job', () => {
    const cluster = batchCluster();
    cluster.apply(cronJobManifest('broken', { schedule: '*/1 * * * *' }, 'fail:1', { backoffLimit: 0 }));
    cluster.advance(4 * MINUTE_MS + 45 * SECOND_MS);
    const jobs = jobsOf(cluster.state, 'broken');
    expect(jobs.map((job) => [job.metadata.name, finished(job)])).toEqual([[jobName('broken', 4 * MINUTE_MS), 'Failed']]);
    expect(eventsAbout(cluster, 'CronJob', 'broken').filter((line) => line.startsWith('SuccessfulDelete'))).toHaveLength(3);
  });
});

describe('concurrencyPolicy', () => {
  const images = { ...IMAGES, 'long:1': { runFor: 90 * SECOND_MS, exitCode: 0 } };

  it('Forbid skips an activation while the previous Job is still active', () => {
    const cluster = batchCluster(images);
    cluster.apply(cronJobManifest('single', { schedule: '*/1 * * * *', concurrencyPolicy: 'Forbid', startingDeadlineSeconds: 10 }, 'long:1'));
    cluster.advance(3 * MINUTE_MS + 10 * SECOND_MS);
    expect(namesOf(jobsOf(cluster.state, 'single'))).toEqual([jobName('single', MINUTE_MS), jobName('single', 3 * MINUTE_MS)]);
    expect(eventsAbout(cluster, 'CronJob', 'single')).toContain('JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid');
  });

  it('Forbid without a starting deadline starts the skipped activation once the previous Job finishes', () => {
    const cluster = batchCluster(images);
    cluster.apply(cronJobManifest('queued', { schedule: '*/1 * * * *', concurrencyPolicy: 'Forbid' }, 'long:1'));
    cluster.advance(2 * MINUTE_MS + 50 * SECOND_MS);
    const [first, second] = jobsOf(cluster.state, 'queued');
    expect(namesOf([first, second].filter((job): job is Job => job !== undefined))).toEqual([jobName('queued', MINUTE_MS), jobName('queued', 2 * MINUTE_MS)]);
    expect(fromTimestamp(second?.metadata.creationTimestamp ?? '')).toBe(fromTimestamp(first?.status.completionTime ?? ''));
  });

  it('Replace deletes the active Job and creates the new one', () => {
    const cluster = batchCluster(images);
    cluster.apply(cronJobManifest('latest', { schedule: '*/1 * * * *', concurrencyPolicy: 'Replace' }, 'long:1'));
    cluster.advance(2 * MINUTE_MS + 10 * SECOND_MS);
    const [first, second] = [jobName('latest', MINUTE_MS), jobName('latest', 2 * MINUTE_MS)];
    expect(namesOf(jobsOf(cluster.state, 'latest'))).toEqual([second]);
    expect(eventsAbout(cluster, 'CronJob', 'latest')).toEqual([
      `SuccessfulCreate: Created job ${first}`,
      `SuccessfulDelete: Deleted job ${first}`,
      `SuccessfulCreate: Created job ${second}`,
    ]);
    expect(cronJobNamed(cluster.state, 'latest').status.active?.map((ref) => ref.name)).toEqual([second]);
    expect(podsOf(cluster.state, first)).toEqual([]);
    expect(podsOf(cluster.state, second).filter(isPodActive)).toHaveLength(1);
  });

  it('Allow runs Jobs side by side', () => {
    const cluster = batchCluster(images);
    cluster.apply(cronJobManifest('many', { schedule: '*/1 * * * *' }, 'long:1'));
    cluster.advance(2 * MINUTE_MS + 10 * SECOND_MS);
    expect(cronJobNamed(cluster.state, 'many').status.active?.map((ref) => ref.name)).toEqual([jobName('many', MINUTE_MS), jobName('many', 2 * MINUTE_MS)]);
  });
});

describe('startingDeadlineSeconds', () => {
  const hourly = { schedule: '0 * * * *' };

  it('without it, a CronJob resumed after a missed activation starts that activation\'s Job at once', () => {
    const cluster = batchCluster();
    suspendedUntil(cluster, 'hourly', hourly, 90 * MINUTE_MS);
    expect(namesOf(jobsOf(cluster.state, 'hourly'))).toEqual([jobName('hourly', HOUR_MS)]);
    expect(cronJobNamed(cluster.state, 'hourly').status.lastScheduleTime).toBe(toTimestamp(HOUR_MS));
  });

  it('an activation missed by more than the deadline is skipped; the next one runs on time', () => {
    const cluster = batchCluster();
    const spec = { ...hourly, startingDeadlineSeconds: 60 };
    suspendedUntil(cluster, 'strict', spec, 90 * MINUTE_MS);
    expect(jobsOf(cluster.state, 'strict')).toEqual([]);
    cluster.advance(2 * HOUR_MS - cluster.nowMs + SECOND_MS);
    const jobs = jobsOf(cluster.state, 'strict');
    expect(namesOf(jobs)).toEqual([jobName('strict', 2 * HOUR_MS)]);
    expect(fromTimestamp(jobs[0]?.metadata.creationTimestamp ?? '')).toBe(2 * HOUR_MS);
  });

  it('an activation missed by less than the deadline still starts', () => {
    const cluster = batchCluster();
    suspendedUntil(cluster, 'lenient', { ...hourly, startingDeadlineSeconds: 3600 }, 90 * MINUTE_MS);
    expect(namesOf(jobsOf(cluster.state, 'lenient'))).toEqual([jobName('lenient', HOUR_MS)]);
  });
});

describe('too many missed start times', () => {
  const everyMinute = { schedule: '*/1 * * * *' };

  it('over 100 missed activations records TooManyMissedTimes and still starts the latest', () => {
    const cluster = batchCluster();
    suspendedUntil(cluster, 'late', everyMinute, 200 * MINUTE_MS + 30 * SECOND_MS);
    expect(eventsAbout(cluster, 'CronJob', 'late')).toEqual([
      'TooManyMissedTimes: too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
      `SuccessfulCreate: Created job ${jobName('late', 200 * MINUTE_MS)}`,
    ]);
    const warning = cluster.events.find((event) => event.type === 'event/recorded' && event.reason === 'TooManyMissedTimes');
    expect(warning).toMatchObject({ eventType: 'Warning', source: 'cronjob-controller' });
  });

  it('a startingDeadlineSeconds counts only the activations within it', () => {
    const cluster = batchCluster();
    suspendedUntil(cluster, 'bounded', { ...everyMinute, startingDeadlineSeconds: 300 }, 200 * MINUTE_MS + 30 * SECOND_MS);
    expect(eventsAbout(cluster, 'CronJob', 'bounded')).toEqual([`SuccessfulCreate: Created job ${jobName('bounded', 200 * MINUTE_MS)}`]);
  });
});

describe('timeZone', () => {
  it('runs "30 19 * * *" at 19:30 in America/New_York, 00:30 UTC on 1 January 2025', () => {
    const cluster = batchCluster();
    cluster.apply(cronJobManifest('evening', { schedule: '30 19 * * *', timeZone: 'America/New_York' }));
    cluster.advance(30 * MINUTE_MS - 1);
    expect(jobsOf(cluster.state, 'evening')).toEqual([]);
    cluster.advance(SECOND_MS);
    const jobs = jobsOf(cluster.state, 'evening');
    expect(namesOf(jobs)).toEqual([jobName('evening', 30 * MINUTE_MS)]);
    expect(jobs[0]?.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2024-12-31T19:30:00-05:00');
  });

  it('the API server refuses a time zone the tz database does not know', () => {
    const cluster = batchCluster();
    const [refusal] = cluster.apply(cronJobManifest('nowhere', { schedule: '0 * * * *', timeZone: 'Mars/Olympus_Mons' }));
    expect(refusal).toMatchObject({ type: 'request/rejected', code: 422 });
    expect(refusal?.type === 'request/rejected' ? refusal.message : '').toContain('spec.timeZone: Invalid value: "Mars/Olympus_Mons": unknown time zone Mars/Olympus_Mons');
  });
});

describe('schedule changes', () => {
  it('a new schedule takes effect at its own next activation', () => {
    const cluster = batchCluster();
    cluster.apply(cronJobManifest('moved', { schedule: '0 * * * *' }));
    cluster.advance(2 * MINUTE_MS);
    cluster.apply(cronJobManifest('moved', { schedule: '*/5 * * * *' }));
    cluster.advance(5 * MINUTE_MS - cluster.nowMs - 1);
    expect(jobsOf(cluster.state, 'moved')).toEqual([]);
    cluster.advance(SECOND_MS);
    expect(namesOf(jobsOf(cluster.state, 'moved'))).toEqual([jobName('moved', 5 * MINUTE_MS)]);
  });

  it('the API server refuses a schedule the cron parser cannot read', () => {
    const cluster = batchCluster();
    const [refusal] = cluster.apply(cronJobManifest('bad', { schedule: '61 * * * *' }));
    expect(refusal?.type === 'request/rejected' ? refusal.message : '').toBe(
      'CronJob.batch "bad" is invalid: spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61',
    );
  });
});

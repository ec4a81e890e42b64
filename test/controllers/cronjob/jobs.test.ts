// The CronJob's Jobs, with the cases of upstream's TestGetJobFromTemplate2 and TestByJobStartTime
// (pkg/controller/cronjob/utils_test.go), and the history limits of cleanupFinishedJobs.

import { describe, expect, it } from 'vitest';
import {
  compareByStartTime,
  CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION,
  historyToDelete,
  jobFromTemplate,
  jobNameFor,
  jobsOf,
} from '../../../controllers/cronjob/jobs.ts';
import type { Job } from '../../../core/workloads.ts';
import { at, cronJob, job, TOP_OF_THE_HOUR } from './builders.ts';

interface Manifest {
  readonly metadata: {
    readonly name: string;
    readonly labels?: Record<string, string>;
    readonly annotations: Record<string, string>;
    readonly ownerReferences: readonly { readonly kind: string; readonly name: string; readonly uid: string; readonly controller?: boolean }[];
  };
  readonly spec: { readonly activeDeadlineSeconds?: number };
}

describe('jobFromTemplate (TestGetJobFromTemplate2)', () => {
  it.each([
    ['UTC timezone and one annotation', 'UTC', { x: 'y' }, '2016-05-19T10:00:00Z', 2],
    ['nil timezone and one annotation', undefined, { x: 'y' }, '2016-05-19T10:00:00Z', 2],
    ['correct timezone and multiple annotation', 'Europe/Rome', { x: 'y', z: 'x' }, '2016-05-19T12:00:00+02:00', 3],
  ])('%s', (_name, timeZone, annotations, scheduled, annotationCount) => {
    const base = cronJob({ schedule: '* * * * ?', timeZone });
    const cj = { ...base, spec: { ...base.spec, jobTemplate: { ...base.spec.jobTemplate, metadata: { labels: { a: 'b' }, annotations } } } };
    const manifest = jobFromTemplate(cj, TOP_OF_THE_HOUR) as unknown as Manifest;
    expect(manifest.metadata.name.startsWith('mycronjob-')).toBe(true);
    expect(Object.keys(manifest.metadata.labels ?? {})).toHaveLength(1);
    expect(Object.keys(manifest.metadata.annotations)).toHaveLength(annotationCount);
    expect(manifest.metadata.annotations[CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION]).toBe(scheduled);
  });

  it('is controlled by the CronJob and copies the template spec', () => {
    const manifest = jobFromTemplate(cronJob(), TOP_OF_THE_HOUR) as unknown as Manifest;
    expect(manifest.metadata.ownerReferences).toMatchObject([{ kind: 'CronJob', name: 'mycronjob', uid: '1a2b3c', controller: true }]);
    expect(manifest.spec.activeDeadlineSeconds).toBe(1);
  });
});

describe('jobNameFor', () => {
  it('appends the scheduled time in Unix minutes', () => {
    expect(jobNameFor(cronJob(), at('2025-01-01T00:05:00Z'))).toBe(`mycronjob-${Date.UTC(2025, 0, 1, 0, 5) / 60_000}`);
  });
});

describe('compareByStartTime (TestByJobStartTime)', () => {
  const aNil = job({ name: 'a' });
  const bNil = job({ name: 'b' });
  const aSet = job({ name: 'a', startMs: 1000 });
  const bSet = job({ name: 'b', startMs: 1000 });
  const aSetLater = job({ name: 'a', startMs: 5000 });
  it.each([
    ['both have nil start times', [bNil, aNil], [aNil, bNil]],
    ['only the first has a nil start time', [aNil, bSet], [bSet, aNil]],
    ['only the second has a nil start time', [aSet, bNil], [aSet, bNil]],
    ['both have non-nil, equal start time', [bSet, aSet], [aSet, bSet]],
    ['both have non-nil, different start time', [aSetLater, bSet], [bSet, aSetLater]],
  ] as const)('%s', (_name, input, expected) => {
    expect([...input].sort(compareByStartTime)).toEqual(expected);
  });
});

describe('historyToDelete (cleanupFinishedJobs)', () => {
  const cj = cronJob();
  const finished = (name: string, startMs: number, state: 'Complete' | 'Failed'): Job => job({ name, owner: cj, startMs, finished: state });

  it('keeps the newest 3 successful and 1 failed Jobs', () => {
    const jobs = [
      finished('s1', 1000, 'Complete'),
      finished('s2', 2000, 'Complete'),
      finished('s3', 3000, 'Complete'),
      finished('s4', 4000, 'Complete'),
      finished('f1', 1000, 'Failed'),
      finished('f2', 2000, 'Failed'),
      job({ name: 'running', owner: cj, startMs: 0 }),
    ];
    expect(historyToDelete(cj, jobs).map((j) => j.metadata.name)).toEqual(['s1', 'f1']);
  });

  it('deletes every finished Job with limits of 0', () => {
    const none = cronJob({ successfulJobsHistoryLimit: 0, failedJobsHistoryLimit: 0 });
    expect(historyToDelete(none, [finished('s1', 1000, 'Complete'), finished('f1', 1000, 'Failed')])).toHaveLength(2);
  });
});

describe('jobsOf', () => {
  it('takes the Jobs whose controller reference names the CronJob', () => {
    const cj = cronJob();
    const mine = job({ name: 'mine', owner: cj });
    expect(jobsOf(cj, [mine, job({ name: 'orphan' })])).toEqual([mine]);
  });
});

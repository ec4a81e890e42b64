// Builders for the CronJob controller tests, after upstream's topOfTheHour and
// deltaTimeAfterTopOfTheHour helpers (pkg/controller/cronjob/utils_test.go).

import { EPOCH_MS, toTimestamp } from '../../../core/clock.ts';
import type { Condition } from '../../../core/objects.ts';
import type { CronJob, CronJobSpec, CronJobStatus, Job } from '../../../core/workloads.ts';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Virtual ms of an RFC 3339 time. */
export const at = (iso: string): number => Date.parse(iso) - EPOCH_MS;

/** 2016-05-19T10:00:00Z, a Thursday, as upstream's tests use. */
export const TOP_OF_THE_HOUR = at('2016-05-19T10:00:00Z');
export const afterTop = (ms: number): number => TOP_OF_THE_HOUR + ms;

export function cronJob(spec: Partial<CronJobSpec> = {}, status: CronJobStatus = {}, createdMs = TOP_OF_THE_HOUR): CronJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'mycronjob', namespace: 'snazzycats', uid: '1a2b3c', creationTimestamp: toTimestamp(createdMs) },
    spec: {
      schedule: '0 * * * *',
      concurrencyPolicy: 'Allow',
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        metadata: { labels: { a: 'b' } },
        spec: {
          parallelism: 1,
          completions: 1,
          completionMode: 'NonIndexed',
          backoffLimit: 6,
          suspend: false,
          activeDeadlineSeconds: 1,
          template: { metadata: { labels: { foo: 'bar' } }, spec: { containers: [{ name: 'c', image: 'foo/bar' }] } },
        },
      },
      ...spec,
    },
    status,
  };
}

export interface JobOptions {
  readonly name: string;
  readonly uid?: string;
  readonly owner?: CronJob;
  readonly startMs?: number;
  readonly completionMs?: number;
  readonly finished?: 'Complete' | 'Failed';
}

export function job(options: JobOptions): Job {
  const owner = options.owner;
  const conditions: Condition[] = options.finished === undefined ? [] : [{ type: options.finished, status: 'True' }];
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: options.name,
      namespace: 'snazzycats',
      uid: options.uid ?? `uid-${options.name}`,
      creationTimestamp: toTimestamp(0),
      ...(owner === undefined
        ? {}
        : { ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: owner.metadata.name, uid: owner.metadata.uid, controller: true }] }),
    },
    spec: { ...cronJob().spec.jobTemplate.spec, selector: {} },
    status: {
      ...(options.startMs === undefined ? {} : { startTime: toTimestamp(options.startMs) }),
      ...(options.completionMs === undefined ? {} : { completionTime: toTimestamp(options.completionMs) }),
      ...(conditions.length > 0 ? { conditions } : {}),
    },
  };
}

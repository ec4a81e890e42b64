// `kubectl describe cronjob` (describe.go describeCronJob; upstream's describe_test.go has no
// CronJob case): the whole page of a defaulted CronJob with running jobs, and the "<unset>" and
// "<none>" of the fields left out.

import { describe, expect, it } from 'vitest';
import type { CronJob, JobTemplateSpec } from '../../../core/workloads.ts';
import { describeCronJob } from '../../../kinds/describe/cronjob.ts';
import { lines, page, stateWith } from './builders.ts';

const cronJob: CronJob = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'hello', namespace: 'foo', uid: 'uid-hello', creationTimestamp: '2025-01-01T00:00:00Z' },
  spec: {
    schedule: '*/1 * * * *',
    concurrencyPolicy: 'Allow',
    suspend: false,
    successfulJobsHistoryLimit: 3,
    failedJobsHistoryLimit: 1,
    jobTemplate: {
      // Upstream does not default a job template's spec, so its counts stay unset.
      spec: { template: { spec: { containers: [{ name: 'hello', image: 'busybox' }], restartPolicy: 'OnFailure' } } } as unknown as JobTemplateSpec['spec'],
    },
  },
  status: {
    lastScheduleTime: '2025-01-01T00:05:00Z',
    active: [
      { kind: 'Job', namespace: 'foo', name: 'hello-28', apiVersion: 'batch/v1' },
      { kind: 'Job', namespace: 'foo', name: 'hello-29', apiVersion: 'batch/v1' },
    ],
  },
};

function describePage(object: CronJob): string {
  return page((w) => describeCronJob(w, object, { state: stateWith(object), nowMs: 0 }));
}

describe('describeCronJob', () => {
  it('prints the schedule, the policies, the job template, the last schedule time and the active jobs', () => {
    expect(describePage(cronJob)).toBe(
      lines(
        'Name:                          hello',
        'Namespace:                     foo',
        'Labels:                        <none>',
        'Annotations:                   <none>',
        'Schedule:                      */1 * * * *',
        'Concurrency Policy:            Allow',
        'Suspend:                       False',
        'Successful Job History Limit:  3',
        'Failed Job History Limit:      1',
        'Starting Deadline Seconds:     <unset>',
        'Selector:                      <unset>',
        'Parallelism:                   <unset>',
        'Completions:                   <unset>',
        'Pod Template:',
        '  Labels:  <none>',
        '  Containers:',
        '   hello:',
        '    Image:           busybox',
        '    Port:            <none>',
        '    Host Port:       <none>',
        '    Environment:     <none>',
        '    Mounts:          <none>',
        '  Volumes:           <none>',
        '  Node-Selectors:    <none>',
        '  Tolerations:       <none>',
        'Last Schedule Time:  Wed, 01 Jan 2025 00:05:00 +0000',
        'Active Jobs:         hello-28, hello-29',
        'Events:              <none>',
      ),
    );
  });

  it('prints "<unset>" for the pointers left nil, the job template counts given, and no active jobs as "<none>"', () => {
    const { suspend: _suspend, successfulJobsHistoryLimit: _kept, failedJobsHistoryLimit: _failed, ...spec } = cronJob.spec;
    const jobSpec = { ...cronJob.spec.jobTemplate.spec, selector: { matchLabels: { app: 'hello' } }, parallelism: 2, completions: 5, activeDeadlineSeconds: 30 };
    const bare = { ...cronJob, spec: { ...spec, startingDeadlineSeconds: 200, jobTemplate: { spec: jobSpec } }, status: {} } as unknown as CronJob;
    const out = describePage(bare);
    expect(out).toContain(
      lines(
        'Suspend:                       <unset>',
        'Successful Job History Limit:  <unset>',
        'Failed Job History Limit:      <unset>',
        'Starting Deadline Seconds:     200s',
        'Selector:                      app=hello',
        'Parallelism:                   2',
        'Completions:                   5',
        'Active Deadline Seconds:       30s',
        'Pod Template:',
      ),
    );
    expect(out).toContain('Last Schedule Time:  <unset>\nActive Jobs:         <none>\n');
  });
});

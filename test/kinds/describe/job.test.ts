// `kubectl describe job`: the cases of upstream's TestDescribeJob
// (staging/src/k8s.io/kubectl/pkg/describe/describe_test.go), with its wanted and unwanted
// fragments, then the whole page of a finished Indexed job a CronJob made.

import { describe, expect, it } from 'vitest';
import type { Job, JobSpec, JobStatus } from '../../../core/workloads.ts';
import { capIndexesListOrNone, describeJob } from '../../../kinds/describe/job.ts';
import { controllerRef, lines, page, stateWith } from './builders.ts';

/** Upstream's jobs are not defaulted: only the spec fields a case sets. */
function upstreamJob(spec: Partial<JobSpec>, status: JobStatus = {}): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'bar', namespace: 'foo', uid: 'uid-bar', creationTimestamp: '' },
    spec: { template: { spec: { containers: [] } }, ...spec } as JobSpec,
    status,
  };
}

function describePage(job: Job): string {
  return page((w) => describeJob(w, job, { state: stateWith(job), nowMs: 0 }));
}

describe('describeJob (upstream TestDescribeJob)', () => {
  const cases: readonly { name: string; job: Job; want?: readonly string[]; dontWant?: readonly string[] }[] = [
    { name: 'empty job', job: upstreamJob({}), dontWant: ['Completed Indexes:', 'Suspend:', 'Backoff Limit:', 'TTL Seconds After Finished:'] },
    { name: 'no completed indexes', job: upstreamJob({ completionMode: 'Indexed' }), want: ['Completed Indexes:  <none>'] },
    {
      name: 'few completed indexes',
      job: upstreamJob({ completionMode: 'Indexed' }, { completedIndexes: '0-5,7,9,10,12,13,15,16,18,20,21,23,24,26,27,29,30,32' }),
      want: ['Completed Indexes:  0-5,7,9,10,12,13,15,16,18,20,21,23,24,26,27,29,30,32'],
    },
    {
      name: 'too many completed indexes',
      job: upstreamJob({ completionMode: 'Indexed' }, { completedIndexes: '0-5,7,9,10,12,13,15,16,18,20,21,23,24,26,27,29,30,32-34,36,37' }),
      want: ['Completed Indexes:  0-5,7,9,10,12,13,15,16,18,20,21,23,24,26,27,29,30,32-34,...'],
    },
    {
      name: 'suspend set to true',
      job: upstreamJob({ suspend: true, ttlSecondsAfterFinished: 123, backoffLimit: 1 }),
      want: ['Suspend:                     true', 'TTL Seconds After Finished:  123', 'Backoff Limit:               1'],
    },
    { name: 'suspend set to false', job: upstreamJob({ suspend: false }), want: ['Suspend:        false'] },
  ];
  for (const { name, job, want = [], dontWant = [] } of cases) {
    it(name, () => {
      const out = describePage(job);
      for (const fragment of want) expect(out).toContain(fragment);
      for (const fragment of dontWant) expect(out).not.toContain(fragment);
    });
  }

  it('prints the whole page of the empty job', () => {
    expect(describePage(upstreamJob({}))).toBe(
      lines(
        'Name:           bar',
        'Namespace:      foo',
        'Selector:       ',
        'Labels:         <none>',
        'Annotations:    <none>',
        'Completions:    <unset>',
        'Pods Statuses:  0 Active / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  <none>',
        '  Containers: <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Events:            <none>',
      ),
    );
  });
});

describe('capIndexesListOrNone', () => {
  it('cuts at the first comma at or after the soft limit', () => {
    expect(capIndexesListOrNone('1,2,3,4', 3)).toBe('1,2,...');
    expect(capIndexesListOrNone('1,2', 3)).toBe('1,2');
    expect(capIndexesListOrNone('', 3)).toBe('<none>');
  });
});

describe('describeJob of a finished Indexed job', () => {
  it('prints its owner, spec, times, duration, pod counts with ready pods and completed indexes', () => {
    const templateLabels = { 'batch.kubernetes.io/controller-uid': 'uid-pi', 'batch.kubernetes.io/job-name': 'pi-28' };
    const job: Job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: 'pi-28',
        namespace: 'foo',
        uid: 'uid-pi',
        creationTimestamp: '2025-01-01T00:00:00Z',
        labels: { job: 'pi' },
        ownerReferences: [controllerRef('CronJob', 'pi', 'uid-cron')],
      },
      spec: {
        parallelism: 2,
        completions: 4,
        completionMode: 'Indexed',
        backoffLimit: 6,
        ttlSecondsAfterFinished: 100,
        activeDeadlineSeconds: 600,
        suspend: false,
        selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'uid-pi' } },
        template: { metadata: { labels: templateLabels }, spec: { containers: [{ name: 'pi', image: 'perl' }], restartPolicy: 'Never' } },
      },
      status: { startTime: '2025-01-01T00:00:00Z', completionTime: '2025-01-01T00:02:05Z', active: 0, ready: 0, succeeded: 4, completedIndexes: '0-3' },
    };
    expect(describePage(job)).toBe(
      lines(
        'Name:                        pi-28',
        'Namespace:                   foo',
        'Selector:                    batch.kubernetes.io/controller-uid=uid-pi',
        'Labels:                      job=pi',
        'Annotations:                 <none>',
        'Controlled By:               CronJob/pi',
        'Parallelism:                 2',
        'Completions:                 4',
        'Completion Mode:             Indexed',
        'Suspend:                     false',
        'Backoff Limit:               6',
        'TTL Seconds After Finished:  100',
        'Start Time:                  Wed, 01 Jan 2025 00:00:00 +0000',
        'Completed At:                Wed, 01 Jan 2025 00:02:05 +0000',
        'Duration:                    2m5s',
        'Active Deadline Seconds:     600s',
        'Pods Statuses:               0 Active (0 Ready) / 4 Succeeded / 0 Failed',
        'Completed Indexes:           0-3',
        'Pod Template:',
        '  Labels:  batch.kubernetes.io/controller-uid=uid-pi',
        '           batch.kubernetes.io/job-name=pi-28',
        '  Containers:',
        '   pi:',
        '    Image:         perl',
        '    Port:          <none>',
        '    Host Port:     <none>',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Events:            <none>',
      ),
    );
  });
});

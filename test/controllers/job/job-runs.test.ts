// Jobs run end to end through the real engine, API server, scheduler, kubelet and garbage
// collector, in the spirit of upstream's integration tests (test/integration/job/job_test.go:
// TestNonParallelJob, TestParallelJob, TestIndexedJob, TestSuspendJob, TestJobPodFailurePolicy's
// back-off cases) and the e2e "should run a job to completion" family.

import { describe, expect, it } from 'vitest';
import { fromTimestamp } from '../../../core/clock.ts';
import type { Pod } from '../../../core/objects.ts';
import { isPodActive } from '../../../controllers/common/pod-state.ts';
import { initialState, reduce } from '../../../reducers/index.ts';
import { batchCluster, conditionOf, eventsAbout, jobManifest, jobNamed, MINUTE_MS, podsOf, SECOND_MS } from './cluster.ts';

const INDEX_ANNOTATION = 'batch.kubernetes.io/job-completion-index';

function finishedMs(pod: Pod): number {
  const at = pod.status.containerStatuses?.[0]?.state.terminated?.finishedAt;
  if (at === undefined) throw new Error(`pod ${pod.metadata.name} has not finished`);
  return fromTimestamp(at);
}

describe('a Job with completions 5 and parallelism 2', () => {
  const cluster = batchCluster();
  cluster.apply(jobManifest('pi', { completions: 5, parallelism: 2 }));
  cluster.advance(5 * MINUTE_MS);

  it('never runs more than 2 active pods, and does run 2 at once', () => {
    let state = initialState();
    let most = 0;
    for (const event of cluster.events) {
      state = reduce(state, event);
      most = Math.max(most, podsOf(state, 'pi').filter(isPodActive).length);
    }
    expect(most).toBe(2);
  });

  it('completes with Complete/CompletionsReached, completionTime and 5 succeeded', () => {
    const job = jobNamed(cluster.state, 'pi');
    expect(conditionOf(job, 'Complete')).toMatchObject({ status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' });
    expect(job.status.completionTime).toBe(conditionOf(job, 'Complete')?.lastTransitionTime);
    expect(job.status).toMatchObject({ succeeded: 5, uncountedTerminatedPods: {} });
    expect(job.status.active).toBeUndefined();
  });

  it('records a SuccessfulCreate per pod, then Completed', () => {
    const names = podsOf(cluster.state, 'pi').map((pod) => pod.metadata.name);
    const events = eventsAbout(cluster, 'Job', 'pi');
    expect(events.slice(0, 5).sort()).toEqual(names.map((name) => `SuccessfulCreate: Created pod: ${name}`).sort());
    expect(events.slice(5)).toEqual(['Completed: Job completed']);
  });

  it('removes the tracking finalizer from every finished pod', () => {
    expect(podsOf(cluster.state, 'pi').map((pod) => pod.metadata.finalizers ?? [])).toEqual([[], [], [], [], []]);
  });

  it('completes one batch period after the last pod succeeded', () => {
    const lastMs = Math.max(...podsOf(cluster.state, 'pi').map(finishedMs));
    expect(fromTimestamp(jobNamed(cluster.state, 'pi').status.completionTime ?? '')).toBe(lastMs + SECOND_MS);
  });
});

describe('a failing Job', () => {
  const cluster = batchCluster();
  cluster.apply(jobManifest('flaky', { image: 'fail:1', backoffLimit: 3 }));
  cluster.advance(10 * MINUTE_MS);
  const pods = podsOf(cluster.state, 'flaky').sort((a, b) => fromTimestamp(a.metadata.creationTimestamp) - fromTimestamp(b.metadata.creationTimestamp));

  it('replaces each failed pod after 10 s, 20 s, then 40 s (the pod failure back-off)', () => {
    const gapsMs = pods.slice(1).map((pod, i) => fromTimestamp(pod.metadata.creationTimestamp) - finishedMs(pods[i] as Pod));
    expect(gapsMs).toEqual([10 * SECOND_MS, 20 * SECOND_MS, 40 * SECOND_MS]);
  });

  it('fails with BackoffLimitExceeded once backoffLimit + 1 pods failed', () => {
    const job = jobNamed(cluster.state, 'flaky');
    expect(pods).toHaveLength(4);
    expect(job.status.failed).toBe(4);
    expect(conditionOf(job, 'FailureTarget')).toMatchObject({ status: 'True', reason: 'BackoffLimitExceeded' });
    expect(conditionOf(job, 'Failed')).toMatchObject({ status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' });
    expect(job.status.completionTime).toBeUndefined();
  });

  it('records the failure as a Warning with the condition\'s reason and message', () => {
    expect(eventsAbout(cluster, 'Job', 'flaky').at(-1)).toBe('BackoffLimitExceeded: Job has reached the specified backoff limit');
    const warning = cluster.events.find((event) => event.type === 'event/recorded' && event.reason === 'BackoffLimitExceeded');
    expect(warning).toMatchObject({ eventType: 'Warning', source: 'job-controller' });
  });
});

describe('an Indexed Job', () => {
  const cluster = batchCluster();
  cluster.apply(jobManifest('idx', { completions: 5, parallelism: 3, completionMode: 'Indexed' }));
  cluster.advance(5 * MINUTE_MS);
  const pods = podsOf(cluster.state, 'idx');

  it('names each pod <job>-<index>-xxxxx and annotates its completion index', () => {
    expect(pods.map((pod) => pod.metadata.name.replace(/[a-z0-9]{5}$/, 'xxxxx'))).toEqual(['idx-0-xxxxx', 'idx-1-xxxxx', 'idx-2-xxxxx', 'idx-3-xxxxx', 'idx-4-xxxxx']);
    expect(pods.map((pod) => pod.metadata.annotations?.[INDEX_ANNOTATION])).toEqual(['0', '1', '2', '3', '4']);
    expect(pods.map((pod) => pod.spec.hostname)).toEqual(['idx-0', 'idx-1', 'idx-2', 'idx-3', 'idx-4']);
  });

  it('completes with completedIndexes "0-4"', () => {
    const job = jobNamed(cluster.state, 'idx');
    expect(job.status).toMatchObject({ completedIndexes: '0-4', succeeded: 5 });
    expect(conditionOf(job, 'Complete')?.status).toBe('True');
  });
});

describe('activeDeadlineSeconds', () => {
  const cluster = batchCluster();
  cluster.apply(jobManifest('slow', { image: 'sleep:1', parallelism: 2, activeDeadlineSeconds: 20 }));

  it('leaves the Job running until the deadline', () => {
    cluster.advance(20 * SECOND_MS - 1);
    expect(jobNamed(cluster.state, 'slow').status.conditions).toBeUndefined();
    expect(podsOf(cluster.state, 'slow').filter(isPodActive)).toHaveLength(2);
  });

  it('marks FailureTarget/DeadlineExceeded at the deadline and deletes the running pods', () => {
    cluster.advance(1);
    expect(conditionOf(jobNamed(cluster.state, 'slow'), 'FailureTarget')).toMatchObject({ reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' });
    expect(eventsAbout(cluster, 'Job', 'slow').filter((line) => line.startsWith('SuccessfulDelete'))).toHaveLength(2);
  });

  it('fails with DeadlineExceeded once no pod is left terminating', () => {
    cluster.advance(5 * SECOND_MS);
    const job = jobNamed(cluster.state, 'slow');
    expect(conditionOf(job, 'Failed')).toMatchObject({ status: 'True', reason: 'DeadlineExceeded' });
    expect(job.status).toMatchObject({ failed: 2, terminating: 0 });
    expect(podsOf(cluster.state, 'slow')).toEqual([]);
    expect(eventsAbout(cluster, 'Job', 'slow').at(-1)).toBe('DeadlineExceeded: Job was active longer than specified deadline');
  });
});

describe('suspend and resume', () => {
  const cluster = batchCluster();
  cluster.apply(jobManifest('later', { image: 'sleep:1', suspend: true }));
  cluster.advance(10 * SECOND_MS);

  it('a Job created suspended starts no pod and has no startTime', () => {
    const job = jobNamed(cluster.state, 'later');
    expect(podsOf(cluster.state, 'later')).toEqual([]);
    expect(job.status.startTime).toBeUndefined();
    expect(conditionOf(job, 'Suspended')).toMatchObject({ status: 'True', reason: 'JobSuspended', message: 'Job suspended' });
    expect(eventsAbout(cluster, 'Job', 'later')).toEqual(['Suspended: Job suspended']);
  });

  it('resuming starts its pods, sets startTime to now and records Resumed', () => {
    cluster.apply(jobManifest('later', { image: 'sleep:1', suspend: false }));
    const job = jobNamed(cluster.state, 'later');
    expect(podsOf(cluster.state, 'later').filter(isPodActive)).toHaveLength(1);
    expect(fromTimestamp(job.status.startTime ?? '')).toBe(10 * SECOND_MS);
    expect(conditionOf(job, 'Suspended')).toMatchObject({ status: 'False', reason: 'JobResumed', message: 'Job resumed' });
    expect(eventsAbout(cluster, 'Job', 'later').at(-1)).toBe('Resumed: Job resumed');
  });

  it('suspending a running Job deletes its pods, their finalizer removed first', () => {
    cluster.advance(10 * SECOND_MS);
    const [pod] = podsOf(cluster.state, 'later');
    const before = cluster.events.length;
    cluster.apply(jobManifest('later', { image: 'sleep:1', suspend: true }));
    cluster.advance(5 * SECOND_MS);
    expect(cluster.typesSince(before).filter((type) => type.endsWith(pod?.metadata.name ?? '?')).slice(0, 2)).toEqual([
      `pod/updated ${pod?.metadata.name}`,
      `pod/deletionRequested ${pod?.metadata.name}`,
    ]);
    expect(podsOf(cluster.state, 'later')).toEqual([]);
    expect(eventsAbout(cluster, 'Job', 'later').slice(-2)).toEqual([`SuccessfulDelete: Deleted pod: ${pod?.metadata.name}`, 'Suspended: Job suspended']);
  });
});

describe('deleting a Job', () => {
  it('in the background takes its running pods, their finalizer removed', () => {
    const cluster = batchCluster();
    cluster.apply(jobManifest('bg', { image: 'sleep:1', parallelism: 2 }));
    cluster.advance(5 * SECOND_MS);
    cluster.run({ type: 'delete', actor: 'user', kind: 'Job', namespace: 'default', name: 'bg', propagationPolicy: 'Background' });
    cluster.advance(5 * SECOND_MS);
    expect(cluster.state.objects.get('Job')?.get('default/bg')).toBeUndefined();
    expect(podsOf(cluster.state, 'bg')).toEqual([]);
    expect(cluster.state.pods.size).toBe(0);
  });

  it('orphaning its pods (batch/v1\'s default) leaves them running, without owner or finalizer', () => {
    const cluster = batchCluster();
    cluster.apply(jobManifest('orph', { image: 'sleep:1', parallelism: 2 }));
    cluster.advance(5 * SECOND_MS);
    cluster.run({ type: 'delete', actor: 'user', kind: 'Job', namespace: 'default', name: 'orph' });
    cluster.advance(5 * SECOND_MS);
    const pods = [...cluster.state.pods.values()];
    expect(pods.map((pod) => [pod.status.phase, pod.metadata.ownerReferences ?? [], pod.metadata.finalizers ?? []])).toEqual([
      ['Running', [], []],
      ['Running', [], []],
    ]);
  });
});

describe('ttlSecondsAfterFinished', () => {
  const cluster = batchCluster();
  cluster.apply(jobManifest('brief', { ttlSecondsAfterFinished: 30 }));
  cluster.advance(MINUTE_MS);
  const finished = fromTimestamp(jobNamed(cluster.state, 'brief').status.completionTime ?? '');
  const podName = podsOf(cluster.state, 'brief')[0]?.metadata.name;

  it('keeps the finished Job and its pod until the TTL runs out', () => {
    cluster.advance(finished + 30 * SECOND_MS - 1 - cluster.nowMs);
    expect(jobNamed(cluster.state, 'brief')).toBeDefined();
    expect(podsOf(cluster.state, 'brief')).toHaveLength(1);
  });

  it('then deletes the Job in the foreground: its pod first, then the Job', () => {
    const before = cluster.events.length;
    cluster.advance(1);
    expect(cluster.typesSince(before).filter((type) => !type.startsWith('node/'))).toEqual([
      'object/deletionRequested brief',
      `pod/deleted ${podName}`,
      'object/updated brief',
      'object/deleted brief',
    ]);
    expect(cluster.state.pods.size).toBe(0);
  });
});

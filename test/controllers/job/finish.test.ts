// The finished-Job decisions of syncJob (pkg/controller/job/job_controller.go), in the order
// upstream evaluates them; in the spirit of TestSyncJobPastDeadline, TestPastBackoffLimitOnFailure
// and the FailureTarget / SuccessCriteriaMet cases of TestSyncJobWithJobSuccessPolicy.

import { describe, expect, it } from 'vitest';
import { completionsReached, evaluateFinishedCondition, pastBackoffLimitOnFailure, startTimeAfterSync } from '../../../controllers/job/finish.ts';
import { newJobSyncContext } from '../../../controllers/job/sync-context.ts';
import { toTimestamp } from '../../../core/clock.ts';
import type { JobSpec, JobStatus } from '../../../core/workloads.ts';
import { job, pod, running, terminated } from './builders.ts';

const NOW = 100_000;

function evaluate(spec: Partial<JobSpec>, status: JobStatus, pods = [pod({ phase: 'Running', finalizer: true })]) {
  const j = job(spec, status);
  return evaluateFinishedCondition(newJobSyncContext(j, pods), startTimeAfterSync(j, NOW), NOW);
}

describe('startTimeAfterSync', () => {
  it('is set on the first sync of a Job that is not suspended', () => {
    expect(startTimeAfterSync(job(), NOW)).toBe(toTimestamp(NOW));
  });

  it('stays unset while suspended', () => {
    expect(startTimeAfterSync(job({ suspend: true }), NOW)).toBeUndefined();
  });
});

describe('evaluateFinishedCondition', () => {
  it('fails with BackoffLimitExceeded once failures exceed backoffLimit', () => {
    const got = evaluate({ backoffLimit: 1 }, { failed: 2 });
    expect(got.condition).toMatchObject({
      type: 'FailureTarget',
      status: 'True',
      reason: 'BackoffLimitExceeded',
      message: 'Job has reached the specified backoff limit',
    });
  });

  it('does not fail at exactly backoffLimit failures', () => {
    expect(evaluate({ backoffLimit: 2 }, { failed: 2 }).condition).toBeUndefined();
  });

  it('fails with DeadlineExceeded once activeDeadlineSeconds have passed since startTime', () => {
    const got = evaluate({ activeDeadlineSeconds: 10 }, { startTime: toTimestamp(NOW - 10_000) });
    expect(got.condition).toMatchObject({ type: 'FailureTarget', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' });
  });

  it('asks to sync again when the deadline will pass', () => {
    expect(evaluate({ activeDeadlineSeconds: 10 }, { startTime: toTimestamp(NOW - 4000) }).requeueAfterMs).toBe(6000);
  });

  it('never passes the deadline while suspended', () => {
    const got = evaluate({ activeDeadlineSeconds: 10, suspend: true }, { startTime: toTimestamp(NOW - 60_000) });
    expect(got).toEqual({});
  });

  it('turns an earlier FailureTarget into Failed with its reason and message', () => {
    const target = { type: 'FailureTarget', status: 'True' as const, reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };
    const got = evaluate({}, { conditions: [target] });
    expect(got.condition).toMatchObject({ type: 'Failed', reason: 'DeadlineExceeded', message: target.message, lastTransitionTime: toTimestamp(NOW) });
  });

  it('keeps an earlier SuccessCriteriaMet ahead of any failure', () => {
    const met = { type: 'SuccessCriteriaMet', status: 'True' as const, reason: 'CompletionsReached' };
    expect(evaluate({ backoffLimit: 0 }, { failed: 3, conditions: [met] }).condition).toBe(met);
  });

  it('fails with PodFailurePolicy on a FailJob rule, ahead of the backoff limit', () => {
    const spec: Partial<JobSpec> = { backoffLimit: 0, podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }] } };
    const failed = pod({ name: 'job-abc-x', phase: 'Failed', finalizer: true, containerStatuses: [terminated('main', 42)] });
    expect(evaluate(spec, {}, [failed]).condition).toMatchObject({
      type: 'FailureTarget',
      reason: 'PodFailurePolicy',
      message: 'Container main for pod default/job-abc-x failed with exit code 42 matching FailJob rule at index 0',
    });
  });

  it('fails with MaxFailedIndexesExceeded past maxFailedIndexes', () => {
    const spec: Partial<JobSpec> = { completionMode: 'Indexed', completions: 4, parallelism: 4, backoffLimit: 2 ** 31 - 1, backoffLimitPerIndex: 0, maxFailedIndexes: 1 };
    const got = evaluate(spec, { failedIndexes: '0,1' }, []);
    expect(got.condition).toMatchObject({ reason: 'MaxFailedIndexesExceeded', message: 'Job has exceeded the specified maximal number of failed indexes' });
  });

  it('fails with FailedIndexes when every index failed or succeeded', () => {
    const spec: Partial<JobSpec> = { completionMode: 'Indexed', completions: 2, parallelism: 2, backoffLimit: 2 ** 31 - 1, backoffLimitPerIndex: 0 };
    const got = evaluate(spec, { failedIndexes: '0', completedIndexes: '1', succeeded: 1 }, []);
    expect(got.condition).toMatchObject({ type: 'FailureTarget', reason: 'FailedIndexes', message: 'Job has failed indexes' });
  });

  it('meets the success policy with SuccessCriteriaMet', () => {
    const spec: Partial<JobSpec> = { completionMode: 'Indexed', completions: 3, parallelism: 3, successPolicy: { rules: [{ succeededIndexes: '0' }] } };
    expect(evaluate(spec, { completedIndexes: '0', succeeded: 1 }).condition).toMatchObject({
      type: 'SuccessCriteriaMet',
      reason: 'SuccessPolicy',
      message: 'Matched rules at index 0',
    });
  });
});

describe('pastBackoffLimitOnFailure (TestPastBackoffLimitOnFailure)', () => {
  const onFailure = (backoffLimit: number) => job({ backoffLimit, template: { spec: { containers: [{ name: 'main', image: 'x' }], restartPolicy: 'OnFailure' } } });

  it('counts restarts of running and pending pods against backoffLimit', () => {
    expect(pastBackoffLimitOnFailure(onFailure(2), [pod({ containerStatuses: [running('main', 2)] })])).toBe(true);
    expect(pastBackoffLimitOnFailure(onFailure(2), [pod({ containerStatuses: [running('main', 1)] })])).toBe(false);
  });

  it('fails on any restart with backoffLimit 0', () => {
    expect(pastBackoffLimitOnFailure(onFailure(0), [pod({ containerStatuses: [running('main', 1)] })])).toBe(true);
  });

  it('ignores restartPolicy Never', () => {
    expect(pastBackoffLimitOnFailure(job({ backoffLimit: 0 }), [pod({ containerStatuses: [running('main', 5)] })])).toBe(false);
  });
});

describe('completionsReached', () => {
  it('needs completions successes and no active pod', () => {
    expect(completionsReached(job({ completions: 2 }), 2, 0)).toBe(true);
    expect(completionsReached(job({ completions: 2 }), 2, 1)).toBe(false);
  });

  it('needs any success without completions', () => {
    expect(completionsReached(job({ completions: undefined }), 1, 0)).toBe(true);
    expect(completionsReached(job({ completions: undefined }), 0, 0)).toBe(false);
  });
});

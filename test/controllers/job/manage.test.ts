// manageJob's creates and deletes (pkg/controller/job/job_controller.go), in the spirit of
// TestControllerSyncJob's parallelism / completions / suspend cases and TestJobBackoff.

import { describe, expect, it } from 'vitest';
import { EMPTY_BACKOFF_RECORD } from '../../../controllers/job/backoff.ts';
import { activePodsForRemoval, countsAfter, planManageJob, suspendTransition, wantActive } from '../../../controllers/job/manage.ts';
import { newJobSyncContext } from '../../../controllers/job/sync-context.ts';
import type { Pod } from '../../../core/objects.ts';
import type { JobSpec, JobStatus } from '../../../core/workloads.ts';
import { job, pod } from './builders.ts';

const NOW = 1_000_000;

function plan(spec: Partial<JobSpec>, pods: readonly Pod[], status: JobStatus = {}, backoff = EMPTY_BACKOFF_RECORD) {
  const ctx = newJobSyncContext(job(spec, status), pods);
  return { ctx, plan: planManageJob(ctx, backoff, NOW) };
}

const runningPods = (count: number): Pod[] => Array.from({ length: count }, () => pod({ phase: 'Running', finalizer: true, nodeName: 'n' }));

describe('wantActive', () => {
  it.each([
    ['parallelism without completions', undefined, 3, 0, 0, 3],
    ['leaves running pods alone after a success without completions', undefined, 3, 2, 1, 2],
    ['min(parallelism, completions - succeeded)', 5, 2, 0, 4, 1],
    ['parallelism below remaining completions', 5, 2, 0, 0, 2],
    ['never below 0', 2, 2, 1, 3, 0],
  ])('%s', (_name, completions, parallelism, active, succeeded, want) => {
    expect(wantActive(job({ completions, parallelism }), active, succeeded)).toBe(want);
  });
});

describe('planManageJob', () => {
  it('creates pods up to parallelism', () => {
    const { plan: got } = plan({ parallelism: 3, completions: 5 }, []);
    expect(got).toEqual({ kind: 'create', creations: [{}, {}, {}] });
  });

  it('deletes the surplus when parallelism shrinks, pending and unscheduled first', () => {
    const pending = pod({ phase: 'Pending', finalizer: true });
    const pods = [...runningPods(2), pending];
    const { plan: got } = plan({ parallelism: 2, completions: 5 }, pods);
    expect(got).toEqual({ kind: 'delete', pods: [pending] });
  });

  it('deletes every active pod of a suspended Job', () => {
    const pods = runningPods(2);
    expect(plan({ parallelism: 2, completions: 2, suspend: true }, pods).plan).toMatchObject({ kind: 'delete', pods });
  });

  it('waits out the pod failure back-off, at least a second', () => {
    const { plan: got } = plan({ parallelism: 1 }, [], {}, { failuresAfterLastSuccess: 2, lastFailureMs: NOW - 5000 });
    expect(got).toEqual({ kind: 'wait', requeueAfterMs: 15_000 });
  });

  it('keeps the active count while waiting', () => {
    const pods = runningPods(1);
    const { ctx, plan: got } = plan({ parallelism: 2, completions: 2 }, pods, {}, { failuresAfterLastSuccess: 1, lastFailureMs: NOW });
    expect(countsAfter(ctx, got).active).toBe(1);
  });

  it('counts terminating pods against creations when only failed pods are replaced', () => {
    const terminating = pod({ phase: 'Running', finalizer: true, deletionMs: NOW - 1000 });
    expect(plan({ parallelism: 1, podReplacementPolicy: 'Failed' }, [terminating]).plan).toEqual({ kind: 'none' });
    expect(plan({ parallelism: 1, podReplacementPolicy: 'TerminatingOrFailed' }, [terminating]).plan).toEqual({ kind: 'create', creations: [{}] });
  });

  it('creates the lowest pending indexes of an Indexed Job', () => {
    const active = pod({ phase: 'Running', index: '0', finalizer: true });
    const { plan: got } = plan({ completionMode: 'Indexed', completions: 5, parallelism: 3 }, [active], { completedIndexes: '1', succeeded: 1 });
    expect(got).toEqual({ kind: 'create', creations: [{ index: 2 }, { index: 3 }] });
  });

  it('passes the failure count on to the replacement with backoffLimitPerIndex', () => {
    const failed = pod({ phase: 'Failed', index: '0', failureCount: '0', finalizer: true, deletionMs: NOW - 60_000 });
    const spec: Partial<JobSpec> = { completionMode: 'Indexed', completions: 1, parallelism: 1, backoffLimit: 2 ** 31 - 1, backoffLimitPerIndex: 2 };
    expect(plan(spec, [failed]).plan).toEqual({ kind: 'create', creations: [{ index: 0, failureCounts: { failureCount: 1, ignoredFailureCount: 0 } }] });
  });

  it('removes pods with a repeated index before creating', () => {
    const pods = [pod({ phase: 'Pending', index: '0', finalizer: true }), pod({ phase: 'Running', index: '0', finalizer: true })];
    const { plan: got } = plan({ completionMode: 'Indexed', completions: 2, parallelism: 2 }, pods);
    expect(got).toEqual({ kind: 'delete', pods: [pods[0]] });
  });
});

describe('activePodsForRemoval', () => {
  it('deletes not-ready before ready pods', () => {
    const ready = pod({ phase: 'Running', nodeName: 'n', readySinceMs: 0 });
    const notReady = pod({ phase: 'Running', nodeName: 'n' });
    expect(activePodsForRemoval(job({ parallelism: 1 }), [ready, notReady], 1)).toEqual([notReady]);
  });
});

describe('suspendTransition', () => {
  it('adds Suspended=True with JobSuspended and records Suspended', () => {
    const got = suspendTransition(job({ suspend: true }), [], NOW);
    expect(got.conditions).toMatchObject([{ type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended' }]);
    expect(got.event).toEqual({ type: 'Normal', reason: 'Suspended', message: 'Job suspended' });
  });

  it('flips to False with JobResumed, records Resumed and resets startTime', () => {
    const suspended = [{ type: 'Suspended', status: 'True' as const, reason: 'JobSuspended', message: 'Job suspended' }];
    const got = suspendTransition(job(), suspended, NOW);
    expect(got.conditions).toMatchObject([{ type: 'Suspended', status: 'False', reason: 'JobResumed', message: 'Job resumed' }]);
    expect(got.event?.reason).toBe('Resumed');
    expect(got.resetStartTime).toBe(true);
  });

  it('adds nothing to a Job that was never suspended', () => {
    expect(suspendTransition(job(), [], NOW)).toMatchObject({ conditions: [], changed: false, resetStartTime: false });
  });
});

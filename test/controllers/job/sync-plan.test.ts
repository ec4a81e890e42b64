// Whole syncs as plain data: the calls upstream's syncJob and trackJobStatusAndRemoveFinalizers
// make (pkg/controller/job/job_controller.go), in the spirit of TestTrackJobStatusAndRemoveFinalizers
// and the interim-condition cases of TestSyncJobWithJobPodFailurePolicy.

import { describe, expect, it } from 'vitest';
import { planJobSync } from '../../../controllers/job/sync-plan.ts';
import { toTimestamp } from '../../../core/clock.ts';
import type { Pod } from '../../../core/objects.ts';
import type { JobSpec, JobStatus } from '../../../core/workloads.ts';
import { job, pod, terminated } from './builders.ts';

const NOW = 50_000;

function sync(spec: Partial<JobSpec>, status: JobStatus, pods: readonly Pod[], satisfiedExpectations = true) {
  return planJobSync({ job: job(spec, status), pods, satisfiedExpectations, nowMs: NOW });
}

describe('planJobSync', () => {
  it('creates the first pod and records startTime and active', () => {
    const plan = sync({}, {}, []);
    expect(plan.manage).toEqual({ kind: 'create', creations: [{}] });
    expect(plan.tracking?.statusBeforeRemoval).toMatchObject({ startTime: toTimestamp(NOW), active: 1, ready: 0, terminating: 0 });
  });

  it('counts a succeeded pod through uncountedTerminatedPods, then completes the Job', () => {
    const done = pod({ uid: 'p1', phase: 'Succeeded', finalizer: true, containerStatuses: [terminated('main', 0, NOW - 1000)] });
    const plan = sync({}, { active: 1, ready: 0, terminating: 0, startTime: toTimestamp(0) }, [done]);
    const tracking = plan.tracking;
    expect(tracking?.statusBeforeRemoval?.uncountedTerminatedPods).toEqual({ succeeded: ['p1'] });
    expect(tracking?.statusBeforeRemoval?.conditions).toMatchObject([
      { type: 'SuccessCriteriaMet', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' },
    ]);
    expect(tracking?.podsToRemoveFinalizer).toEqual([done]);
    expect(tracking?.statusAfterRemoval).toMatchObject({ succeeded: 1, uncountedTerminatedPods: {}, completionTime: toTimestamp(NOW) });
    expect(tracking?.statusAfterRemoval?.conditions?.map((c) => c.type)).toEqual(['SuccessCriteriaMet', 'Complete']);
    expect(plan.events).toEqual([{ type: 'Normal', reason: 'Completed', message: 'Job completed' }]);
  });

  it('writes FailureTarget and deletes the active pods, waiting for them before Failed', () => {
    const active = pod({ uid: 'p2', phase: 'Running', finalizer: true });
    const plan = sync({ backoffLimit: 0 }, { failed: 1, active: 1 }, [active]);
    expect(plan.deleteActive).toEqual([active]);
    expect(plan.tracking?.statusBeforeRemoval?.conditions).toMatchObject([{ type: 'FailureTarget', reason: 'BackoffLimitExceeded' }]);
    // The deleted pod is terminating, so Failed waits for a later sync.
    expect(plan.tracking?.finished).toBeUndefined();
    expect(plan.tracking?.statusAfterRemoval).toMatchObject({ failed: 2, terminating: 1 });
  });

  it('turns FailureTarget into Failed once no pod is terminating', () => {
    const target = { type: 'FailureTarget', status: 'True' as const, reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
    const plan = sync({ backoffLimit: 0 }, { failed: 2, conditions: [target], terminating: 1 }, []);
    expect(plan.tracking?.finished).toMatchObject({ type: 'Failed', reason: 'BackoffLimitExceeded' });
    expect(plan.tracking?.statusAfterRemoval?.completionTime).toBeUndefined();
    expect(plan.events).toEqual([{ type: 'Warning', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }]);
  });

  it('does not finish the Job while expectations are unsatisfied', () => {
    const active = pod({ phase: 'Running', finalizer: true });
    const plan = sync({ backoffLimit: 0 }, { failed: 1 }, [active], false);
    expect(plan.deleteActive).toEqual([active]);
    expect(plan.tracking?.statusBeforeRemoval?.conditions).toBeUndefined();
  });

  it('suspends: deletes the pods, writes Suspended and records the event', () => {
    const active = pod({ phase: 'Running', finalizer: true });
    const plan = sync({ suspend: true }, { active: 1 }, [active]);
    expect(plan.manage).toEqual({ kind: 'delete', pods: [active] });
    expect(plan.events).toEqual([{ type: 'Normal', reason: 'Suspended', message: 'Job suspended' }]);
  });

  it('resets startTime on resume', () => {
    const suspended = { type: 'Suspended', status: 'True' as const, reason: 'JobSuspended', message: 'Job suspended' };
    const plan = sync({}, { conditions: [suspended], startTime: toTimestamp(0) }, []);
    expect(plan.tracking?.statusBeforeRemoval?.startTime).toBe(toTimestamp(NOW));
  });

  it('does nothing for a finished Job', () => {
    const complete = { type: 'Complete', status: 'True' as const };
    expect(sync({}, { conditions: [complete] }, [])).toMatchObject({ alreadyFinished: true, deleteActive: [], events: [] });
  });

  it('puts an Indexed Job\'s successes into completedIndexes', () => {
    const done = pod({ phase: 'Succeeded', index: '1', finalizer: true });
    const plan = sync({ completionMode: 'Indexed', completions: 3, parallelism: 1 }, {}, [done]);
    expect(plan.tracking?.statusBeforeRemoval).toMatchObject({ completedIndexes: '1', succeeded: 1, uncountedTerminatedPods: {} });
  });

  it('leaves conditions out of a Job that never had one (upstream\'s nil list stays nil)', () => {
    const plan = sync({}, {}, []);
    expect(plan.tracking?.statusBeforeRemoval).not.toHaveProperty('conditions');
  });
});

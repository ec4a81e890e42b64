// Job conditions and the events of a finished Job (ensureJobConditionStatus and recordJobFinished,
// pkg/controller/job/job_controller.go).

import { describe, expect, it } from 'vitest';
import { ensureJobConditionStatus, isJobFinished, newCondition } from '../../../controllers/job/conditions.ts';
import { jobFinishedEvents } from '../../../controllers/job/events.ts';
import { job } from './builders.ts';

const NOW = 7_000;

describe('ensureJobConditionStatus', () => {
  it('does not add a condition whose status is False', () => {
    expect(ensureJobConditionStatus([], 'Suspended', 'False', 'JobResumed', 'Job resumed', NOW)).toEqual({ conditions: [], updated: false });
  });

  it('replaces a condition that changed, with fresh times', () => {
    const old = newCondition('Suspended', 'True', 'JobSuspended', 'Job suspended', 0);
    const got = ensureJobConditionStatus([old], 'Suspended', 'False', 'JobResumed', 'Job resumed', NOW);
    expect(got.conditions).toEqual([newCondition('Suspended', 'False', 'JobResumed', 'Job resumed', NOW)]);
  });

  it('leaves an unchanged condition alone', () => {
    const old = newCondition('Suspended', 'True', 'JobSuspended', 'Job suspended', 0);
    expect(ensureJobConditionStatus([old], 'Suspended', 'True', 'JobSuspended', 'Job suspended', NOW).updated).toBe(false);
  });
});

describe('isJobFinished', () => {
  it('is true only for a True Complete or Failed condition', () => {
    expect(isJobFinished(job({}, { conditions: [{ type: 'Failed', status: 'True' }] }))).toBe(true);
    expect(isJobFinished(job({}, { conditions: [{ type: 'FailureTarget', status: 'True' }] }))).toBe(false);
    expect(isJobFinished(job({}, { conditions: [{ type: 'Complete', status: 'False' }] }))).toBe(false);
  });
});

describe('jobFinishedEvents', () => {
  it('warns about too many succeeded pods before Completed', () => {
    const events = jobFinishedEvents(job({ completions: 1 }, { succeeded: 2 }), newCondition('Complete', 'True', '', '', NOW));
    expect(events.map((e) => e.reason)).toEqual(['TooManySucceededPods', 'Completed']);
  });

  it('records a failure with the condition\'s reason and message', () => {
    const failed = newCondition('Failed', 'True', 'DeadlineExceeded', 'Job was active longer than specified deadline', NOW);
    expect(jobFinishedEvents(job(), failed)).toEqual([{ type: 'Warning', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' }]);
  });
});

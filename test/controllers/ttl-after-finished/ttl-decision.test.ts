// The TTL-after-finished decision for one Job (processTTL and timeLeft in
// pkg/controller/ttlafterfinished/ttlafterfinished_controller.go, in the spirit of TestTimeLeft).

import { describe, expect, it } from 'vitest';
import { ttlDecision } from '../../../controllers/ttl-after-finished/ttl-decision.ts';
import { toTimestamp } from '../../../core/clock.ts';
import { job } from '../job/builders.ts';

describe('ttlDecision', () => {
  const finished = (ttl: number | undefined, finishedMs: number) =>
    job({ ttlSecondsAfterFinished: ttl }, { conditions: [{ type: 'Complete', status: 'True', lastTransitionTime: toTimestamp(finishedMs) }] });

  it('waits until the TTL after the finish runs out', () => {
    expect(ttlDecision(finished(10, 0), 4000)).toEqual({ kind: 'requeue', afterMs: 6000 });
  });

  it('deletes in the foreground with a UID precondition once it has', () => {
    expect(ttlDecision(finished(10, 0), 10_000)).toEqual({ kind: 'delete', propagationPolicy: 'Foreground', preconditionUid: 'uid-job-abc' });
  });

  it('leaves a Job without TTL, or not finished, alone', () => {
    expect(ttlDecision(finished(undefined, 0), 10_000)).toEqual({ kind: 'none' });
    expect(ttlDecision(job({ ttlSecondsAfterFinished: 0 }), 10_000)).toEqual({ kind: 'none' });
  });
});

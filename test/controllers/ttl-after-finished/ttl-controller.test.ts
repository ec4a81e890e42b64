// The TTL-after-finished controller's watch and reconcile (addJob, updateJob and processJob in
// pkg/controller/ttlafterfinished/ttlafterfinished_controller.go, after TestProcessJob-style cases):
// finished Jobs that ask for clean-up are looked at, requeued until their TTL runs out, then
// deleted in the foreground with a UID precondition.

import { describe, expect, it } from 'vitest';
import { processJob } from '../../../controllers/ttl-after-finished/index.ts';
import { ttlKeysFor } from '../../../controllers/ttl-after-finished/watch.ts';
import { toTimestamp } from '../../../core/clock.ts';
import type { EventBody } from '../../../core/events.ts';
import type { Job } from '../../../core/workloads.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { change, contextAt } from '../../support/reduce-events.ts';
import { job } from '../job/builders.ts';
import { stateWith } from '../job/state-builders.ts';

const finishedAt = (ms: number) => [{ type: 'Complete', status: 'True' as const, lastTransitionTime: toTimestamp(ms) }];
const brief = job({ ttlSecondsAfterFinished: 30 }, {}, 'brief');

function keys(body: EventBody, state: ClusterState = stateWith(brief)): string[] {
  return ttlKeysFor(change(state, body));
}

const finish = (name: string): EventBody => ({ type: 'object/statusUpdated', kind: 'Job', namespace: 'default', name, status: { conditions: finishedAt(1000) } });

describe('watch', () => {
  it('a Job that finishes with a TTL is looked at', () => {
    expect(keys(finish('brief'))).toEqual(['default/brief']);
  });

  it('a Job without a TTL, one not finished, or one being deleted is not', () => {
    expect(keys(finish('plain'), stateWith(job({}, {}, 'plain')))).toEqual([]);
    expect(keys({ type: 'object/statusUpdated', kind: 'Job', namespace: 'default', name: 'brief', status: { active: 1 } })).toEqual([]);
    const deleting = { ...brief, metadata: { ...brief.metadata, deletionTimestamp: toTimestamp(0) } };
    expect(keys(finish('brief'), stateWith(deleting))).toEqual([]);
  });
});

describe('processJob', () => {
  const finished: Job = { ...brief, status: { conditions: finishedAt(10_000) } };

  it('requeues a finished Job for when its TTL runs out', () => {
    expect(processJob('default/brief', contextAt(stateWith(finished), 25_000))).toEqual([{ kind: 'wake', atMs: 40_000, key: 'default/brief' }]);
  });

  it('deletes it then, in the foreground, only if it is still the same Job', () => {
    expect(processJob('default/brief', contextAt(stateWith(finished), 40_000))).toEqual([
      {
        kind: 'submit',
        command: { type: 'delete', actor: 'controller/ttl-after-finished', kind: 'Job', namespace: 'default', name: 'brief', uid: brief.metadata.uid, propagationPolicy: 'Foreground' },
      },
    ]);
  });

  it('fails the sync, to retry after back-off, when the finish has no time', () => {
    const timeless: Job = { ...brief, status: { conditions: [{ type: 'Failed', status: 'True' }] } };
    expect(processJob('default/brief', contextAt(stateWith(timeless), 40_000))).toEqual([
      { kind: 'fail', reason: 'unable to find the time when the Job default/brief finished' },
    ]);
  });

  it('does nothing for a Job that is gone', () => {
    expect(processJob('default/brief', contextAt(stateWith(), 40_000))).toEqual([]);
  });
});

// syncRolloutStatus: the Progressing condition, replica failures, and the stuck-rollout requeue.

import { describe, expect, it } from 'vitest';
import {
  type DeploymentCondition,
  MAX_INT32,
  NEW_RS_AVAILABLE_REASON,
  REPLICA_SET_UPDATED_REASON,
  TIMED_OUT_REASON,
  getDeploymentCondition,
} from '../../../controllers/deployment/conditions.ts';
import {
  pausedConditionStatus,
  requeueStuckDeployment,
  syncRolloutStatus,
} from '../../../controllers/deployment/progress.ts';
import { toTimestamp } from '../../../core/clock.ts';
import type { ReplicaSet } from '../../../core/objects.ts';
import type { Deployment, DeploymentStatus } from '../../../core/workloads.ts';
import { deployment, rs } from './builders.ts';

const T = 100 * 60_000;
const testTime = toTimestamp(T);

/** Upstream's currentDeployment: a Recreate deployment named progress-test. */
function currentDeployment(
  deadline: number | undefined,
  replicas: number,
  [statusReplicas, updatedReplicas, availableReplicas]: [number, number, number],
  conditions: readonly DeploymentCondition[] | undefined,
): Deployment {
  const status: DeploymentStatus = { replicas: statusReplicas, updatedReplicas, availableReplicas, ...(conditions === undefined ? {} : { conditions }) };
  return deployment({ name: 'progress-test', replicas, strategy: 'Recreate', progressDeadlineSeconds: deadline ?? MAX_INT32, status });
}

/** Upstream's newRSWithAvailable. */
const withAvailable = (name: string, spec: number, statusReplicas: number, available: number): ReplicaSet =>
  rs(name, spec, { status: { replicas: statusReplicas, availableReplicas: available } });

describe('requeueStuckDeployment', () => {
  // Ported from progress_test.go TestRequeueStuckDeployment (all 11 cases); the condition was last
  // updated at T with a 60s deadline.
  const failed: DeploymentCondition[] = [{ type: 'Progressing', status: 'False', reason: TIMED_OUT_REASON }];
  const stuck: DeploymentCondition[] = [{ type: 'Progressing', status: 'True', lastUpdateTime: testTime }];
  const cases: { name: string; d: Deployment; status: [number, number, number]; nowMs: number; expected: ReturnType<typeof requeueStuckDeployment> }[] = [
    { name: 'nil progressDeadlineSeconds specified', d: currentDeployment(undefined, 4, [3, 3, 2], undefined), status: [3, 3, 2], nowMs: T, expected: { kind: 'none' } },
    { name: 'infinite progressDeadlineSeconds specified', d: currentDeployment(MAX_INT32, 4, [3, 3, 2], undefined), status: [3, 3, 2], nowMs: T, expected: { kind: 'none' } },
    { name: 'no progressing condition found', d: currentDeployment(60, 4, [3, 3, 2], undefined), status: [3, 3, 2], nowMs: T, expected: { kind: 'none' } },
    { name: 'complete deployment does not need to be requeued', d: currentDeployment(60, 3, [3, 3, 3], undefined), status: [3, 3, 3], nowMs: T, expected: { kind: 'none' } },
    { name: 'already failed deployment does not need to be requeued', d: currentDeployment(60, 3, [3, 3, 0], failed), status: [3, 3, 0], nowMs: T, expected: { kind: 'none' } },
    { name: 'stuck deployment - 30s', d: currentDeployment(60, 3, [3, 3, 1], stuck), status: [3, 3, 1], nowMs: T + 30_000, expected: { kind: 'after', afterMs: 30_000, wakeAtMs: T + 61_000 } },
    { name: 'stuck deployment - 1s', d: currentDeployment(60, 3, [3, 3, 1], stuck), status: [3, 3, 1], nowMs: T + 59_000, expected: { kind: 'after', afterMs: 1_000, wakeAtMs: T + 61_000 } },
    { name: 'failed deployment - less than a second => now', d: currentDeployment(60, 3, [3, 3, 1], stuck), status: [3, 3, 1], nowMs: T + 59_001, expected: { kind: 'rateLimited' } },
    { name: 'failed deployment - now', d: currentDeployment(60, 3, [3, 3, 1], stuck), status: [3, 3, 1], nowMs: T + 60_000, expected: { kind: 'rateLimited' } },
    { name: 'failed deployment - 1s after deadline', d: currentDeployment(60, 3, [3, 3, 1], stuck), status: [3, 3, 1], nowMs: T + 61_000, expected: { kind: 'rateLimited' } },
    { name: 'failed deployment - 60s after deadline', d: currentDeployment(60, 3, [3, 3, 1], stuck), status: [3, 3, 1], nowMs: T + 120_000, expected: { kind: 'rateLimited' } },
  ];
  for (const test of cases) {
    it(test.name, () => {
      const [replicas, updatedReplicas, availableReplicas] = test.status;
      expect(requeueStuckDeployment(test.d, { replicas, updatedReplicas, availableReplicas }, test.nowMs)).toEqual(test.expected);
    });
  }
});

describe('syncRolloutStatus', () => {
  // Ported from progress_test.go TestSyncRolloutStatus (all 11 cases), judged 10 minutes after T.
  const failedTimedOut: DeploymentCondition = { type: 'Progressing', status: 'False', reason: TIMED_OUT_REASON };
  const newRSAvailable: DeploymentCondition = { type: 'Progressing', status: 'True', reason: NEW_RS_AVAILABLE_REASON, lastUpdateTime: testTime, lastTransitionTime: testTime };
  const replicaSetUpdated: DeploymentCondition = { type: 'Progressing', status: 'True', reason: REPLICA_SET_UPDATED_REASON, lastUpdateTime: testTime, lastTransitionTime: testTime };
  const cases: {
    name: string;
    d: Deployment;
    allRSs: ReplicaSet[];
    newRS?: ReplicaSet;
    expected?: { status: string; reason: string; lastUpdateTime?: string; lastTransitionTime?: string };
  }[] = [
    { name: 'General: remove Progressing condition and do not estimate progress if deployment has no Progress Deadline', d: currentDeployment(undefined, 3, [2, 2, 2], [replicaSetUpdated]), allRSs: [withAvailable('bar', 0, 1, 1)], newRS: withAvailable('foo', 3, 2, 2) },
    { name: 'General: do not estimate progress of deployment with only one active ReplicaSet', d: currentDeployment(60, 3, [3, 3, 3], [newRSAvailable]), allRSs: [withAvailable('bar', 3, 3, 3)], expected: { status: 'True', reason: NEW_RS_AVAILABLE_REASON, lastUpdateTime: testTime, lastTransitionTime: testTime } },
    { name: 'DeploymentProgressing: dont update lastTransitionTime if deployment already has Progressing=True', d: currentDeployment(60, 3, [2, 2, 2], [replicaSetUpdated]), allRSs: [withAvailable('bar', 0, 1, 1)], newRS: withAvailable('foo', 3, 2, 2), expected: { status: 'True', reason: REPLICA_SET_UPDATED_REASON, lastTransitionTime: testTime } },
    { name: 'DeploymentProgressing: update everything if deployment has Progressing=False', d: currentDeployment(60, 3, [2, 2, 2], [failedTimedOut]), allRSs: [withAvailable('bar', 0, 1, 1)], newRS: withAvailable('foo', 3, 2, 2), expected: { status: 'True', reason: REPLICA_SET_UPDATED_REASON } },
    { name: 'DeploymentProgressing: create Progressing condition if it does not exist', d: currentDeployment(60, 3, [2, 2, 2], []), allRSs: [withAvailable('bar', 0, 1, 1)], newRS: withAvailable('foo', 3, 2, 2), expected: { status: 'True', reason: REPLICA_SET_UPDATED_REASON } },
    { name: 'DeploymentComplete: dont update lastTransitionTime if deployment already has Progressing=True', d: currentDeployment(60, 3, [3, 3, 3], [replicaSetUpdated]), allRSs: [], newRS: withAvailable('foo', 3, 3, 3), expected: { status: 'True', reason: NEW_RS_AVAILABLE_REASON, lastTransitionTime: testTime } },
    { name: 'DeploymentComplete: update everything if deployment has Progressing=False', d: currentDeployment(60, 3, [3, 3, 3], [failedTimedOut]), allRSs: [], newRS: withAvailable('foo', 3, 3, 3), expected: { status: 'True', reason: NEW_RS_AVAILABLE_REASON } },
    { name: 'DeploymentComplete: create Progressing condition if it does not exist', d: currentDeployment(60, 3, [3, 3, 3], []), allRSs: [], newRS: withAvailable('foo', 3, 3, 3), expected: { status: 'True', reason: NEW_RS_AVAILABLE_REASON } },
    { name: 'DeploymentComplete: defend against NPE when newRS=nil', d: currentDeployment(60, 0, [3, 3, 3], [replicaSetUpdated]), allRSs: [withAvailable('foo', 0, 0, 0)], expected: { status: 'True', reason: NEW_RS_AVAILABLE_REASON } },
    { name: 'DeploymentTimedOut: update status if rollout exceeds Progress Deadline', d: currentDeployment(60, 3, [2, 2, 2], [replicaSetUpdated]), allRSs: [], newRS: withAvailable('foo', 3, 2, 2), expected: { status: 'False', reason: TIMED_OUT_REASON } },
    { name: 'DeploymentTimedOut: do not update status if deployment has existing timedOut condition', d: currentDeployment(60, 3, [2, 2, 2], [failedTimedOut]), allRSs: [], newRS: withAvailable('foo', 3, 2, 2), expected: { status: 'False', reason: TIMED_OUT_REASON } },
  ];
  for (const test of cases) {
    it(test.name, () => {
      const allRSs = test.newRS === undefined ? test.allRSs : [...test.allRSs, test.newRS];
      const { status } = syncRolloutStatus(allRSs, test.newRS, test.d, T + 600_000);
      const condition = getDeploymentCondition(status, 'Progressing');
      if (test.expected === undefined) {
        expect(condition).toBeUndefined();
        return;
      }
      const { lastUpdateTime, lastTransitionTime, ...kind } = test.expected;
      expect({ status: condition?.status, reason: condition?.reason }).toEqual(kind);
      if (lastUpdateTime !== undefined) expect(condition?.lastUpdateTime).toBe(lastUpdateTime);
      if (lastTransitionTime !== undefined) expect(condition?.lastTransitionTime).toBe(lastTransitionTime);
    });
  }

  it('names the new ReplicaSet in the Progressing message', () => {
    const d = currentDeployment(60, 3, [2, 2, 2], []);
    const { status } = syncRolloutStatus([withAvailable('web-5d4f8b7c9', 3, 3, 3)], withAvailable('web-5d4f8b7c9', 3, 3, 3), d, T);
    expect(getDeploymentCondition(status, 'Progressing')?.message).toBe('ReplicaSet "web-5d4f8b7c9" has successfully progressed.');
  });

  it('words a timeout with the new ReplicaSet name', () => {
    const d = currentDeployment(60, 3, [2, 2, 2], [replicaSetUpdated]);
    const newRS = withAvailable('web-5d4f8b7c9', 3, 2, 2);
    const { status } = syncRolloutStatus([newRS], newRS, d, T + 600_000);
    expect(getDeploymentCondition(status, 'Progressing')?.message).toBe('ReplicaSet "web-5d4f8b7c9" has timed out progressing.');
  });

  it('refreshes lastUpdateTime on progress', () => {
    const d = currentDeployment(60, 3, [2, 2, 2], [replicaSetUpdated]);
    const { status } = syncRolloutStatus([withAvailable('bar', 0, 1, 1), withAvailable('foo', 3, 2, 2)], withAvailable('foo', 3, 2, 2), d, T + 30_000);
    expect(getDeploymentCondition(status, 'Progressing')?.lastUpdateTime).toBe(toTimestamp(T + 30_000));
  });

  it('promotes the new ReplicaSet ReplicaFailure condition', () => {
    const failure = { type: 'ReplicaFailure', status: 'True' as const, reason: 'FailedCreate', message: 'quota', lastTransitionTime: testTime };
    const newRS = rs('foo', 3, { status: { replicas: 0, conditions: [failure] } });
    const { status } = syncRolloutStatus([newRS], newRS, currentDeployment(undefined, 3, [0, 0, 0], []), T);
    expect(getDeploymentCondition(status, 'ReplicaFailure')).toEqual({ ...failure, lastUpdateTime: testTime });
  });

  it('reports no change and asks for a wake at the deadline when nothing moved', () => {
    const available: DeploymentCondition = { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.', lastUpdateTime: testTime, lastTransitionTime: testTime };
    const status = { replicas: 3, updatedReplicas: 3, unavailableReplicas: 3, conditions: [available, replicaSetUpdated] };
    const d = deployment({ name: 'progress-test', replicas: 3, strategy: 'Recreate', progressDeadlineSeconds: 60, status });
    const newRS = withAvailable('foo', 3, 3, 0);
    expect(syncRolloutStatus([newRS], newRS, d, T + 10_000)).toMatchObject({ changed: false, requeue: { kind: 'after', afterMs: 50_000, wakeAtMs: T + 61_000 } });
  });
});

describe('pausedConditionStatus', () => {
  it('sets Progressing Unknown/DeploymentPaused when paused', () => {
    const d = deployment({ paused: true, progressDeadlineSeconds: 600 });
    expect(getDeploymentCondition(pausedConditionStatus(d, T), 'Progressing')).toEqual({
      type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused', lastUpdateTime: testTime, lastTransitionTime: testTime,
    });
  });

  it('sets Progressing Unknown/DeploymentResumed when resumed', () => {
    const paused: DeploymentCondition = { type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused' };
    const d = deployment({ progressDeadlineSeconds: 600, status: { conditions: [paused] } });
    expect(getDeploymentCondition(pausedConditionStatus(d, T), 'Progressing')?.message).toBe('Deployment is resumed');
  });

  it('leaves a recorded timeout alone', () => {
    const timedOut: DeploymentCondition = { type: 'Progressing', status: 'False', reason: TIMED_OUT_REASON };
    expect(pausedConditionStatus(deployment({ paused: true, progressDeadlineSeconds: 600, status: { conditions: [timedOut] } }), T)).toBeUndefined();
  });

  it('does nothing without a deadline', () => {
    expect(pausedConditionStatus(deployment({ paused: true }), T)).toBeUndefined();
  });
});

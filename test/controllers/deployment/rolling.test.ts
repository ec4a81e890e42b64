// RollingUpdate steps: the new ReplicaSet up within maxSurge, old ones down within maxUnavailable.

import { describe, expect, it } from 'vitest';
import {
  cleanupUnhealthyReplicas,
  newRSNewReplicas,
  reconcileNewReplicaSet,
  reconcileOldReplicaSets,
  rollingStep,
  scaleDownOldReplicaSetsForRollingUpdate,
} from '../../../controllers/deployment/rolling.ts';
import type { ScaleAction } from '../../../controllers/deployment/scale-step.ts';
import type { IntOrString } from '../../../core/workloads.ts';
import { deployment, rs, rsAvailable } from './builders.ts';

const sizes = (actions: readonly ScaleAction[]) => actions.map((action) => [action.name, action.toReplicas]);

describe('newRSNewReplicas', () => {
  // Ported from deployment_util_test.go TestNewRSNewReplicas (all 3 cases): another ReplicaSet has 5.
  const cases: { name: string; strategy: 'RollingUpdate' | 'Recreate'; replicas: number; newReplicas: number; surge: number; expected: number }[] = [
    { name: 'can not scale up - to newRSReplicas', strategy: 'RollingUpdate', replicas: 1, newReplicas: 5, surge: 1, expected: 5 },
    { name: 'scale up - to depReplicas', strategy: 'RollingUpdate', replicas: 6, newReplicas: 2, surge: 10, expected: 6 },
    { name: 'recreate - to depReplicas', strategy: 'Recreate', replicas: 3, newReplicas: 1, surge: 1, expected: 3 },
  ];
  for (const test of cases) {
    it(test.name, () => {
      const d = deployment({ replicas: test.replicas, strategy: test.strategy, maxSurge: test.surge, maxUnavailable: 1 });
      expect(newRSNewReplicas(d, [rs('rs5', 5)], test.newReplicas)).toEqual({ ok: true, value: test.expected });
    });
  }
});

describe('reconcileNewReplicaSet', () => {
  // Ported from rolling_test.go TestDeploymentController_reconcileNewReplicaSet: the 5 cases that
  // run with the DeploymentPodReplacementPolicy gate off (its default in 1.34).
  const cases: { name: string; replicas: number; surge: number; oldReplicas: number; newReplicas: number; expected?: number }[] = [
    { name: 'should not scale up when old replica set is fully saturated', replicas: 10, surge: 0, oldReplicas: 10, newReplicas: 0 },
    { name: 'should scale up according to the maxSurge when old replica set is fully saturated', replicas: 10, surge: 2, oldReplicas: 10, newReplicas: 0, expected: 2 },
    { name: 'should scale up according to the maxSurge', replicas: 10, surge: 2, oldReplicas: 5, newReplicas: 0, expected: 7 },
    { name: 'should not scale when maxSurge is fully saturated', replicas: 10, surge: 2, oldReplicas: 10, newReplicas: 2 },
    { name: 'should scale down when there are replicas above maxSurge', replicas: 10, surge: 2, oldReplicas: 2, newReplicas: 11, expected: 10 },
  ];
  for (const test of cases) {
    it(test.name, () => {
      const d = deployment({ replicas: test.replicas, maxSurge: test.surge, maxUnavailable: 0 });
      const newRS = rs('foo-v2', test.newReplicas);
      const result = reconcileNewReplicaSet(d, [newRS, rs('foo-v1', test.oldReplicas)], newRS);
      expect(result.ok && result.value?.toReplicas).toBe(test.expected ?? undefined);
    });
  }
});

describe('reconcileOldReplicaSets', () => {
  // Ported from rolling_test.go TestDeploymentController_reconcileOldReplicaSets (all 5 cases).
  const cases: { note: string; unavailable: IntOrString; oldReplicas: number; newReplicas: number; oldReady: number; newReady: number; expectedOld?: number }[] = [
    { note: 'one old pod may go when maxUnavailable resolves to 1', unavailable: 0, oldReplicas: 10, newReplicas: 0, oldReady: 10, newReady: 0, expectedOld: 9 },
    { note: 'two old pods may go with maxUnavailable 2', unavailable: 2, oldReplicas: 10, newReplicas: 0, oldReady: 10, newReady: 0, expectedOld: 8 },
    { note: 'unhealthy replicas from old replica sets are cleaned up', unavailable: 2, oldReplicas: 10, newReplicas: 0, oldReady: 8, newReady: 0, expectedOld: 8 },
    { note: 'one unhealthy replica cleaned up, then one ready pod scaled down', unavailable: 2, oldReplicas: 10, newReplicas: 0, oldReady: 9, newReady: 0, expectedOld: 8 },
    { note: 'the unavailable pods from the newRS would not make us scale down old RSs in a further step', unavailable: 2, oldReplicas: 8, newReplicas: 2, oldReady: 8, newReady: 0 },
  ];
  for (const test of cases) {
    it(test.note, () => {
      const d = deployment({ replicas: 10, maxSurge: 0, maxUnavailable: test.unavailable });
      const newRS = rsAvailable('foo-new', test.newReplicas, test.newReady);
      const oldRS = rsAvailable('foo-old', test.oldReplicas, test.oldReady);
      const result = reconcileOldReplicaSets(d, [oldRS, newRS], [oldRS], newRS);
      const final = result.actions.at(-1)?.toReplicas;
      expect({ scaled: result.scaled, final }).toEqual({ scaled: test.expectedOld !== undefined, final: test.expectedOld });
    });
  }

  it('issues the unhealthy cleanup and the scale-down as two writes', () => {
    const d = deployment({ replicas: 10, maxSurge: 0, maxUnavailable: 2 });
    const oldRS = rsAvailable('foo-old', 10, 9);
    const newRS = rs('foo-new', 0);
    expect(sizes(reconcileOldReplicaSets(d, [oldRS, newRS], [oldRS], newRS).actions)).toEqual([
      ['foo-old', 9],
      ['foo-old', 8],
    ]);
  });

  it('stops without scaling when an old ReplicaSet reports more available pods than it wants', () => {
    const d = deployment({ replicas: 10, maxSurge: 0, maxUnavailable: 2 });
    const oldRS = rsAvailable('foo-old', 8, 10);
    const newRS = rs('foo-new', 2);
    expect(reconcileOldReplicaSets(d, [oldRS, newRS], [oldRS], newRS)).toEqual({ actions: [], scaled: false });
  });
});

describe('cleanupUnhealthyReplicas', () => {
  // Ported from rolling_test.go TestDeploymentController_cleanupUnhealthyReplicas (all 4 cases).
  const cases: { ready: number; maxCleanup: number; expected: number }[] = [
    { ready: 8, maxCleanup: 1, expected: 1 },
    { ready: 8, maxCleanup: 3, expected: 2 },
    { ready: 8, maxCleanup: 0, expected: 0 },
    { ready: 10, maxCleanup: 3, expected: 0 },
  ];
  for (const test of cases) {
    it(`cleans up ${test.expected} of 10 with ${test.ready} ready and at most ${test.maxCleanup}`, () => {
      const d = deployment({ replicas: 10, maxSurge: 2, maxUnavailable: 2 });
      expect(cleanupUnhealthyReplicas([rsAvailable('foo-v2', 10, test.ready)], d, test.maxCleanup).cleanedUp).toBe(test.expected);
    });
  }
});

describe('scaleDownOldReplicaSetsForRollingUpdate', () => {
  // Ported from rolling_test.go TestDeploymentController_scaleDownOldReplicaSetsForRollingUpdate (all 5 cases).
  const cases: { unavailable: number; ready: number; oldReplicas: number; expected?: number }[] = [
    { unavailable: 0, ready: 10, oldReplicas: 10, expected: 9 },
    { unavailable: 2, ready: 10, oldReplicas: 10, expected: 8 },
    { unavailable: 2, ready: 8, oldReplicas: 10 },
    { unavailable: 2, ready: 10, oldReplicas: 0 },
    { unavailable: 2, ready: 1, oldReplicas: 10 },
  ];
  for (const test of cases) {
    it(`maxUnavailable ${test.unavailable}, ${test.ready} available of ${test.oldReplicas}`, () => {
      const d = deployment({ replicas: 10, maxSurge: 0, maxUnavailable: test.unavailable });
      const oldRS = rsAvailable('foo-v2', test.oldReplicas, test.ready);
      expect(sizes(scaleDownOldReplicaSetsForRollingUpdate([oldRS], [oldRS], d).actions)).toEqual(
        test.expected === undefined ? [] : [['foo-v2', test.expected]],
      );
    });
  }

  it('scales the oldest ReplicaSet down first', () => {
    const d = deployment({ replicas: 4, maxSurge: 0, maxUnavailable: 1 });
    const older = rsAvailable('older', 2, 2, { createdMs: 0 });
    const newer = rsAvailable('newer', 2, 2, { createdMs: 60_000 });
    expect(sizes(scaleDownOldReplicaSetsForRollingUpdate([newer, older], [newer, older], d).actions)).toEqual([['older', 1]]);
  });
});

describe('rollingStep', () => {
  const d = deployment({ replicas: 3, maxSurge: 1, maxUnavailable: 0 });

  it('scales the new ReplicaSet up and stops there', () => {
    const step = rollingStep(d, rs('new', 0), [rsAvailable('old', 3, 3)]);
    expect(sizes(step.actions)).toEqual([['new', 1]]);
  });

  it('scales old ReplicaSets down once the new pods are available', () => {
    const step = rollingStep(d, rsAvailable('new', 1, 1), [rsAvailable('old', 3, 3)]);
    expect(sizes(step.actions)).toEqual([['old', 2]]);
  });

  it('cleans up old ReplicaSets once the stored status is complete', () => {
    const done = deployment({ replicas: 3, maxSurge: 1, status: { replicas: 3, updatedReplicas: 3, availableReplicas: 3 } });
    expect(rollingStep(done, rsAvailable('new', 3, 3), [rs('old', 0)])).toEqual({ actions: [], cleanup: true, error: undefined });
  });
});

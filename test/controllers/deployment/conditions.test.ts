// Deployment conditions and the complete / progressing / timed-out tests.

import { describe, expect, it } from 'vitest';
import {
  type DeploymentCondition,
  MAX_INT32,
  NEW_RS_AVAILABLE_REASON,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getDeploymentCondition,
  removeDeploymentCondition,
  setDeploymentCondition,
} from '../../../controllers/deployment/conditions.ts';
import { toTimestamp } from '../../../core/clock.ts';
import type { DeploymentStatus } from '../../../core/workloads.ts';
import { deployment } from './builders.ts';

const condProgressing: DeploymentCondition = { type: 'Progressing', status: 'False', reason: 'ForSomeReason' };
const condProgressing2: DeploymentCondition = { type: 'Progressing', status: 'True', reason: 'BecauseItIs' };
const condAvailable: DeploymentCondition = { type: 'Available', status: 'True', reason: 'AwesomeController' };

describe('getDeploymentCondition', () => {
  // Ported from deployment_util_test.go TestGetCondition (both cases).
  const status: DeploymentStatus = { conditions: [condProgressing, condAvailable] };

  it('finds a condition that exists', () => {
    expect(getDeploymentCondition(status, 'Available')).toEqual(condAvailable);
  });

  it('finds none for a type that is absent', () => {
    expect(getDeploymentCondition(status, 'ReplicaFailure')).toBeUndefined();
  });
});

describe('setDeploymentCondition', () => {
  // Ported from deployment_util_test.go TestSetCondition (all 3 cases).
  it('sets a condition for the first time', () => {
    expect(setDeploymentCondition([], condAvailable)).toEqual([condAvailable]);
  });

  it('adds a condition of another type after the others', () => {
    expect(setDeploymentCondition([condProgressing], condAvailable)).toEqual([condProgressing, condAvailable]);
  });

  it('overwrites a condition of the same type', () => {
    expect(setDeploymentCondition([condProgressing], condProgressing2)).toEqual([condProgressing2]);
  });

  it('keeps the current condition, message and times included, when status and reason are unchanged', () => {
    const current = { ...condProgressing2, message: 'old', lastUpdateTime: toTimestamp(0), lastTransitionTime: toTimestamp(0) };
    const next = { ...condProgressing2, message: 'new', lastUpdateTime: toTimestamp(5000), lastTransitionTime: toTimestamp(5000) };
    expect(setDeploymentCondition([current], next)).toEqual([current]);
  });

  it('keeps lastTransitionTime when only the reason changes', () => {
    const current = { ...condProgressing2, lastTransitionTime: toTimestamp(0) };
    const next = { ...condProgressing2, reason: 'Other', lastUpdateTime: toTimestamp(5000), lastTransitionTime: toTimestamp(5000) };
    expect(setDeploymentCondition([current], next)[0]?.lastTransitionTime).toBe(toTimestamp(0));
  });

  it('moves a replaced condition to the end', () => {
    expect(setDeploymentCondition([condProgressing, condAvailable], condProgressing2)).toEqual([condAvailable, condProgressing2]);
  });
});

describe('removeDeploymentCondition', () => {
  // Ported from deployment_util_test.go TestRemoveCondition (all 3 cases).
  it('removes nothing from an empty status', () => {
    expect(removeDeploymentCondition(undefined, 'Progressing')).toEqual([]);
  });

  it('removes the condition of the type', () => {
    expect(removeDeploymentCondition([condProgressing], 'Progressing')).toEqual([]);
  });

  it("doesn't remove anything when the type is absent", () => {
    expect(removeDeploymentCondition([condProgressing, condAvailable], 'ReplicaFailure')).toEqual([condProgressing, condAvailable]);
  });
});

describe('deploymentComplete', () => {
  // Ported from deployment_util_test.go TestDeploymentComplete (all 6 cases).
  const cases: { name: string; d: [number, number, number, number, number, number]; expected: boolean }[] = [
    { name: 'not complete: min but not all pods become available', d: [5, 5, 5, 4, 1, 0], expected: false },
    { name: 'not complete: min availability is not honored', d: [5, 5, 5, 3, 1, 0], expected: false },
    { name: 'complete', d: [5, 5, 5, 5, 0, 0], expected: true },
    { name: 'not complete: all pods are available but not updated', d: [5, 5, 4, 5, 0, 0], expected: false },
    { name: 'not complete: still running old pods', d: [1, 2, 1, 1, 0, 1], expected: false },
    { name: 'not complete: one replica deployment never comes up', d: [1, 1, 1, 0, 1, 1], expected: false },
  ];
  for (const test of cases) {
    it(test.name, () => {
      const [desired, current, updated, available, unavailable, surge] = test.d;
      const status = { replicas: current, updatedReplicas: updated, availableReplicas: available };
      const d = deployment({ replicas: desired, maxUnavailable: unavailable, maxSurge: surge, status });
      expect(deploymentComplete(d, d.status)).toBe(test.expected);
    });
  }

  it('is not complete before the current generation is observed', () => {
    const status = { replicas: 1, updatedReplicas: 1, availableReplicas: 1, observedGeneration: 1 };
    expect(deploymentComplete(deployment({ replicas: 1, generation: 2 }), status)).toBe(false);
  });
});

describe('deploymentProgressing', () => {
  // Ported from deployment_util_test.go TestDeploymentProgressing (all 7 cases): current, updated, ready, available.
  const status = ([replicas, updatedReplicas, readyReplicas, availableReplicas]: number[]): DeploymentStatus => ({
    replicas,
    updatedReplicas,
    readyReplicas,
    availableReplicas,
  });
  const cases: { name: string; old: number[]; next: number[]; expected: boolean }[] = [
    { name: 'progressing: updated pods', old: [10, 4, 4, 4], next: [10, 6, 4, 4], expected: true },
    { name: 'not progressing', old: [10, 4, 4, 4], next: [10, 4, 4, 4], expected: false },
    { name: 'progressing: old pods removed', old: [10, 4, 6, 6], next: [8, 4, 6, 6], expected: true },
    { name: 'not progressing: less new pods', old: [10, 7, 3, 3], next: [10, 6, 3, 3], expected: false },
    { name: 'progressing: less overall but more new pods', old: [10, 4, 7, 7], next: [8, 8, 5, 5], expected: true },
    { name: 'progressing: more ready pods', old: [10, 10, 9, 8], next: [10, 10, 10, 8], expected: true },
    { name: 'progressing: more available pods', old: [10, 10, 10, 9], next: [10, 10, 10, 10], expected: true },
  ];
  for (const test of cases) {
    it(test.name, () => {
      expect(deploymentProgressing(deployment({ status: status(test.old) }), status(test.next))).toBe(test.expected);
    });
  }
});

describe('deploymentTimedOut', () => {
  // Ported from deployment_util_test.go TestDeploymentTimedOut (all 5 cases); times are 00:01:SS.
  const at = (seconds: number) => seconds * 1000;
  const withCondition = (reason: string, deadline: number, fromMs: number) => {
    const condition: DeploymentCondition = { type: 'Progressing', status: 'True', reason, lastUpdateTime: toTimestamp(fromMs) };
    return deployment({ progressDeadlineSeconds: deadline, status: { conditions: [condition] } });
  };
  const cases: { name: string; reason: string; deadline: number; fromMs: number; nowMs: number; expected: boolean }[] = [
    { name: 'nil progressDeadlineSeconds specified - no timeout', reason: '', deadline: MAX_INT32, fromMs: at(69), nowMs: at(80), expected: false },
    { name: 'infinite progressDeadlineSeconds specified - no timeout', reason: '', deadline: MAX_INT32, fromMs: at(69), nowMs: at(80), expected: false },
    { name: 'progressDeadlineSeconds: 10s, now - started => 00:01:20 - 00:01:09 => 11s', reason: '', deadline: 10, fromMs: at(69), nowMs: at(80), expected: true },
    { name: 'progressDeadlineSeconds: 10s, now - started => 00:01:20 - 00:01:11 => 9s', reason: '', deadline: 10, fromMs: at(71), nowMs: at(80), expected: false },
    { name: 'previous status was a complete deployment', reason: NEW_RS_AVAILABLE_REASON, deadline: MAX_INT32, fromMs: 0, nowMs: at(80), expected: false },
  ];
  for (const test of cases) {
    it(test.name, () => {
      const d = withCondition(test.reason, test.deadline, test.fromMs);
      expect(deploymentTimedOut(d, d.status, test.nowMs)).toBe(test.expected);
    });
  }

  it('does not time out exactly at the deadline', () => {
    const d = withCondition('', 10, at(70));
    expect(deploymentTimedOut(d, d.status, at(80))).toBe(false);
  });
});

// Deployment fenceposts and proportional scaling: DeploymentController.scale as a plan.

import { describe, expect, it } from 'vitest';
import { maxSurge } from '../../../controllers/deployment/fenceposts.ts';
import {
  getReplicaSetFraction,
  planScale,
  roundHalfAwayFromZero,
} from '../../../controllers/deployment/proportional-scaling.ts';
import { DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION } from '../../../controllers/deployment/revisions.ts';
import type { ReplicaSet } from '../../../core/objects.ts';
import type { Deployment } from '../../../core/workloads.ts';
import { deployment, rs } from './builders.ts';

const HOUR_MS = 3_600_000;
const NEW = 2 * HOUR_MS;
const OLD = HOUR_MS;
const OLDER = 0;

interface ScaleCase {
  readonly name: string;
  readonly deployment: Deployment;
  readonly oldDeployment: Deployment;
  readonly newRS?: [string, number, number];
  readonly oldRSs: [string, number, number][];
  readonly expected: Record<string, number>;
  readonly desiredReplicasAnnotations?: Record<string, number>;
  readonly newRSAvailable?: number;
}

const d = (replicas: number, surge?: number, unavailable?: number) =>
  deployment({ replicas, ...(surge === undefined ? {} : { maxSurge: surge }), ...(unavailable === undefined ? {} : { maxUnavailable: unavailable }) });

// Ported from sync_test.go TestScale (all 17 cases). ReplicaSets are [name, replicas, created].
const cases: ScaleCase[] = [
  { name: 'normal scaling event: 10 -> 12', deployment: d(12), oldDeployment: d(10), newRS: ['foo-v1', 10, NEW], oldRSs: [], expected: { 'foo-v1': 12 } },
  { name: 'normal scaling event: 10 -> 5', deployment: d(5), oldDeployment: d(10), newRS: ['foo-v1', 10, NEW], oldRSs: [], expected: { 'foo-v1': 5 } },
  { name: 'proportional scaling: 5 -> 10', deployment: d(10), oldDeployment: d(5), newRS: ['foo-v2', 2, NEW], oldRSs: [['foo-v1', 3, OLD]], expected: { 'foo-v2': 4, 'foo-v1': 6 } },
  { name: 'proportional scaling: 5 -> 3', deployment: d(3), oldDeployment: d(5), newRS: ['foo-v2', 2, NEW], oldRSs: [['foo-v1', 3, OLD]], expected: { 'foo-v2': 1, 'foo-v1': 2 } },
  { name: 'proportional scaling: 9 -> 4', deployment: d(4), oldDeployment: d(9), newRS: ['foo-v2', 8, NEW], oldRSs: [['foo-v1', 1, OLD]], expected: { 'foo-v2': 4, 'foo-v1': 0 } },
  { name: 'proportional scaling: 7 -> 10', deployment: d(10), oldDeployment: d(7), newRS: ['foo-v3', 2, NEW], oldRSs: [['foo-v2', 3, OLD], ['foo-v1', 2, OLDER]], expected: { 'foo-v3': 3, 'foo-v2': 4, 'foo-v1': 3 } },
  { name: 'proportional scaling: 13 -> 8', deployment: d(8), oldDeployment: d(13), newRS: ['foo-v3', 2, NEW], oldRSs: [['foo-v2', 8, OLD], ['foo-v1', 3, OLDER]], expected: { 'foo-v3': 1, 'foo-v2': 5, 'foo-v1': 2 } },
  { name: 'leftover distribution: 3 -> 4 (scales up the new replica set)', deployment: d(4), oldDeployment: d(3), newRS: ['foo-v3', 1, NEW], oldRSs: [['foo-v2', 1, OLD], ['foo-v1', 1, OLDER]], expected: { 'foo-v3': 2, 'foo-v2': 1, 'foo-v1': 1 } },
  { name: 'leftover distribution: 3 -> 2 (scales down the older replica set)', deployment: d(2), oldDeployment: d(3), newRS: ['foo-v3', 1, NEW], oldRSs: [['foo-v2', 1, OLD], ['foo-v1', 1, OLDER]], expected: { 'foo-v3': 1, 'foo-v2': 1, 'foo-v1': 0 } },
  { name: 'proportional scaling (no new rs): 4 -> 5 (scales up the latest replica set first)', deployment: d(5), oldDeployment: d(4), oldRSs: [['foo-v2', 2, OLD], ['foo-v1', 2, OLDER]], expected: { 'foo-v2': 3, 'foo-v1': 2 } },
  { name: 'proportional scaling: 6 -> 0', deployment: d(0), oldDeployment: d(6), newRS: ['foo-v3', 3, NEW], oldRSs: [['foo-v2', 2, OLD], ['foo-v1', 1, OLDER]], expected: { 'foo-v3': 0, 'foo-v2': 0, 'foo-v1': 0 } },
  { name: 'proportional scaling: 0 -> 6', deployment: d(6), oldDeployment: d(6), newRS: ['foo-v3', 0, NEW], oldRSs: [['foo-v2', 0, OLD], ['foo-v1', 0, OLDER]], expected: { 'foo-v3': 6, 'foo-v2': 0, 'foo-v1': 0 } },
  { name: 'failed rs update', deployment: d(5), oldDeployment: d(5), newRS: ['foo-v3', 2, NEW], oldRSs: [['foo-v2', 1, OLD], ['foo-v1', 1, OLDER]], expected: { 'foo-v3': 2, 'foo-v2': 2, 'foo-v1': 1 }, desiredReplicasAnnotations: { 'foo-v2': 3 } },
  { name: 'deployment with surge pods', deployment: d(20, 2), oldDeployment: d(10, 2), newRS: ['foo-v2', 6, NEW], oldRSs: [['foo-v1', 6, OLD]], expected: { 'foo-v2': 11, 'foo-v1': 11 } },
  { name: 'change both surge and size', deployment: d(50, 6), oldDeployment: d(10, 3), newRS: ['foo-v2', 5, NEW], oldRSs: [['foo-v1', 8, OLD]], expected: { 'foo-v2': 22, 'foo-v1': 34 } },
  { name: 'change both size and template', deployment: d(14), oldDeployment: d(10), oldRSs: [['foo-v2', 7, NEW], ['foo-v1', 3, OLD]], expected: { 'foo-v2': 10, 'foo-v1': 4 } },
  { name: 'saturated but broken new replica set does not affect old pods', deployment: d(2, 1, 1), oldDeployment: d(2, 1, 1), newRS: ['foo-v2', 2, NEW], oldRSs: [['foo-v1', 1, OLD]], expected: { 'foo-v2': 2, 'foo-v1': 1 }, newRSAvailable: 0 },
];

/** A ReplicaSet annotated as the old Deployment sized it, all its pods available. */
function sized(test: ScaleCase, [name, replicas, createdMs]: [string, number, number], available = replicas): ReplicaSet {
  const desired = test.desiredReplicasAnnotations?.[name] ?? test.oldDeployment.spec.replicas;
  const annotations = { [DESIRED_REPLICAS_ANNOTATION]: String(desired), [MAX_REPLICAS_ANNOTATION]: String(desired + maxSurge(test.oldDeployment)) };
  return rs(name, replicas, { createdMs, annotations, status: { replicas, availableReplicas: available } });
}

describe('planScale', () => {
  for (const test of cases) {
    it(test.name, () => {
      const newRS = test.newRS === undefined ? undefined : sized(test, test.newRS, test.newRSAvailable);
      const oldRSs = test.oldRSs.map((entry) => sized(test, entry));
      const sizes: Record<string, number> = {};
      for (const replicaSet of [...oldRSs, ...(newRS === undefined ? [] : [newRS])]) sizes[replicaSet.metadata.name] = replicaSet.spec.replicas;
      for (const action of planScale(test.deployment, newRS, oldRSs)) sizes[action.name] = action.toReplicas;
      expect(sizes).toEqual(test.expected);
    });
  }

  it('scales the old ReplicaSets of a saturated new one to zero, newest first', () => {
    const test = cases[16] as ScaleCase;
    const newRS = sized(test, ['foo-v3', 2, NEW]);
    const oldRSs = [sized(test, ['foo-v1', 1, OLDER]), sized(test, ['foo-v2', 1, OLD])];
    expect(planScale(test.deployment, newRS, oldRSs).map((action) => [action.name, action.toReplicas])).toEqual([
      ['foo-v2', 0],
      ['foo-v1', 0],
    ]);
  });

  it('records ScalingReplicaSet events with the direction and both sizes', () => {
    const test = cases[2] as ScaleCase;
    const actions = planScale(test.deployment, sized(test, ['foo-v2', 2, NEW]), [sized(test, ['foo-v1', 3, OLD])]);
    expect(actions.map((action) => action.event?.message)).toEqual([
      'Scaled up replica set foo-v1 from 3 to 6',
      'Scaled up replica set foo-v2 from 2 to 4',
    ]);
  });

  it('writes the new desired and max replicas annotations with each size', () => {
    const test = cases[13] as ScaleCase;
    const [first] = planScale(test.deployment, sized(test, ['foo-v2', 6, NEW]), [sized(test, ['foo-v1', 6, OLD])]);
    expect(first?.replicaSet.metadata.annotations).toEqual({ [DESIRED_REPLICAS_ANNOTATION]: '20', [MAX_REPLICAS_ANNOTATION]: '22' });
  });

  it('leaves a Recreate Deployment with several active ReplicaSets to the rollout', () => {
    const recreate = deployment({ replicas: 5, strategy: 'Recreate' });
    expect(planScale(recreate, rs('new', 2, { createdMs: NEW }), [rs('old', 2, { createdMs: OLD })])).toEqual([]);
  });
});

describe('getReplicaSetFraction', () => {
  // Ported from deployment_util_test.go TestGetReplicaSetFraction (all 9 cases; maxUnavailable 1).
  const cases: { name: string; replicas: number; statusReplicas?: number; surge?: number; rsReplicas: number; max?: string; expected: number }[] = [
    { name: 'empty deployment always scales to 0', replicas: 0, rsReplicas: 10, expected: -10 },
    { name: 'unsynced deployment does not scale when max-replicas annotation is missing', replicas: 10, rsReplicas: 5, expected: 0 },
    { name: 'unsynced deployment does not scale when max-replicas annotation is incorrectly set to 0', replicas: 10, rsReplicas: 5, max: '0', expected: 0 },
    { name: 'scale up by 1/5 when max-replicas annotation is missing', replicas: 120, statusReplicas: 100, rsReplicas: 50, expected: 10 },
    { name: 'scale up by 1/5 when max-replicas annotation is incorrectly set to 0', replicas: 120, statusReplicas: 100, rsReplicas: 50, max: '0', expected: 10 },
    { name: 'scale up by 1/5 should increase RS replicas by 1/5', replicas: 120, rsReplicas: 50, max: '100', expected: 10 },
    { name: 'scale up with maxSurge by 1/5 should increase RS replicas approximately by 1/5', replicas: 120, surge: 10, rsReplicas: 50, max: '110', expected: 9 },
    { name: 'scale down by 1/6 should decrease RS replicas by 1/6', replicas: 10, rsReplicas: 6, max: '12', expected: -1 },
    { name: 'scale down with maxSurge by 1/6 should decrease RS replicas approximately by 1/6', replicas: 100, surge: 10, rsReplicas: 50, max: '130', expected: -8 },
  ];
  for (const test of cases) {
    it(test.name, () => {
      const owner = deployment({ replicas: test.replicas, maxSurge: test.surge ?? 0, maxUnavailable: 1, status: { replicas: test.statusReplicas ?? 0 } });
      const replicaSet = rs('rs', test.rsReplicas, test.max === undefined ? {} : { annotations: { [MAX_REPLICAS_ANNOTATION]: test.max } });
      expect(getReplicaSetFraction(replicaSet, owner)).toBe(test.expected);
    });
  }
});

describe('roundHalfAwayFromZero', () => {
  it('rounds halves away from zero as Go math.Round does', () => {
    expect([2.5, -2.5, 2.4, -2.6].map(roundHalfAwayFromZero)).toEqual([3, -3, 2, -3]);
  });
});

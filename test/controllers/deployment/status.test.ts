// calculateStatus and the status comparison.

import { describe, expect, it } from 'vitest';
import { getDeploymentCondition } from '../../../controllers/deployment/conditions.ts';
import { calculateStatus, sameDeploymentStatus, syncDeploymentStatus } from '../../../controllers/deployment/status.ts';
import { toTimestamp } from '../../../core/clock.ts';
import { deployment, rs } from './builders.ts';

const NOW = 5_000;

describe('calculateStatus', () => {
  const d = deployment({ replicas: 3, maxSurge: 1, maxUnavailable: 1, generation: 4, status: { collisionCount: 2 } });
  const newRS = rs('new', 2, { status: { replicas: 2, readyReplicas: 2, availableReplicas: 1 } });
  const oldRS = rs('old', 2, { status: { replicas: 2, readyReplicas: 2, availableReplicas: 2 } });

  it('counts pods over all ReplicaSets and updated pods over the new one', () => {
    expect(calculateStatus([oldRS, newRS], newRS, d, NOW)).toMatchObject({
      observedGeneration: 4,
      replicas: 4,
      updatedReplicas: 2,
      readyReplicas: 4,
      availableReplicas: 3,
      unavailableReplicas: 1,
      collisionCount: 2,
    });
  });

  it('never reports negative unavailable replicas while scaling down', () => {
    const shrinking = rs('old', 1, { status: { replicas: 3, availableReplicas: 3 } });
    expect(calculateStatus([shrinking], undefined, d, NOW).unavailableReplicas).toBeUndefined();
  });

  it('is Available when at least replicas - maxUnavailable pods are available', () => {
    expect(getDeploymentCondition(calculateStatus([oldRS, newRS], newRS, d, NOW), 'Available')).toEqual({
      type: 'Available',
      status: 'True',
      reason: 'MinimumReplicasAvailable',
      message: 'Deployment has minimum availability.',
      lastUpdateTime: toTimestamp(NOW),
      lastTransitionTime: toTimestamp(NOW),
    });
  });

  it('is not Available below that', () => {
    const condition = getDeploymentCondition(calculateStatus([newRS], newRS, d, NOW), 'Available');
    expect([condition?.status, condition?.reason, condition?.message]).toEqual([
      'False',
      'MinimumReplicasUnavailable',
      'Deployment does not have minimum availability.',
    ]);
  });

  it('keeps the Available condition, times included, while nothing changes', () => {
    const first = calculateStatus([oldRS, newRS], newRS, d, NOW);
    const again = calculateStatus([oldRS, newRS], newRS, { ...d, status: first }, NOW + 60_000);
    expect(again.conditions).toEqual(first.conditions);
  });

  it('leaves zero counts out', () => {
    const empty = calculateStatus([], undefined, deployment({ replicas: 0 }), NOW);
    expect(Object.keys(empty)).toEqual(['conditions']);
  });
});

describe('sameDeploymentStatus', () => {
  it('reads a missing count as zero', () => {
    expect(sameDeploymentStatus({ replicas: 0, conditions: [] }, {})).toBe(true);
  });

  it('tells statuses with different counts apart', () => {
    expect(sameDeploymentStatus({ replicas: 1 }, { replicas: 2 })).toBe(false);
  });
});

describe('syncDeploymentStatus', () => {
  const d = deployment({ replicas: 1, progressDeadlineSeconds: 600 });
  const only = rs('only', 1, { status: { replicas: 1, availableReplicas: 1 } });

  it('writes nothing when the calculated status is the stored one', () => {
    const stored = calculateStatus([only], only, d, NOW);
    expect(syncDeploymentStatus([only], only, { ...d, status: stored }, NOW + 1_000)).toBeUndefined();
  });

  it('leaves the Progressing condition alone', () => {
    const progressing = { type: 'Progressing', status: 'True' as const, reason: 'ReplicaSetUpdated' };
    const status = syncDeploymentStatus([only], only, { ...d, status: { conditions: [progressing] } }, NOW);
    expect(getDeploymentCondition(status, 'Progressing')).toEqual(progressing);
  });
});

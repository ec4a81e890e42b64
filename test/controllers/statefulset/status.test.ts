// StatefulSet status, as upstream's computeReplicaStatus, completeRollingUpdate (TestCompleteUpdate
// in spirit) and inconsistentStatus (pkg/controller/statefulset).

import { describe, expect, it } from 'vitest';
import { newStatefulSetPod } from '../../../controllers/statefulset/pod-template.ts';
import { completeRollingUpdate, countReplicas, inconsistentStatus, statefulSetStatus } from '../../../controllers/statefulset/status.ts';
import { podFrom, statefulSet } from './builders.ts';

const set = statefulSet({ replicas: 3 });
const labelled = (ordinal: number, revision: string) => {
  const manifest = newStatefulSetPod(set, ordinal);
  return { ...manifest, metadata: { ...manifest.metadata, labels: { ...manifest.metadata.labels, 'controller-revision-hash': revision } } };
};

describe('StatefulSet status: counts (computeReplicaStatus)', () => {
  it('counts replicas, ready, available, current and updated pods', () => {
    const pods = [
      podFrom(labelled(0, 'r1'), { readySinceMs: 0 }),
      podFrom(labelled(1, 'r2'), { readySinceMs: 9_000 }),
      podFrom(labelled(2, 'r2')),
    ];
    expect(countReplicas(pods, 5, 'r1', 'r2', 10_000)).toEqual({ replicas: 3, readyReplicas: 2, availableReplicas: 1, currentReplicas: 1, updatedReplicas: 2 });
  });

  it('does not count a terminating pod as current or updated', () => {
    const pods = [podFrom(labelled(0, 'r1'), { readySinceMs: 0, deleting: true })];
    expect(countReplicas(pods, 0, 'r1', 'r1', 0)).toEqual({ replicas: 1, readyReplicas: 1, availableReplicas: 1, currentReplicas: 0, updatedReplicas: 0 });
  });

  it('does not count a ready pod that is not Running as ready', () => {
    const pods = [podFrom(labelled(0, 'r1'), { readySinceMs: 0, phase: 'Pending' })];
    expect(countReplicas(pods, 0, 'r1', 'r1', 0).readyReplicas).toBe(0);
  });

  it('leaves zero counts out and always carries collisionCount', () => {
    const counts = { replicas: 0, readyReplicas: 0, availableReplicas: 0, currentReplicas: 0, updatedReplicas: 0 };
    expect(statefulSetStatus(set, { counts, currentRevision: 'r1', updateRevision: 'r1', collisionCount: 0 })).toEqual({
      observedGeneration: 1,
      replicas: 0,
      currentRevision: 'r1',
      updateRevision: 'r1',
      collisionCount: 0,
    });
  });
});

describe('StatefulSet status: completeRollingUpdate', () => {
  const rolling = { replicas: 3, readyReplicas: 3, updatedReplicas: 3, currentReplicas: 1, currentRevision: 'r1', updateRevision: 'r2' };

  it('makes the update revision current when every replica is updated and ready', () => {
    const done = completeRollingUpdate(set, rolling);
    expect([done.currentRevision, done.currentReplicas]).toEqual(['r2', 3]);
  });

  it('waits while a replica is not ready', () => {
    expect(completeRollingUpdate(set, { ...rolling, readyReplicas: 2 }).currentRevision).toBe('r1');
  });

  it('waits while there are more replicas than the spec asks for', () => {
    expect(completeRollingUpdate(set, { ...rolling, replicas: 4 }).currentRevision).toBe('r1');
  });

  it('never completes with OnDelete', () => {
    const onDelete = statefulSet({ replicas: 3, spec: { updateStrategy: { type: 'OnDelete' } } });
    expect(completeRollingUpdate(onDelete, rolling).currentRevision).toBe('r1');
  });
});

describe('StatefulSet status: when to write (inconsistentStatus)', () => {
  const stored = { observedGeneration: 1, replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, availableReplicas: 3, currentRevision: 'r1', updateRevision: 'r1', collisionCount: 0 };
  const current = statefulSet({ replicas: 3, status: stored });

  it('skips a status that matches', () => {
    expect(inconsistentStatus(current, stored)).toBe(false);
  });

  it('writes when availableReplicas moved', () => {
    expect(inconsistentStatus(current, { ...stored, availableReplicas: 2 })).toBe(true);
  });

  it('does not write for collisionCount alone, as upstream compares it not', () => {
    expect(inconsistentStatus(current, { ...stored, collisionCount: 1 })).toBe(false);
  });
});

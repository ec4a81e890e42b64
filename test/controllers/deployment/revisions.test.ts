// Revision, revision-history and replicas annotations.

import { describe, expect, it } from 'vitest';
import {
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  compareByRevision,
  desiredReplicasAnnotation,
  deploymentRevisionAnnotations,
  isSaturated,
  isScalingEvent,
  lastRevision,
  maxRevision,
  newReplicaSetAnnotations,
  replicasAnnotationsNeedUpdate,
  setReplicasAnnotations,
} from '../../../controllers/deployment/revisions.ts';
import type { Labels } from '../../../core/labels.ts';
import { MINUTE_MS, deployment, rs } from './builders.ts';

const withRevision = (name: string, revision: string, createdMs = 0) =>
  rs(name, 0, { createdMs, annotations: { [REVISION_ANNOTATION]: revision } });

describe('newReplicaSetAnnotations', () => {
  // Ported from deployment_util_test.go TestAnnotationUtils/SetNewReplicaSetAnnotations: revisions
  // 11 to 20 with a 5-character history limit.
  it('raises the revision and keeps a history within the limit', () => {
    const d = deployment({ annotations: { [REVISION_ANNOTATION]: '1' } });
    let annotations: Labels | undefined;
    const seen: { revision?: string; history?: string }[] = [];
    for (let i = 10; i < 20; i++) {
      annotations = newReplicaSetAnnotations(d, annotations, String(i + 1), true, 5).annotations;
      seen.push({ revision: annotations[REVISION_ANNOTATION], history: annotations[REVISION_HISTORY_ANNOTATION] });
    }
    expect(seen.map((entry) => entry.revision)).toEqual(['11', '12', '13', '14', '15', '16', '17', '18', '19', '20']);
    expect(seen.map((entry) => entry.history)).toEqual([undefined, '11', '11,12', '12,13', '13,14', '14,15', '15,16', '16,17', '17,18', '18,19']);
  });

  it('copies the Deployment annotations but the skipped ones', () => {
    const d = deployment({
      annotations: {
        'kubernetes.io/change-cause': 'kubectl set image',
        [REVISION_ANNOTATION]: '7',
        'kubectl.kubernetes.io/last-applied-configuration': '{}',
        'deprecated.deployment.rollback.to': '2',
      },
    });
    expect(newReplicaSetAnnotations(d, undefined, '3', true).annotations).toEqual({
      'kubernetes.io/change-cause': 'kubectl set image',
      [REVISION_ANNOTATION]: '3',
    });
  });

  it('does not lower a revision', () => {
    const update = newReplicaSetAnnotations(deployment(), { [REVISION_ANNOTATION]: '5' }, '3', true);
    expect(update).toEqual({ annotations: { [REVISION_ANNOTATION]: '5' }, changed: false });
  });

  it('adds the replicas annotations to a ReplicaSet about to be created', () => {
    const d = deployment({ replicas: 10, maxSurge: 2 });
    expect(newReplicaSetAnnotations(d, undefined, '1', false).annotations).toEqual({
      [REVISION_ANNOTATION]: '1',
      [DESIRED_REPLICAS_ANNOTATION]: '10',
      [MAX_REPLICAS_ANNOTATION]: '12',
    });
  });

  it('reports no change when the ReplicaSet revision is not a number', () => {
    expect(newReplicaSetAnnotations(deployment(), { [REVISION_ANNOTATION]: 'x' }, '3', true).changed).toBe(false);
  });
});

describe('replicas annotations', () => {
  // Ported from deployment_util_test.go TestAnnotationUtils/SetReplicasAnnotations.
  it('sets desired and max replicas', () => {
    expect(setReplicasAnnotations(undefined, 10, 11)).toEqual({
      annotations: { [DESIRED_REPLICAS_ANNOTATION]: '10', [MAX_REPLICAS_ANNOTATION]: '11' },
      changed: true,
    });
  });

  // Ported from deployment_util_test.go TestReplicasAnnotationsNeedUpdate (all 4 cases).
  const cases: { name: string; annotations?: Labels; expected: boolean }[] = [
    { name: 'test Annotations nil', expected: true },
    { name: 'test desiredReplicas update', annotations: { [DESIRED_REPLICAS_ANNOTATION]: '8', [MAX_REPLICAS_ANNOTATION]: '20' }, expected: true },
    { name: 'test maxReplicas update', annotations: { [DESIRED_REPLICAS_ANNOTATION]: '10', [MAX_REPLICAS_ANNOTATION]: '16' }, expected: true },
    { name: "test needn't update", annotations: { [DESIRED_REPLICAS_ANNOTATION]: '10', [MAX_REPLICAS_ANNOTATION]: '20' }, expected: false },
  ];
  for (const test of cases) {
    it(test.name, () => {
      const replicaSet = rs('hello', 0, test.annotations === undefined ? {} : { annotations: test.annotations });
      expect(replicasAnnotationsNeedUpdate(replicaSet, 10, 20)).toBe(test.expected);
    });
  }
});

describe('desiredReplicasAnnotation', () => {
  // Ported from deployment_util_test.go TestGetNonNegativeInt32FromAnnotation (all 8 cases).
  const cases: { name: string; value?: string; expected?: number }[] = [
    { name: 'invalid empty' },
    { name: 'invalid', value: 'invalid' },
    { name: 'invalid negative', value: '-1' },
    { name: 'valid zero', value: '0', expected: 0 },
    { name: 'valid', value: '13', expected: 13 },
    { name: 'valid max', value: '2147483647', expected: 2147483647 },
    { name: 'invalid max out of range', value: '2147483648' },
    { name: 'invalid max out of range 2', value: '4294967296' },
  ];
  for (const test of cases) {
    it(test.name, () => {
      const annotations: Labels = test.value === undefined ? {} : { [DESIRED_REPLICAS_ANNOTATION]: test.value };
      expect(desiredReplicasAnnotation(rs('rs', 1, { annotations }))).toBe(test.expected);
    });
  }
});

describe('isSaturated', () => {
  // Ported from deployment_util_test.go TestAnnotationUtils/IsSaturated.
  it('holds when sized for the deployment and every pod is available', () => {
    const replicaSet = rs('rs', 1, { annotations: { [DESIRED_REPLICAS_ANNOTATION]: '1' }, status: { replicas: 1, availableReplicas: 1 } });
    expect(isSaturated(deployment({ replicas: 1 }), replicaSet)).toBe(true);
  });

  it('does not hold while a pod is unavailable', () => {
    const replicaSet = rs('rs', 1, { annotations: { [DESIRED_REPLICAS_ANNOTATION]: '1' }, status: { replicas: 1 } });
    expect(isSaturated(deployment({ replicas: 1 }), replicaSet)).toBe(false);
  });

  it('does not hold without a readable desired-replicas annotation', () => {
    const replicaSet = rs('rs', 1, { annotations: { [DESIRED_REPLICAS_ANNOTATION]: 'one' }, status: { replicas: 1, availableReplicas: 1 } });
    expect(isSaturated(deployment({ replicas: 1 }), replicaSet)).toBe(false);
  });
});

describe('revisions', () => {
  it('finds the highest revision, skipping unreadable ones', () => {
    expect(maxRevision([withRevision('a', '3'), withRevision('b', 'x'), withRevision('c', '5')])).toBe(5);
  });

  it('finds the revision before the highest', () => {
    expect(lastRevision([withRevision('a', '3'), withRevision('b', '5'), withRevision('c', '4')])).toBe(4);
  });

  it('orders by revision, then by creation', () => {
    const sorted = [withRevision('b', '2', 0), withRevision('a', '1', MINUTE_MS), withRevision('c', '2', -MINUTE_MS)].sort(compareByRevision);
    expect(sorted.map((item) => item.metadata.name)).toEqual(['a', 'c', 'b']);
  });

  it('mirrors the new ReplicaSet revision onto the Deployment', () => {
    expect(deploymentRevisionAnnotations(deployment(), '4')).toEqual({ annotations: { [REVISION_ANNOTATION]: '4' }, changed: true });
  });
});

describe('isScalingEvent', () => {
  const sized = (name: string, replicas: number, desired: string) =>
    rs(name, replicas, { annotations: { [DESIRED_REPLICAS_ANNOTATION]: desired } });

  it('is a scaling event when an active ReplicaSet was sized for another count', () => {
    expect(isScalingEvent(deployment({ replicas: 5 }), [sized('a', 3, '3')])).toBe(true);
  });

  it('is not when every active ReplicaSet was sized for this count', () => {
    expect(isScalingEvent(deployment({ replicas: 5 }), [sized('a', 3, '5'), sized('b', 0, '2')])).toBe(false);
  });

  it('ignores ReplicaSets without the annotation', () => {
    expect(isScalingEvent(deployment({ replicas: 5 }), [rs('a', 3), undefined])).toBe(false);
  });
});

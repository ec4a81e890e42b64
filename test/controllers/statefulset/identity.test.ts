// Pod identity, ported from upstream's TestGetParentNameAndOrdinal, TestIsMemberOf,
// TestIdentityMatches, TestUpdateIdentity, TestNewPodControllerRef and TestAscendingOrdinal
// (pkg/controller/statefulset/stateful_set_utils_test.go).

import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../core/objects.ts';
import {
  compareByOrdinal,
  getParentNameAndOrdinal,
  identityMatches,
  isMemberOf,
  POD_INDEX_LABEL,
  POD_NAME_LABEL,
  podInOrdinalRange,
  updateIdentity,
} from '../../../controllers/statefulset/identity.ts';
import { newStatefulSetPod, newVersionedStatefulSetPod } from '../../../controllers/statefulset/pod-template.ts';
import { podFrom, statefulSet } from './builders.ts';

const set = statefulSet({ replicas: 3 });
const pod1 = (): Pod => podFrom(newStatefulSetPod(set, 1));

describe('StatefulSet identity: names and ordinals', () => {
  it('extracts the parent and the ordinal from a member pod (TestGetParentNameAndOrdinal)', () => {
    expect(getParentNameAndOrdinal(pod1().metadata.name)).toEqual({ parent: 'foo', ordinal: 1 });
  });

  it('gives no parent and ordinal -1 to a name without a trailing ordinal (TestGetParentNameAndOrdinal)', () => {
    expect(getParentNameAndOrdinal('1-bar')).toEqual({ parent: '', ordinal: -1 });
  });

  it('takes the greedy prefix as the parent', () => {
    expect(getParentNameAndOrdinal('web-2-10')).toEqual({ parent: 'web-2', ordinal: 10 });
  });

  it('gives ordinal -1 when the digits overflow an int32, as strconv.ParseInt(.., 32)', () => {
    expect(getParentNameAndOrdinal('web-2147483648')).toEqual({ parent: 'web', ordinal: -1 });
  });

  it('tells members from pods of another set by name (TestIsMemberOf)', () => {
    expect([isMemberOf(set, pod1()), isMemberOf(statefulSet({ name: 'foo2' }), pod1())]).toEqual([true, false]);
  });

  it('puts ordinals from spec.ordinals.start on in range', () => {
    const shifted = statefulSet({ replicas: 2, spec: { ordinals: { start: 5 } } });
    const inRange = ['foo-4', 'foo-5', 'foo-6', 'foo-7'].map((name) => podInOrdinalRange({ metadata: { name } }, shifted));
    expect(inRange).toEqual([false, true, true, false]);
  });
});

describe('StatefulSet identity: identityMatches (TestIdentityMatches)', () => {
  it('accepts a newly created pod', () => {
    expect(identityMatches(set, pod1())).toBe(true);
  });

  it('rejects a pod with the wrong name', () => {
    expect(identityMatches(set, { ...pod1(), metadata: { ...pod1().metadata, name: 'foo' } })).toBe(false);
  });

  it('rejects a pod in the wrong namespace', () => {
    expect(identityMatches(set, { ...pod1(), metadata: { ...pod1().metadata, namespace: '' } })).toBe(false);
  });

  it('rejects a pod without the pod-name label', () => {
    const labels = { ...pod1().metadata.labels };
    delete labels[POD_NAME_LABEL];
    expect(identityMatches(set, { ...pod1(), metadata: { ...pod1().metadata, labels } })).toBe(false);
  });
});

describe('StatefulSet identity: updateIdentity (TestUpdateIdentity)', () => {
  it('restores the namespace', () => {
    const moved = { ...pod1(), metadata: { ...pod1().metadata, namespace: '' } };
    expect(identityMatches(set, updateIdentity(set, moved))).toBe(true);
  });

  it('restores the pod-name and pod-index labels', () => {
    const bare = { ...pod1(), metadata: { ...pod1().metadata, labels: { foo: 'bar' } } };
    expect(updateIdentity(set, bare).metadata.labels).toEqual({ foo: 'bar', [POD_NAME_LABEL]: 'foo-1', [POD_INDEX_LABEL]: '1' });
  });
});

describe('StatefulSet identity: the pod made for an ordinal', () => {
  it('carries a controller reference to the set (TestNewPodControllerRef)', () => {
    expect(newStatefulSetPod(set, 0).metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'foo', uid: 'test', controller: true, blockOwnerDeletion: true },
    ]);
  });

  it('sets hostname to the pod name and subdomain to the service name', () => {
    const spec = newStatefulSetPod(set, 2).spec;
    expect([spec['hostname'], spec['subdomain']]).toEqual(['foo-2', 'governingsvc']);
  });

  it('keeps the generateName GetPodFromTemplate gives, next to the fixed name', () => {
    const { name, generateName } = newStatefulSetPod(set, 2).metadata;
    expect([name, generateName]).toEqual(['foo-2', 'foo-']);
  });

  it('makes ordinals below the partition from the current revision', () => {
    const partitioned = statefulSet({ spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } } });
    const revisions = [0, 1, 2].map((ordinal) => newVersionedStatefulSetPod(partitioned, partitioned, 'cur', 'upd', ordinal).metadata.labels['controller-revision-hash']);
    expect(revisions).toEqual(['cur', 'cur', 'upd']);
  });

  it('without a rollingUpdate block, makes ordinals below status.currentReplicas from the current revision', () => {
    const current = statefulSet({ status: { replicas: 3, currentReplicas: 1 } });
    const revisions = [0, 1].map((ordinal) => newVersionedStatefulSetPod(current, current, 'cur', 'upd', ordinal).metadata.labels['controller-revision-hash']);
    expect(revisions).toEqual(['cur', 'upd']);
  });

  it('sorts pods by ordinal, not by name (TestAscendingOrdinal)', () => {
    const pods = [10, 2, 1].map((ordinal) => podFrom(newStatefulSetPod(statefulSet({ replicas: 11 }), ordinal)));
    expect(pods.sort(compareByOrdinal).map((pod) => pod.metadata.name)).toEqual(['foo-1', 'foo-2', 'foo-10']);
  });
});

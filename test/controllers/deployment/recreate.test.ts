// Recreate: old ReplicaSets to zero, wait for their pods, then the new ReplicaSet.

import { describe, expect, it } from 'vitest';
import {
  type PodMap,
  oldPodsRunning,
  podMapForDeployment,
  recreateStep,
  scaleDownOldReplicaSetsForRecreate,
} from '../../../controllers/deployment/recreate.ts';
import type { Pod, PodPhase } from '../../../core/objects.ts';
import { deployment, pod, rs, rsWithStatus } from './builders.ts';

const podsOf = (...phases: PodPhase[]): Pod[] => phases.map((phase, index) => pod(`p${index}`, phase));

describe('oldPodsRunning', () => {
  // Ported from recreate_test.go TestOldPodsRunning (all 9 cases).
  const cases: { name: string; oldRSs: ReturnType<typeof rs>[]; podMap: PodMap; expected: boolean }[] = [
    { name: 'no old RSs', oldRSs: [], podMap: new Map(), expected: false },
    { name: 'old RSs with running pods', oldRSs: [rs('foo-some-uid', 0, { uid: 'some-uid' }), rs('foo-other-uid', 0, { uid: 'other-uid' })], podMap: new Map([['some-uid', podsOf('Running', 'Running')], ['other-uid', podsOf('Running', 'Running')]]), expected: true },
    { name: 'old RSs without pods but with non-zero status replicas', oldRSs: [rsWithStatus('rs-1', 0, 1)], podMap: new Map(), expected: true },
    { name: 'old RSs without pods or non-zero status replicas', oldRSs: [rsWithStatus('rs-1', 0, 0)], podMap: new Map(), expected: false },
    { name: 'old RSs with zero status replicas but pods in terminal state are present', oldRSs: [rsWithStatus('rs-1', 0, 0)], podMap: new Map([['uid-1', podsOf('Failed', 'Succeeded')]]), expected: false },
    { name: 'old RSs with zero status replicas but pod in unknown phase present', oldRSs: [rsWithStatus('rs-1', 0, 0)], podMap: new Map([['uid-1', podsOf('Unknown')]]), expected: true },
    { name: 'old RSs with zero status replicas with pending pod present', oldRSs: [rsWithStatus('rs-1', 0, 0)], podMap: new Map([['uid-1', podsOf('Pending')]]), expected: true },
    { name: 'old RSs with zero status replicas with running pod present', oldRSs: [rsWithStatus('rs-1', 0, 0)], podMap: new Map([['uid-1', podsOf('Running')]]), expected: true },
    { name: 'old RSs with zero status replicas but pods in terminal state and pending are present', oldRSs: [rsWithStatus('rs-1', 0, 0)], podMap: new Map([['uid-1', podsOf('Failed', 'Succeeded')], ['uid-2', []], ['uid-3', podsOf('Pending')]]), expected: true },
  ];
  for (const test of cases) {
    it(test.name, () => {
      expect(oldPodsRunning(undefined, test.oldRSs, test.podMap)).toBe(test.expected);
    });
  }

  it("ignores the new ReplicaSet's pods", () => {
    expect(oldPodsRunning(rs('new', 1, { uid: 'new-uid' }), [], new Map([['new-uid', podsOf('Running')]]))).toBe(false);
  });
});

describe('scaleDownOldReplicaSetsForRecreate', () => {
  // Ported from recreate_test.go TestScaleDownOldReplicaSets (its one case).
  it('scales every old ReplicaSet to zero', () => {
    const actions = scaleDownOldReplicaSetsForRecreate([rs('foo-0', 3)], deployment({ replicas: 3 }));
    expect(actions.map((action) => [action.name, action.toReplicas, action.event?.message])).toEqual([
      ['foo-0', 0, 'Scaled down replica set foo-0 from 3 to 0'],
    ]);
  });
});

describe('podMapForDeployment', () => {
  it("groups the selected pods under their controller's uid and drops the rest", () => {
    const d = deployment();
    const map = podMapForDeployment(d, [rs('a', 1, { uid: 'a-uid' }), rs('b', 1, { uid: 'b-uid' })], [
      pod('mine', 'Failed', 'a-uid'),
      pod('orphan', 'Running'),
      pod('stranger', 'Running', 'other-uid'),
      pod('unselected', 'Running', 'a-uid', { app: 'other' }),
    ]);
    expect([...map].map(([uid, pods]) => [uid, pods.map((item) => item.metadata.name)])).toEqual([
      ['a-uid', ['mine']],
      ['b-uid', []],
    ]);
  });
});

describe('recreateStep', () => {
  const d = deployment({ replicas: 3, strategy: 'Recreate' });

  it('scales old ReplicaSets down first', () => {
    expect(recreateStep(d, undefined, [rs('old', 3)], new Map()).kind).toBe('scaleDownOld');
  });

  it('waits while old pods may still run', () => {
    expect(recreateStep(d, undefined, [rs('old', 0, { uid: 'old-uid' })], new Map([['old-uid', podsOf('Running')]])).kind).toBe('waitForOldPods');
  });

  it('creates the new ReplicaSet once the old pods are gone', () => {
    expect(recreateStep(d, undefined, [rs('old', 0)], new Map()).kind).toBe('createNewReplicaSet');
  });

  it('scales an existing new ReplicaSet to full size', () => {
    const step = recreateStep(d, rs('new', 0), [rs('old', 0)], new Map());
    expect(step.kind === 'scaleUpNew' && step.action?.toReplicas).toBe(3);
  });
});

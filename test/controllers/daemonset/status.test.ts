// DaemonSet status, as upstream's updateDaemonSetStatus and storeDaemonSetStatus
// (pkg/controller/daemon/daemon_controller.go; TestUpdateDaemonSetStatus-style cases).

import { describe, expect, it } from 'vitest';
import { nodeToDaemonPods } from '../../../controllers/daemonset/manage.ts';
import { DAEMONSET_HASH_LABEL } from '../../../controllers/daemonset/pod-template.ts';
import { availabilityRequeueMs, countDaemonPods, daemonSetStatus, statusNeedsWrite } from '../../../controllers/daemonset/status.ts';
import { daemonPod, daemonSet, node, SIMPLE_DAEMON_SET_LABEL } from './builders.ts';

const labels = { ...SIMPLE_DAEMON_SET_LABEL, [DAEMONSET_HASH_LABEL]: 'h' };

describe('DaemonSet status: counts', () => {
  const ds = daemonSet({ spec: { minReadySeconds: 10 }, templateSpec: { nodeSelector: { role: 'worker' } } });
  const nodes = [node('a', { role: 'worker' }), node('b', { role: 'worker' }), node('c', { role: 'worker' }), node('d')];
  const pods = [
    daemonPod('pa', { nodeName: 'a', labels, readySinceMs: 0 }),
    daemonPod('pb', { nodeName: 'b', readySinceMs: 15_000 }),
    daemonPod('pd', { nodeName: 'd', labels }),
  ];
  const counts = countDaemonPods(ds, nodes, nodeToDaemonPods(pods, false), 'h', 20_000);

  it('counts desired, scheduled, misscheduled, ready, updated, available and unavailable', () => {
    expect(counts).toEqual({
      desiredNumberScheduled: 3,
      currentNumberScheduled: 2,
      numberMisscheduled: 1,
      numberReady: 2,
      updatedNumberScheduled: 1,
      numberAvailable: 1,
      numberUnavailable: 2,
    });
  });

  it('asks to be synced again after minReadySeconds while ready pods are not yet available', () => {
    expect(availabilityRequeueMs(ds, counts)).toBe(10_000);
  });

  it('judges a node by its oldest pod', () => {
    const twoPods = [daemonPod('new', { nodeName: 'a', createdMs: 5000, readySinceMs: 0 }), daemonPod('old', { nodeName: 'a', createdMs: 0 })];
    expect(countDaemonPods(daemonSet(), [node('a')], nodeToDaemonPods(twoPods, false), 'h', 0).numberReady).toBe(0);
  });
});

describe('DaemonSet status: writing', () => {
  const counts = { desiredNumberScheduled: 1, currentNumberScheduled: 1, numberMisscheduled: 0, numberReady: 1, updatedNumberScheduled: 1, numberAvailable: 1, numberUnavailable: 0 };

  it('writes when the generation has not been observed', () => {
    const ds = daemonSet({ generation: 2, status: { observedGeneration: 1, desiredNumberScheduled: 1, currentNumberScheduled: 1, numberReady: 1, updatedNumberScheduled: 1, numberAvailable: 1 } });
    expect(statusNeedsWrite(ds, counts)).toBe(true);
  });

  it('skips the write when nothing moved', () => {
    const ds = daemonSet({ status: { observedGeneration: 1, desiredNumberScheduled: 1, currentNumberScheduled: 1, numberReady: 1, updatedNumberScheduled: 1, numberAvailable: 1 } });
    expect(statusNeedsWrite(ds, counts)).toBe(false);
  });

  it('keeps collisionCount and leaves zero optional counts out', () => {
    const ds = daemonSet({ status: { collisionCount: 2 } });
    expect(daemonSetStatus(ds, { ...counts, numberUnavailable: 0, numberAvailable: 0 }, true)).toEqual({
      collisionCount: 2,
      observedGeneration: 1,
      desiredNumberScheduled: 1,
      currentNumberScheduled: 1,
      numberMisscheduled: 0,
      numberReady: 1,
      updatedNumberScheduled: 1,
    });
  });
});

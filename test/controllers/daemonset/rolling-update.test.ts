// Rolling updates, ported from upstream's TestDaemonSetUpdatesPods,
// TestDaemonSetUpdatesPodsWithMaxSurge, TestDaemonSetUpdatesWhenNewPodIsNotReady and
// TestGetUnavailableNumbers
// (pkg/controller/daemon/update_test.go): each expectSyncDaemonSets(creates, deletes) becomes one
// entry of the expected sequence.

import { describe, expect, it } from 'vitest';
import type { IntOrString } from '../../../core/workloads.ts';
import { rollingCounts } from '../../../controllers/daemonset/rolling-counts.ts';
import { daemonSet, rollingUpdate, withImage } from './builders.ts';
import { FakeDaemonCluster, nodes } from './fake-cluster.ts';

function launched(count: number): FakeDaemonCluster {
  const fake = new FakeDaemonCluster(daemonSet(), nodes(count));
  fake.sync();
  fake.markPodsReady();
  return fake;
}

describe('DaemonSet rolling update: maxUnavailable (TestDaemonSetUpdatesPods)', () => {
  it('replaces two pods at a time, then the last one', () => {
    const fake = launched(5);
    fake.ds = rollingUpdate(withImage(fake.ds, 'foo2/bar2'), 2);
    const steps: [number, number][] = [];
    for (let round = 0; round < 3; round++) {
      steps.push(fake.syncCounts(), fake.syncCounts());
      fake.markPodsReady();
    }
    steps.push(fake.syncCounts());
    expect(steps).toEqual([[0, 2], [2, 0], [0, 2], [2, 0], [0, 1], [1, 0], [0, 0]]);
  });

  it('stops while the new pods are not ready (TestDaemonSetUpdatesWhenNewPodIsNotReady)', () => {
    const fake = launched(5);
    fake.ds = rollingUpdate(withImage(fake.ds, 'foo2/bar2'), 3);
    expect([fake.syncCounts(), fake.syncCounts(), fake.syncCounts()]).toEqual([[0, 3], [3, 0], [0, 0]]);
  });

  it('rounds a percentage up', () => {
    const fake = launched(5);
    fake.ds = rollingUpdate(withImage(fake.ds, 'foo2/bar2'), '30%');
    expect(fake.syncCounts()).toEqual([0, 2]);
  });

  it('replaces an old pod that is not available at once, on top of the allowance', () => {
    const fake = launched(5);
    const [first] = [...fake.pods.keys()].sort();
    const pod = first === undefined ? undefined : fake.pods.get(first);
    if (pod !== undefined && first !== undefined) fake.pods.set(first, { ...pod, status: { phase: 'Running' } });
    fake.ds = rollingUpdate(withImage(fake.ds, 'foo2/bar2'), 2);
    expect(fake.syncCounts()).toEqual([0, 2]);
  });

  it('never deletes for an update with OnDelete', () => {
    const fake = launched(5);
    fake.ds = withImage(fake.ds, 'foo2/bar2');
    expect(fake.syncCounts()).toEqual([0, 0]);
  });
});

describe('DaemonSet rolling update: maxSurge (TestDaemonSetUpdatesPodsWithMaxSurge)', () => {
  it('starts new pods next to old ones and removes the old once the new are available', () => {
    const fake = launched(5);
    fake.ds = rollingUpdate(withImage(fake.ds, 'foo2/bar2'), 0, 2);
    const steps: [number, number][] = [];
    for (let round = 0; round < 4; round++) {
      steps.push(fake.syncCounts(), fake.syncCounts());
      fake.markPodsReady();
    }
    expect(steps).toEqual([[2, 0], [0, 0], [2, 2], [0, 0], [1, 2], [0, 0], [0, 1], [0, 0]]);
  });

  it('ends with one new pod per node', () => {
    const fake = launched(5);
    fake.ds = rollingUpdate(withImage(fake.ds, 'foo2/bar2'), 0, 2);
    for (let round = 0; round < 5; round++) {
      fake.sync();
      fake.sync();
      fake.markPodsReady();
    }
    expect([...fake.pods.values()].map((pod) => pod.spec.containers[0]?.image)).toEqual(Array(5).fill('foo2/bar2'));
  });
});

describe('DaemonSet rolling update: limits (TestGetUnavailableNumbers)', () => {
  const surge = (value: IntOrString) => rollingUpdate(daemonSet(), 0, value);
  const unavailable = (value: IntOrString) => rollingUpdate(daemonSet(), value);
  it.each([
    ['No nodes', unavailable(0), 0, { maxSurge: 0, maxUnavailable: 0 }],
    ['Two nodes with ready pods', unavailable(1), 2, { maxSurge: 0, maxUnavailable: 1 }],
    ['Two nodes, one node without pods', unavailable(0), 2, { maxSurge: 0, maxUnavailable: 1 }],
    ['Two nodes, one node without pods, surge', surge(0), 2, { maxSurge: 0, maxUnavailable: 1 }],
    ['Two nodes with pods, MaxUnavailable in percents', unavailable('50%'), 2, { maxSurge: 0, maxUnavailable: 1 }],
    ['Two nodes with pods, MaxUnavailable in percents, surge', surge('50%'), 2, { maxSurge: 1, maxUnavailable: 0 }],
    ['Two nodes with pods, MaxUnavailable is 100%, surge', surge('100%'), 2, { maxSurge: 2, maxUnavailable: 0 }],
    ['Two nodes with pods, MaxUnavailable in percents, pod terminating', unavailable('50%'), 3, { maxSurge: 0, maxUnavailable: 2 }],
  ] as const)('%s', (_name, ds, desired, expected) => {
    expect(rollingCounts(ds, desired)).toEqual(expected);
  });
});

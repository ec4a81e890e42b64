// progressDeadlineSeconds in a whole cluster: a rollout whose pods never turn ready is reported as
// Progressing False/ProgressDeadlineExceeded once the deadline has passed, found by the wake-up
// upstream's requeueStuckDeployment asks for (test/e2e/apps/deployment.go "deployment should
// report progress deadline exceeded"; progress_test.go TestRequeueStuckDeployment for the timing).

import { describe, expect, it } from 'vitest';
import { fromTimestamp } from '../../../core/clock.ts';
import type { Effect } from '../../../core/controller.ts';
import { deploymentCluster, progressing, replicaSets, web } from './cluster.ts';
import { sync } from './sync-builders.ts';

const DEADLINE_S = 30;

function stuckCluster() {
  const cluster = deploymentCluster({ stuck: { readyMs: 3_600_000 } });
  cluster.apply(web({ replicas: 2, image: 'stuck', progressDeadlineSeconds: DEADLINE_S }));
  cluster.advance(20_000);
  return cluster;
}

function wakes(effects: readonly Effect[]): number[] {
  return effects.flatMap((effect) => (effect.kind === 'wake' ? [effect.atMs] : []));
}

describe('a rollout whose pods never become ready', () => {
  const cluster = stuckCluster();
  const before = progressing(cluster.state);
  const deadlineMs = fromTimestamp(before?.lastUpdateTime ?? '') + DEADLINE_S * 1000;
  const settled = cluster.state;
  cluster.advance(60_000);
  const timedOut = cluster.events.find(
    (event) => event.type === 'object/statusUpdated' && JSON.stringify(event).includes('ProgressDeadlineExceeded'),
  );

  it('is still progressing before the deadline', () => {
    expect([before?.status, before?.reason]).toEqual(['True', 'ReplicaSetUpdated']);
  });

  it('asks to be woken a second after the deadline while nothing changes', () => {
    expect(wakes(sync(settled, 20_000, 'default/web'))).toEqual([deadlineMs + 1000]);
  });

  it('asks again right away (after the rate limiter\'s first delay) with less than a second left', () => {
    expect(wakes(sync(settled, deadlineMs - 500, 'default/web'))).toEqual([deadlineMs - 500 + 5]);
  });

  it('reports ProgressDeadlineExceeded when woken, naming the new ReplicaSet', () => {
    const name = replicaSets(cluster.state)[0]?.metadata.name;
    expect(progressing(cluster.state)).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${name}" has timed out progressing.` });
  });

  it('reports it at the wake-up, a second past the deadline', () => {
    expect(timedOut?.time).toBe(deadlineMs + 1000);
  });
});

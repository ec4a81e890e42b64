// The two rollout strategies as plans of requests: upstream's rolloutRolling
// (pkg/controller/deployment/rolling.go) and rolloutRecreate (recreate.go), each ending in
// syncRolloutStatus (progress.go). The status is computed from the ReplicaSets as the sync found
// them (the new one as getNewReplicaSet returned it): upstream drops the objects its scaling
// writes return, so a status written in the same sync still shows the sizes before them.

import { wake } from '../../core/controller.ts';
import { BASE_DELAY_MS } from '../../core/failure-backoff.ts';
import type { ReplicaSet } from '../../core/objects.ts';
import { replicaSetsToCleanUp } from './history.ts';
import { syncRolloutStatus } from './progress.ts';
import { type PodMap, recreateScaleUp, recreateStep } from './recreate.ts';
import { rollingStep } from './rolling.ts';
import { type SyncPlan, deleteReplicaSets, writeDeployment, writeReplicaSet, writeScaleActions } from './sync-plan.ts';
import { syncRevision } from './sync-revision.ts';

/**
 * syncRolloutStatus: the status when it moved; otherwise requeueStuckDeployment's wake-up for
 * the progress deadline. Its "rate limited" requeue is AddRateLimited followed by the Forget of
 * a sync that succeeded, so the key comes back after the rate limiter's first delay, every time.
 */
export function finishRolloutStatus(plan: SyncPlan, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): void {
  if (plan.stopped) return;
  const result = syncRolloutStatus(allRSs, newRS, plan.d, plan.nowMs);
  if (result.changed) {
    writeDeployment(plan, { status: result.status });
    return;
  }
  switch (result.requeue.kind) {
    case 'after':
      plan.effects.push(wake(result.requeue.wakeAtMs, plan.key));
      return;
    case 'rateLimited':
      plan.effects.push(wake(plan.nowMs + BASE_DELAY_MS, plan.key));
      return;
    case 'none':
      return;
  }
}

/** cleanupDeployment over the old ReplicaSets as the sync found them. */
export function cleanupDeployment(plan: SyncPlan, allOldRSs: readonly ReplicaSet[]): void {
  deleteReplicaSets(plan, replicaSetsToCleanUp(plan.d, allOldRSs));
}

/**
 * rolloutRolling: get or create the new ReplicaSet, then one rolling step: scale up, or else
 * scale down, or else (the stored status complete) clean up old revisions; then the status.
 */
export function rolloutRolling(plan: SyncPlan, rsList: readonly ReplicaSet[]): void {
  const found = syncRevision(plan, rsList, true);
  if (found === undefined) return;
  const { newRS, allOldRSs } = found;
  if (newRS === undefined) return;
  const allRSs = [...allOldRSs, newRS];
  const step = rollingStep(plan.d, newRS, allOldRSs);
  if (step.error !== undefined) {
    plan.stopped = true;
    return;
  }
  writeScaleActions(plan, step.actions);
  if (step.cleanup) cleanupDeployment(plan, allOldRSs);
  finishRolloutStatus(plan, allRSs, newRS);
}

/**
 * rolloutRecreate: old ReplicaSets to zero first; while any of their pods may still run, only the
 * status; then the new ReplicaSet, created at full size or scaled up to it.
 */
export function rolloutRecreate(plan: SyncPlan, rsList: readonly ReplicaSet[], podMap: PodMap): void {
  const found = syncRevision(plan, rsList, false);
  if (found === undefined) return;
  let { newRS, allOldRSs } = found;
  let allRSs: (ReplicaSet | undefined)[] = [...allOldRSs, newRS];
  const step = recreateStep(plan.d, newRS, allOldRSs, podMap);
  switch (step.kind) {
    case 'scaleDownOld':
      writeScaleActions(plan, step.actions);
      finishRolloutStatus(plan, allRSs, newRS);
      return;
    case 'waitForOldPods':
      finishRolloutStatus(plan, allRSs, newRS);
      return;
    case 'createNewReplicaSet': {
      const created = syncRevision(plan, rsList, true);
      if (created?.newRS === undefined) return;
      ({ newRS, allOldRSs } = created);
      allRSs = [...allOldRSs, newRS];
      break;
    }
    case 'scaleUpNew':
      break;
  }
  if (newRS === undefined) return;
  const scaleUp = recreateScaleUp(plan.d, newRS);
  if (scaleUp.action !== undefined) writeReplicaSet(plan, scaleUp.action.replicaSet, scaleUp.action.event);
  if (scaleUp.cleanup) cleanupDeployment(plan, allOldRSs);
  finishRolloutStatus(plan, allRSs, newRS);
}

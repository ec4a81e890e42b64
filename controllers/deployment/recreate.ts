// One step of a Recreate rollout: scale every old ReplicaSet to zero, wait until none of their
// pods can still be running, then create (or scale up) the new ReplicaSet at full size. As
// upstream's rolloutRecreate, scaleDownOldReplicaSetsForRecreate, oldPodsRunning and
// scaleUpNewReplicaSetForRecreate (pkg/controller/deployment/recreate.go) and
// getPodMapForDeployment (pkg/controller/deployment/deployment_controller.go).

import type { Pod, ReplicaSet } from '../../core/objects.ts';
import { controllerOf } from '../../core/objects.ts';
import type { Deployment } from '../../core/workloads.ts';
import { labelMatcher } from '../common/label-matcher.ts';
import { deploymentComplete } from './conditions.ts';
import { actualReplicaCount, filterActiveReplicaSets } from './replica-set-sets.ts';
import { type ScaleAction, scaleReplicaSetAndRecordEvent } from './scale-step.ts';

/** Pods grouped by the uid of the ReplicaSet controlling them. */
export type PodMap = ReadonlyMap<string, readonly Pod[]>;

/**
 * getPodMapForDeployment: the pods the Deployment's selector matches, grouped under the
 * ReplicaSet (of rsList) that controls them; every ReplicaSet has an entry, possibly empty.
 * Terminal and terminating pods are kept: Recreate must know none of them still runs.
 */
export function podMapForDeployment(d: Deployment, rsList: readonly ReplicaSet[], pods: readonly Pod[]): PodMap {
  const map = new Map<string, Pod[]>(rsList.map((rs) => [rs.metadata.uid, []]));
  const matches = labelMatcher(d.spec.selector);
  for (const pod of pods) {
    if (pod.metadata.namespace !== d.metadata.namespace || !matches(pod.metadata.labels)) continue;
    const owner = controllerOf(pod);
    if (owner !== undefined) map.get(owner.uid)?.push(pod);
  }
  return map;
}

/**
 * oldPodsRunning: an old ReplicaSet still reports pods, or a pod of a ReplicaSet other than the
 * new one is not Succeeded or Failed. Pending, Running, Unknown (the node may be unreachable, so
 * the pod may still run) and terminating pods all count.
 */
export function oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[], podMap: PodMap): boolean {
  if (actualReplicaCount(oldRSs) > 0) return true;
  for (const [uid, pods] of podMap) {
    if (newRS !== undefined && uid === newRS.metadata.uid) continue;
    if (pods.some((pod) => pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed')) return true;
  }
  return false;
}

/** scaleDownOldReplicaSetsForRecreate: every active old ReplicaSet to zero, in list order. */
export function scaleDownOldReplicaSetsForRecreate(oldRSs: readonly ReplicaSet[], d: Deployment): ScaleAction[] {
  return filterActiveReplicaSets(oldRSs).flatMap((rs) => scaleReplicaSetAndRecordEvent(rs, 0, d) ?? []);
}

export type RecreateStep =
  /** Old ReplicaSets scaled down; the sync ends with syncRolloutStatus. */
  | { readonly kind: 'scaleDownOld'; readonly actions: readonly ScaleAction[] }
  /** Old pods may still run; the sync ends with syncRolloutStatus and waits for their events. */
  | { readonly kind: 'waitForOldPods' }
  /** Create the new ReplicaSet now (at full size, see newRSNewReplicas), then call recreateScaleUp. */
  | { readonly kind: 'createNewReplicaSet' }
  | RecreateScaleUp;

export interface RecreateScaleUp {
  readonly kind: 'scaleUpNew';
  readonly action: ScaleAction | undefined;
  /** Whether cleanupDeployment runs: the Deployment's current status is complete. */
  readonly cleanup: boolean;
}

/** scaleUpNewReplicaSetForRecreate and the cleanup check that follows it. */
export function recreateScaleUp(d: Deployment, newRS: ReplicaSet): RecreateScaleUp {
  return {
    kind: 'scaleUpNew',
    action: scaleReplicaSetAndRecordEvent(newRS, d.spec.replicas, d),
    cleanup: deploymentComplete(d, d.status),
  };
}

/**
 * rolloutRecreate up to the point where a new ReplicaSet is needed. The new ReplicaSet is not
 * created before the old pods are gone, so the two versions never run side by side.
 */
export function recreateStep(
  d: Deployment,
  newRS: ReplicaSet | undefined,
  oldRSs: readonly ReplicaSet[],
  podMap: PodMap,
): RecreateStep {
  const actions = scaleDownOldReplicaSetsForRecreate(oldRSs, d);
  if (actions.length > 0) return { kind: 'scaleDownOld', actions };
  if (oldPodsRunning(newRS, oldRSs, podMap)) return { kind: 'waitForOldPods' };
  if (newRS === undefined) return { kind: 'createNewReplicaSet' };
  return recreateScaleUp(d, newRS);
}

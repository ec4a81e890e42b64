// A ReplicaSet's status from the pods it manages, as upstream's calculateStatus and
// updateReplicaSetStatus (pkg/controller/replicaset/replica_set_utils.go) compute and compare it.
// Zero counts are left out, as the API's omitempty fields are when serialised.
// The same pass finds when the next ready pod becomes available, so the ReplicaSet can be woken
// then. Upstream requeues minReadySeconds (plus a second against clock skew) after a pod turns
// ready; virtual time has no skew, so we wake at the first millisecond the pod counts as available.

import type { Condition, Pod, ReplicaSet, ReplicaSetStatus } from '../../core/objects.ts';
import { availableAtMs, isPodReady } from '../common/pod-state.ts';
import { labelMatcher } from '../common/label-matcher.ts';

export const REPLICA_FAILURE = 'ReplicaFailure';

/** The counts a status needs, and when the next ready pod becomes available (if one is waiting). */
export interface PodSummary {
  readonly replicas: number;
  readonly fullyLabeledReplicas: number;
  readonly readyReplicas: number;
  readonly availableReplicas: number;
  /** When to sync again because a ready pod will have turned available by then. */
  readonly recheckAtMs: number | undefined;
}

/**
 * One pass over the managed pods. Fully labelled means carrying every label of the template
 * (labels.Set(template.labels).AsSelector()); available is podutil.IsPodAvailable at nowMs.
 */
/** The second upstream adds to its availability requeue. */
export const AVAILABILITY_RECHECK_SKEW_MS = 1000;

export function summarizePods(rs: ReplicaSet, pods: readonly Pod[], nowMs: number): PodSummary {
  const fullyLabeled = labelMatcher({ matchLabels: rs.spec.template.metadata?.labels ?? {} });
  const minReadySeconds = rs.spec.minReadySeconds ?? 0;
  let fullyLabeledReplicas = 0;
  let readyReplicas = 0;
  let availableReplicas = 0;
  let recheckAtMs: number | undefined;
  for (const pod of pods) {
    if (fullyLabeled(pod.metadata.labels)) fullyLabeledReplicas++;
    if (!isPodReady(pod)) continue;
    readyReplicas++;
    const at = minReadySeconds === 0 ? nowMs : availableAtMs(pod, minReadySeconds);
    if (at === undefined) continue;
    if (at <= nowMs) availableReplicas++;
    else {
      // Upstream requeues a second after minReadySeconds, "to avoid milliseconds skew in AddAfter"
      // (replica_set.go, updatePod); the pod turned available 1 ms after minReadySeconds.
      const podRecheckAtMs = at - 1 + AVAILABILITY_RECHECK_SKEW_MS;
      if (recheckAtMs === undefined || podRecheckAtMs < recheckAtMs) recheckAtMs = podRecheckAtMs;
    }
  }
  return { replicas: pods.length, fullyLabeledReplicas, readyReplicas, availableReplicas, recheckAtMs };
}

/**
 * Manage errors never reach a reconcile here (a refused create is a rejection event), so the
 * ReplicaFailure condition is never added; like upstream after an error-free sync, it is removed.
 */
function conditionsAfterSync(conditions: readonly Condition[] | undefined): readonly Condition[] | undefined {
  if (conditions === undefined || !conditions.some((condition) => condition.type === REPLICA_FAILURE))
    return conditions;
  const kept = conditions.filter((condition) => condition.type !== REPLICA_FAILURE);
  return kept.length === 0 ? undefined : kept;
}

export function calculateStatus(rs: ReplicaSet, counts: PodSummary): ReplicaSetStatus {
  const generation = rs.metadata.generation ?? 0;
  const conditions = conditionsAfterSync(rs.status?.conditions);
  return {
    replicas: counts.replicas,
    ...(counts.fullyLabeledReplicas === 0 ? {} : { fullyLabeledReplicas: counts.fullyLabeledReplicas }),
    ...(counts.readyReplicas === 0 ? {} : { readyReplicas: counts.readyReplicas }),
    ...(counts.availableReplicas === 0 ? {} : { availableReplicas: counts.availableReplicas }),
    ...(generation === 0 ? {} : { observedGeneration: generation }),
    ...(conditions === undefined ? {} : { conditions }),
  };
}

/** updateReplicaSetStatus skips the write when nothing it compares has moved. */
export function statusChanged(current: ReplicaSetStatus | undefined, next: ReplicaSetStatus): boolean {
  return (
    (current?.replicas ?? 0) !== next.replicas ||
    (current?.fullyLabeledReplicas ?? 0) !== (next.fullyLabeledReplicas ?? 0) ||
    (current?.readyReplicas ?? 0) !== (next.readyReplicas ?? 0) ||
    (current?.availableReplicas ?? 0) !== (next.availableReplicas ?? 0) ||
    (current?.observedGeneration ?? 0) !== (next.observedGeneration ?? 0) ||
    current?.conditions !== next.conditions
  );
}

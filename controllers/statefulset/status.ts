// A StatefulSet's status after a sync, as upstream's computeReplicaStatus, updateStatus,
// completeRollingUpdate and inconsistentStatus (pkg/controller/statefulset) compute and compare
// it. Pods not created yet have no phase and count for nothing; terminating pods count as
// replicas (and ready, if they still are) but not as current or updated.

import type { Pod } from '../../core/objects.ts';
import type { StatefulSet, StatefulSetStatus } from '../../core/workloads.ts';
import { REVISION_LABEL } from './identity.ts';
import { isRunningAndAvailable, isRunningAndReady, isTerminating } from './health.ts';
import { withFields } from '../../core/with-fields.ts';

export interface ReplicaCounts {
  readonly replicas: number;
  readonly readyReplicas: number;
  readonly availableReplicas: number;
  readonly currentReplicas: number;
  readonly updatedReplicas: number;
}

/** computeReplicaStatus over the pods that exist. */
export function countReplicas(
  pods: readonly Pod[],
  minReadySeconds: number,
  currentRevision: string,
  updateRevision: string,
  nowMs: number,
): ReplicaCounts {
  let replicas = 0;
  let readyReplicas = 0;
  let availableReplicas = 0;
  let currentReplicas = 0;
  let updatedReplicas = 0;
  for (const pod of pods) {
    replicas++;
    if (isRunningAndReady(pod)) {
      readyReplicas++;
      if (isRunningAndAvailable(pod, minReadySeconds, nowMs)) availableReplicas++;
    }
    if (isTerminating(pod)) continue;
    const revision = pod.metadata.labels?.[REVISION_LABEL] ?? '';
    if (revision === currentRevision) currentReplicas++;
    if (revision === updateRevision) updatedReplicas++;
  }
  return { replicas, readyReplicas, availableReplicas, currentReplicas, updatedReplicas };
}

export interface StatusInputs {
  readonly counts: ReplicaCounts;
  readonly currentRevision: string;
  readonly updateRevision: string;
  readonly collisionCount: number;
}

/**
 * The status updateStatefulSet returns: a fresh StatefulSetStatus, so conditions are not carried
 * over. Zero counts are left out, as the API's omitempty fields are.
 */
export function statefulSetStatus(set: StatefulSet, inputs: StatusInputs): StatefulSetStatus {
  const { counts } = inputs;
  const generation = set.metadata.generation ?? 0;
  return withFields(generation === 0 ? {} : { observedGeneration: generation }, {
    replicas: counts.replicas,
    ...(counts.readyReplicas === 0 ? {} : { readyReplicas: counts.readyReplicas }),
    ...(counts.currentReplicas === 0 ? {} : { currentReplicas: counts.currentReplicas }),
    ...(counts.updatedReplicas === 0 ? {} : { updatedReplicas: counts.updatedReplicas }),
    ...(counts.availableReplicas === 0 ? {} : { availableReplicas: counts.availableReplicas }),
    ...(inputs.currentRevision === '' ? {} : { currentRevision: inputs.currentRevision }),
    ...(inputs.updateRevision === '' ? {} : { updateRevision: inputs.updateRevision }),
    collisionCount: inputs.collisionCount,
  });
}

/**
 * completeRollingUpdate: once every replica the spec asks for is updated and ready (and no more
 * exist), the update revision becomes the current one. Upstream does not wait for availability
 * here (kubernetes#136831).
 */
export function completeRollingUpdate(set: StatefulSet, status: StatefulSetStatus): StatefulSetStatus {
  const replicas = set.spec.replicas;
  if (
    set.spec.updateStrategy.type !== 'RollingUpdate' ||
    (status.updatedReplicas ?? 0) !== replicas ||
    (status.readyReplicas ?? 0) !== replicas ||
    status.replicas !== replicas
  ) {
    return status;
  }
  const { currentReplicas: _old, currentRevision: _was, ...rest } = status;
  return withFields(rest, status.updatedReplicas === undefined ? {} : { currentReplicas: status.updatedReplicas }, status.updateRevision === undefined ? {} : { currentRevision: status.updateRevision });
}

/**
 * inconsistentStatus: the status is written when the generation moved on or a compared field
 * differs. collisionCount and conditions are not compared, as upstream.
 */
export function inconsistentStatus(set: StatefulSet, status: StatefulSetStatus): boolean {
  const old = set.status;
  return (
    (status.observedGeneration ?? 0) > (old.observedGeneration ?? 0) ||
    status.replicas !== old.replicas ||
    (status.currentReplicas ?? 0) !== (old.currentReplicas ?? 0) ||
    (status.readyReplicas ?? 0) !== (old.readyReplicas ?? 0) ||
    (status.updatedReplicas ?? 0) !== (old.updatedReplicas ?? 0) ||
    (status.currentRevision ?? '') !== (old.currentRevision ?? '') ||
    (status.availableReplicas ?? 0) !== (old.availableReplicas ?? 0) ||
    (status.updateRevision ?? '') !== (old.updateRevision ?? '')
  );
}

/**
 * syncStatefulSet's requeue: minReadySeconds after the sync while fewer replicas are available
 * than the spec asks for, so pods turning available are counted even without a pod event.
 */
export function availabilityRequeueMs(set: StatefulSet, status: StatefulSetStatus): number | undefined {
  const minReadySeconds = set.spec.minReadySeconds ?? 0;
  if (minReadySeconds <= 0 || (status.availableReplicas ?? 0) === set.spec.replicas) return undefined;
  return minReadySeconds * 1000;
}

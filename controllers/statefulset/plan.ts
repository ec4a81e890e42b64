// What one StatefulSet sync does, as upstream's UpdateStatefulSet, performUpdate and
// updateStatefulSet (pkg/controller/statefulset/stateful_set_control.go) with v1.34's defaults
// (MaxUnavailableStatefulSet off). The plan lists the API calls in upstream's order:
//   1. the revision step (create a ControllerRevision, or renumber one to roll back);
//   2. the pod and claim actions: replicas in ordinal order, then the condemned pods' claims, then
//      the condemned pods highest ordinal first, then the rolling update's deletion;
//   3. the status, when it differs from the stored one;
//   4. the history revisions to delete.
// OrderedReady stops at the first replica that must wait; Parallel goes through all of them in
// slow-start batches (1, 2, 4, ... at most 500) and stops only after a batch with an error.

import type { Pod } from '../../core/objects.ts';
import type { StatefulSet, StatefulSetStatus } from '../../core/workloads.ts';
import { compareStrings } from '../../core/table.ts';
import { aggregateError } from './events.ts';
import { isUnavailable } from './health.ts';
import { getEndOrdinal, getOrdinal, getStartOrdinal, ordinalInRange } from './identity.ts';
import { newVersionedStatefulSetPod, type PodManifest } from './pod-template.ts';
import { fixCondemnedClaims, processCondemned, processReplica, type Replica } from './replica-steps.ts';
import {
  applyRevision,
  getStatefulSetRevisions,
  type RevisionLike,
  type RevisionStep,
  truncateHistory,
} from './revisions.ts';
import { rollOnePod, rollWithMaxUnavailable } from './rolling-update.ts';
import {
  availabilityRequeueMs,
  completeRollingUpdate,
  countReplicas,
  inconsistentStatus,
  statefulSetStatus,
} from './status.ts';
import type { ClaimLookup, StatefulSetAction, StepResult, SyncContext } from './sync-context.ts';
import { withFields } from '../../core/with-fields.ts';

/** slowStartBatch's ceiling (MaxBatchSize). */
export const MAX_BATCH_SIZE = 500;

export interface StatefulSetSyncInput {
  readonly set: StatefulSet;
  /** The pods the set owns (claimed, and members by name). */
  readonly pods: readonly Pod[];
  /** The ControllerRevisions the set owns, adoption done. */
  readonly revisions: readonly RevisionLike[];
  /** Any ControllerRevision of the namespace by name, for name collisions. */
  readonly revisionNamed?: (name: string) => RevisionLike | undefined;
  /** The namespace's PersistentVolumeClaims by name. */
  readonly claims: ClaimLookup;
  readonly nowMs: number;
  /** The MaxUnavailableStatefulSet feature gate: alpha and off in v1.34. */
  readonly maxUnavailableStatefulSet?: boolean;
}

export interface StatefulSetSyncPlan {
  readonly revisionStep: RevisionStep;
  readonly currentRevision: RevisionLike;
  readonly updateRevision: RevisionLike;
  readonly actions: readonly StatefulSetAction[];
  /** The status after completeRollingUpdate, and whether upstream would write it. */
  readonly status: StatefulSetStatus;
  readonly writeStatus: boolean;
  readonly historyToDelete: readonly RevisionLike[];
  /** Sync again this long after the sync (only when it did not fail). */
  readonly requeueAfterMs?: number;
  /** The sync fails with this error: upstream returns it and the key is retried with back-off. */
  readonly error?: string;
}

interface Partitioned {
  readonly replicas: readonly Replica[];
  /** Condemned pods, highest ordinal first (descendingOrdinal). */
  readonly condemned: readonly Pod[];
}

/** Pods into the ordinal range's slots (missing ones made from the right revision) and condemned. */
function partitionPods(
  set: StatefulSet,
  currentSet: StatefulSet,
  updateSet: StatefulSet,
  names: readonly [string, string],
  pods: readonly Pod[],
): Partitioned {
  const start = getStartOrdinal(set);
  const slots = new Map<number, Pod>();
  const condemned: Pod[] = [];
  for (const pod of pods) {
    const ordinal = getOrdinal(pod);
    if (ordinalInRange(set, ordinal)) slots.set(ordinal, pod);
    else if (ordinal >= 0) condemned.push(pod);
  }
  const replicas: Replica[] = [];
  for (let ordinal = start; ordinal <= getEndOrdinal(set); ordinal++) {
    const pod = slots.get(ordinal);
    replicas.push(
      pod !== undefined
        ? { created: true, pod }
        : { created: false, pod: newVersionedStatefulSetPod(currentSet, updateSet, names[0], names[1], ordinal) },
    );
  }
  condemned.sort((a, b) => getOrdinal(b) - getOrdinal(a));
  return { replicas, condemned };
}

/** The first unavailable replica by ordinal, else the lowest unavailable condemned pod. */
function firstUnavailable(context: SyncContext, parts: Partitioned): Pod | PodManifest | undefined {
  const unavailable = (pod: Pod) => isUnavailable(pod, context.minReadySeconds, context.nowMs);
  const replica = parts.replicas.find((candidate) => !candidate.created || unavailable(candidate.pod));
  if (replica !== undefined) return replica.pod;
  return [...parts.condemned].reverse().find(unavailable);
}

/** runForAll: monotonic stops at the first exit; burst runs slow-start batches until one fails. */
function runForAll(count: number, step: (index: number) => StepResult, monotonic: boolean): StepResult {
  if (monotonic) {
    for (let index = 0; index < count; index++) {
      const result = step(index);
      if (result.exit || result.error !== undefined) return { ...result, exit: true };
    }
    return { exit: false };
  }
  let done = 0;
  for (let batch = Math.min(count, 1); batch > 0; batch = Math.min(2 * batch, count - done, MAX_BATCH_SIZE)) {
    const errors: string[] = [];
    for (let index = done; index < done + batch; index++) {
      const error = step(index).error;
      if (error !== undefined) errors.push(error);
    }
    if (errors.length > 0) return { exit: true, error: aggregateError(errors) };
    done += batch;
  }
  return { exit: false };
}

/** The pod actions of updateStatefulSet; returns how many rolling-update deletions it counted. */
function planPods(
  context: SyncContext,
  parts: Partitioned,
  updateRevision: string,
  gate: boolean,
): StepResult & { readonly deleted: number } {
  const { replicas, condemned } = parts;
  const first = firstUnavailable(context, parts);
  const replicaStep = runForAll(replicas.length, (i) => processReplica(context, replicas[i] as Replica), context.monotonic);
  if (replicaStep.exit) return withFields(replicaStep, { deleted: 0 });
  const claimStep = runForAll(condemned.length, (i) => fixCondemnedClaims(context, condemned[i] as Pod), context.monotonic);
  if (claimStep.exit) return withFields(claimStep, { deleted: 0 });
  const condemnedStep = runForAll(
    condemned.length,
    (i) => processCondemned(context, condemned[i] as Pod, first),
    context.monotonic,
  );
  if (condemnedStep.exit) return withFields(condemnedStep, { deleted: 0 });
  if (context.set.spec.updateStrategy.type === 'OnDelete') return { exit: false, deleted: 0 };
  const rolled = gate
    ? rollWithMaxUnavailable(context, replicas, updateRevision)
    : rollOnePod(context, replicas, updateRevision);
  return { exit: rolled.deleted > 0, deleted: rolled.deleted, ...(rolled.error === undefined ? {} : { error: rolled.error }) };
}

function existingPods(parts: Partitioned): Pod[] {
  const created = parts.replicas.flatMap((replica) => (replica.created ? [replica.pod] : []));
  return [...created, ...parts.condemned];
}

export function planStatefulSetSync(input: StatefulSetSyncInput): StatefulSetSyncPlan {
  const { set, nowMs } = input;
  const choice = getStatefulSetRevisions(set, input.revisions, input.revisionNamed);
  const names = [choice.current.metadata.name, choice.update.metadata.name] as const;
  const updateSet = applyRevision(set, choice.update);
  const pods = [...input.pods].sort((a, b) => compareStrings(a.metadata.name, b.metadata.name));
  const parts = partitionPods(set, applyRevision(set, choice.current), updateSet, names, pods);
  const minReadySeconds = set.spec.minReadySeconds ?? 0;
  const context: SyncContext = {
    set,
    updateSet,
    monotonic: set.spec.podManagementPolicy !== 'Parallel',
    minReadySeconds,
    nowMs,
    claims: input.claims,
    updatedClaims: new Map(),
    actions: [],
  };
  const deleting = set.metadata.deletionTimestamp !== undefined;
  const gate = input.maxUnavailableStatefulSet ?? false;
  const result = deleting ? { exit: false, deleted: 0 } : planPods(context, parts, names[1], gate);
  const counts = countReplicas(deleting ? pods : existingPods(parts), minReadySeconds, names[0], names[1], nowMs);
  const adjusted = { ...counts, currentReplicas: counts.currentReplicas - result.deleted };
  const computed = statefulSetStatus(set, {
    counts: adjusted,
    currentRevision: names[0],
    updateRevision: names[1],
    collisionCount: choice.collisionCount,
  });
  const status = completeRollingUpdate(set, computed);
  const requeueAfterMs = result.error === undefined ? availabilityRequeueMs(set, status) : undefined;
  return {
    revisionStep: choice.step,
    currentRevision: choice.current,
    updateRevision: choice.update,
    actions: context.actions,
    status,
    writeStatus: inconsistentStatus(set, status),
    historyToDelete: truncateHistory(set, input.pods, input.revisions, choice.current, choice.update),
    ...(requeueAfterMs === undefined ? {} : { requeueAfterMs }),
    ...(result.error === undefined ? {} : { error: result.error }),
  };
}

// The destructive half of a StatefulSet's RollingUpdate, as upstream's updateStatefulSet tail and
// updateStatefulSetAfterInvariantEstablished (pkg/controller/statefulset/stateful_set_control.go).
// Pods are deleted, highest ordinal first, down to the partition; the next sync recreates them at
// the update revision. Without MaxUnavailableStatefulSet (alpha, off by default in v1.34; beta
// from v1.35) one pod goes at a time and the walk stops at the first unavailable pod; with it, up
// to maxUnavailable pods may be unavailable at once.

import type { IntOrString, StatefulSet } from '../../core/workloads.ts';
import { podEvent } from './events.ts';
import { isTerminating, isUnavailable } from './health.ts';
import { REVISION_LABEL } from './identity.ts';
import type { Replica } from './replica-steps.ts';
import type { SyncContext } from './sync-context.ts';
import { scaledValue } from '../common/int-or-percent.ts';

export interface RollingUpdateResult {
  /** How many pods the walk deleted (upstream's status.CurrentReplicas--). */
  readonly deleted: number;
  readonly error?: string;
}

function revisionOf(replica: Replica): string {
  return replica.pod.metadata.labels?.[REVISION_LABEL] ?? '';
}

function unavailable(context: SyncContext, replica: Replica): boolean {
  return !replica.created || isUnavailable(replica.pod, context.minReadySeconds, context.nowMs);
}

function outdated(replica: Replica, updateRevision: string): boolean {
  return revisionOf(replica) !== updateRevision && !(replica.created && isTerminating(replica.pod));
}

/** A pod not created yet cannot be deleted; upstream's NotFound is ignored and still counted. */
function deleteReplica(context: SyncContext, replica: Replica): void {
  if (!replica.created) return;
  const record = podEvent(context.set, 'delete', replica.pod.metadata.name);
  context.actions.push({ type: 'deletePod', pod: replica.pod, record });
}

function partitionOf(set: StatefulSet): number {
  return set.spec.updateStrategy.rollingUpdate?.partition ?? 0;
}

/** The default walk: delete the highest outdated pod and stop, or stop at an unavailable one. */
export function rollOnePod(context: SyncContext, replicas: readonly Replica[], updateRevision: string): RollingUpdateResult {
  const updateMin = partitionOf(context.set);
  for (let target = replicas.length - 1; target >= updateMin; target--) {
    const replica = replicas[target] as Replica;
    if (outdated(replica, updateRevision)) {
      deleteReplica(context, replica);
      return { deleted: 1 };
    }
    if (unavailable(context, replica)) return { deleted: 0 };
  }
  return { deleted: 0 };
}

/** getStatefulSetMaxUnavailable: default 1, percentages rounded down, never below 1. */
export function statefulSetMaxUnavailable(maxUnavailable: IntOrString | undefined, replicas: number): number | string {
  const value = scaledValue(maxUnavailable ?? 1, replicas, false);
  return typeof value === 'string' ? value : Math.max(1, value);
}

/** updateStatefulSetAfterInvariantEstablished: delete up to maxUnavailable - unavailable outdated pods. */
export function rollWithMaxUnavailable(
  context: SyncContext,
  replicas: readonly Replica[],
  updateRevision: string,
): RollingUpdateResult {
  const rollingUpdate = context.set.spec.updateStrategy.rollingUpdate;
  const maxUnavailable =
    rollingUpdate === undefined ? 1 : statefulSetMaxUnavailable(rollingUpdate.maxUnavailable, context.set.spec.replicas);
  if (typeof maxUnavailable === 'string') return { deleted: 0, error: maxUnavailable };
  const unavailablePods = replicas.filter((replica) => unavailable(context, replica)).length;
  if (unavailablePods >= maxUnavailable) return { deleted: 0 };
  const toDelete = maxUnavailable - unavailablePods;
  let deleted = 0;
  for (let target = replicas.length - 1; target >= partitionOf(context.set) && deleted < toDelete; target--) {
    const replica = replicas[target] as Replica;
    if (!outdated(replica, updateRevision)) continue;
    deleteReplica(context, replica);
    deleted++;
  }
  return { deleted };
}

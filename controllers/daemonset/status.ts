// A DaemonSet's status, as upstream's updateDaemonSetStatus and storeDaemonSetStatus
// (pkg/controller/daemon/daemon_controller.go). Per node that should run the pod: scheduled when
// it has one; ready, available and updated judged on its oldest pod. A node that should not run
// the pod but has one counts as misscheduled.

import type { Node, Pod } from '../../core/objects.ts';
import type { DaemonSet, DaemonSetStatus } from '../../core/workloads.ts';
import { isPodReady } from '../common/pod-state.ts';
import { nodeShouldRunDaemonPod } from './eligibility.ts';
import { compareByCreation, type NodePods } from './manage.ts';
import { isPodAvailable } from './pod-availability.ts';
import { getTemplateGeneration, isPodUpdated } from './pod-template.ts';
import { withFields } from '../../core/with-fields.ts';

export interface DaemonSetCounts {
  readonly desiredNumberScheduled: number;
  readonly currentNumberScheduled: number;
  readonly numberMisscheduled: number;
  readonly numberReady: number;
  readonly updatedNumberScheduled: number;
  readonly numberAvailable: number;
  readonly numberUnavailable: number;
}

export function countDaemonPods(
  ds: DaemonSet,
  nodes: readonly Node[],
  byNode: NodePods,
  hash: string,
  nowMs: number,
): DaemonSetCounts {
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let updated = 0;
  let available = 0;
  const generation = getTemplateGeneration(ds);
  for (const node of nodes) {
    const pods = byNode.get(node.metadata.name) ?? [];
    if (!nodeShouldRunDaemonPod(node, ds).shouldRun) {
      if (pods.length > 0) misscheduled++;
      continue;
    }
    desired++;
    const oldest: Pod | undefined = [...pods].sort(compareByCreation)[0];
    if (oldest === undefined) continue;
    current++;
    if (isPodReady(oldest)) {
      ready++;
      if (isPodAvailable(oldest, ds.spec.minReadySeconds ?? 0, nowMs)) available++;
    }
    if (isPodUpdated(oldest, hash, generation)) updated++;
  }
  return {
    desiredNumberScheduled: desired,
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    numberReady: ready,
    updatedNumberScheduled: updated,
    numberAvailable: available,
    numberUnavailable: desired - available,
  };
}

/** storeDaemonSetStatus skips the write when every count agrees and the generation was observed. */
export function statusNeedsWrite(ds: DaemonSet, counts: DaemonSetCounts): boolean {
  const old = ds.status;
  return !(
    old.desiredNumberScheduled === counts.desiredNumberScheduled &&
    old.currentNumberScheduled === counts.currentNumberScheduled &&
    old.numberMisscheduled === counts.numberMisscheduled &&
    old.numberReady === counts.numberReady &&
    (old.updatedNumberScheduled ?? 0) === counts.updatedNumberScheduled &&
    (old.numberAvailable ?? 0) === counts.numberAvailable &&
    (old.numberUnavailable ?? 0) === counts.numberUnavailable &&
    (old.observedGeneration ?? 0) >= (ds.metadata.generation ?? 0)
  );
}

/**
 * The status written: the old one (collisionCount and conditions kept) with the counts, and the
 * generation observed when the sync processed it. Zero optional counts are left out.
 */
export function daemonSetStatus(ds: DaemonSet, counts: DaemonSetCounts, updateObservedGeneration: boolean): DaemonSetStatus {
  const { updatedNumberScheduled: _u, numberAvailable: _a, numberUnavailable: _n, observedGeneration, ...kept } = ds.status;
  const generation = updateObservedGeneration ? ds.metadata.generation : observedGeneration;
  return withFields(kept, generation === undefined || generation === 0 ? {} : { observedGeneration: generation }, {
    desiredNumberScheduled: counts.desiredNumberScheduled,
    currentNumberScheduled: counts.currentNumberScheduled,
    numberMisscheduled: counts.numberMisscheduled,
    numberReady: counts.numberReady,
    ...(counts.updatedNumberScheduled === 0 ? {} : { updatedNumberScheduled: counts.updatedNumberScheduled }),
    ...(counts.numberAvailable === 0 ? {} : { numberAvailable: counts.numberAvailable }),
    ...(counts.numberUnavailable === 0 ? {} : { numberUnavailable: counts.numberUnavailable }),
  });
}

/** updateDaemonSetStatus requeues after minReadySeconds while ready pods wait to become available. */
export function availabilityRequeueMs(ds: DaemonSet, counts: DaemonSetCounts): number | undefined {
  const minReadySeconds = ds.spec.minReadySeconds ?? 0;
  return minReadySeconds > 0 && counts.numberReady !== counts.numberAvailable ? minReadySeconds * 1000 : undefined;
}

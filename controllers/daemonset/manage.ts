// Which daemon pods to create and delete so every eligible node runs one, as upstream's
// getNodesToDaemonPods, podsShouldBeOnNode, manage, getUnscheduledPodsWithoutNode and syncNodes
// (pkg/controller/daemon/daemon_controller.go). Upstream walks nodes in lister order; we sort them
// by name so that the same cluster always gives the same plan.

import type { EventRecord } from '../../core/commands.ts';
import { fromTimestamp } from '../../core/clock.ts';
import type { Node, Pod } from '../../core/objects.ts';
import { compareStrings } from '../../core/table.ts';
import type { DaemonSet } from '../../core/workloads.ts';
import { isPodReady } from '../common/pod-state.ts';
import { nodeShouldRunDaemonPod } from './eligibility.ts';
import { failedDaemonPodEvent, succeededDaemonPodEvent } from './events.ts';
import {
  currentBackoffMs,
  type FailedPodBackoff,
  failedPodsBackoffKey,
  isInBackoff,
  nextBackoff,
} from './failed-pod-backoff.ts';
import { DAEMONSET_HASH_LABEL, getTargetNodeName } from './pod-template.ts';
import { isPodAvailable } from './pod-availability.ts';
import { allowsSurge } from './rolling-counts.ts';

export type NodePods = ReadonlyMap<string, readonly Pod[]>;

/**
 * getNodesToDaemonPods: the pods by the node they are on or bound for (spec.nodeName, else the
 * node affinity the controller set). Terminal pods already being deleted are left out unless
 * asked for; pods with no target node are skipped.
 */
export function nodeToDaemonPods(pods: readonly Pod[], includeDeletedTerminal: boolean): Map<string, Pod[]> {
  const byNode = new Map<string, Pod[]>();
  for (const pod of [...pods].sort((a, b) => compareStrings(a.metadata.name, b.metadata.name))) {
    const terminal = pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
    if (!includeDeletedTerminal && terminal && pod.metadata.deletionTimestamp !== undefined) continue;
    const nodeName = getTargetNodeName(pod);
    if (nodeName === undefined) continue;
    byNode.set(nodeName, [...(byNode.get(nodeName) ?? []), pod]);
  }
  return byNode;
}

/** podByCreationTimestampAndPhase: scheduled first, then oldest, then by name. */
export function compareByCreation(a: Pod, b: Pod): number {
  const aScheduled = (a.spec.nodeName ?? '') !== '';
  const bScheduled = (b.spec.nodeName ?? '') !== '';
  if (aScheduled !== bScheduled) return aScheduled ? -1 : 1;
  const created = fromTimestamp(a.metadata.creationTimestamp) - fromTimestamp(b.metadata.creationTimestamp);
  return created !== 0 ? created : compareStrings(a.metadata.name, b.metadata.name);
}

export interface NodeDecision {
  readonly create: boolean;
  readonly deletes: readonly Pod[];
  readonly events: readonly EventRecord[];
  /** Failed pods held back by the back-off: sync again after this delay. */
  readonly requeueAfterMs?: number;
  readonly backoff: FailedPodBackoff;
}

/** With surge, keep the oldest new pod and the oldest old pod until the new one is available. */
function surgePrune(ds: DaemonSet, running: readonly Pod[], hash: string, nowMs: number): Pod[] {
  const deletes: Pod[] = [];
  let oldestNew: Pod | undefined;
  let oldestOld: Pod | undefined;
  for (const pod of [...running].sort(compareByCreation)) {
    const isNew = pod.metadata.labels?.[DAEMONSET_HASH_LABEL] === hash;
    if (isNew && oldestNew === undefined) oldestNew = pod;
    else if (!isNew && oldestOld === undefined) oldestOld = pod;
    else deletes.push(pod);
  }
  if (oldestNew !== undefined && oldestOld !== undefined) {
    if (!isPodReady(oldestOld) || isPodAvailable(oldestNew, ds.spec.minReadySeconds ?? 0, nowMs)) deletes.push(oldestOld);
  }
  return deletes;
}

export function podsShouldBeOnNode(
  ds: DaemonSet,
  node: Node,
  daemonPods: readonly Pod[] | undefined,
  hash: string,
  nowMs: number,
  backoff: FailedPodBackoff,
): NodeDecision {
  const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
  const nodeName = node.metadata.name;
  if (shouldRun && daemonPods === undefined) return { create: true, deletes: [], events: [], backoff };
  if (!shouldContinueRunning) {
    const deletes = (daemonPods ?? []).filter((pod) => pod.metadata.deletionTimestamp === undefined);
    return { create: false, deletes, events: [], backoff };
  }
  const deletes: Pod[] = [];
  const events: EventRecord[] = [];
  const running: Pod[] = [];
  let state = backoff;
  let requeueAfterMs: number | undefined;
  const key = failedPodsBackoffKey(ds, nodeName);
  for (const pod of daemonPods ?? []) {
    if (pod.metadata.deletionTimestamp !== undefined) continue;
    if (pod.status.phase === 'Failed') {
      if (isInBackoff(state, key, nowMs)) {
        const delay = currentBackoffMs(state, key);
        requeueAfterMs = requeueAfterMs === undefined ? delay : Math.min(requeueAfterMs, delay);
        continue;
      }
      state = nextBackoff(state, key, nowMs);
      events.push(failedDaemonPodEvent(ds, pod, nodeName));
      deletes.push(pod);
    } else if (pod.status.phase === 'Succeeded') {
      events.push(succeededDaemonPodEvent(ds, pod, nodeName));
      deletes.push(pod);
    } else running.push(pod);
  }
  let create = false;
  if (!allowsSurge(ds)) {
    if (running.length > 1) deletes.push(...[...running].sort(compareByCreation).slice(1));
  } else if (running.length <= 1) {
    create = running.length === 0 && shouldRun;
  } else {
    deletes.push(...surgePrune(ds, running, hash, nowMs));
  }
  return { create, deletes, events, backoff: state, ...(requeueAfterMs === undefined ? {} : { requeueAfterMs }) };
}

export interface ManagePlan {
  readonly createOn: readonly string[];
  readonly deletes: readonly Pod[];
  readonly events: readonly EventRecord[];
  readonly requeueAfterMs?: number;
  readonly backoff: FailedPodBackoff;
}

/** getUnscheduledPodsWithoutNode: unbound pods meant for nodes that no longer exist. */
function orphanedUnscheduledPods(nodes: readonly Node[], byNode: NodePods): Pod[] {
  const known = new Set(nodes.map((node) => node.metadata.name));
  const pods: Pod[] = [];
  for (const [nodeName, nodePods] of [...byNode].sort(([a], [b]) => compareStrings(a, b))) {
    if (known.has(nodeName)) continue;
    pods.push(...nodePods.filter((pod) => (pod.spec.nodeName ?? '') === ''));
  }
  return pods;
}

/** manage: podsShouldBeOnNode on every node, then the orphaned unscheduled pods. */
export function manage(
  ds: DaemonSet,
  nodes: readonly Node[],
  byNode: NodePods,
  hash: string,
  nowMs: number,
  backoff: FailedPodBackoff,
): ManagePlan {
  const createOn: string[] = [];
  const deletes: Pod[] = [];
  const events: EventRecord[] = [];
  let state = backoff;
  let requeueAfterMs: number | undefined;
  for (const node of [...nodes].sort((a, b) => compareStrings(a.metadata.name, b.metadata.name))) {
    const decision = podsShouldBeOnNode(ds, node, byNode.get(node.metadata.name), hash, nowMs, state);
    if (decision.create) createOn.push(node.metadata.name);
    deletes.push(...decision.deletes);
    events.push(...decision.events);
    state = decision.backoff;
    if (decision.requeueAfterMs !== undefined) requeueAfterMs = Math.min(requeueAfterMs ?? Infinity, decision.requeueAfterMs);
  }
  deletes.push(...orphanedUnscheduledPods(nodes, byNode));
  return { createOn, deletes, events, backoff: state, ...(requeueAfterMs === undefined ? {} : { requeueAfterMs }) };
}

// Keeps the pod indexes in step with the pods table, the generic ones included. Every pod reducer
// goes through reindexPod with the pod before and after the event, so no event type can forget an
// index.

import { findCondition, keyOf, type Pod } from '../core/objects.ts';
import { reindexObject } from './object-indexes.ts';
import { placedNode, reindexPlacement } from './placed-pods.ts';
import { addUsage, NO_USAGE, podResources } from './pod-resources.ts';
import { type ClusterIndexes, TERMINATED, UNSCHEDULABLE, UNSCHEDULED } from './state.ts';

export function isTerminal(pod: Pod): boolean {
  return pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
}

function boundNode(pod: Pod | undefined): string | undefined {
  const nodeName = pod?.spec.nodeName;
  return nodeName === undefined || nodeName === '' ? undefined : nodeName;
}

function reindexNode(indexes: ClusterIndexes, key: string, before: Pod | undefined, after: Pod | undefined): ClusterIndexes {
  const nodeBefore = boundNode(before);
  const nodeAfter = boundNode(after);
  if (nodeBefore === nodeAfter && (before === undefined) === (after === undefined)) return indexes;
  let { podsByNode, unscheduledPods } = indexes;
  if (before !== undefined) {
    if (nodeBefore === undefined) unscheduledPods = unscheduledPods.remove(UNSCHEDULED, key);
    else podsByNode = podsByNode.remove(nodeBefore, key);
  }
  if (after !== undefined) {
    if (nodeAfter === undefined) unscheduledPods = unscheduledPods.add(UNSCHEDULED, key);
    else podsByNode = podsByNode.add(nodeAfter, key);
  }
  return { ...indexes, podsByNode, unscheduledPods };
}

function reindexUsage(indexes: ClusterIndexes, key: string, before: Pod | undefined, after: Pod | undefined): ClusterIndexes {
  const nodeBefore = placedNode(before);
  const nodeAfter = placedNode(after);
  if (nodeBefore === nodeAfter) return indexes;
  let { nodeUsage, podRequests } = indexes;
  const requests = podRequests.get(key) ?? podResources((after ?? before) as Pod);
  if (nodeBefore !== undefined) nodeUsage = nodeUsage.set(nodeBefore, addUsage(nodeUsage.get(nodeBefore) ?? NO_USAGE, requests, -1));
  if (nodeAfter !== undefined) nodeUsage = nodeUsage.set(nodeAfter, addUsage(nodeUsage.get(nodeAfter) ?? NO_USAGE, requests, 1));
  if (podRequests.get(key) === undefined) podRequests = podRequests.set(key, requests);
  return { ...indexes, nodeUsage, podRequests };
}

/** An unbound pod whose last scheduling attempt failed: the scheduler retries these on cluster changes. */
export function failedScheduling(pod: Pod | undefined): boolean {
  if (pod === undefined || boundNode(pod) !== undefined) return false;
  const condition = findCondition(pod.status.conditions, 'PodScheduled');
  return condition?.status === 'False' && condition.reason === 'Unschedulable';
}

function reindexUnschedulable(indexes: ClusterIndexes, key: string, before: Pod | undefined, after: Pod | undefined): ClusterIndexes {
  const was = failedScheduling(before);
  const is = failedScheduling(after);
  if (was === is) return indexes;
  const unscheduledPods = is ? indexes.unscheduledPods.add(UNSCHEDULABLE, key) : indexes.unscheduledPods.remove(UNSCHEDULABLE, key);
  return { ...indexes, unscheduledPods };
}

/** The node and address a pod holds: from its kubelet's first report until it is terminal or gone. */
function heldAddress(pod: Pod | undefined): string | undefined {
  const node = placedNode(pod);
  const ip = pod?.status.podIP;
  return node === undefined || ip === undefined ? undefined : `${node} ${ip}`;
}

function reindexAddress(indexes: ClusterIndexes, before: Pod | undefined, after: Pod | undefined): ClusterIndexes {
  const held = heldAddress(before);
  const holds = heldAddress(after);
  if (held === holds) return indexes;
  let podIPsByNode = indexes.podIPsByNode;
  if (held !== undefined) podIPsByNode = podIPsByNode.remove(held.slice(0, held.indexOf(' ')), held.slice(held.indexOf(' ') + 1));
  if (holds !== undefined) podIPsByNode = podIPsByNode.add(holds.slice(0, holds.indexOf(' ')), holds.slice(holds.indexOf(' ') + 1));
  return { ...indexes, podIPsByNode };
}

/** Terminated pods (Succeeded or Failed), for the pod garbage collector's threshold. */
function reindexTerminated(indexes: ClusterIndexes, key: string, before: Pod | undefined, after: Pod | undefined): ClusterIndexes {
  const was = before !== undefined && isTerminal(before);
  const is = after !== undefined && isTerminal(after);
  if (was === is) return indexes;
  const terminatedPods = is ? indexes.terminatedPods.add(TERMINATED, key) : indexes.terminatedPods.remove(TERMINATED, key);
  return { ...indexes, terminatedPods };
}

export function reindexPod(indexes: ClusterIndexes, before: Pod | undefined, after: Pod | undefined): ClusterIndexes {
  const pod = after ?? before;
  if (pod === undefined) return indexes;
  const key = keyOf(pod);
  let next = indexes;
  if (before === undefined && after !== undefined) {
    next = { ...next, podRequests: next.podRequests.set(key, podResources(after)) };
  }
  next = reindexNode(next, key, before, after);
  next = reindexUsage(next, key, before, after);
  next = reindexObject(next, 'Pod', before, after);
  next = reindexAddress(next, before, after);
  next = reindexUnschedulable(next, key, before, after);
  next = reindexPlacement(next, before, after);
  next = reindexTerminated(next, key, before, after);
  if (after === undefined) next = { ...next, podRequests: next.podRequests.delete(key) };
  return next;
}

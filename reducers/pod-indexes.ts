// Keeps the pod indexes in step with the pods table. Every pod reducer goes through reindexPod
// with the pod before and after the event, so no event type can forget an index.

import { controllerOf, keyOf, type Pod } from '../core/objects.ts';
import { addUsage, NO_USAGE, podResources } from './pod-resources.ts';
import { type ClusterIndexes, UNSCHEDULED } from './state.ts';

export function isTerminal(pod: Pod): boolean {
  return pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
}

/** A pod holds its requests on a node from binding until it is terminal or gone, as the scheduler's cache counts it. */
function usesNode(pod: Pod | undefined): string | undefined {
  const nodeName = pod?.spec.nodeName;
  return pod !== undefined && nodeName !== undefined && nodeName !== '' && !isTerminal(pod) ? nodeName : undefined;
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
  const nodeBefore = usesNode(before);
  const nodeAfter = usesNode(after);
  if (nodeBefore === nodeAfter) return indexes;
  let { nodeUsage, podRequests } = indexes;
  const requests = podRequests.get(key) ?? podResources((after ?? before) as Pod);
  if (nodeBefore !== undefined) nodeUsage = nodeUsage.set(nodeBefore, addUsage(nodeUsage.get(nodeBefore) ?? NO_USAGE, requests, -1));
  if (nodeAfter !== undefined) nodeUsage = nodeUsage.set(nodeAfter, addUsage(nodeUsage.get(nodeAfter) ?? NO_USAGE, requests, 1));
  if (podRequests.get(key) === undefined) podRequests = podRequests.set(key, requests);
  return { ...indexes, nodeUsage, podRequests };
}

function reindexOwner(indexes: ClusterIndexes, key: string, before: Pod | undefined, after: Pod | undefined): ClusterIndexes {
  const ownerBefore = before === undefined ? undefined : controllerOf(before)?.uid;
  const ownerAfter = after === undefined ? undefined : controllerOf(after)?.uid;
  if (ownerBefore === ownerAfter) return indexes;
  let podsByOwner = indexes.podsByOwner;
  if (ownerBefore !== undefined) podsByOwner = podsByOwner.remove(ownerBefore, key);
  if (ownerAfter !== undefined) podsByOwner = podsByOwner.add(ownerAfter, key);
  return { ...indexes, podsByOwner };
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
  next = reindexOwner(next, key, before, after);
  if (after === undefined) next = { ...next, podRequests: next.podRequests.delete(key) };
  return next;
}

// Invariants that must hold at every revision. Property tests call checkInvariants after every
// event; it returns what is broken, in words, rather than throwing, so a failure names them all.

import { controllerOf, findCondition, keyOf, type KubeObject, type Pod } from '../core/objects.ts';
import { dependentRef, kindGroup, labelGroup } from './object-indexes.ts';
import { EVENT_KIND } from './recorded-events.ts';
import { auditPodIndexes } from './pod-index-audit.ts';
import { addUsage, NO_USAGE, type NodeUsage } from './pod-resources.ts';
import { isTerminal } from './pod-indexes.ts';
import type { ClusterState } from './state.ts';

/**
 * A pod created with spec.nodeName never met the scheduler: until its kubelet admits it (or
 * refuses it, as OutOfcpu, say), it may not fit, as on a real cluster. It counts once admitted.
 */
function awaitsAdmission(pod: Pod): boolean {
  return pod.status.startTime === undefined && findCondition(pod.status.conditions, 'PodScheduled') === undefined;
}

/** The node's usage, less the pods placed by spec.nodeName that its kubelet has not admitted yet. */
function admittedUsage(state: ClusterState, name: string): NodeUsage {
  let usage = state.indexes.nodeUsage.get(name) ?? NO_USAGE;
  for (const key of state.indexes.podsByNode.members(name)) {
    const pod = state.pods.get(key);
    const requests = state.indexes.podRequests.get(key);
    if (pod !== undefined && requests !== undefined && !isTerminal(pod) && awaitsAdmission(pod)) usage = addUsage(usage, requests, -1);
  }
  return usage;
}

function overcommitted(state: ClusterState): string[] {
  const problems: string[] = [];
  for (const name of state.nodes.sortedKeys()) {
    const usage = admittedUsage(state, name);
    const allocatable = state.indexes.nodeAllocatable.get(name);
    if (allocatable === undefined) continue;
    if (usage.cpuMilli > allocatable.cpuMilli) problems.push(`node ${name}: requested cpu ${usage.cpuMilli}m > allocatable ${allocatable.cpuMilli}m`);
    if (usage.memoryBytes > allocatable.memoryBytes) problems.push(`node ${name}: requested memory ${usage.memoryBytes} > allocatable ${allocatable.memoryBytes}`);
    if (usage.pods > allocatable.pods) problems.push(`node ${name}: ${usage.pods} pods > allocatable ${allocatable.pods}`);
    if (usage.ephemeralStorageBytes > allocatable.ephemeralStorageBytes) problems.push(`node ${name}: requested ephemeral-storage ${usage.ephemeralStorageBytes} > allocatable ${allocatable.ephemeralStorageBytes}`);
    for (const [resource, requested] of Object.entries(usage.scalar)) {
      const available = allocatable.scalar[resource] ?? 0;
      if (requested > available) problems.push(`node ${name}: requested ${resource} ${requested} > allocatable ${available}`);
    }
  }
  return problems;
}

/** Where the generic indexes should file one object; each missing entry is one problem. */
function misfiled(state: ClusterState, kind: string, object: KubeObject): string[] {
  const { indexes } = state;
  const key = keyOf(object);
  const namespace = object.metadata.namespace ?? '';
  const problems: string[] = [];
  const controller = controllerOf(object)?.uid;
  const filed = controller === undefined ? indexes.orphans.has(kindGroup(kind, namespace), key) : indexes.controllees.has(kindGroup(kind, controller), key);
  if (!filed) problems.push(`${kind} ${key} is missing from the ${controller === undefined ? 'orphans' : 'controllees'} index`);
  if (!indexes.byNamespace.has(kindGroup(kind, namespace), key)) problems.push(`${kind} ${key} is missing from the namespace index`);
  for (const owner of object.metadata.ownerReferences ?? []) {
    if (!indexes.dependents.has(owner.uid, dependentRef(kind, key))) problems.push(`${kind} ${key} is missing from the dependents of ${owner.uid}`);
  }
  for (const [label, value] of Object.entries(object.metadata.labels ?? {})) {
    if (!indexes.byLabel.has(labelGroup(kind, namespace, label, value), key)) problems.push(`${kind} ${key} is missing from the label index (${label}=${value})`);
  }
  return problems;
}

/** Audits the generic indexes of every object of every kind, and that they hold nothing else. */
function staleObjectIndexes(state: ClusterState): string[] {
  const problems: string[] = [];
  let filed = 0;
  const audit = (kind: string, objects: Iterable<KubeObject>) => {
    for (const object of objects) {
      problems.push(...misfiled(state, kind, object));
      filed++;
    }
  };
  audit('Pod', state.pods.values());
  audit('Node', state.nodes.values());
  for (const kind of state.objects.sortedKeys()) {
    if (kind !== EVENT_KIND) audit(kind, state.objects.get(kind)?.values() ?? []);
  }
  const namespaced = state.indexes.byNamespace.groupNames().reduce((sum, group) => sum + state.indexes.byNamespace.count(group), 0);
  if (namespaced !== filed) problems.push(`the namespace index holds ${namespaced} objects, the tables ${filed}`);
  return problems;
}

/**
 * An object marked for deletion is only kept for its finalizers, or (a pod) while its grace
 * period runs; one with neither should have gone.
 */
function lingeringDeletions(state: ClusterState): string[] {
  const problems: string[] = [];
  const check = (kind: string, object: KubeObject) => {
    const { deletionTimestamp, finalizers, deletionGracePeriodSeconds } = object.metadata;
    if (deletionTimestamp === undefined || (finalizers ?? []).length > 0) return;
    if (kind === 'Pod' && (deletionGracePeriodSeconds ?? 0) > 0) return;
    problems.push(`${kind} ${keyOf(object)} is marked for deletion with no finalizer left but was not deleted`);
  };
  for (const pod of state.pods.values()) check('Pod', pod);
  for (const kind of state.objects.sortedKeys()) for (const object of state.objects.get(kind)?.values() ?? []) check(kind, object);
  return problems;
}

/** Everything wrong with the state; empty when it is sound. `deep` also audits the indexes (O(objects)). */
export function checkInvariants(state: ClusterState, options: { deep?: boolean } = {}): string[] {
  const deep = options.deep ? [...auditPodIndexes(state), ...staleObjectIndexes(state), ...lingeringDeletions(state)] : [];
  // Pods bound to a node that was deleted stay until the pod garbage collector removes them, as upstream's do.
  return [...overcommitted(state), ...deep];
}

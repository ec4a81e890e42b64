// Cluster state: an immutable value folded from the log. Collections are persistent Tables, so
// each revision shares almost everything with the one before. The indexes are kept by the
// reducers so that controllers pay for what a change touches, never for a scan of every pod.

import type { KubeObject, Node, Pod } from '../core/objects.ts';
import { SetIndex, Table } from '../core/table.ts';
import type { LabelSet } from './placed-pods.ts';
import type { Allocatable, NodeUsage, PodResources } from './pod-resources.ts';

export interface ClusterState {
  /** The revision of the last event folded in (etcd's revision). */
  readonly rev: number;
  /** The virtual time of the last event folded in, in ms. */
  readonly timeMs: number;
  /** Keyed by name. */
  readonly nodes: Table<Node>;
  /** Keyed by "namespace/name". */
  readonly pods: Table<Pod>;
  /**
   * Every other kind, one table per kind, each keyed by "namespace/name" (or "name" for
   * cluster-scoped kinds): Namespaces, ReplicaSets, Deployments, Events, ConfigMaps, ...
   */
  readonly objects: Table<Table<KubeObject>>;
  readonly indexes: ClusterIndexes;
}

/**
 * Generic indexes hold every kind but Event; their groups name the kind, so one index serves all.
 * Members are table keys ("namespace/name").
 */
export interface ClusterIndexes {
  /** "Kind:controllerUid" to the objects of that kind whose controller reference names the uid. */
  readonly controllees: SetIndex;
  /** Owner uid to "Kind:key" of every object with an owner reference to it (controller or not). */
  readonly dependents: SetIndex;
  /** "Kind:namespace" to the objects of that kind with no controller reference (adoption candidates). */
  readonly orphans: SetIndex;
  /** "Kind:namespace" to the objects of that kind in the namespace. */
  readonly byNamespace: SetIndex;
  /** "Kind:namespace:key=value" to the objects of that kind carrying that label. */
  readonly byLabel: SetIndex;
  /** Involved object uid to the keys of the Events about it. */
  readonly eventsByObject: SetIndex;
  /** An Event's identity (object, type, reason, message, source) to its key, to count repeats. */
  readonly eventsByIdentity: Table<string>;
  /** Node name to the keys of the pods bound to it. */
  readonly podsByNode: SetIndex;
  /** Node name to the pod IPs held there by pods that are not terminal (for IP allocation). */
  readonly podIPsByNode: SetIndex;
  /**
   * Group UNSCHEDULED holds the keys of pods that no node has been chosen for yet; group
   * UNSCHEDULABLE those of them whose last scheduling attempt failed (PodScheduled False,
   * reason Unschedulable).
   */
  readonly unscheduledPods: SetIndex;
  /** Group "" holds the keys of pods that have terminated (Succeeded or Failed). */
  readonly terminatedPods: SetIndex;
  /** Requests of every pod, computed once when the pod is created. */
  readonly podRequests: Table<PodResources>;
  /** Summed requests of the non-terminal pods bound to each node. */
  readonly nodeUsage: Table<NodeUsage>;
  /** Each node's allocatable resources, parsed once. */
  readonly nodeAllocatable: Table<Allocatable>;
  /** Placed pods (bound, not terminal) grouped by namespace and exact labels, counted per node. */
  readonly labelSets: Table<LabelSet>;
  /** "namespace\u0000key=value" to the label sets carrying that pair. */
  readonly labelSetsByPair: SetIndex;
  /** Namespace to its label sets. */
  readonly labelSetsByNamespace: SetIndex;
  /** Placed pods with pod affinity or anti-affinity terms, and those with required anti-affinity. */
  readonly affinityPods: SetIndex;
  /** Node name to the placed pods there that ask for host ports. */
  readonly hostPortPodsByNode: SetIndex;
}

export const UNSCHEDULED = '';
export const UNSCHEDULABLE = 'unschedulable';
export const TERMINATED = '';

export function emptyState(): ClusterState {
  return {
    rev: 0,
    timeMs: 0,
    nodes: Table.empty(),
    pods: Table.empty(),
    objects: Table.empty(),
    indexes: {
      controllees: SetIndex.empty(),
      dependents: SetIndex.empty(),
      orphans: SetIndex.empty(),
      byNamespace: SetIndex.empty(),
      byLabel: SetIndex.empty(),
      eventsByObject: SetIndex.empty(),
      eventsByIdentity: Table.empty(),
      podsByNode: SetIndex.empty(),
      podIPsByNode: SetIndex.empty(),
      unscheduledPods: SetIndex.empty(),
      terminatedPods: SetIndex.empty(),
      podRequests: Table.empty(),
      nodeUsage: Table.empty(),
      nodeAllocatable: Table.empty(),
      labelSets: Table.empty(),
      labelSetsByPair: SetIndex.empty(),
      labelSetsByNamespace: SetIndex.empty(),
      affinityPods: SetIndex.empty(),
      hostPortPodsByNode: SetIndex.empty(),
    },
  };
}

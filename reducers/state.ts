// Cluster state: an immutable value folded from the log. Collections are persistent Tables, so
// each revision shares almost everything with the one before. The indexes are kept by the
// reducers so that controllers pay for what a change touches, never for a scan of every pod.

import type { KubeObject, Namespace, Node, Pod, ReplicaSet } from '../core/objects.ts';
import { SetIndex, Table } from '../core/table.ts';
import type { Allocatable, NodeUsage, PodResources } from './pod-resources.ts';

export interface ClusterState {
  /** The revision of the last event folded in (etcd's revision). */
  readonly rev: number;
  /** The virtual time of the last event folded in, in ms. */
  readonly timeMs: number;
  /** Keyed by name. */
  readonly namespaces: Table<Namespace>;
  /** Keyed by name. */
  readonly nodes: Table<Node>;
  /** Keyed by "namespace/name". */
  readonly pods: Table<Pod>;
  /** Keyed by "namespace/name". */
  readonly replicaSets: Table<ReplicaSet>;
  /** Every other kind, kept as given, keyed by "Kind/namespace/name" (or "Kind/name"). */
  readonly objects: Table<KubeObject>;
  readonly indexes: ClusterIndexes;
}

export interface ClusterIndexes {
  /** Node name to the keys of the pods bound to it. */
  readonly podsByNode: SetIndex;
  /** Controller owner uid to the keys of the pods it controls. */
  readonly podsByOwner: SetIndex;
  /** Node name to the pod IPs held there by pods that are not terminal (for IP allocation). */
  readonly podIPsByNode: SetIndex;
  /** Namespace to the keys of its pods that have no controller owner (upstream's OrphanPodIndexKey). */
  readonly orphanPods: SetIndex;
  /** Group "" holds the keys of pods that no node has been chosen for yet. */
  readonly unscheduledPods: SetIndex;
  /** Requests of every pod, computed once when the pod is created. */
  readonly podRequests: Table<PodResources>;
  /** Summed requests of the non-terminal pods bound to each node. */
  readonly nodeUsage: Table<NodeUsage>;
  /** Each node's allocatable resources, parsed once. */
  readonly nodeAllocatable: Table<Allocatable>;
}

export const UNSCHEDULED = '';

export function otherObjectKey(kind: string, namespace: string | undefined, name: string): string {
  return namespace === undefined || namespace === '' ? `${kind}/${name}` : `${kind}/${namespace}/${name}`;
}

export function emptyState(): ClusterState {
  return {
    rev: 0,
    timeMs: 0,
    namespaces: Table.empty(),
    nodes: Table.empty(),
    pods: Table.empty(),
    replicaSets: Table.empty(),
    objects: Table.empty(),
    indexes: {
      podsByNode: SetIndex.empty(),
      podsByOwner: SetIndex.empty(),
      orphanPods: SetIndex.empty(),
      podIPsByNode: SetIndex.empty(),
      unscheduledPods: SetIndex.empty(),
      podRequests: Table.empty(),
      nodeUsage: Table.empty(),
      nodeAllocatable: Table.empty(),
    },
  };
}

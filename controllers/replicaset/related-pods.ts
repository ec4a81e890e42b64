// The rank used when choosing pods to delete: how many active related pods share a pod's node.
// Upstream (getIndirectlyRelatedPods in pkg/controller/replicaset/replica_set.go) counts the pods of
// every ReplicaSet with the same controller owner as this one, so the ReplicaSets of one Deployment
// thin out crowded nodes first. A ReplicaSet without a controller owner has no related ReplicaSets
// there, and every rank is 0; we keep that. Upstream lists each related ReplicaSet's pods by its
// selector; we take the pods each one controls from the controllees index, which is the same set
// whenever selectors do not overlap, as a Deployment's pod-template-hash label ensures.

import { controllerOf, type Pod, type ReplicaSet } from '../../core/objects.ts';
import { controlledObjects } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { isPodActive } from '../common/pod-state.ts';
import { type OwnedKeys, ownedKeysOf } from './owned-keys.ts';

function siblings(state: ClusterState, rs: ReplicaSet): ReplicaSet[] {
  const owner = controllerOf(rs);
  if (owner === undefined) return [];
  return controlledObjects<ReplicaSet>(state, rs.kind, owner.uid).filter((other) => other.metadata.namespace === rs.metadata.namespace);
}

/** Active related pods per node name ("" for unassigned pods, as upstream's map counts them too). */
export function relatedPodsPerNode(state: ClusterState, rs: ReplicaSet, ownedKeys: OwnedKeys = ownedKeysOf): ReadonlyMap<string, number> {
  const perNode = new Map<string, number>();
  for (const sibling of siblings(state, rs)) {
    for (const key of ownedKeys(state, sibling.metadata.uid)) {
      const pod = state.pods.get(key);
      if (pod === undefined || !isPodActive(pod)) continue;
      const node = pod.spec.nodeName ?? '';
      perNode.set(node, (perNode.get(node) ?? 0) + 1);
    }
  }
  return perNode;
}

export function rankByRelatedPods(perNode: ReadonlyMap<string, number>): (pod: Pod) => number {
  return (pod) => perNode.get(pod.spec.nodeName ?? '') ?? 0;
}

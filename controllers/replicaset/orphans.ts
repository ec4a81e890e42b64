// Pods without a controller owner, which a ReplicaSet may adopt: one lookup in the reducers'
// orphan index (upstream files orphans under OrphanPodIndexKey for the same reason).

import type { Pod } from '../../core/objects.ts';
import type { ClusterState } from '../../reducers/state.ts';

/** The orphan pods of one namespace, sorted by key. */
export function orphanPodsIn(state: ClusterState, namespace: string): Pod[] {
  const orphans: Pod[] = [];
  for (const key of state.indexes.orphanPods.members(namespace)) {
    const pod = state.pods.get(key);
    if (pod !== undefined) orphans.push(pod);
  }
  return orphans;
}

// Which pods a ReplicaSet manages: upstream's ClaimPods over the active pods (FilterActivePods
// first, so terminal and terminating pods are neither counted nor released).

import type { Pod, ReplicaSet } from '../../core/objects.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { type Claim, claimObjects } from '../common/claim.ts';
import { labelMatcher } from '../common/label-matcher.ts';
import { isPodActive } from '../common/pod-state.ts';
import { type OwnedKeys, ownedKeysOf } from './owned-keys.ts';

export function claimPods(state: ClusterState, rs: ReplicaSet, ownedKeys: OwnedKeys = ownedKeysOf): Claim<Pod> {
  return claimObjects<Pod>(state, 'Pod', rs, labelMatcher(rs.spec.selector), {
    consider: isPodActive,
    controlled: ownedKeys(state, rs.metadata.uid),
  });
}

/** The ReplicaSet's own pods in its namespace, sorted by key, from the controllees index. */
export function ownedPods(state: ClusterState, rs: ReplicaSet, ownedKeys: OwnedKeys = ownedKeysOf): Pod[] {
  const pods: Pod[] = [];
  for (const key of ownedKeys(state, rs.metadata.uid)) {
    const pod = state.pods.get(key);
    if (pod !== undefined && pod.metadata.namespace === rs.metadata.namespace) pods.push(pod);
  }
  return pods;
}

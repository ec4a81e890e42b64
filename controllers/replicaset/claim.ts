// Which pods a ReplicaSet manages, as upstream's PodControllerRefManager.ClaimPods
// (pkg/controller/controller_ref_manager.go) decides over the active pods: its own pods that still
// match the selector are kept, its own pods that no longer match are released, and orphans that
// match are adopted. A ReplicaSet being deleted neither adopts nor releases.

import type { OwnerReference, Pod, ReplicaSet } from '../../core/objects.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { orphanPodsIn } from './orphans.ts';
import { type OwnedKeys, ownedKeysOf } from './owned-keys.ts';
import { isPodActive } from './pod-state.ts';
import { labelMatcher } from './selector.ts';

export interface Claim {
  /** The active pods the ReplicaSet manages after this sync: kept and adopted. */
  readonly pods: readonly Pod[];
  readonly adopt: readonly Pod[];
  readonly release: readonly Pod[];
}

/** metav1.NewControllerRef for a ReplicaSet. */
export function controllerRefTo(rs: ReplicaSet): OwnerReference {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    name: rs.metadata.name,
    uid: rs.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** The ReplicaSet's own pods in its namespace, sorted by key, from the pods-by-owner index. */
export function ownedPods(state: ClusterState, rs: ReplicaSet, ownedKeys: OwnedKeys = ownedKeysOf): Pod[] {
  const pods: Pod[] = [];
  for (const key of ownedKeys(state, rs.metadata.uid)) {
    const pod = state.pods.get(key);
    if (pod !== undefined && pod.metadata.namespace === rs.metadata.namespace) pods.push(pod);
  }
  return pods;
}

function isBeingDeleted(rs: ReplicaSet): boolean {
  return rs.metadata.deletionTimestamp !== undefined;
}

/** Orphans are only looked for when adoption is possible at all. */
function adoptable(state: ClusterState, rs: ReplicaSet, matches: (pod: Pod) => boolean): Pod[] {
  if (isBeingDeleted(rs)) return [];
  return orphanPodsIn(state, rs.metadata.namespace ?? '').filter((pod) => isPodActive(pod) && matches(pod));
}

export function claimPods(state: ClusterState, rs: ReplicaSet, ownedKeys: OwnedKeys = ownedKeysOf): Claim {
  const selects = labelMatcher(rs.spec.selector);
  const matches = (pod: Pod) => selects(pod.metadata.labels);
  const kept: Pod[] = [];
  const release: Pod[] = [];
  for (const pod of ownedPods(state, rs, ownedKeys)) {
    if (!isPodActive(pod)) continue;
    if (matches(pod)) kept.push(pod);
    else if (!isBeingDeleted(rs)) release.push(pod);
  }
  const adopt = adoptable(state, rs, matches);
  return { pods: adopt.length === 0 ? kept : [...kept, ...adopt], adopt, release };
}

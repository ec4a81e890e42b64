// The sorted keys of the pods each ReplicaSet controls, remembered while the controllees index is
// the same value. Status reports (the most frequent reason to sync) leave that index untouched,
// so most syncs reuse the sorted list instead of copying and sorting a thousand keys again. The
// memo only ever returns what the index would, so reconcile stays a function of its inputs; it
// lives in one controller instance and holds one entry per ReplicaSet uid.

import type { SetIndex } from '../../core/table.ts';
import { controlledKeys } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';

export type OwnedKeys = (state: ClusterState, ownerUid: string) => readonly string[];

export function memoizedOwnedKeys(): OwnedKeys {
  const cache = new Map<string, { readonly index: SetIndex; readonly keys: readonly string[] }>();
  return (state, ownerUid) => {
    const index = state.indexes.controllees;
    const hit = cache.get(ownerUid);
    if (hit !== undefined && hit.index === index) return hit.keys;
    const keys = controlledKeys(state, 'Pod', ownerUid);
    cache.set(ownerUid, { index, keys });
    return keys;
  };
}

/** No memo: for callers outside a controller instance. */
export const ownedKeysOf: OwnedKeys = (state, ownerUid) => controlledKeys(state, 'Pod', ownerUid);

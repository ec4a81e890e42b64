// Which objects of a kind a controller manages, as upstream's ControllerRefManager.ClaimObject
// (pkg/controller/controller_ref_manager.go) decides: its own that still match the selector are
// kept, its own that no longer match are released, and orphans that match are adopted. An owner
// being deleted neither adopts nor releases, and an object being deleted is never adopted. The
// candidates come from the reducers' indexes (what the owner controls, the namespace's orphans),
// never from a scan of the kind.

import type { Command } from '../../core/commands.ts';
import type { Labels } from '../../core/labels.ts';
import type { KubeObject, OwnerReference } from '../../core/objects.ts';
import { controlledKeys, kindTable, orphanObjects } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';

export interface Claim<T extends KubeObject> {
  /** The objects the owner manages after this sync: kept and adopted. */
  readonly owned: readonly T[];
  readonly adopt: readonly T[];
  readonly release: readonly T[];
}

export interface ClaimOptions<T extends KubeObject> {
  /** Only these count at all (upstream's FilterActivePods before ClaimPods, say). */
  readonly consider?: (object: T) => boolean;
  /** The sorted keys of the objects the owner controls; a memo may stand in for the index. */
  readonly controlled?: readonly string[];
}

export function claimObjects<T extends KubeObject>(
  state: ClusterState,
  kind: string,
  owner: KubeObject,
  selects: (labels: Labels | undefined) => boolean,
  options: ClaimOptions<T> = {},
): Claim<T> {
  const consider = options.consider ?? (() => true);
  const ownerDeleting = owner.metadata.deletionTimestamp !== undefined;
  const table = kindTable<T>(state, kind);
  const kept: T[] = [];
  const release: T[] = [];
  for (const key of options.controlled ?? controlledKeys(state, kind, owner.metadata.uid)) {
    const object = table.get(key);
    if (object === undefined || object.metadata.namespace !== owner.metadata.namespace || !consider(object)) continue;
    if (selects(object.metadata.labels)) kept.push(object);
    else if (!ownerDeleting) release.push(object);
  }
  const adopt = ownerDeleting
    ? []
    : orphanObjects<T>(state, kind, owner.metadata.namespace ?? '').filter(
        (object) => object.metadata.deletionTimestamp === undefined && consider(object) && selects(object.metadata.labels),
      );
  return { owned: adopt.length === 0 ? kept : [...kept, ...adopt], adopt, release };
}

/** The requests that carry a claim out: releases first, then adoptions, as ClaimObject issues them. */
export function claimCommands(actor: string, claim: Claim<KubeObject>, ownerRef: OwnerReference): Command[] {
  const target = (object: KubeObject) => ({
    actor,
    kind: object.kind,
    ...(object.metadata.namespace === undefined ? {} : { namespace: object.metadata.namespace }),
    name: object.metadata.name,
    resourceVersion: object.metadata.resourceVersion,
  });
  return [
    ...claim.release.map((object): Command => ({ type: 'release', ...target(object), ownerUid: ownerRef.uid })),
    ...claim.adopt.map((object): Command => ({ type: 'adopt', ...target(object), owner: ownerRef })),
  ];
}

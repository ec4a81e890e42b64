// How the garbage collector sees an object's owner references, as upstream's classifyReferences
// (pkg/controller/garbagecollector/garbagecollector.go): an owner that exists with that uid and is
// not being deleted in the foreground is solid; one that is gone (or is another object by now) is
// dangling; one deleting in the foreground waits for its dependents to go.

import type { KubeObject, OwnerReference } from '../../core/objects.ts';
import { lookupObject } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';

export const FOREGROUND_FINALIZER = 'foregroundDeletion';
export const ORPHAN_FINALIZER = 'orphan';

export interface ClassifiedOwners {
  readonly solid: readonly OwnerReference[];
  readonly dangling: readonly OwnerReference[];
  readonly waitingForDependentsDeletion: readonly OwnerReference[];
}

/** The owner a reference names: in the dependent's namespace, else cluster-scoped; the uid must agree. */
export function resolveOwner(state: ClusterState, dependent: KubeObject, ref: OwnerReference): KubeObject | undefined {
  const owner = lookupObject(state, ref.kind, dependent.metadata.namespace, ref.name) ?? lookupObject(state, ref.kind, undefined, ref.name);
  return owner?.metadata.uid === ref.uid ? owner : undefined;
}

export function isDeletingDependents(object: KubeObject): boolean {
  return object.metadata.deletionTimestamp !== undefined && (object.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER);
}

export function classifyOwners(state: ClusterState, dependent: KubeObject): ClassifiedOwners {
  const solid: OwnerReference[] = [];
  const dangling: OwnerReference[] = [];
  const waiting: OwnerReference[] = [];
  for (const ref of dependent.metadata.ownerReferences ?? []) {
    const owner = resolveOwner(state, dependent, ref);
    if (owner === undefined) dangling.push(ref);
    else if (isDeletingDependents(owner)) waiting.push(ref);
    else solid.push(ref);
  }
  return { solid, dangling, waitingForDependentsDeletion: waiting };
}

/** True when the garbage collector has something to decide about the object's owners. */
export function needsAttention(state: ClusterState, object: KubeObject): boolean {
  const { dangling, waitingForDependentsDeletion } = classifyOwners(state, object);
  return dangling.length > 0 || waitingForDependentsDeletion.length > 0;
}

// Controller references, as metav1.NewControllerRef writes them: the owner's identity with
// controller and blockOwnerDeletion set, so the garbage collector and foreground deletion see
// which object controls which.

import type { EventRecord } from '../../core/commands.ts';
import type { KubeObject, OwnerReference } from '../../core/objects.ts';

export function controllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** An Event about `object`, for a command's `record` (the recorder's Eventf). */
export function eventAbout(object: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): EventRecord {
  const { namespace, name, uid, resourceVersion } = object.metadata;
  return {
    involvedObject: {
      apiVersion: object.apiVersion,
      kind: object.kind,
      ...(namespace === undefined ? {} : { namespace }),
      name,
      uid,
      ...(resourceVersion === undefined ? {} : { resourceVersion }),
    },
    type,
    reason,
    message,
  };
}

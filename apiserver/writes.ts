// The events that record a write, by kind family: pods and nodes have event types of their own,
// every other kind goes through the generic object events. Admission decides; these only name.

import type { EventBody } from '../core/events.ts';
import type { KubeObject, Node, Pod } from '../core/objects.ts';

export function createdEvent(object: KubeObject): EventBody {
  switch (object.kind) {
    case 'Pod':
      return { type: 'pod/created', object: object as Pod };
    case 'Node':
      return { type: 'node/joined', object: object as Node };
    default:
      return { type: 'object/created', object };
  }
}

export function updatedEvent(object: KubeObject): EventBody {
  switch (object.kind) {
    case 'Pod':
      return { type: 'pod/updated', object: object as Pod };
    case 'Node':
      return { type: 'node/updated', object: object as Node };
    default:
      return { type: 'object/updated', object };
  }
}

export function deletedEvent(kind: string, namespace: string | undefined, name: string): EventBody {
  switch (kind) {
    case 'Pod':
      return { type: 'pod/deleted', namespace: namespace ?? 'default', name };
    case 'Node':
      return { type: 'node/deleted', name };
    default:
      return { type: 'object/deleted', kind, ...(namespace === undefined ? {} : { namespace }), name };
  }
}

/**
 * The object has been marked for deletion and has no finalizer left: the store removes it then,
 * as the registry's update does when deletionTimestamp is set and finalizers are empty. A pod
 * still in its grace period waits for its kubelet's final delete.
 */
export function isDueForRemoval(object: KubeObject): boolean {
  const { deletionTimestamp, finalizers, deletionGracePeriodSeconds } = object.metadata;
  return deletionTimestamp !== undefined && (finalizers ?? []).length === 0 && (deletionGracePeriodSeconds ?? 0) === 0 && !holdsSpecFinalizers(object);
}

/** A namespace also waits for the finalizers in its spec (the namespace controller's `kubernetes`). */
function holdsSpecFinalizers(object: KubeObject): boolean {
  if (object.kind !== 'Namespace') return false;
  const spec = object.spec as { readonly finalizers?: readonly string[] } | undefined;
  return (spec?.finalizers ?? []).length > 0;
}

/** The update's event, followed by the removal it causes when it took the last finalizer away. */
export function writeEvents(object: KubeObject): EventBody[] {
  const events = [updatedEvent(object)];
  if (isDueForRemoval(object)) events.push(deletedEvent(object.kind, object.metadata.namespace, object.metadata.name));
  return events;
}

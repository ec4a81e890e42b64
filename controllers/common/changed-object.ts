// The object a change is about, before and after it, whatever its kind: what watch pipelines that
// follow several kinds (the garbage collector, say) read from each event.

import type { Change } from '../../core/controller.ts';
import type { KsimEvent } from '../../core/events.ts';
import { keyOf, type KubeObject, objectKey } from '../../core/objects.ts';
import { kindTable } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';

export interface ChangedObject {
  readonly kind: string;
  /** "namespace/name", or "name" for cluster-scoped kinds. */
  readonly key: string;
  readonly before: KubeObject | undefined;
  readonly after: KubeObject | undefined;
}

function target(event: KsimEvent): { readonly kind: string; readonly key: string } | undefined {
  if ('object' in event) return { kind: event.object.kind, key: keyOf(event.object) };
  switch (event.type) {
    case 'node/statusReported':
    case 'node/cordoned':
    case 'node/uncordoned':
    case 'node/deleted':
      return { kind: 'Node', key: event.name };
    case 'pod/bound':
    case 'pod/schedulingFailed':
    case 'pod/statusUpdated':
    case 'pod/deletionRequested':
    case 'pod/deleted':
    case 'pod/adopted':
    case 'pod/released':
      return { kind: 'Pod', key: objectKey(event.namespace, event.name) };
    case 'object/statusUpdated':
    case 'object/scaled':
    case 'object/adopted':
    case 'object/released':
    case 'object/deletionRequested':
    case 'object/deleted':
      return { kind: event.kind, key: objectKey(event.namespace, event.name) };
    default:
      return undefined;
  }
}

/** Undefined for events about no stored object (rejections, recorded Events). */
export function changedObject(change: Change<ClusterState>): ChangedObject | undefined {
  const found = target(change.event);
  if (found === undefined || found.kind === 'Event') return undefined;
  return {
    ...found,
    before: kindTable(change.before, found.kind).get(found.key),
    after: kindTable(change.after, found.kind).get(found.key),
  };
}

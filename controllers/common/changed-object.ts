// The object a change is about, before and after it, whatever its kind: what watch pipelines that
// follow several kinds (the garbage collector, say) read from each event.

import type { Change } from '../../core/controller.ts';
import { eventSubject } from '../../core/event-subject.ts';
import type { KsimEvent } from '../../core/events.ts';
import { type KubeObject, objectKey } from '../../core/objects.ts';
import { kindTable } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { withFields } from '../../core/with-fields.ts';

export interface ChangedObject {
  readonly kind: string;
  /** "namespace/name", or "name" for cluster-scoped kinds. */
  readonly key: string;
  readonly before: KubeObject | undefined;
  readonly after: KubeObject | undefined;
}

/** The stored object the event changed; none for a recorded Event's subject or a refused request. */
function target(event: KsimEvent): { readonly kind: string; readonly key: string } | undefined {
  if (event.type === 'event/recorded' || event.type === 'request/rejected' || event.type === 'request/warned' || event.type === 'traffic/served') return undefined;
  const { kind, namespace, name } = eventSubject(event);
  return name === undefined ? undefined : { kind, key: objectKey(namespace, name) };
}

/** Undefined for events about no stored object (rejections, recorded Events). */
export function changedObject(change: Change<ClusterState>): ChangedObject | undefined {
  const found = target(change.event);
  if (found === undefined || found.kind === 'Event') return undefined;
  return withFields(found, {
    before: kindTable(change.before, found.kind).get(found.key),
    after: kindTable(change.after, found.kind).get(found.key),
  });
}

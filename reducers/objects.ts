// The reducer of every kind but Pod and Node (which have events of their own): an object is
// created, replaced, has its status or replica count set through a subresource, gains or loses an
// owner, is marked for deletion while finalizers remain, and goes. Admission has already decided
// everything; each case only writes the result.

import { toTimestamp } from '../core/clock.ts';
import type { EventOf, KsimEvent } from '../core/events.ts';
import { keyOf, type KubeObject, objectKey } from '../core/objects.ts';
import { OBJECT_STATUS_LIST_KEYS, statusAfter } from '../core/status-patch.ts';
import { Table } from '../core/table.ts';
import { reindexObject } from './object-indexes.ts';
import { stamp } from './stamp.ts';
import type { ClusterState } from './state.ts';
import { withFields } from '../core/with-fields.ts';

export type ObjectEvent = Extract<KsimEvent, { type: `object/${string}` }>;

type Targeted = Exclude<ObjectEvent, { type: 'object/created' | 'object/updated' }>;

/** Pods and nodes have reducers of their own; a generic event never names them. */
const OWN_REDUCERS = new Set(['Pod', 'Node']);

function kindOf(event: ObjectEvent): string {
  return 'object' in event ? event.object.kind : event.kind;
}

function withSpecField(object: KubeObject, field: string, value: unknown): KubeObject {
  const spec = (object.spec ?? {}) as Record<string, unknown>;
  const generation = (object.metadata.generation ?? 1) + 1;
  return withFields(object, { metadata: withFields(object.metadata, { generation }), spec: withFields(spec, { [field]: value }) });
}

function withMetadata(object: KubeObject, change: Partial<KubeObject['metadata']>): KubeObject {
  return { ...object, metadata: withFields(object.metadata, change) };
}

function released(object: KubeObject, ownerUid: string): KubeObject {
  const owners = (object.metadata.ownerReferences ?? []).filter((owner) => owner.uid !== ownerUid);
  const { ownerReferences: _dropped, ...metadata } = object.metadata;
  return { ...object, metadata: owners.length === 0 ? metadata : withFields(metadata, { ownerReferences: owners }) };
}

/** An object's status after a status write, whole or as a patch. The story reads objects through it too. */
export function objectStatusAfter(status: unknown, event: EventOf<'object/statusUpdated'>): Readonly<Record<string, unknown>> {
  const current = typeof status === 'object' && status !== null && !Array.isArray(status) ? (status as Readonly<Record<string, unknown>>) : {};
  return statusAfter(current, event, OBJECT_STATUS_LIST_KEYS);
}

/** The object after an event that names an existing one; undefined when it goes. */
function changed(current: KubeObject, event: Targeted): KubeObject | undefined {
  switch (event.type) {
    case 'object/statusUpdated':
      return withFields(current, { status: objectStatusAfter(current.status, event) });
    case 'object/scaled':
      return withSpecField(current, 'replicas', event.replicas);
    case 'object/adopted': {
      const owners = (current.metadata.ownerReferences ?? []).filter((owner) => owner.uid !== event.owner.uid);
      return withMetadata(current, { ownerReferences: [...owners, event.owner] });
    }
    case 'object/released':
      return released(current, event.ownerUid);
    case 'object/deletionRequested':
      return withMetadata(current, {
        deletionTimestamp: current.metadata.deletionTimestamp ?? toTimestamp(event.time),
        deletionGracePeriodSeconds: 0,
        finalizers: event.finalizers,
      });
    case 'object/deleted':
      return undefined;
  }
}

/** Writes one object of a kind (or removes it) and keeps the generic indexes in step. */
export function putObject(state: ClusterState, kind: string, key: string, after: KubeObject | undefined): ClusterState {
  const table = state.objects.get(kind) ?? Table.empty<KubeObject>();
  const before = table.get(key);
  const nextTable = after === undefined ? table.delete(key) : table.set(key, after);
  if (nextTable === table) return state;
  const objects = nextTable.size === 0 ? state.objects.delete(kind) : state.objects.set(kind, nextTable);
  return { ...state, objects, indexes: reindexObject(state.indexes, kind, before, after) };
}

export function reduceObject(state: ClusterState, event: ObjectEvent): ClusterState {
  const kind = kindOf(event);
  if (OWN_REDUCERS.has(kind)) return state;
  if (event.type === 'object/created' || event.type === 'object/updated') {
    return putObject(state, kind, keyOf(event.object), stamp(event.object, event.rev));
  }
  const key = objectKey(event.namespace, event.name);
  const current = state.objects.get(kind)?.get(key);
  if (current === undefined) return state;
  const next = changed(current, event);
  return putObject(state, kind, key, next === undefined ? undefined : stamp(next, event.rev));
}


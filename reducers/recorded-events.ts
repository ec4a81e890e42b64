// core/v1 Events as a component's event recorder leaves them: the first of a kind creates an
// Event, a repeat (admission names the same Event) counts up and moves lastTimestamp (and takes
// the latest message, which changes on a combined Event), as
// client-go's EventCorrelator does for identical events. Events have an index of their own (by the
// object they are about) and none of the generic ones, which would pay for every one of them.

import { toTimestamp } from '../core/clock.ts';
import type { EventOf } from '../core/events.ts';
import { objectKey } from '../core/objects.ts';
import { Table } from '../core/table.ts';
import type { KubeEvent } from '../core/workloads.ts';
import { stamp } from './stamp.ts';
import type { ClusterState } from './state.ts';

export const EVENT_KIND = 'Event';

/** 32-bit FNV-1a over a string's UTF-16 code units, from a given start. */
function fnv1a(text: string, seed: number): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * What makes two Events the same, as the EventCorrelator's aggregate key without the time: the
 * object, type, reason, source and message. The index keeps a short digest of them (two 32-bit
 * hashes) rather than the message itself, since every key is hashed again on each lookup; whoever
 * finds an Event by its digest compares the fields before counting on it.
 */
export function eventIdentity(uid: string, type: string, reason: string, message: string, source: string): string {
  const text = `${uid}\u0000${type}\u0000${reason}\u0000${source}\u0000${message}`;
  return `${fnv1a(text, 0x811c9dc5).toString(36)}.${fnv1a(text, 0x050c5d1f).toString(36)}`;
}

function created(event: EventOf<'event/recorded'>): KubeEvent {
  const now = toTimestamp(event.time);
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: event.name, namespace: event.namespace, uid: event.uid, creationTimestamp: now },
    involvedObject: event.involvedObject,
    reason: event.reason,
    message: event.message,
    type: event.eventType,
    source: { component: event.source },
    count: 1,
    firstTimestamp: now,
    lastTimestamp: now,
    reportingComponent: event.source,
    reportingInstance: '',
  };
}

export function reduceRecordedEvent(state: ClusterState, event: EventOf<'event/recorded'>): ClusterState {
  const table = state.objects.get(EVENT_KIND) ?? Table.empty();
  const key = objectKey(event.namespace, event.name);
  const current = table.get(key) as KubeEvent | undefined;
  const next: KubeEvent =
    current === undefined ? created(event) : { ...current, count: current.count + 1, lastTimestamp: toTimestamp(event.time), message: event.message };
  const objects = state.objects.set(EVENT_KIND, table.set(key, stamp(next, event.rev)));
  const uid = event.involvedObject.uid;
  if (current !== undefined || uid === undefined) return { ...state, objects };
  const eventsByObject = state.indexes.eventsByObject.add(uid, key);
  const eventsByIdentity = state.indexes.eventsByIdentity.set(eventIdentity(uid, event.eventType, event.reason, event.message, event.source), key);
  return { ...state, objects, indexes: { ...state.indexes, eventsByObject, eventsByIdentity } };
}

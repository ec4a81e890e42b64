// core/v1 Events as client-go's event recorder writes them: named after the object they are about
// and the time ("web-5d4f8b7c9.1811a2b3c4d5e6f7", the hex of Unix nanoseconds), and a repeat of an
// event already recorded about the same object (same type, reason, message and source) counted on
// that Event instead of a new one, as the EventCorrelator aggregates identical events.

import type { EventRecord } from '../core/commands.ts';
import { EPOCH_MS } from '../core/clock.ts';
import type { AdmitContext } from '../core/engine.ts';
import type { EventBody } from '../core/events.ts';
import { objectKey } from '../core/objects.ts';
import { uuid } from '../core/prng.ts';
import type { KubeEvent } from '../core/workloads.ts';
import { kindTable } from '../reducers/lookup.ts';
import { EVENT_KIND, eventIdentity } from '../reducers/recorded-events.ts';
import type { ClusterState } from '../reducers/state.ts';

/** The component name upstream's recorders sign with, from the actor of the request. */
export function eventSource(actor: string): string {
  if (actor === 'kube-scheduler') return 'default-scheduler';
  if (actor.startsWith('kubelet/')) return 'kubelet';
  if (actor.startsWith('controller/')) return `${actor.slice('controller/'.length)}-controller`;
  return actor;
}

function similar(state: ClusterState, record: EventRecord, message: string, source: string): KubeEvent | undefined {
  const uid = record.involvedObject.uid;
  if (uid === undefined) return undefined;
  const key = state.indexes.eventsByIdentity.get(eventIdentity(uid, record.type, record.reason, message, source));
  const event = key === undefined ? undefined : kindTable<KubeEvent>(state, EVENT_KIND).get(key);
  // The index holds a digest: an Event found by it counts only if it is truly the same one.
  const same = event !== undefined && event.involvedObject.uid === uid && event.type === record.type && event.reason === record.reason && event.message === message && event.source.component === source;
  return same ? event : undefined;
}

/**
 * A fresh name: the involved object's name and the time in nanoseconds. Virtual time has only
 * milliseconds and a burst records many Events in one, so the revision fills the nanoseconds, as
 * distinct as wall-clock nanoseconds are upstream; a name still taken moves on.
 */
function freshName(state: ClusterState, namespace: string, involvedName: string, nowMs: number): string {
  const events = kindTable(state, EVENT_KIND);
  let nanos = BigInt(EPOCH_MS + nowMs) * 1_000_000n + BigInt(state.rev % 1_000_000);
  while (events.has(objectKey(namespace, `${involvedName}.${nanos.toString(16)}`))) nanos++;
  return `${involvedName}.${nanos.toString(16)}`;
}

/** The event recording `record`, asked for by `actor`; `{name}` and `{error}` in the message are filled in. */
export function recordedEvent(
  record: EventRecord,
  actor: string,
  state: ClusterState,
  context: AdmitContext,
  values: Readonly<Record<string, string>> = {},
): EventBody {
  const message = record.message.replace(/\{(name|error)\}/g, (whole, key: string) => values[key] ?? whole);
  const source = eventSource(actor);
  const namespace = record.involvedObject.namespace ?? 'default';
  const existing = similar(state, record, message, source);
  return {
    type: 'event/recorded',
    namespace,
    name: existing?.metadata.name ?? freshName(state, namespace, record.involvedObject.name, context.nowMs),
    uid: existing?.metadata.uid ?? uuid(context.rng),
    involvedObject: record.involvedObject,
    reason: record.reason,
    message,
    eventType: record.type,
    source,
  };
}

// core/v1 Events as client-go's event recorder writes them: named after the object they are about
// and the time ("web-5d4f8b7c9.1811a2b3c4d5e6f7", the hex of Unix nanoseconds), and a repeat of an
// event already recorded about the same object (same type, reason, message and source) counted on
// that Event instead of a new one, as the EventCorrelator aggregates identical events. Before
// that, the recorder's own correlator (event-correlator.ts) may combine similar events or drop
// one a source records too often.

import type { EventRecord } from '../core/commands.ts';
import { EPOCH_MS } from '../core/clock.ts';
import type { AdmitContext } from '../core/engine.ts';
import type { EventBody } from '../core/events.ts';
import { objectKey } from '../core/objects.ts';
import { uuid } from '../core/prng.ts';
import type { EventCorrelator } from './event-correlator.ts';
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

/** The combined Event its recorder made for the group earlier, if it is still there. */
function combinedEvent(state: ClusterState, namespace: string, correlator: EventCorrelator, aggregateKey: string): KubeEvent | undefined {
  const name = correlator.combinedNames.get(aggregateKey);
  return name === undefined ? undefined : kindTable<KubeEvent>(state, EVENT_KIND).get(objectKey(namespace, name));
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

/**
 * The event recording `record`, asked for by `actor` whose recorder is `correlator`; `{name}` and
 * `{error}` in the message are filled in. Undefined when the recorder drops it as spam.
 */
export function recordedEvent(
  record: EventRecord,
  actor: string,
  state: ClusterState,
  context: AdmitContext,
  correlator: EventCorrelator,
  values: Readonly<Record<string, string>> = {},
): EventBody | undefined {
  const filled = record.message.replace(/\{(name|error)\}/g, (whole, key: string) => values[key] ?? whole);
  const correlated = correlator.correlate(record, filled, context.nowMs);
  if (correlated.kind === 'drop') return undefined;
  const { message } = correlated;
  const source = eventSource(actor);
  const namespace = record.involvedObject.namespace ?? 'default';
  const existing = correlated.kind === 'aggregate' ? combinedEvent(state, namespace, correlator, correlated.aggregateKey) : similar(state, record, message, source);
  const name = existing?.metadata.name ?? freshName(state, namespace, record.involvedObject.name, context.nowMs);
  if (correlated.kind === 'aggregate') correlator.combinedNames.set(correlated.aggregateKey, name);
  return {
    type: 'event/recorded',
    namespace,
    name,
    uid: existing?.metadata.uid ?? uuid(context.rng),
    involvedObject: record.involvedObject,
    reason: record.reason,
    message,
    eventType: record.type,
    source,
  };
}

// Every fact the log can hold, as io-ts codecs. An event is named `domain/pastTense` and carries
// everything its reducer needs: ids, times and random draws are made before the event exists.
// The envelope is flat: { rev, time, actor, type, ...payload }.

import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { KubeObject, Node, NodeStatus, OwnerReference, Pod, PodStatus } from './objects.ts';
import type { ObjectReference } from './workloads.ts';

/** Checks the shape ksim relies on and passes the object through untouched, extra fields and all. */
function objectOf<A>(name: string, shape: t.Mixed): t.Type<A, A, unknown> {
  return new t.Type<A, A, unknown>(
    name,
    (value): value is A => shape.is(value),
    (value, context) => {
      const result = shape.validate(value, context);
      return isLeft(result) ? result : t.success(value as A);
    },
    t.identity,
  );
}

const Metadata = t.type({ name: t.string, uid: t.string, creationTimestamp: t.string });
const AnyObject = objectOf<KubeObject>('KubeObject', t.type({ apiVersion: t.string, kind: t.string, metadata: Metadata }));
const PodObject = objectOf<Pod>(
  'Pod',
  t.type({ kind: t.literal('Pod'), metadata: Metadata, spec: t.type({ containers: t.array(t.UnknownRecord) }), status: t.UnknownRecord }),
);
const NodeObject = objectOf<Node>(
  'Node',
  t.type({ kind: t.literal('Node'), metadata: Metadata, spec: t.UnknownRecord, status: t.type({ allocatable: t.UnknownRecord }) }),
);
const PodStatusValue = objectOf<PodStatus>('PodStatus', t.type({ phase: t.string }));
const NodeStatusValue = objectOf<NodeStatus>('NodeStatus', t.type({ conditions: t.UnknownArray }));
/** A status write carries what changed (core/status-patch.ts), or the whole status when a patch cannot say it. */
function statusChangeOf(status: t.Mixed) {
  return t.union([t.type({ patch: t.UnknownRecord }), t.type({ status })]);
}
const OwnerReferenceValue = objectOf<OwnerReference>(
  'OwnerReference',
  t.type({ apiVersion: t.string, kind: t.string, name: t.string, uid: t.string }),
);
const ObjectReferenceValue = objectOf<ObjectReference>('ObjectReference', t.type({ kind: t.string, name: t.string }));

const Named = { namespace: t.string, name: t.string };
/** `source`: where in the scenario a List item came from ("steps[3].apply.items[2]"), as kubectl names no item itself. */
const RequestInfo = t.intersection([t.type({ verb: t.string, kind: t.string }), t.partial({ namespace: t.string, name: t.string, source: t.string })]);
/** A generic event names its object by kind; cluster-scoped kinds have no namespace. */
const KindNamed = t.intersection([t.type({ kind: t.string, name: t.string }), t.partial({ namespace: t.string })]);
const withKindNamed = <P extends t.Props>(props: P) => t.intersection([KindNamed, t.type(props)]);

/** The payload codec of every event type. Adding an entry here adds the type to the union. */
export const eventPayloads = {
  'node/joined': t.type({ object: NodeObject }),
  'node/updated': t.type({ object: NodeObject }),
  'node/statusReported': t.intersection([t.type({ name: t.string }), statusChangeOf(NodeStatusValue)]),
  'node/cordoned': t.type({ name: t.string }),
  'node/uncordoned': t.type({ name: t.string }),
  'node/deleted': t.type({ name: t.string }),
  'pod/created': t.type({ object: PodObject }),
  'pod/updated': t.type({ object: PodObject }),
  'pod/bound': t.type({ ...Named, nodeName: t.string }),
  /** nominatedNodeName, when present, sets status.nominatedNodeName ("" clears it), as the scheduler's status patch after preemption. */
  'pod/schedulingFailed': t.intersection([t.type({ ...Named, reason: t.string, message: t.string }), t.partial({ nominatedNodeName: t.string })]),
  'pod/statusUpdated': t.intersection([t.type({ ...Named }), statusChangeOf(PodStatusValue)]),
  /** A graceful deletion; finalizers, when given, replace the pod's (a propagation policy adds one). */
  'pod/deletionRequested': t.intersection([t.type({ ...Named, gracePeriodSeconds: t.number }), t.partial({ finalizers: t.array(t.string) })]),
  'pod/deleted': t.type({ ...Named }),
  'pod/adopted': t.type({ ...Named, owner: OwnerReferenceValue }),
  'pod/released': t.type({ ...Named, ownerUid: t.string }),
  /** Every kind but Pod and Node: created, replaced whole, or changed through a subresource. */
  'object/created': t.type({ object: AnyObject }),
  'object/updated': t.type({ object: AnyObject }),
  'object/statusUpdated': t.intersection([KindNamed, statusChangeOf(t.UnknownRecord)]),
  'object/scaled': withKindNamed({ replicas: t.number }),
  'object/adopted': withKindNamed({ owner: OwnerReferenceValue }),
  'object/released': withKindNamed({ ownerUid: t.string }),
  /** The object stays, with a deletionTimestamp, until these finalizers are removed. */
  'object/deletionRequested': withKindNamed({ finalizers: t.array(t.string) }),
  'object/deleted': KindNamed,
  /** A core/v1 Event from a component's event recorder; a repeat of a known one counts up. */
  'event/recorded': t.type({
    ...Named,
    /** The uid a new Event gets; unused when the name is that of an Event already counted. */
    uid: t.string,
    involvedObject: ObjectReferenceValue,
    reason: t.string,
    message: t.string,
    eventType: t.keyof({ Normal: null, Warning: null }),
    source: t.string,
  }),
  'request/rejected': t.type({
    request: RequestInfo,
    code: t.number,
    reason: t.string,
    message: t.string,
  }),
  /** Warnings the API server returned with a request (unknown fields, deduplicated owner references). */
  'request/warned': t.type({ request: RequestInfo, warnings: t.array(t.string) }),
  /**
   * One interval of a scenario's traffic step: how many requests were sent, how many each
   * endpoint served (by "namespace/pod", or address:port for an endpoint with no pod) and how many
   * failed, by reason. Nothing in the cluster changes; the log keeps the measurement.
   */
  'traffic/served': t.type({
    flow: t.string,
    from: t.string,
    to: t.string,
    intervalMs: t.number,
    requests: t.number,
    served: t.record(t.string, t.number),
    failed: t.record(t.string, t.number),
  }),
} as const;

type Payloads = typeof eventPayloads;
export type EventType = keyof Payloads;

/** What admission produces: the type and its payload, not yet placed in the log. */
export type EventBody = { [K in EventType]: { readonly type: K } & t.TypeOf<Payloads[K]> }[EventType];

export interface Envelope {
  readonly rev: number;
  readonly time: number;
  readonly actor: string;
}

export type KsimEvent = Envelope & EventBody;

export type EventOf<K extends EventType> = Extract<KsimEvent, { readonly type: K }>;

const EnvelopeCodec = t.type({ rev: t.number, time: t.number, actor: t.string, type: t.string });

/** Decodes one event: the envelope first, then the payload codec its type names. */
export function decodeEvent(value: unknown): Either<t.Errors, KsimEvent> {
  const context: t.Context = [{ key: '', type: EnvelopeCodec, actual: value }];
  const envelope = EnvelopeCodec.validate(value, context);
  if (isLeft(envelope)) return envelope;
  // An own property only: a type named "constructor" must be unknown, not Object's prototype.
  const payloadCodec = Object.hasOwn(eventPayloads, envelope.right.type)
    ? (eventPayloads as Record<string, t.Mixed>)[envelope.right.type]
    : undefined;
  if (payloadCodec === undefined) {
    return left([
      {
        value: envelope.right.type,
        context: [...context, { key: 'type', type: t.string, actual: envelope.right.type }],
        message: `unknown event type ${JSON.stringify(envelope.right.type)}`,
      },
    ]);
  }
  const payload = payloadCodec.validate(value, context);
  return isLeft(payload) ? payload : right(value as KsimEvent);
}

/** Exhaustiveness guard for switches over event and command types. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}

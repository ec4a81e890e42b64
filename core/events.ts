// Every fact the log can hold, as io-ts codecs. An event is named `domain/pastTense` and carries
// everything its reducer needs: ids, times and random draws are made before the event exists.
// The envelope is flat: { rev, time, actor, type, ...payload }.

import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type {
  KubeObject,
  Namespace,
  Node,
  NodeStatus,
  OwnerReference,
  Pod,
  PodStatus,
  ReplicaSet,
  ReplicaSetStatus,
} from './objects.ts';

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
const ReplicaSetObject = objectOf<ReplicaSet>(
  'ReplicaSet',
  t.type({ kind: t.literal('ReplicaSet'), metadata: Metadata, spec: t.type({ replicas: t.number, selector: t.UnknownRecord }) }),
);
const NodeObject = objectOf<Node>(
  'Node',
  t.type({ kind: t.literal('Node'), metadata: Metadata, spec: t.UnknownRecord, status: t.type({ allocatable: t.UnknownRecord }) }),
);
const NamespaceObject = objectOf<Namespace>('Namespace', t.type({ kind: t.literal('Namespace'), metadata: Metadata }));
const PodStatusValue = objectOf<PodStatus>('PodStatus', t.type({ phase: t.string }));
const NodeStatusValue = objectOf<NodeStatus>('NodeStatus', t.type({ conditions: t.UnknownArray }));
const ReplicaSetStatusValue = objectOf<ReplicaSetStatus>('ReplicaSetStatus', t.type({ replicas: t.number }));
const OwnerReferenceValue = objectOf<OwnerReference>(
  'OwnerReference',
  t.type({ apiVersion: t.string, kind: t.string, name: t.string, uid: t.string }),
);

const Named = { namespace: t.string, name: t.string };

/** The payload codec of every event type. Adding an entry here adds the type to the union. */
export const eventPayloads = {
  'namespace/created': t.type({ object: NamespaceObject }),
  'namespace/updated': t.type({ object: NamespaceObject }),
  'node/joined': t.type({ object: NodeObject }),
  'node/updated': t.type({ object: NodeObject }),
  'node/statusReported': t.type({ name: t.string, status: NodeStatusValue }),
  'node/cordoned': t.type({ name: t.string }),
  'node/uncordoned': t.type({ name: t.string }),
  'node/deleted': t.type({ name: t.string }),
  'pod/created': t.type({ object: PodObject }),
  'pod/updated': t.type({ object: PodObject }),
  'pod/bound': t.type({ ...Named, nodeName: t.string }),
  'pod/schedulingFailed': t.type({ ...Named, reason: t.string, message: t.string }),
  'pod/statusUpdated': t.type({ ...Named, status: PodStatusValue }),
  'pod/deletionRequested': t.type({ ...Named, gracePeriodSeconds: t.number }),
  'pod/deleted': t.type({ ...Named }),
  'pod/adopted': t.type({ ...Named, owner: OwnerReferenceValue }),
  'pod/released': t.type({ ...Named, ownerUid: t.string }),
  'replicaset/created': t.type({ object: ReplicaSetObject }),
  'replicaset/updated': t.type({ object: ReplicaSetObject }),
  'replicaset/scaled': t.type({ ...Named, replicas: t.number }),
  'replicaset/statusUpdated': t.type({ ...Named, status: ReplicaSetStatusValue }),
  'replicaset/deleted': t.type({ ...Named }),
  'object/created': t.type({ object: AnyObject }),
  'object/updated': t.type({ object: AnyObject }),
  'object/deleted': t.intersection([t.type({ kind: t.string, name: t.string }), t.partial({ namespace: t.string })]),
  'request/rejected': t.type({
    request: t.intersection([t.type({ verb: t.string, kind: t.string }), t.partial({ namespace: t.string, name: t.string })]),
    code: t.number,
    reason: t.string,
    message: t.string,
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

// Which object an event is about, so `ksim describe` can show an object's history and the story
// can name the object in one column.

import { assertNever, type KsimEvent } from './events.ts';

export interface EventSubject {
  readonly kind: string;
  /** Absent for cluster-scoped kinds, and for refused requests that named no namespace. */
  readonly namespace?: string;
  /** Absent for refused requests that named no object (a create with generateName, say). */
  readonly name?: string;
}

function named(kind: string, namespace: string | undefined, name: string | undefined): EventSubject {
  return {
    kind,
    ...(namespace === undefined || namespace === '' ? {} : { namespace }),
    ...(name === undefined ? {} : { name }),
  };
}

export function eventSubject(event: KsimEvent): EventSubject {
  switch (event.type) {
    case 'node/joined':
    case 'node/updated':
    case 'pod/created':
    case 'pod/updated':
    case 'object/created':
    case 'object/updated':
      return named(event.object.kind, event.object.metadata.namespace, event.object.metadata.name);
    case 'node/statusReported':
    case 'node/cordoned':
    case 'node/uncordoned':
    case 'node/deleted':
      return named('Node', undefined, event.name);
    case 'pod/bound':
    case 'pod/schedulingFailed':
    case 'pod/statusUpdated':
    case 'pod/deletionRequested':
    case 'pod/deleted':
    case 'pod/adopted':
    case 'pod/released':
      return named('Pod', event.namespace, event.name);
    case 'object/statusUpdated':
    case 'object/scaled':
    case 'object/adopted':
    case 'object/released':
    case 'object/deletionRequested':
    case 'object/deleted':
      return named(event.kind, event.namespace, event.name);
    case 'event/recorded':
      return named(event.involvedObject.kind, event.involvedObject.namespace, event.involvedObject.name);
    case 'request/rejected':
    case 'request/warned':
      return named(event.request.kind, event.request.namespace, event.request.name);
    case 'traffic/served':
      return named('Traffic', undefined, event.flow);
    default:
      return assertNever(event);
  }
}

/**
 * True when the event is about this object. A refused request that named no namespace matches
 * any namespace, since the request may have relied on the default one.
 */
export function eventTouches(
  event: KsimEvent,
  kind: string,
  namespace: string | undefined,
  name: string,
): boolean {
  const subject = eventSubject(event);
  if (subject.kind !== kind || subject.name !== name) return false;
  if (subject.namespace === undefined && (event.type === 'request/rejected' || event.type === 'request/warned')) return true;
  return (subject.namespace ?? '') === (namespace ?? '');
}

/** "default/web-x7k2p" for namespaced objects, "node-2" for cluster-scoped ones. */
export function subjectPath(subject: EventSubject): string {
  const name = subject.name ?? '<unnamed>';
  return subject.namespace === undefined ? name : `${subject.namespace}/${name}`;
}

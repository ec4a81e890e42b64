// The root reducer: moves the revision and the clock, then hands the event to its kind's reducer.

import { assertNever, type KsimEvent } from '../core/events.ts';
import { reduceNode } from './nodes.ts';
import { reduceObject } from './objects.ts';
import { reducePod } from './pods.ts';
import { reduceRecordedEvent } from './recorded-events.ts';
import { type ClusterState, emptyState } from './state.ts';

export type { ClusterState } from './state.ts';

/** The state before the first event. Namespaces are created by events too, so the log explains them. */
export function initialState(): ClusterState {
  return emptyState();
}

function reduceKind(state: ClusterState, event: KsimEvent): ClusterState {
  switch (event.type) {
    case 'object/created':
    case 'object/updated':
    case 'object/statusUpdated':
    case 'object/scaled':
    case 'object/adopted':
    case 'object/released':
    case 'object/deletionRequested':
    case 'object/deleted':
      return reduceObject(state, event);
    case 'node/joined':
    case 'node/updated':
    case 'node/statusReported':
    case 'node/cordoned':
    case 'node/uncordoned':
    case 'node/deleted':
      return reduceNode(state, event);
    case 'pod/created':
    case 'pod/updated':
    case 'pod/bound':
    case 'pod/schedulingFailed':
    case 'pod/statusUpdated':
    case 'pod/deletionRequested':
    case 'pod/deleted':
    case 'pod/adopted':
    case 'pod/released':
      return reducePod(state, event);
    case 'event/recorded':
      return reduceRecordedEvent(state, event);
    case 'request/rejected':
    case 'request/warned':
    case 'traffic/served':
      return state;
    default:
      return assertNever(event);
  }
}

export function reduce(state: ClusterState, event: KsimEvent): ClusterState {
  const next = reduceKind(state, event);
  return { ...next, rev: event.rev, timeMs: event.time };
}

export function foldEvents(events: Iterable<KsimEvent>, from: ClusterState = initialState()): ClusterState {
  let state = from;
  for (const event of events) state = reduce(state, event);
  return state;
}

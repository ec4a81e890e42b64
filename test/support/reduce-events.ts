// Building controller test states through the real reducer, as the engine would: each body
// becomes the next revision's event.

import type { Change, ReconcileContext } from '../../core/controller.ts';
import type { EventBody, KsimEvent } from '../../core/events.ts';
import { Rng } from '../../core/prng.ts';
import { createdEvent } from '../../apiserver/writes.ts';
import type { KubeObject } from '../../core/objects.ts';
import { initialState, reduce } from '../../reducers/index.ts';
import type { ClusterState } from '../../reducers/state.ts';

/** Appends one event to a state through the real reducer. */
export function change(before: ClusterState, body: EventBody, timeMs = before.timeMs, actor = 'test'): Change<ClusterState> {
  const event = { rev: before.rev + 1, time: timeMs, actor, ...body } as KsimEvent;
  return { event, before, after: reduce(before, event) };
}

/** Appends each body in turn, at the state's current time. */
export function apply(state: ClusterState, ...bodies: EventBody[]): ClusterState {
  return bodies.reduce((current, body) => change(current, body).after, state);
}

/** A reconcile context with a fixed random stream, so tie-breaks repeat. */
export function contextAt(state: ClusterState, nowMs = 0): ReconcileContext<ClusterState> {
  return { state, nowMs, rng: new Rng(1, 'test') };
}

/** A state holding these objects, each created in the order given with the event admission would record. */
export function stateWith(...objects: KubeObject[]): ClusterState {
  return apply(initialState(), ...objects.map(createdEvent));
}

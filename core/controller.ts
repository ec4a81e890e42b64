// The contract between the engine and every control-plane component. A controller is
// `reconcile(key, context) => effects`: level-driven, one key at a time, from current state.
// Its `watch` is the RxJS routing from changes to keys; it decides nothing.

import type { Observable } from 'rxjs';
import type { Command } from './commands.ts';
import type { KsimEvent } from './events.ts';
import type { Rng } from './prng.ts';

/** One appended event with the state just before and just after it. */
export interface Change<S> {
  readonly event: KsimEvent;
  readonly before: S;
  readonly after: S;
}

/**
 * What a reconcile asks for, as data: a request to the API server, to be woken later, or to count
 * this sync as failed (upstream's returned error), so the key comes back after the work queue's
 * back-off.
 */
export type Effect =
  | { readonly kind: 'submit'; readonly command: Command }
  | { readonly kind: 'fail'; readonly reason: string }
  | {
      readonly kind: 'wake';
      readonly atMs: number;
      readonly key: string;
      /** A background timer (a heartbeat) never keeps an otherwise idle run going. */
      readonly background?: boolean;
    };

export interface ReconcileContext<S> {
  readonly state: S;
  readonly nowMs: number;
  /** This controller's own stream of the run's seeded randomness. */
  readonly rng: Rng;
}

export interface Controller<S> {
  /** Also the name of its random stream; keep it stable. */
  readonly name: string;
  /** Keys to reconcile for each change. */
  watch(changes: Observable<Change<S>>): Observable<string>;
  reconcile(key: string, context: ReconcileContext<S>): readonly Effect[];
  /** Effects at the start of a run, such as the first heartbeat timers. */
  start?(context: ReconcileContext<S>): readonly Effect[];
}

export function submit(command: Command): Effect {
  return { kind: 'submit', command };
}

export function fail(reason: string): Effect {
  return { kind: 'fail', reason };
}

export function wake(atMs: number, key: string): Effect {
  return { kind: 'wake', atMs, key };
}

export function wakeInBackground(atMs: number, key: string): Effect {
  return { kind: 'wake', atMs, key, background: true };
}

// An RxJS operator that turns each change into the keys it touches and emits them one by one,
// synchronously. `mergeMap(change => keys)` does the same, but subscribes an inner observable for
// every change and every controller (about a dozen per event), which a large run pays for in
// allocations and garbage collection; this operator only loops. An exception thrown while
// computing keys is passed on as the stream's error, as mergeMap's project would, so the engine
// can name the controller that failed.

import { Observable, type OperatorFunction } from 'rxjs';

export function keysOf<C>(keysFor: (change: C) => readonly string[]): OperatorFunction<C, string> {
  return (changes) =>
    new Observable<string>((subscriber) =>
      changes.subscribe({
        next(change) {
          let keys: readonly string[];
          try {
            keys = keysFor(change);
          } catch (cause) {
            subscriber.error(cause);
            return;
          }
          for (let index = 0; index < keys.length; index++) subscriber.next(keys[index] as string);
        },
        error: (cause: unknown) => subscriber.error(cause),
        complete: () => subscriber.complete(),
      }),
    );
}

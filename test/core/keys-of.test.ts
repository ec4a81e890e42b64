import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { keysOf } from '../../core/keys-of.ts';

describe('keysOf', () => {
  it('emits every key of every change, in order, as they come', () => {
    const changes = new Subject<number>();
    const seen: string[] = [];
    changes.pipe(keysOf((n: number) => Array.from({ length: n }, (_, i) => `${n}.${i}`))).subscribe((key) => seen.push(key));
    changes.next(2);
    changes.next(0);
    expect(seen).toEqual(['2.0', '2.1']);
    changes.next(1);
    expect(seen).toEqual(['2.0', '2.1', '1.0']);
  });

  it('passes an exception from the key function on as the error, and stops', () => {
    const changes = new Subject<number>();
    const seen: string[] = [];
    const errors: unknown[] = [];
    changes
      .pipe(keysOf((n: number) => {
        if (n === 13) throw new Error('unlucky');
        return [String(n)];
      }))
      .subscribe({ next: (key) => seen.push(key), error: (cause: unknown) => errors.push(cause) });
    changes.next(1);
    changes.next(13);
    changes.next(2);
    expect(seen).toEqual(['1']);
    expect(errors).toEqual([new Error('unlucky')]);
  });

  it('completes when the changes complete', () => {
    const changes = new Subject<number>();
    let completed = false;
    changes.pipe(keysOf(() => [])).subscribe({ complete: () => (completed = true) });
    changes.complete();
    expect(completed).toBe(true);
  });
});

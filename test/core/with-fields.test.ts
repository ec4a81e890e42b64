import { describe, expect, it } from 'vitest';
import { withFields } from '../../core/with-fields.ts';

describe('withFields', () => {
  it('is the spread of the base then the fields, keys in the same order', () => {
    const base = { type: 'Ready', status: 'True', reason: 'Fine' };
    const built = withFields(base, { status: 'False', lastTransitionTime: 't' });
    expect(built).toEqual({ ...base, status: 'False', lastTransitionTime: 't' });
    expect(JSON.stringify(built)).toBe(JSON.stringify({ ...base, status: 'False', lastTransitionTime: 't' }));
  });

  it('leaves the base untouched', () => {
    const base = { a: 1 };
    withFields(base, { b: 2 });
    expect(base).toEqual({ a: 1 });
  });
});

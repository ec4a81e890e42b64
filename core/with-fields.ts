// `{ ...base, key: value }` for objects a run keeps or builds by the thousand. On Node 20 (V8 11),
// an object literal that starts with a spread and then adds a key the spread did not copy gives
// every new object a hidden class of its own: about ten times slower to build (some 2 µs), a few
// hundred bytes more to keep, every later read of it megamorphic, and every clone of it unique
// again. Object.assign onto a fresh object goes through V8's shared transitions instead. Keys come
// out in the order the spread would give them, so logs stay byte for byte the same. A literal
// that starts with a plain key, or a spread that only overrides keys the base already has, is not
// affected and needs none of this.

/** The intersection of every part's type, in order. */
type AllOf<P extends readonly (object | undefined)[]> = P extends readonly [infer Head, ...infer Tail extends readonly (object | undefined)[]]
  ? NonNullable<Head> & AllOf<Tail>
  : unknown;

export function withFields<const A extends object, const P extends readonly (object | undefined)[]>(base: A | undefined, ...parts: P): A & AllOf<P> {
  return Object.assign({}, base, ...parts);
}

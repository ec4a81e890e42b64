// Mutations of sound manifests drawn from each kind's field schema: a field somewhere in the
// object (a random walk down the tree, so shallow fields come up more often than deep ones) is
// replaced by a value of its own type but an odd value, by a value of another type, or removed.
// Wrong types must be refused by decoding; odd values must be refused by validation or handled by
// every controller.

import fc from 'fast-check';
import type { FieldType, StructType } from '../../kinds/schema/field-types.ts';

type Json = Record<string, unknown>;
export type PathStep = string | number;

const junk = fc.anything({ maxDepth: 2, withNullPrototype: false });

const oddStrings = fc.constantFrom('', 'a', 'Always', 'Never', 'OnFailure', 'In', 'Exists', 'NoSchedule', 'NoExecute', 'RollingUpdate', 'Recreate', 'OnDelete', 'Parallel', 'Indexed', 'Orphan', '*', 'a/b', 'A B', '-1', '0', 'true', '25%', '1Gi', 'n1', 'x'.repeat(300));
// Counts stay small, even where a whole struct is replaced: a billion replicas is a real request, but
// not one a test can wait for (int32 overflow is the decoder's, and tested there).
const oddIntegers = fc.oneof(fc.integer({ min: -3, max: 5 }), fc.constantFrom(0, -1, 30));

/** A value of the field's own JSON type, often an odd one. */
function typedValue(type: FieldType, depth: number): fc.Arbitrary<unknown> {
  switch (type.type) {
    case 'scalar':
      switch (type.scalar) {
        case 'string':
          return oddStrings;
        case 'bool':
          return fc.boolean();
        case 'int32':
        case 'int64':
          return oddIntegers;
        case 'float64':
          return fc.double({ noNaN: true, noDefaultInfinity: true, min: -10, max: 10 });
        case 'quantity':
          return fc.constantFrom('0', '1', '-1', '100m', '1Gi', '1e3', '0.5', 2, -3);
        case 'intOrString':
          return fc.oneof(oddIntegers, fc.constantFrom('0%', '25%', '100%', '150%', 'abc', 'http'));
        case 'time':
        case 'microTime':
          return fc.constantFrom('2025-01-01T00:00:00Z', '2025-01-01T00:00:00.000000Z', '1999-12-31T23:59:59+01:00');
        case 'duration':
          return fc.constantFrom('1s', '0s', '1h30m');
        case 'bytes':
          return fc.constantFrom('', 'aGk=', 'AAAA');
        case 'json':
          return junk;
      }
      break;
    case 'list':
      return depth > 3 ? fc.constant([]) : fc.array(typedValue(type.element, depth + 1), { maxLength: 2 });
    case 'map':
      return depth > 3 ? fc.constant({}) : fc.dictionary(fc.constantFrom('a', 'app', 'cpu', 'memory', 'pods', 'k/v'), typedValue(type.value, depth + 1), { maxKeys: 2 });
    case 'struct': {
      if (depth > 3) return fc.constant({});
      const names = Object.keys(type.fields);
      return fc.subarray(names, { maxLength: Math.min(3, names.length) }).chain((chosen) =>
        chosen.length === 0 ? fc.constant({}) : fc.tuple(...chosen.map((name) => typedValue(type.fields[name] as FieldType, depth + 1))).map((values) => Object.fromEntries(chosen.map((name, i) => [name, values[i]]))),
      );
    }
  }
  return junk;
}

/** A random walk down the schema: the path of a field, and its type. */
function walk(root: StructType): fc.Arbitrary<{ readonly path: readonly PathStep[]; readonly type: FieldType }> {
  const stepFrom = (type: FieldType, path: readonly PathStep[], depth: number): fc.Arbitrary<{ readonly path: readonly PathStep[]; readonly type: FieldType }> => {
    const here = fc.constant({ path, type });
    if (depth >= 8 || type.type === 'scalar') return here;
    let deeper: fc.Arbitrary<{ readonly path: readonly PathStep[]; readonly type: FieldType }>;
    if (type.type === 'list') deeper = stepFrom(type.element, [...path, 0], depth + 1);
    else if (type.type === 'map') deeper = fc.constantFrom('a', 'app', 'cpu').chain((key) => stepFrom(type.value, [...path, key], depth + 1));
    else deeper = fc.constantFrom(...Object.keys(type.fields)).chain((name) => stepFrom(type.fields[name] as FieldType, [...path, name], depth + 1));
    return depth === 0 ? deeper : fc.oneof({ weight: 2, arbitrary: here }, { weight: 3, arbitrary: deeper });
  };
  return stepFrom(root, [], 0);
}

/** The object with the value at the path, creating what is missing on the way. */
export function setAt(object: unknown, path: readonly PathStep[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (typeof head === 'number') {
    const list = Array.isArray(object) ? [...object] : [];
    list[head] = setAt(list[head], rest, value);
    return list.map((item) => item ?? {});
  }
  const record = typeof object === 'object' && object !== null && !Array.isArray(object) ? (object as Json) : {};
  if (value === undefined && rest.length === 0) {
    const { [head]: _removed, ...kept } = record;
    return kept;
  }
  return { ...record, [head]: setAt(record[head], rest, value) };
}

export interface Mutation {
  readonly path: readonly PathStep[];
  readonly value: unknown;
}

/** One mutation: an odd value of the right type (mostly), a value of any type, or the field removed. */
export function mutation(root: StructType, skip: (path: readonly PathStep[]) => boolean = () => false): fc.Arbitrary<Mutation> {
  return walk(root)
    // The kind and version name the object; changing them only makes it a kind the cluster does not serve.
    .filter(({ path }) => path.length > 0 && path[0] !== 'kind' && path[0] !== 'apiVersion' && !skip(path))
    .chain(({ path, type }) =>
      fc.oneof({ weight: 6, arbitrary: typedValue(type, 0) }, { weight: 1, arbitrary: junk }, { weight: 1, arbitrary: fc.constant(undefined) }).map((value) => ({ path, value })),
    );
}

export function applyMutations(manifest: Json, mutations: readonly Mutation[]): Json {
  return mutations.reduce<Json>((object, { path, value }) => setAt(object, path, value) as Json, manifest);
}

// io-ts errors as people read them: "steps[3].scale.replicas: expected a number, got \"five\"".

import type * as t from 'io-ts';

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** The field path of one error, as "a.b[2].c". Union and intersection branches add no segment. */
export function errorPath(error: t.ValidationError, prefix = ''): string {
  let path = prefix;
  const context = error.context;
  for (let i = 1; i < context.length; i++) {
    const key = context[i]?.key ?? '';
    const parentTag = (context[i - 1]?.type as { _tag?: string } | undefined)?._tag;
    if (key === '' || parentTag === 'UnionType' || parentTag === 'IntersectionType') continue;
    if (parentTag === 'ArrayType' || parentTag === 'ReadonlyArrayType') path = `${path}[${key}]`;
    else path = path === '' ? key : `${path}.${key}`;
  }
  return path === '' ? '(root)' : path;
}

function expectedName(error: t.ValidationError): string {
  if (error.message !== undefined) return error.message;
  const last = error.context[error.context.length - 1];
  return last === undefined ? 'a value' : last.type.name;
}

/** One line per distinct path, the first error at each path, in the order io-ts found them. */
export function formatDecodeErrors(errors: t.Errors, prefix = ''): string[] {
  const lines = new Map<string, string>();
  for (const error of errors) {
    const path = errorPath(error, prefix);
    if (lines.has(path)) continue;
    const expected = expectedName(error);
    const text = error.message !== undefined ? expected : `expected ${expected}, got ${describeValue(error.value)}`;
    lines.set(path, `${path}: ${text}`);
  }
  return [...lines.values()];
}

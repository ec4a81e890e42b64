// Field changes applied to an object: the inverse of diffFields, so that a property test can
// check that a diff says everything that changed (applying the diff of a and b to a gives b).

import type { DiffPath, PathSegment } from './diff-path.ts';
import type { FieldChange } from './field-diff.ts';

type Container = Record<string, unknown> | unknown[];

function itemIndex(list: readonly unknown[], segment: Extract<PathSegment, object>): number {
  return list.findIndex((item) => typeof item === 'object' && item !== null && (item as Record<string, unknown>)[segment.key] === segment.value);
}

function describe(path: DiffPath): string {
  return JSON.stringify(path);
}

/** The value one step down; the path must exist, as it does in the object the diff was taken from. */
function stepInto(container: Container, segment: PathSegment, path: DiffPath): Container {
  let next: unknown;
  if (typeof segment === 'object') next = Array.isArray(container) ? container[itemIndex(container, segment)] : undefined;
  else next = (container as Record<string | number, unknown>)[segment];
  if (typeof next !== 'object' || next === null) throw new Error(`path ${describe(path)} does not exist in the object`);
  return next as Container;
}

function parentOf(root: Container, path: DiffPath): Container {
  let node = root;
  for (const segment of path.slice(0, -1)) node = stepInto(node, segment, path);
  return node;
}

function setAt(parent: Container, segment: PathSegment, value: unknown, path: DiffPath): void {
  if (typeof segment !== 'object') {
    (parent as Record<string | number, unknown>)[segment] = value;
    return;
  }
  if (!Array.isArray(parent)) throw new Error(`path ${describe(path)} names a list item outside a list`);
  const index = itemIndex(parent, segment);
  if (index === -1) parent.push(value);
  else parent[index] = value;
}

function removeAt(parent: Container, segment: PathSegment, path: DiffPath): void {
  if (typeof segment === 'object') {
    if (!Array.isArray(parent)) throw new Error(`path ${describe(path)} names a list item outside a list`);
    const index = itemIndex(parent, segment);
    if (index !== -1) parent.splice(index, 1);
  } else if (Array.isArray(parent) && typeof segment === 'number') {
    // The structural diff removes only trailing indexes, so removing one is cutting the list there.
    parent.length = Math.min(parent.length, segment);
  } else {
    delete (parent as Record<string, unknown>)[segment];
  }
}

function reorderAt(root: Container, change: Extract<FieldChange, { op: 'reorder' }>): void {
  const last = change.path[change.path.length - 1];
  const list = last === undefined ? root : stepInto(parentOf(root, change.path), last, change.path);
  if (!Array.isArray(list)) throw new Error(`path ${describe(change.path)} is not a list`);
  const position = new Map<unknown, number>(change.new.map((value, index) => [value, index]));
  const rank = (item: unknown) => position.get((item as Record<string, unknown>)[change.key]) ?? position.size;
  list.sort((a, b) => rank(a) - rank(b));
}

function applyOne(root: Container, change: FieldChange): void {
  if (change.op === 'reorder') {
    reorderAt(root, change);
    return;
  }
  const last = change.path[change.path.length - 1];
  if (last === undefined) throw new Error('a field change needs a path');
  const parent = parentOf(root, change.path);
  if (change.op === 'remove') removeAt(parent, last, change.path);
  else setAt(parent, last, structuredClone(change.new), change.path);
}

/** A new object: `object` with the changes applied in order. The object itself is not touched. */
export function applyFieldChanges<T extends object>(object: T, changes: readonly FieldChange[]): T {
  const copy = structuredClone(object) as Container;
  for (const change of changes) applyOne(copy, change);
  return copy as T;
}

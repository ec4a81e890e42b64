// What changed inside one object, as field paths with the old and the new value. microdiff
// does the structural comparison (small, no dependencies, MIT, and it reports each change with
// its path and both values, which is the shape a kubectl-diff-like listing needs); keyed lists
// are compared by merge key (merge-keys.ts), and a keyed list whose surviving items changed
// their order gets one `reorder` change, so that the changes always rebuild the new object.

import microdiff, { type Difference } from 'microdiff';
import type { DiffPath, PathSegment } from './diff-path.ts';
import { decodeItemKey, fromDiffTree, isKeyedList, type KeyedList, mergeKeyOf, toDiffTree } from './merge-keys.ts';

export type FieldChange =
  | { readonly op: 'add'; readonly path: DiffPath; readonly new: unknown }
  | { readonly op: 'remove'; readonly path: DiffPath; readonly old: unknown }
  | { readonly op: 'change'; readonly path: DiffPath; readonly old: unknown; readonly new: unknown }
  /** The keyed list's items, named by their `key` field, were in `old` order and are in `new` order. */
  | { readonly op: 'reorder'; readonly path: DiffPath; readonly key: string; readonly old: readonly (string | number)[]; readonly new: readonly (string | number)[] };

type Tree = Record<string | number, unknown>;

function child(node: unknown, key: string | number): unknown {
  return typeof node === 'object' && node !== null ? (node as Tree)[key] : undefined;
}

function segmentIn(node: unknown, key: string | number): PathSegment {
  return isKeyedList(node) && typeof key === 'string' ? { key: mergeKeyOf(node), value: decodeItemKey(key) } : key;
}

/** microdiff's path through the diff tree, as a path through the object: keyed items named by key. */
function objectPath(tree: unknown, rawPath: readonly (string | number)[]): PathSegment[] {
  const path: PathSegment[] = [];
  let node = tree;
  for (const key of rawPath) {
    path.push(segmentIn(node, key));
    node = child(node, key);
  }
  return path;
}

function fieldChange(before: unknown, difference: Difference): FieldChange {
  const path = objectPath(before, difference.path);
  switch (difference.type) {
    case 'CREATE':
      return { op: 'add', path, new: fromDiffTree(difference.value) };
    case 'REMOVE':
      return { op: 'remove', path, old: fromDiffTree(difference.oldValue) };
    case 'CHANGE':
      return { op: 'change', path, old: fromDiffTree(difference.oldValue), new: fromDiffTree(difference.value) };
  }
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, index) => key === b[index]);
}

/** A keyed list's items end up, after removals and additions (appended), in this order. */
function orderAfterEdits(before: readonly string[], after: readonly string[]): string[] {
  const kept = new Set(after);
  const had = new Set(before);
  return [...before.filter((key) => kept.has(key)), ...after.filter((key) => !had.has(key))];
}

function listReorder(before: KeyedList, after: KeyedList, path: DiffPath): FieldChange | undefined {
  const was = Object.keys(before);
  const is = Object.keys(after);
  if (sameOrder(orderAfterEdits(was, is), is)) return undefined;
  return { op: 'reorder', path, key: mergeKeyOf(before), old: was.map(decodeItemKey), new: is.map(decodeItemKey) };
}

/** The reorders of keyed lists held by both trees, at any depth, outermost first. */
function reorders(before: unknown, after: unknown, path: DiffPath, found: FieldChange[]): void {
  if (before === after || typeof before !== 'object' || typeof after !== 'object' || before === null || after === null) return;
  if (Array.isArray(before) !== Array.isArray(after)) return;
  if (isKeyedList(before) && isKeyedList(after)) {
    if (mergeKeyOf(before) !== mergeKeyOf(after)) return;
    const reorder = listReorder(before, after, path);
    if (reorder !== undefined) found.push(reorder);
  }
  for (const key of Object.keys(before)) {
    const rawKey = Array.isArray(before) ? Number(key) : key;
    if (key in after) reorders(child(before, rawKey), child(after, rawKey), [...path, segmentIn(before, rawKey)], found);
  }
}

/**
 * The changes that turn `before` into `after`, in document order, reorders last. Both are plain
 * JSON objects (a Kubernetes object, say); fields holding undefined count as absent.
 */
export function diffFields(before: object, after: object): FieldChange[] {
  const was = toDiffTree(before) as Tree;
  const is = toDiffTree(after) as Tree;
  // No cycles can occur in JSON, so microdiff's cycle guard would only cost time.
  const changes = microdiff(was, is, { cyclesFix: false }).map((difference) => fieldChange(was, difference));
  reorders(was, is, [], changes);
  return changes;
}

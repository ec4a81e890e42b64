// A status write as what it changed. A kubelet rewrites a pod's whole status a few times in the
// pod's life, and most of it stays as it was; the log keeps only the difference, as a patch:
//
//   {"phase":"Running","conditions":{"Ready":{"status":"True","lastTransitionTime":"..."}},
//    "containerStatuses":{"app":{"ready":true,"state":{"running":{...},"waiting":null}}}}
//
// The rules are those of a JSON merge patch (RFC 7386): an object merges into an object, null
// removes a field, anything else is the new value as it stands. Lists whose elements are named by
// a field (conditions by type, container statuses by name, upstream's patchMergeKey) are patched
// element by element through an object keyed by that name, never by index: null removes the
// element, an object merges into the element of that name, and an element the list did not have
// is appended whole. A list given as a list replaces the old one.
//
// What a patch cannot say (a field set to null, fields or elements in an order that merging does
// not produce) makes `statusChange` fall back to the whole status, so applying what it returns
// always gives exactly the status written, field order included.

export type JsonRecord = Readonly<Record<string, unknown>>;

/** The status lists patched element by element, each with the field that names its elements. */
export type ListKeys = Readonly<Record<string, string>>;

export const POD_STATUS_LIST_KEYS: ListKeys = {
  conditions: 'type',
  containerStatuses: 'name',
  initContainerStatuses: 'name',
  ephemeralContainerStatuses: 'name',
};

export const NODE_STATUS_LIST_KEYS: ListKeys = { conditions: 'type' };

/** Every other kind's status (Deployment, ReplicaSet, Job, ...): conditions named by type. */
export const OBJECT_STATUS_LIST_KEYS: ListKeys = { conditions: 'type' };

const NO_LIST_KEYS: ListKeys = {};

/** A status event carries the patch, or the whole status when no patch can say the change. */
export type StatusChange<S> = { readonly patch: JsonRecord } | { readonly status: S };

const SAME = Symbol('same');
const UNSAYABLE = Symbol('unsayable');
type Delta = unknown;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldOf(record: JsonRecord, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Fields holding undefined are absent once written as JSON, so they count as absent here too. */
function definedKeys(record: JsonRecord): string[] {
  return Object.keys(record).filter((key) => record[key] !== undefined);
}

/** Equality as JSON text would see it: field order matters, as it does in what `ksim get` prints. */
function sameText(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameText(item, b[index]));
  }
  const left = definedKeys(a as JsonRecord);
  const right = definedKeys(b as JsonRecord);
  if (left.length !== right.length) return false;
  return left.every((key, index) => key === right[index] && sameText((a as JsonRecord)[key], (b as JsonRecord)[key]));
}

/** True when merging gives `after`'s order: the kept names in their old order, then the new ones. */
function mergeKeepsOrder(before: readonly string[], after: readonly string[]): boolean {
  const old = new Set(before);
  let position = 0;
  let sawNew = false;
  for (const name of after) {
    if (!old.has(name)) {
      sawNew = true;
      continue;
    }
    if (sawNew) return false;
    while (position < before.length && before[position] !== name) position++;
    if (position === before.length) return false;
    position++;
  }
  return true;
}

function valueDelta(before: unknown, after: unknown): Delta {
  if (sameText(before, after)) return SAME;
  if (after === null) return UNSAYABLE;
  if (isRecord(before) && isRecord(after)) return objectDelta(before, after, NO_LIST_KEYS);
  return after;
}

/** The names of a list's elements, or undefined when some element has none or two share one. */
function elementNames(list: readonly unknown[], key: string): string[] | undefined {
  const names = list.map((element) => (isRecord(element) ? fieldOf(element, key) : undefined));
  if (!names.every((name): name is string => typeof name === 'string')) return undefined;
  return new Set(names).size === names.length ? names : undefined;
}

function listDelta(before: unknown, after: unknown, key: string): Delta {
  // An object where a named list belongs would read as an element patch, so it cannot be said.
  if (isRecord(after)) return UNSAYABLE;
  if (!Array.isArray(before) || !Array.isArray(after)) return valueDelta(before, after);
  if (sameText(before, after)) return SAME;
  const beforeNames = elementNames(before, key);
  const afterNames = elementNames(after, key);
  if (beforeNames === undefined || afterNames === undefined || !mergeKeepsOrder(beforeNames, afterNames)) return after;
  const kept = new Map(before.map((element, index) => [beforeNames[index] as string, element as JsonRecord]));
  const staying = new Set(afterNames);
  const entries: [string, unknown][] = beforeNames.filter((name) => !staying.has(name)).map((name) => [name, null]);
  for (const [index, element] of after.entries()) {
    const name = afterNames[index] as string;
    const old = kept.get(name);
    if (old === undefined) {
      entries.push([name, element]);
      continue;
    }
    const change = objectDelta(old, element as JsonRecord, NO_LIST_KEYS);
    if (change === UNSAYABLE) return after;
    if (change !== SAME) entries.push([name, change]);
  }
  return entries.length === 0 ? SAME : Object.fromEntries(entries);
}

function objectDelta(before: JsonRecord, after: JsonRecord, listKeys: ListKeys): Delta {
  const beforeKeys = definedKeys(before);
  const afterKeys = definedKeys(after);
  if (!mergeKeepsOrder(beforeKeys, afterKeys)) return UNSAYABLE;
  const entries: [string, unknown][] = beforeKeys.filter((key) => fieldOf(after, key) === undefined).map((key) => [key, null]);
  for (const key of afterKeys) {
    const old = fieldOf(before, key);
    const value = fieldOf(after, key);
    if (old === undefined) {
      if (value === null) return UNSAYABLE;
      entries.push([key, value]);
      continue;
    }
    const listKey = fieldOf(listKeys, key);
    const change = typeof listKey === 'string' ? listDelta(old, value, listKey) : valueDelta(old, value);
    if (change === UNSAYABLE) return UNSAYABLE;
    if (change !== SAME) entries.push([key, change]);
  }
  return entries.length === 0 ? SAME : Object.fromEntries(entries);
}

/** The patch from one status to the next, or undefined when a patch cannot say the change. */
export function statusPatch(before: JsonRecord, after: JsonRecord, listKeys: ListKeys): JsonRecord | undefined {
  const delta = objectDelta(before, after, listKeys);
  if (delta === UNSAYABLE) return undefined;
  return delta === SAME ? {} : (delta as JsonRecord);
}

/** What a status event carries: the patch when one says the change, else the whole status. */
export function statusChange<S extends object>(before: S, after: S, listKeys: ListKeys): StatusChange<S> {
  const patch = statusPatch(before as JsonRecord, after as JsonRecord, listKeys);
  return patch === undefined ? { status: after } : { patch };
}

/** Sets a field as an own property, even one named "__proto__". */
function setField(record: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  else record[key] = value;
}

function mergeList(list: readonly unknown[], patch: JsonRecord, key: string): unknown[] {
  const merged: unknown[] = [];
  const found = new Set<string>();
  for (const element of list) {
    const name = isRecord(element) ? fieldOf(element, key) : undefined;
    if (typeof name !== 'string' || !Object.hasOwn(patch, name)) {
      merged.push(element);
      continue;
    }
    found.add(name);
    const change = patch[name];
    if (change === null) continue;
    merged.push(isRecord(change) && isRecord(element) ? mergeObject(element, change, NO_LIST_KEYS) : change);
  }
  for (const [name, element] of Object.entries(patch)) {
    if (element !== null && !found.has(name)) merged.push(element);
  }
  return merged;
}

function mergedField(current: unknown, value: unknown, listKey: unknown): unknown {
  if (typeof listKey === 'string' && isRecord(value)) return mergeList(Array.isArray(current) ? current : [], value, listKey);
  return isRecord(value) && isRecord(current) ? mergeObject(current, value, NO_LIST_KEYS) : value;
}

/**
 * Builds the merged object field by field rather than copying and deleting: an object that has
 * had a field deleted is slower for V8 to read from then on, and statuses are read all the time.
 */
function mergeObject(target: JsonRecord, patch: JsonRecord, listKeys: ListKeys): JsonRecord {
  const merged: Record<string, unknown> = {};
  for (const key of Object.keys(target)) {
    const current = target[key];
    if (!Object.hasOwn(patch, key)) setField(merged, key, current);
    // A field that holds undefined is absent: a new value for it goes last, as it would in JSON.
    else if (patch[key] !== null && current !== undefined) setField(merged, key, mergedField(current, patch[key], fieldOf(listKeys, key)));
  }
  for (const key of Object.keys(patch)) {
    const value = patch[key];
    if (value !== null && fieldOf(target, key) === undefined) setField(merged, key, mergedField(undefined, value, fieldOf(listKeys, key)));
  }
  return merged;
}

/** The status after a patch made by `statusPatch` with the same list keys. */
export function applyStatusPatch<S extends object>(status: S, patch: JsonRecord, listKeys: ListKeys): S {
  return mergeObject(status as JsonRecord, patch, listKeys) as S;
}

/** The status after a status event, whichever form it carries. */
export function statusAfter<S extends object>(status: S, change: StatusChange<S>, listKeys: ListKeys): S {
  return 'patch' in change ? applyStatusPatch(status, change.patch, listKeys) : change.status;
}

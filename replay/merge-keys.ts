// Lists of named items compared by name, not by position, as kubectl's strategic merge patch
// does (each list field's patchMergeKey in upstream's types.go): inserting a container before
// another is one container added, not every later container changed. A list is keyed only when
// every item in it is an object holding a unique scalar under the key; otherwise it stays a list
// compared index by index.
//
// For the structural diff a keyed list becomes a plain object whose keys encode the merge-key
// values in list order, marked (by a symbol, which no key walk sees) with the key's field name;
// `fromDiffTree` turns such objects back into lists.

type Json = Record<string, unknown>;

/** The merge keys of upstream's list fields whose key is not `name`, by the list's field name. */
const MERGE_KEYS: Readonly<Record<string, readonly string[]>> = {
  conditions: ['type'],
  addresses: ['type'],
  ownerReferences: ['uid'],
  // A container's ports are keyed by containerPort, a Service's by port.
  ports: ['containerPort', 'port'],
  volumeMounts: ['mountPath'],
  volumeDevices: ['devicePath'],
  hostAliases: ['ip'],
  topologySpreadConstraints: ['topologyKey'],
};

const DEFAULT_MERGE_KEYS: readonly string[] = ['name'];

const MERGE_KEY = Symbol('mergeKey');

/** A keyed list as the diff sees it: items by encoded merge-key value, in list order. */
export interface KeyedList {
  readonly [MERGE_KEY]: string;
  readonly [encodedKey: string]: unknown;
}

/** "=" then the value as JSON, so that a number key (80) never reads as an array index and keeps its place. */
export function encodeItemKey(value: string | number): string {
  return `=${JSON.stringify(value)}`;
}

export function decodeItemKey(encoded: string): string | number {
  return JSON.parse(encoded.slice(1)) as string | number;
}

export function isKeyedList(value: unknown): value is KeyedList {
  return typeof value === 'object' && value !== null && MERGE_KEY in value;
}

export function mergeKeyOf(list: KeyedList): string {
  return list[MERGE_KEY];
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalarKey(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}

/** The first candidate key every item holds as a distinct scalar, if any. */
function keyForItems(items: readonly unknown[], candidates: readonly string[]): string | undefined {
  if (items.length === 0) return undefined;
  return candidates.find((key) => {
    const seen = new Set<string | number>();
    for (const item of items) {
      if (!isObject(item)) return false;
      const value = item[key];
      if (!isScalarKey(value) || seen.has(value)) return false;
      seen.add(value);
    }
    return true;
  });
}

/** The merge key a list field uses, when its items allow one. */
export function listMergeKey(field: string | undefined, items: readonly unknown[]): string | undefined {
  if (field === undefined) return undefined;
  return keyForItems(items, MERGE_KEYS[field] ?? DEFAULT_MERGE_KEYS);
}

function keyedList(mergeKey: string, items: readonly Json[]): KeyedList {
  const list: Record<string, unknown> = {};
  Object.defineProperty(list, MERGE_KEY, { value: mergeKey, enumerable: false });
  for (const item of items) list[encodeItemKey(item[mergeKey] as string | number)] = toDiffTree(item);
  return list as KeyedList;
}

/**
 * The value as the structural diff compares it: keyed lists as keyed objects, fields holding
 * undefined left out (JSON would drop them too). `field` is the name the value is stored under.
 */
export function toDiffTree(value: unknown, field?: string): unknown {
  if (Array.isArray(value)) {
    const mergeKey = listMergeKey(field, value);
    return mergeKey === undefined ? value.map((item) => toDiffTree(item)) : keyedList(mergeKey, value as Json[]);
  }
  if (!isObject(value)) return value;
  const tree: Json = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) tree[key] = toDiffTree(item, key);
  return tree;
}

/** The plain JSON a diff tree stands for: keyed lists back as lists, in their order. */
export function fromDiffTree(value: unknown): unknown {
  if (isKeyedList(value)) return Object.values(value).map(fromDiffTree);
  if (Array.isArray(value)) return value.map(fromDiffTree);
  if (!isObject(value)) return value;
  const json: Json = {};
  for (const [key, item] of Object.entries(value)) json[key] = fromDiffTree(item);
  return json;
}

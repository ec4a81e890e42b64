// Table: the persistent map behind every collection in cluster state. Each update returns a new
// table that shares structure with the old one, so keeping a reference to every revision's state
// costs almost nothing. Iteration order follows the hash trie: sort before deciding anything
// from it (the design's determinism rule).

import { Map as ImmutableMap, Set as ImmutableSet } from 'immutable';

export class Table<V> {
  private static readonly EMPTY = new Table<never>(ImmutableMap());

  private constructor(private readonly entries: ImmutableMap<string, V>) {}

  static empty<V>(): Table<V> {
    return Table.EMPTY as Table<V>;
  }

  static of<V>(pairs: Iterable<readonly [string, V]>): Table<V> {
    let table = Table.empty<V>();
    for (const [key, value] of pairs) table = table.set(key, value);
    return table;
  }

  /** A table built in one pass from distinct keys (a snapshot being loaded), much faster than `of`. */
  static fromPairs<V>(pairs: readonly (readonly [string, V])[]): Table<V> {
    return pairs.length === 0 ? Table.empty<V>() : new Table(ImmutableMap(pairs as (readonly [string, V])[] as [string, V][]));
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Returns this same table when the value is already there, so unchanged slices stay identical. */
  set(key: string, value: V): Table<V> {
    const next = this.entries.set(key, value);
    return next === this.entries ? this : new Table(next);
  }

  delete(key: string): Table<V> {
    const next = this.entries.delete(key);
    return next === this.entries ? this : new Table(next);
  }

  update(key: string, change: (value: V) => V): Table<V> {
    const current = this.entries.get(key);
    return current === undefined ? this : this.set(key, change(current));
  }

  values(): IterableIterator<V> {
    return this.entries.values();
  }

  keys(): IterableIterator<string> {
    return this.entries.keys();
  }

  /** Key and value pairs in the trie's order: for sums and other order-free folds only. */
  pairs(): IterableIterator<[string, V]> {
    return this.entries.entries();
  }

  sortedKeys(): string[] {
    return [...this.entries.keys()].sort(compareStrings);
  }

  /** Values in key order: the deterministic way to walk a table. */
  sortedValues(): V[] {
    return this.sortedKeys().map((key) => this.entries.get(key) as V);
  }
}

const EMPTY_GROUP = ImmutableSet<string>();

/** Groups of keys (pods by node, pods by owner): a persistent map of persistent sets. */
export class SetIndex {
  private static readonly EMPTY = new SetIndex(ImmutableMap());

  private constructor(private readonly groups: ImmutableMap<string, ImmutableSet<string>>) {}

  static empty(): SetIndex {
    return SetIndex.EMPTY;
  }

  /** An index built in one pass from groups of distinct members (a snapshot being loaded); empty groups are dropped. */
  static fromGroups(groups: readonly (readonly [string, readonly string[]])[]): SetIndex {
    const filled = groups.filter(([, members]) => members.length > 0).map(([group, members]): [string, ImmutableSet<string>] => [group, ImmutableSet(members)]);
    return filled.length === 0 ? SetIndex.EMPTY : new SetIndex(ImmutableMap(filled));
  }

  add(group: string, member: string): SetIndex {
    const current = this.groups.get(group) ?? ImmutableSet<string>();
    const next = current.add(member);
    return next === current ? this : new SetIndex(this.groups.set(group, next));
  }

  remove(group: string, member: string): SetIndex {
    const current = this.groups.get(group);
    if (current === undefined || !current.has(member)) return this;
    const next = current.delete(member);
    return new SetIndex(next.size === 0 ? this.groups.delete(group) : this.groups.set(group, next));
  }

  count(group: string): number {
    return this.groups.get(group)?.size ?? 0;
  }

  has(group: string, member: string): boolean {
    return this.groups.get(group)?.has(member) ?? false;
  }

  /** One group for repeated membership checks, looked up once. */
  group(group: string): { has(member: string): boolean; readonly size: number } {
    return this.groups.get(group) ?? EMPTY_GROUP;
  }

  /** Members of one group, sorted, so callers can decide from the order. */
  members(group: string): string[] {
    const set = this.groups.get(group);
    return set === undefined ? [] : [...set].sort(compareStrings);
  }

  /** Members of one group in the set's own order: for sums and other order-free folds only. */
  unorderedMembers(group: string): Iterable<string> {
    return this.groups.get(group) ?? EMPTY_GROUP;
  }

  /** Group names in the map's own order: for order-free folds only. */
  unorderedGroupNames(): Iterable<string> {
    return this.groups.keys();
  }

  groupNames(): string[] {
    return [...this.groups.keys()].sort(compareStrings);
  }
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

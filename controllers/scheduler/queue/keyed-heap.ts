// A binary heap whose entries are found by key, as upstream's backend/heap (a heap with a map from
// key to position): add or replace, delete by key and pop the head each cost log n. The ordering
// must be total (ties broken by a sequence number), so the head never depends on insertion order.

export class KeyedHeap<T> {
  private readonly items: T[] = [];
  private readonly positions = new Map<string, number>();

  constructor(
    private readonly keyOf: (item: T) => string,
    private readonly less: (a: T, b: T) => boolean,
  ) {}

  get size(): number {
    return this.items.length;
  }

  has(key: string): boolean {
    return this.positions.has(key);
  }

  get(key: string): T | undefined {
    const index = this.positions.get(key);
    return index === undefined ? undefined : this.items[index];
  }

  peek(): T | undefined {
    return this.items[0];
  }

  /** Adds the item, or replaces the one with the same key and restores the order. */
  addOrUpdate(item: T): void {
    const key = this.keyOf(item);
    const index = this.positions.get(key);
    if (index !== undefined) {
      this.items[index] = item;
      this.siftDown(this.siftUp(index));
      return;
    }
    this.items.push(item);
    this.positions.set(key, this.items.length - 1);
    this.siftUp(this.items.length - 1);
  }

  delete(key: string): T | undefined {
    const index = this.positions.get(key);
    if (index === undefined) return undefined;
    const removed = this.items[index] as T;
    const last = this.items.pop() as T;
    this.positions.delete(key);
    if (index < this.items.length) {
      this.items[index] = last;
      this.positions.set(this.keyOf(last), index);
      this.siftDown(this.siftUp(index));
    }
    return removed;
  }

  pop(): T | undefined {
    const head = this.items[0];
    if (head !== undefined) this.delete(this.keyOf(head));
    return head;
  }

  /** Every item, in no particular order. */
  values(): readonly T[] {
    return this.items;
  }

  private swap(i: number, j: number): void {
    const a = this.items[i] as T;
    const b = this.items[j] as T;
    this.items[i] = b;
    this.items[j] = a;
    this.positions.set(this.keyOf(b), i);
    this.positions.set(this.keyOf(a), j);
  }

  private siftUp(start: number): number {
    let index = start;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.less(this.items[index] as T, this.items[parent] as T)) break;
      this.swap(index, parent);
      index = parent;
    }
    return index;
  }

  private siftDown(start: number): void {
    let index = start;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      if (left < this.items.length && this.less(this.items[left] as T, this.items[smallest] as T)) smallest = left;
      if (right < this.items.length && this.less(this.items[right] as T, this.items[smallest] as T)) smallest = right;
      if (smallest === index) return;
      this.swap(index, smallest);
      index = smallest;
    }
  }
}

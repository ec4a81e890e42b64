// A de-duplicating queue of keys, as client-go's workqueue: a key waiting once is waiting, however
// often it is added. Keys come out in the order they first went in.
//
// The order lives in an array with a moving head, not in the Set: taking the first entry of a
// JavaScript Set again and again walks over every entry deleted before it (V8 keeps them as
// holes until it rehashes), which made draining n keys cost n^2.

export class WorkQueue {
  private readonly waiting = new Set<string>();
  private order: string[] = [];
  private head = 0;

  get size(): number {
    return this.waiting.size;
  }

  add(key: string): void {
    if (this.waiting.has(key)) return;
    this.waiting.add(key);
    this.order.push(key);
  }

  /** The oldest waiting key, removed from the queue. */
  take(): string | undefined {
    while (this.head < this.order.length) {
      const key = this.order[this.head++] as string;
      if (this.waiting.delete(key)) {
        this.compact();
        return key;
      }
    }
    return undefined;
  }

  /** Drops the taken prefix once it is most of the array, so memory stays bounded by what waits. */
  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
  }
}

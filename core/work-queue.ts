// A de-duplicating queue of keys, as client-go's workqueue: a key waiting once is waiting, however
// often it is added. Keys come out in the order they first went in.

export class WorkQueue {
  private readonly waiting = new Set<string>();

  get size(): number {
    return this.waiting.size;
  }

  add(key: string): void {
    this.waiting.add(key);
  }

  /** The oldest waiting key, removed from the queue. */
  take(): string | undefined {
    for (const key of this.waiting) {
      this.waiting.delete(key);
      return key;
    }
    return undefined;
  }
}

// The agenda: timers ordered by virtual time, then by the order they were set. A binary heap,
// so a run with a timer per pod stays cheap.

export interface Timer<T> {
  readonly atMs: number;
  readonly seq: number;
  readonly payload: T;
}

function before<T>(a: Timer<T>, b: Timer<T>): boolean {
  return a.atMs < b.atMs || (a.atMs === b.atMs && a.seq < b.seq);
}

export class Agenda<T> {
  private readonly heap: Timer<T>[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  schedule(atMs: number, payload: T): void {
    const timer = { atMs, seq: this.nextSeq++, payload };
    const heap = this.heap;
    heap.push(timer);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const parentTimer = heap[parent] as Timer<T>;
      if (!before(timer, parentTimer)) break;
      heap[index] = parentTimer;
      index = parent;
    }
    heap[index] = timer;
  }

  peekTime(): number | undefined {
    return this.heap[0]?.atMs;
  }

  pop(): Timer<T> | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let index = 0;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let smallest = last;
      let smallestIndex = -1;
      const leftTimer = heap[left];
      const rightTimer = heap[right];
      if (leftTimer !== undefined && before(leftTimer, smallest)) {
        smallest = leftTimer;
        smallestIndex = left;
      }
      if (rightTimer !== undefined && before(rightTimer, smallest)) {
        smallest = rightTimer;
        smallestIndex = right;
      }
      if (smallestIndex === -1) break;
      heap[index] = smallest;
      index = smallestIndex;
    }
    heap[index] = last;
    return top;
  }
}

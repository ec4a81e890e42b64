import { describe, expect, it } from 'vitest';
import { WorkQueue } from '../../core/work-queue.ts';

describe('WorkQueue', () => {
  it('hands keys out in the order they first arrived, each once while waiting', () => {
    const queue = new WorkQueue();
    for (const key of ['a', 'b', 'a', 'c', 'b']) queue.add(key);
    expect(queue.size).toBe(3);
    expect([queue.take(), queue.take(), queue.take(), queue.take()]).toEqual(['a', 'b', 'c', undefined]);
  });

  it('takes a key again once it was taken and added anew', () => {
    const queue = new WorkQueue();
    queue.add('a');
    queue.take();
    queue.add('a');
    expect(queue.take()).toBe('a');
  });

  it('keeps order across compaction of a long queue', () => {
    const queue = new WorkQueue();
    const keys = Array.from({ length: 5000 }, (_, i) => `k${i}`);
    for (const key of keys) queue.add(key);
    const taken: string[] = [];
    for (let i = 0; i < 3000; i++) taken.push(queue.take() as string);
    queue.add('late');
    for (let key = queue.take(); key !== undefined; key = queue.take()) taken.push(key);
    expect(taken).toEqual([...keys, 'late']);
  });
});

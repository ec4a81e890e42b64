import { describe, expect, it } from 'vitest';
import { SetIndex, Table } from '../../core/table.ts';

describe('Table', () => {
  it('returns a new table on change and keeps the old one intact', () => {
    const before = Table.empty<number>().set('a', 1);
    const after = before.set('b', 2);
    expect(before.has('b')).toBe(false);
    expect(after.get('b')).toBe(2);
    expect(after.size).toBe(2);
  });

  it('returns the same table when nothing changes', () => {
    const value = { x: 1 };
    const table = Table.empty<{ x: number }>().set('a', value);
    expect(table.set('a', value)).toBe(table);
    expect(table.delete('missing')).toBe(table);
    expect(table.update('missing', (v) => v)).toBe(table);
  });

  it('walks values in key order', () => {
    const table = Table.of([['c', 3], ['a', 1], ['b', 2]] as const);
    expect(table.sortedValues()).toEqual([1, 2, 3]);
  });
});

describe('SetIndex', () => {
  it('adds and removes members of groups, dropping empty groups', () => {
    const index = SetIndex.empty().add('node-1', 'default/b').add('node-1', 'default/a').add('node-2', 'default/c');
    expect(index.members('node-1')).toEqual(['default/a', 'default/b']);
    const removed = index.remove('node-2', 'default/c');
    expect(removed.groupNames()).toEqual(['node-1']);
    expect(removed.count('node-2')).toBe(0);
  });

  it('returns itself for changes that change nothing', () => {
    const index = SetIndex.empty().add('g', 'm');
    expect(index.add('g', 'm')).toBe(index);
    expect(index.remove('g', 'other')).toBe(index);
  });
});

describe('SetIndex groups', () => {
  it('answers membership for one group, and is empty for a group it never had', () => {
    const index = SetIndex.empty().add('node-1', '10.244.0.2');
    expect(index.group('node-1').has('10.244.0.2')).toBe(true);
    expect(index.group('node-1').has('10.244.0.3')).toBe(false);
    expect(index.group('node-9').size).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { closestWord, editDistance } from '../../core/edit-distance.ts';

describe('edit distance', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('capcity', 'capacity')).toBe(1);
    expect(editDistance('scael', 'scale')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('suggests the nearest word only when it is near, ignoring case', () => {
    expect(closestWord('runfor', ['pull', 'runFor', 'crashAfter'])).toBe('runFor');
    expect(closestWord('node', ['name', 'nodes', 'steps'])).toBe('nodes');
    expect(closestWord('replica', ['kind', 'name', 'replicas'])).toBe('replicas');
    expect(closestWord('zzz', ['name', 'nodes'])).toBeUndefined();
    expect(closestWord('Deploymnet', ['Pod', 'Deployment', 'DaemonSet'])).toBe('Deployment');
  });
});

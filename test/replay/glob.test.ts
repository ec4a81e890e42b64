import { describe, expect, it } from 'vitest';
import { globMatcher } from '../../replay/glob.ts';

describe('globMatcher', () => {
  it('lets * cover any run of characters, slashes included, and ? exactly one', () => {
    const pods = globMatcher('pod/*');
    expect(['pod/bound', 'pod/statusUpdated', 'node/joined', 'pod'].map(pods)).toEqual([true, true, false, false]);
    expect(['node-1', 'node-12', 'node-'].map(globMatcher('node-?'))).toEqual([true, false, false]);
    expect(globMatcher('kubelet/*')('kubelet/node-1/extra')).toBe(true);
  });

  it('matches the whole text, and takes other characters literally', () => {
    expect(['web', 'web-1', 'a-web'].map(globMatcher('web'))).toEqual([true, false, false]);
    expect(['app.v1', 'appXv1'].map(globMatcher('app.v1'))).toEqual([true, false]);
    expect(['a+(b)', 'aab'].map(globMatcher('a+(b)'))).toEqual([true, false]);
  });

  it('matches any pattern of a comma-separated list, ignoring empty ones', () => {
    const either = globMatcher('pod/bound, node/*,');
    expect(['pod/bound', 'node/joined', 'pod/created', ''].map(either)).toEqual([true, true, false, false]);
  });
});

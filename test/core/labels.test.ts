import { describe, expect, it } from 'vitest';
import { formatSelector, parseSelector, selectorMatches } from '../../core/labels.ts';

function matches(text: string, labels: Record<string, string>): boolean {
  const parsed = parseSelector(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return selectorMatches(parsed.selector, labels);
}

describe('label selectors', () => {
  it('matches equality, inequality and set requirements', () => {
    expect(matches('app=web', { app: 'web' })).toBe(true);
    expect(matches('app==web,tier!=db', { app: 'web', tier: 'front' })).toBe(true);
    expect(matches('tier!=db', {})).toBe(true);
    expect(matches('env in (a, b)', { env: 'b' })).toBe(true);
    expect(matches('env notin (a,b)', { env: 'b' })).toBe(false);
    expect(matches('canary', { canary: '' })).toBe(true);
    expect(matches('!canary', { canary: 'yes' })).toBe(false);
  });

  it('matches matchLabels and matchExpressions together', () => {
    const selector = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'zone', operator: 'In' as const, values: ['a'] }] };
    expect(selectorMatches(selector, { app: 'web', zone: 'a' })).toBe(true);
    expect(selectorMatches(selector, { app: 'web', zone: 'b' })).toBe(false);
  });

  it('an empty selector matches everything', () => {
    expect(selectorMatches({}, { any: 'thing' })).toBe(true);
  });

  it('reports what it cannot parse', () => {
    expect(parseSelector('app=(web')).toEqual({ ok: false, error: 'unable to parse requirement: "app=(web"' });
  });

  it('prints selectors as kubectl does', () => {
    expect(formatSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['a', 'b'] }] })).toBe('app=web,env notin (a,b)');
  });
});

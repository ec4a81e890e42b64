// Label selectors as describe prints them: LabelSelectorAsSelector(...).String() sorts the
// requirements by key and a set's values (k8s.io/apimachinery/pkg/labels selector.go), and
// FormatLabelSelector says "<none>" for an empty one.

import { describe, expect, it } from 'vitest';
import { formatSelector as formatLabelSelector, selectorText as labelSelectorText } from '../../core/labels.ts';

describe('labelSelectorText', () => {
  it('sorts match labels and expressions together by key, and the values of set requirements', () => {
    expect(
      labelSelectorText({
        matchLabels: { tier: 'front', app: 'web' },
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['prod', 'dev'] },
          { key: 'canary', operator: 'DoesNotExist' },
          { key: 'zone', operator: 'NotIn', values: ['b', 'a'] },
          { key: 'owner', operator: 'Exists' },
        ],
      }),
    ).toBe('app=web,!canary,env in (dev,prod),owner,tier=front,zone notin (a,b)');
  });

  it('is empty for a missing or empty selector', () => {
    expect(labelSelectorText(undefined)).toBe('');
    expect(labelSelectorText({})).toBe('');
  });
});

describe('formatLabelSelector', () => {
  it('says <none> for an empty selector', () => {
    expect(formatLabelSelector({ matchLabels: {} })).toBe('<none>');
    expect(formatLabelSelector({ matchLabels: { app: 'web' } })).toBe('app=web');
  });
});

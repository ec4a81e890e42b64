// DefaultNormalizeScore, as upstream's helper/normalize_score_test.go checks it.

import { describe, expect, it } from 'vitest';
import { defaultNormalizeScore } from '../../../controllers/scheduler/normalize-score.ts';

describe('defaultNormalizeScore', () => {
  it('scales so the highest score is 100, rounding down', () => {
    expect(defaultNormalizeScore([10, 20, 30, 40, 50], false)).toEqual([20, 40, 60, 80, 100]);
    expect(defaultNormalizeScore([2, 11, 4], false)).toEqual([18, 100, 36]);
  });

  it('reverses the scale for plugins where less is better', () => {
    expect(defaultNormalizeScore([10, 20, 30, 40, 50], true)).toEqual([80, 60, 40, 20, 0]);
  });

  it('keeps all-zero scores at zero, or at 100 when reversed', () => {
    expect(defaultNormalizeScore([0, 0], false)).toEqual([0, 0]);
    expect(defaultNormalizeScore([0, 0], true)).toEqual([100, 100]);
  });
});

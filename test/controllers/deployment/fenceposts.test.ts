// maxSurge and maxUnavailable resolved against spec.replicas.

import { describe, expect, it } from 'vitest';
import {
  defaultStrategy,
  getScaledValueFromIntOrPercent,
  maxSurge,
  maxUnavailable,
  minAvailable,
  resolveFenceposts,
} from '../../../controllers/deployment/fenceposts.ts';
import type { IntOrString } from '../../../core/workloads.ts';
import { deployment } from './builders.ts';

describe('getScaledValueFromIntOrPercent', () => {
  // Ported from intstr_test.go TestGetValueFromIntOrPercent / TestGetScaledValueFromIntOrPercent.
  const cases: { input: IntOrString; total: number; roundUp: boolean; value?: number }[] = [
    { input: 123, total: 0, roundUp: false, value: 123 },
    { input: '90%', total: 100, roundUp: true, value: 90 },
    { input: '90%', total: 95, roundUp: true, value: 86 },
    { input: '90%', total: 95, roundUp: false, value: 85 },
    { input: '%', total: 0, roundUp: false },
    { input: '90#', total: 0, roundUp: false },
    { input: '#%', total: 0, roundUp: false },
    { input: '90', total: 0, roundUp: false },
  ];
  for (const test of cases) {
    it(`${JSON.stringify(test.input)} of ${test.total}, roundUp ${test.roundUp}`, () => {
      const result = getScaledValueFromIntOrPercent(test.input, test.total, test.roundUp);
      expect(result).toEqual(test.value === undefined ? { ok: false, error: expect.any(String) } : { ok: true, value: test.value });
    });
  }

  it('words a bad percentage as upstream does', () => {
    expect(getScaledValueFromIntOrPercent('abc%', 10, true)).toEqual({
      ok: false,
      error: 'invalid value for IntOrString: invalid value "abc%": strconv.Atoi: parsing "abc": invalid syntax',
    });
  });

  it('words a string without a percent sign as upstream does', () => {
    expect(getScaledValueFromIntOrPercent('10', 10, true)).toEqual({
      ok: false,
      error: 'invalid value for IntOrString: invalid type: string is not a percentage',
    });
  });
});

describe('resolveFenceposts', () => {
  // Ported from deployment_util_test.go TestResolveFenceposts (all 7 cases).
  const cases: { surge?: string; unavailable?: string; desired: number; expected?: [number, number] }[] = [
    { surge: '0%', unavailable: '0%', desired: 0, expected: [0, 1] },
    { surge: '39%', unavailable: '39%', desired: 10, expected: [4, 3] },
    { surge: 'oops', unavailable: '39%', desired: 10 },
    { surge: '55%', unavailable: 'urg', desired: 10 },
    { unavailable: '39%', desired: 10, expected: [0, 3] },
    { surge: '39%', desired: 10, expected: [4, 0] },
    { desired: 10, expected: [0, 1] },
  ];
  for (const [index, test] of cases.entries()) {
    it(`case ${index}: surge ${test.surge ?? 'nil'}, unavailable ${test.unavailable ?? 'nil'}, desired ${test.desired}`, () => {
      const result = resolveFenceposts(test.surge, test.unavailable, test.desired);
      if (test.expected === undefined) expect(result.ok).toBe(false);
      else expect(result).toEqual({ ok: true, value: { maxSurge: test.expected[0], maxUnavailable: test.expected[1] } });
    });
  }

  it('rounds the defaults of a 1-replica deployment to surge 1, unavailable 0', () => {
    expect(resolveFenceposts('25%', '25%', 1)).toEqual({ ok: true, value: { maxSurge: 1, maxUnavailable: 0 } });
  });
});

describe('maxUnavailable', () => {
  // Ported from deployment_util_test.go TestMaxUnavailable (all 8 cases).
  const cases: { name: string; replicas: number; unavailable: IntOrString; recreate?: boolean; expected: number }[] = [
    { name: 'less than replicas', replicas: 10, unavailable: 5, expected: 5 },
    { name: 'equal replicas', replicas: 10, unavailable: 10, expected: 10 },
    { name: 'greater than replicas', replicas: 5, unavailable: 10, expected: 5 },
    { name: 'with replicas is 0', replicas: 0, unavailable: 10, expected: 0 },
    { name: 'with Recreate deployment strategy', replicas: 1, unavailable: 0, recreate: true, expected: 0 },
    { name: 'less than replicas with percents', replicas: 10, unavailable: '50%', expected: 5 },
    { name: 'equal replicas with percents', replicas: 10, unavailable: '100%', expected: 10 },
    { name: 'greater than replicas with percents', replicas: 5, unavailable: '100%', expected: 5 },
  ];
  for (const test of cases) {
    it(`maxUnavailable ${test.name}`, () => {
      const d = deployment({
        replicas: test.replicas,
        maxSurge: 1,
        maxUnavailable: test.unavailable,
        ...(test.recreate === true ? { strategy: 'Recreate' as const } : {}),
      });
      expect(maxUnavailable(d)).toBe(test.expected);
    });
  }
});

describe('minAvailable', () => {
  // Ported from deployment_util_test.go TestMinAvailable (all 8 cases).
  const cases: { name: string; replicas: number; unavailable: IntOrString; recreate?: boolean; expected: number }[] = [
    { name: 'replicas greater than maxUnavailable', replicas: 10, unavailable: 5, expected: 5 },
    { name: 'replicas equal maxUnavailable', replicas: 10, unavailable: 10, expected: 0 },
    { name: 'replicas less than maxUnavailable', replicas: 5, unavailable: 10, expected: 0 },
    { name: 'replicas is 0', replicas: 0, unavailable: 10, expected: 0 },
    { name: 'minAvailable with Recreate deployment strategy', replicas: 10, unavailable: 0, recreate: true, expected: 0 },
    { name: 'replicas greater than maxUnavailable with percents', replicas: 10, unavailable: '60%', expected: 4 },
    { name: 'replicas equal maxUnavailable with percents', replicas: 10, unavailable: '100%', expected: 0 },
    { name: 'replicas less than maxUnavailable with percents', replicas: 5, unavailable: '100%', expected: 0 },
  ];
  for (const test of cases) {
    it(test.name, () => {
      const d = deployment({
        replicas: test.replicas,
        maxSurge: 1,
        maxUnavailable: test.unavailable,
        ...(test.recreate === true ? { strategy: 'Recreate' as const } : {}),
      });
      expect(minAvailable(d)).toBe(test.expected);
    });
  }
});

describe('maxSurge', () => {
  it('is 0 for a Recreate deployment', () => {
    expect(maxSurge(deployment({ replicas: 10, strategy: 'Recreate' }))).toBe(0);
  });

  it('rounds a percentage up', () => {
    expect(maxSurge(deployment({ replicas: 10, maxSurge: '25%', maxUnavailable: '25%' }))).toBe(3);
  });
});

describe('defaultStrategy', () => {
  it('is RollingUpdate with 25% surge and 25% unavailable', () => {
    expect(defaultStrategy()).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
  });
});

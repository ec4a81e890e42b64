// maxUnavailable arithmetic, ported from upstream's TestGetStatefulSetMaxUnavailable
// (pkg/controller/statefulset/stateful_set_utils_test.go).

import { describe, expect, it } from 'vitest';
import { scaledValue } from '../../../controllers/common/int-or-percent.ts';
import { statefulSetMaxUnavailable } from '../../../controllers/statefulset/rolling-update.ts';

describe('StatefulSet rolling update: getStatefulSetMaxUnavailable', () => {
  it.each([
    [undefined, 10, 1],
    [3, 10, 3],
    [3, 0, 3],
    [0, 0, 1],
    ['10%', 25, 2],
    ['100%', 5, 5],
    ['50%', 5, 2],
    ['10%', 5, 1],
    ['1%', 0, 1],
    ['0%', 0, 1],
  ] as const)('maxUnavailable %s of %s replicas is %s', (maxUnavailable, replicas, expected) => {
    expect(statefulSetMaxUnavailable(maxUnavailable, replicas)).toBe(expected);
  });
});

describe('StatefulSet rolling update: GetScaledValueFromIntOrPercent', () => {
  it('rounds a percentage up when asked', () => {
    expect(scaledValue('10%', 25, true)).toBe(3);
  });

  it('refuses a string that is not a percentage', () => {
    expect(scaledValue('5', 10, false)).toBe('invalid value for IntOrString: invalid type: string is not a percentage');
  });
});

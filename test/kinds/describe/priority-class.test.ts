// `kubectl get` and `describe` of a PriorityClass, as kubectl prints them.

import { describe, expect, it } from 'vitest';
import { toTimestamp } from '../../../core/clock.ts';
import type { PriorityClass } from '../../../core/objects.ts';
import { describePriorityClass } from '../../../kinds/describe/priority-class.ts';
import { priorityClassHeaders, priorityClassRow } from '../../../kinds/printers/priority-class.ts';
import { lines, page } from './builders.ts';

const critical: PriorityClass = {
  apiVersion: 'scheduling.k8s.io/v1',
  kind: 'PriorityClass',
  metadata: { name: 'system-node-critical', uid: 'u1', creationTimestamp: toTimestamp(0), annotations: { team: 'core', owner: 'sig-node' } },
  value: 2_000_001_000,
  description: 'Used for system critical pods that must not be moved from their current node.',
  preemptionPolicy: 'PreemptLowerPriority',
};

describe('PriorityClass printing', () => {
  it('prints NAME VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY', () => {
    expect(priorityClassHeaders()).toEqual(['NAME', 'VALUE', 'GLOBAL-DEFAULT', 'AGE', 'PREEMPTIONPOLICY']);
    expect(priorityClassRow(critical, 3_600_000)).toEqual(['system-node-critical', '2000001000', 'false', '60m', 'PreemptLowerPriority']);
    expect(priorityClassRow({ ...critical, globalDefault: true }, 0)[2]).toBe('true');
  });

  it('describes value, default, policy, description and annotations on one line', () => {
    expect(page((w) => describePriorityClass(w, critical))).toBe(
      lines(
        'Name:              system-node-critical',
        'Value:             2000001000',
        'GlobalDefault:     false',
        'PreemptionPolicy:  PreemptLowerPriority',
        'Description:       Used for system critical pods that must not be moved from their current node.',
        'Annotations:       owner=sig-node,team=core',
        'Events:            <none>',
      ),
    );
  });
});

// The Topology Spread Constraints lines of a pod template, with the constraints of upstream's
// TestDescribeTopologySpreadConstraints (staging/src/k8s.io/kubectl/pkg/describe/describe_test.go).

import { describe, expect, it } from 'vitest';
import { describePodTemplate } from '../../../kinds/describe/replicaset.ts';
import { lines, page } from './builders.ts';

describe('describeTopologySpreadConstraints', () => {
  it('prints one constraint a line, sorted by topology key, with its selector when it has one', () => {
    const out = page((w) =>
      describePodTemplate(w, {
        spec: {
          containers: [],
          topologySpreadConstraints: [
            { maxSkew: 1, topologyKey: 'topology.kubernetes.io/test2', whenUnsatisfiable: 'ScheduleAnyway' },
            { maxSkew: 3, topologyKey: 'topology.kubernetes.io/test1', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { key2: 'val2', key1: 'val1' } } },
          ],
        },
      }),
    );
    expect(out).toContain('topology.kubernetes.io/test1:DoNotSchedule when max skew 3 is exceeded for selector key1=val1,key2=val2\n');
    expect(out).toContain('topology.kubernetes.io/test2:ScheduleAnyway when max skew 1 is exceeded\n');
    expect(out).toBe(
      lines(
        'Pod Template:',
        '  Labels:  <none>',
        '  Containers: <none>',
        '  Volumes:                      <none>',
        '  Topology Spread Constraints:  topology.kubernetes.io/test1:DoNotSchedule when max skew 3 is exceeded for selector key1=val1,key2=val2',
        '                                topology.kubernetes.io/test2:ScheduleAnyway when max skew 1 is exceeded',
        '  Node-Selectors:               <none>',
        '  Tolerations:                  <none>',
        'Events:                         <none>',
      ),
    );
  });
});

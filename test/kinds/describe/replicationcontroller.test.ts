// `kubectl describe replicationcontroller` (describe.go describeReplicationController; upstream's
// TestDefaultDescribers only checks that the name appears): the whole page of a controller with
// pods and a condition.

import { describe, expect, it } from 'vitest';
import type { ReplicationController } from '../../../core/workloads.ts';
import { describeReplicationController } from '../../../kinds/describe/replicationcontroller.ts';
import { controllerRef, lines, page, pod, stateWith } from './builders.ts';

const labels = { app: 'nginx' };
const controller: ReplicationController = {
  apiVersion: 'v1',
  kind: 'ReplicationController',
  metadata: { name: 'nginx', namespace: 'foo', uid: 'uid-nginx', creationTimestamp: '2025-01-01T00:00:00Z', labels },
  spec: {
    replicas: 3,
    selector: labels,
    template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] } },
  },
  status: { replicas: 3, conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate' }] },
};

describe('describeReplicationController', () => {
  it('prints the selector as labels, the replicas, the phases of the pods it controls that match, the template and conditions', () => {
    const owner = controllerRef('ReplicationController', 'nginx', 'uid-nginx');
    const state = stateWith(
      controller,
      pod('nginx-a', { labels, owner }),
      pod('nginx-b', { labels, owner }),
      pod('nginx-c', { labels, owner, phase: 'Pending' }),
      pod('relabelled', { labels: { app: 'debug' }, owner }),
    );
    const out = page((w) => describeReplicationController(w, controller, { state, nowMs: 0 }));
    expect(out).toBe(
      lines(
        'Name:         nginx',
        'Namespace:    foo',
        'Selector:     app=nginx',
        'Labels:       app=nginx',
        'Annotations:  <none>',
        'Replicas:     3 current / 3 desired',
        'Pods Status:  2 Running / 1 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=nginx',
        '  Containers:',
        '   nginx:',
        '    Image:         nginx:1.27',
        '    Port:          80/TCP',
        '    Host Port:     0/TCP',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type             Status  Reason',
        '  ----             ------  ------',
        '  ReplicaFailure   True    FailedCreate',
        'Events:            <none>',
      ),
    );
  });
});

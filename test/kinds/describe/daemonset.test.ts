// `kubectl describe daemonset`: upstream's TestDescribeDaemonSet
// (staging/src/k8s.io/kubectl/pkg/describe/describe_test.go) as the whole page kubectl prints for
// it, then one with a node selector, status counts and pods.

import { describe, expect, it } from 'vitest';
import type { DaemonSet } from '../../../core/workloads.ts';
import { describeDaemonSet } from '../../../kinds/describe/daemonset.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { controllerRef, lines, page, pod, stateWith } from './builders.ts';

function describePage(set: DaemonSet, state: ClusterState): string {
  return page((w) => describeDaemonSet(w, set, { state, nowMs: 0 }));
}

describe('describeDaemonSet', () => {
  it('prints the selector (upstream TestDescribeDaemonSet)', () => {
    const set: DaemonSet = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'bar', namespace: 'foo', uid: 'uid-bar', creationTimestamp: '' },
      spec: {
        selector: { matchLabels: { 'node-role.kubernetes.io/control-plane': 'true' } },
        template: { spec: { containers: [{ name: '', image: 'mytest-image:latest' }] } },
        updateStrategy: { type: 'RollingUpdate' },
        revisionHistoryLimit: 10,
      },
      status: { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 },
    };
    const out = describePage(set, stateWith(set));
    for (const fragment of ['bar', 'foo', 'Containers:', 'mytest-image:latest', 'Selector', 'node-role.kubernetes.io/control-plane=true'])
      expect(out).toContain(fragment);
    expect(out).toBe(
      lines(
        'Name:           bar',
        'Namespace:      foo',
        'Selector:       node-role.kubernetes.io/control-plane=true',
        'Node-Selector:  <none>',
        'Labels:         <none>',
        'Annotations:    <none>',
        'Desired Number of Nodes Scheduled: 0',
        'Current Number of Nodes Scheduled: 0',
        'Number of Nodes Scheduled with Up-to-date Pods: 0',
        'Number of Nodes Scheduled with Available Pods: 0',
        'Number of Nodes Misscheduled: 0',
        'Pods Status:  0 Running / 0 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  <none>',
        '  Containers:',
        '   :',
        '    Image:         mytest-image:latest',
        '    Port:          <none>',
        '    Host Port:     <none>',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Events:            <none>',
      ),
    );
  });

  it('prints the node selector, the status counts and the phases of its pods', () => {
    const labels = { app: 'agent' };
    const set: DaemonSet = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: 'foo', uid: 'uid-agent', creationTimestamp: '2025-01-01T00:00:00Z', labels },
      spec: {
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: { containers: [{ name: 'agent', image: 'agent:1' }], nodeSelector: { 'kubernetes.io/os': 'linux', disk: 'ssd' } },
        },
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
        revisionHistoryLimit: 10,
      },
      status: { currentNumberScheduled: 4, numberMisscheduled: 1, desiredNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 },
    };
    const owner = controllerRef('DaemonSet', 'agent', 'uid-agent');
    const state = stateWith(
      set,
      pod('agent-a', { labels, owner, phase: 'Running' }),
      pod('agent-b', { labels, owner, phase: 'Succeeded' }),
      pod('agent-c', { labels, owner, phase: 'Failed' }),
      pod('agent-d', { labels, owner, phase: 'Unknown' }),
    );
    expect(describePage(set, state)).toBe(
      lines(
        'Name:           agent',
        'Namespace:      foo',
        'Selector:       app=agent',
        'Node-Selector:  disk=ssd,kubernetes.io/os=linux',
        'Labels:         app=agent',
        'Annotations:    <none>',
        'Desired Number of Nodes Scheduled: 3',
        'Current Number of Nodes Scheduled: 4',
        'Number of Nodes Scheduled with Up-to-date Pods: 3',
        'Number of Nodes Scheduled with Available Pods: 2',
        'Number of Nodes Misscheduled: 1',
        'Pods Status:  1 Running / 0 Waiting / 1 Succeeded / 1 Failed',
        'Pod Template:',
        '  Labels:  app=agent',
        '  Containers:',
        '   agent:',
        '    Image:         agent:1',
        '    Port:          <none>',
        '    Host Port:     <none>',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  disk=ssd',
        '                   kubernetes.io/os=linux',
        '  Tolerations:     <none>',
        'Events:            <none>',
      ),
    );
  });
});

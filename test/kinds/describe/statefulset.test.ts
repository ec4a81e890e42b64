// `kubectl describe statefulset`: upstream's TestDescribeStatefulSet
// (staging/src/k8s.io/kubectl/pkg/describe/describe_test.go) as the whole page kubectl prints for
// it, then a defaulted StatefulSet with pods and claim templates.

import { describe, expect, it } from 'vitest';
import type { StatefulSet } from '../../../core/workloads.ts';
import { describeStatefulSet } from '../../../kinds/describe/statefulset.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { controllerRef, lines, page, pod, simpleTemplate, stateWith } from './builders.ts';

function describePage(set: StatefulSet, state: ClusterState): string {
  return page((w) => describeStatefulSet(w, set, { state, nowMs: 0 }));
}

describe('describeStatefulSet', () => {
  it('prints the partition of a rolling update (upstream TestDescribeStatefulSet)', () => {
    const set: StatefulSet = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'bar', namespace: 'foo', uid: 'uid-bar', creationTimestamp: '' },
      spec: {
        replicas: 1,
        selector: {},
        template: { spec: { containers: [{ name: '', image: 'mytest-image:latest' }] } },
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2672 } },
        podManagementPolicy: 'OrderedReady',
        revisionHistoryLimit: 10,
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      },
      status: { replicas: 0 },
    };
    const out = describePage(set, stateWith(set));
    for (const fragment of ['bar', 'foo', 'Containers:', 'mytest-image:latest', 'Update Strategy', 'RollingUpdate', 'Partition', '2672'])
      expect(out).toContain(fragment);
    expect(out).toBe(
      lines(
        'Name:               bar',
        'Namespace:          foo',
        'CreationTimestamp:  Mon, 01 Jan 0001 00:00:00 +0000',
        'Selector:           ',
        'Labels:             <none>',
        'Annotations:        <none>',
        'Replicas:           1 desired | 0 total',
        'Update Strategy:    RollingUpdate',
        '  Partition:        2672',
        'Pods Status:        0 Running / 0 Waiting / 0 Succeeded / 0 Failed',
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
        'Volume Claims:     <none>',
        'Events:            <none>',
      ),
    );
  });

  const labels = { app: 'db' };
  const set: StatefulSet = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db', namespace: 'foo', uid: 'uid-db', creationTimestamp: '2025-01-01T00:00:00Z', labels },
    spec: {
      replicas: 3,
      selector: { matchLabels: labels },
      template: simpleTemplate(labels, 'postgres:16'),
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0, maxUnavailable: 1 } },
      podManagementPolicy: 'OrderedReady',
      revisionHistoryLimit: 10,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      volumeClaimTemplates: [
        {
          metadata: { name: 'data', labels: { tier: 'storage', app: 'db' }, annotations: { backup: 'daily' } },
          spec: { storageClassName: 'fast', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1024Mi' } } },
        },
        { metadata: { name: 'logs' }, spec: { accessModes: ['ReadWriteOnce', 'ReadOnlyMany'] } },
      ],
    },
    status: { replicas: 2 },
  };

  it('counts the phases of the pods it controls that its selector picks, and prints its claim templates', () => {
    const owner = controllerRef('StatefulSet', 'db', 'uid-db');
    const state = stateWith(
      set,
      pod('db-0', { labels, owner, phase: 'Running' }),
      pod('db-1', { labels, owner, phase: 'Pending' }),
      pod('stray', { labels: { app: 'other' }, owner, phase: 'Running' }),
      pod('orphan', { labels, phase: 'Running' }),
    );
    expect(describePage(set, state)).toBe(
      lines(
        'Name:               db',
        'Namespace:          foo',
        'CreationTimestamp:  Wed, 01 Jan 2025 00:00:00 +0000',
        'Selector:           app=db',
        'Labels:             app=db',
        'Annotations:        <none>',
        'Replicas:           3 desired | 2 total',
        'Update Strategy:    RollingUpdate',
        '  Partition:        0',
        '  MaxUnavailable:   1',
        'Pods Status:        1 Running / 1 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=db',
        '  Containers:',
        '   app:',
        '    Image:         postgres:16',
        '    Port:          <none>',
        '    Host Port:     <none>',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Volume Claims:',
        '  Name:          data',
        '  StorageClass:  fast',
        '  Labels:        app=db',
        '                 tier=storage',
        '  Annotations:   backup=daily',
        '  Capacity:      1Gi',
        '  Access Modes:  [ReadWriteOnce]',
        '  Name:          logs',
        '  StorageClass:  ',
        '  Labels:        <none>',
        '  Annotations:   <none>',
        '  Capacity:      <default>',
        '  Access Modes:  [ReadWriteOnce ReadOnlyMany]',
        'Events:          <none>',
      ),
    );
  });

  it('prints no partition for OnDelete', () => {
    const onDelete: StatefulSet = { ...set, spec: { ...set.spec, updateStrategy: { type: 'OnDelete' } } };
    expect(describePage(onDelete, stateWith(onDelete))).toContain('Update Strategy:    OnDelete\nPods Status:        0 Running');
  });
});

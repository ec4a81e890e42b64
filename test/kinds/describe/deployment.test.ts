// `kubectl describe deployment`: the cases of upstream's TestDescribeDeployment
// (staging/src/k8s.io/kubectl/pkg/describe/describe_test.go), whose expected fragments are
// asserted as they are, with the whole page kubectl prints for them; then a defaulted Deployment.

import { describe, expect, it } from 'vitest';
import type { PodTemplateSpec } from '../../../core/objects.ts';
import type { Deployment, DeploymentStatus } from '../../../core/workloads.ts';
import { describeDeployment } from '../../../kinds/describe/deployment.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { lines, page, replicaSet, simpleTemplate, stateWith, templateWithVolumes } from './builders.ts';

const LABELS = { 'k8s-app': 'bar' };
const UID = '00000000-0000-0000-0000-000000000001';

/** Upstream's template: a container without a name. */
function upstreamTemplate(image: string): PodTemplateSpec {
  const template = templateWithVolumes(LABELS, image);
  const [container] = template.spec.containers;
  return { ...template, spec: { ...template.spec, containers: [{ ...container, name: '', image }] } };
}

/** Upstream's Deployment is not defaulted: no strategy type, no rolling update parameters. */
function upstreamDeployment(replicas: number, image: string, status: DeploymentStatus): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'bar', namespace: 'foo', labels: LABELS, uid: UID, creationTimestamp: '2021-01-01T00:00:00Z' },
    spec: {
      replicas,
      selector: { matchLabels: LABELS },
      template: upstreamTemplate(image),
      strategy: { type: '' as 'RollingUpdate' },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status,
  };
}

function describePage(deployment: Deployment, state: ClusterState): string {
  return page((w) => describeDeployment(w, deployment, { state, nowMs: 0 }));
}

/** The page of upstream's cases but for the image, the replica counts and the ReplicaSets. */
function upstreamPage(image: string, replicas: string, oldText: string, newText: string): string {
  return lines(
    'Name:               bar',
    'Namespace:          foo',
    'CreationTimestamp:  Fri, 01 Jan 2021 00:00:00 +0000',
    'Labels:             k8s-app=bar',
    'Annotations:        <none>',
    'Selector:           k8s-app=bar',
    `Replicas:           ${replicas}`,
    'StrategyType:       ',
    'MinReadySeconds:    0',
    'Pod Template:',
    '  Labels:  k8s-app=bar',
    '  Containers:',
    '   :',
    `    Image:        ${image}`,
    '    Port:         <none>',
    '    Host Port:    <none>',
    '    Environment:  <none>',
    '    Mounts:',
    '      /tmp/vol-bar from vol-bar (rw)',
    '      /tmp/vol-foo from vol-foo (rw)',
    '  Volumes:',
    '   vol-foo:',
    "    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)",
    '    Medium:     ',
    '    SizeLimit:  <unset>',
    '   vol-bar:',
    // From here every line has a column, so the block runs into the Events line.
    "    Type:          EmptyDir (a temporary directory that shares a pod's lifetime)",
    '    Medium:        ',
    '    SizeLimit:     <unset>',
    '  Node-Selectors:  <none>',
    '  Tolerations:     <none>',
    `OldReplicaSets:    ${oldText}`,
    `NewReplicaSet:     ${newText}`,
    'Events:            <none>',
  );
}

function rs(name: string, replicas: number, statusReplicas: number, image: string) {
  return replicaSet(name, { ownerUid: UID, replicas, statusReplicas, labels: LABELS, template: upstreamTemplate(image) });
}

describe('describeDeployment (upstream TestDescribeDeployment)', () => {
  it('deployment with two mounted volumes', () => {
    const deployment = upstreamDeployment(1, 'mytest-image:latest', {});
    const out = describePage(deployment, stateWith(deployment, rs('bar-001', 1, 1, 'mytest-image:latest')));
    for (const fragment of [
      'Name:               bar\nNamespace:          foo',
      'CreationTimestamp:  Fri, 01 Jan 2021 00:00:00 +0000',
      'Labels:             k8s-app=bar',
      'Selector:           k8s-app=bar',
      'Replicas:           1 desired | 0 updated | 0 total | 0 available | 0 unavailable',
      'Image:        mytest-image:latest',
      'Mounts:\n      /tmp/vol-bar from vol-bar (rw)\n      /tmp/vol-foo from vol-foo (rw)',
      'OldReplicaSets:    <none>',
      'NewReplicaSet:     bar-001 (1/1 replicas created)',
      'Events:            <none>',
      'Node-Selectors:  <none>',
      'Tolerations:     <none>',
    ])
      expect(out).toContain(fragment);
    expect(out).toBe(
      upstreamPage(
        'mytest-image:latest',
        '1 desired | 0 updated | 0 total | 0 available | 0 unavailable',
        '<none>',
        'bar-001 (1/1 replicas created)',
      ),
    );
  });

  it('deployment during the process of rolling out', () => {
    const deployment = upstreamDeployment(2, 'mytest-image:v2.0', { replicas: 3, updatedReplicas: 1, availableReplicas: 2, unavailableReplicas: 1 });
    const state = stateWith(deployment, rs('bar-001', 2, 2, 'mytest-image:v1.0'), rs('bar-002', 1, 1, 'mytest-image:v2.0'));
    expect(describePage(deployment, state)).toBe(
      upstreamPage(
        'mytest-image:v2.0',
        '2 desired | 1 updated | 3 total | 2 available | 1 unavailable',
        'bar-001 (2/2 replicas created)',
        'bar-002 (1/1 replicas created)',
      ),
    );
  });

  it('deployment after successful rollout lists the old ReplicaSet scaled to zero', () => {
    const deployment = upstreamDeployment(2, 'mytest-image:v2.0', { replicas: 2, updatedReplicas: 2, availableReplicas: 2, unavailableReplicas: 0 });
    const state = stateWith(deployment, rs('bar-001', 0, 0, 'mytest-image:v1.0'), rs('bar-002', 2, 2, 'mytest-image:v2.0'));
    expect(describePage(deployment, state)).toBe(
      upstreamPage(
        'mytest-image:v2.0',
        '2 desired | 2 updated | 2 total | 2 available | 0 unavailable',
        'bar-001 (0/0 replicas created)',
        'bar-002 (2/2 replicas created)',
      ),
    );
  });
});

function defaultedDeployment(strategy: Deployment['spec']['strategy'], status: DeploymentStatus): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'default',
      uid: 'uid-web',
      creationTimestamp: '2025-01-01T00:00:00Z',
      labels: { app: 'web' },
      annotations: { 'deployment.kubernetes.io/revision': '3' },
    },
    spec: {
      replicas: 3,
      selector: { matchLabels: { tier: 'front', app: 'web' } },
      template: simpleTemplate({ app: 'web', tier: 'front' }, 'nginx:1.27'),
      strategy,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status,
  };
}

function hashed(name: string, hash: string, createdAt: string, replicas: number, image: string) {
  const labels = { app: 'web', tier: 'front', 'pod-template-hash': hash };
  const template = simpleTemplate(labels, image);
  return replicaSet(name, { ownerUid: 'uid-web', namespace: 'default', replicas, statusReplicas: replicas, labels, template, createdAt });
}

describe('describeDeployment of a defaulted Deployment', () => {
  it('prints the rolling update parameters, the conditions and the ReplicaSets oldest first, the new one found despite its pod-template-hash', () => {
    const deployment = defaultedDeployment(
      { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: 1 } },
      {
        replicas: 3,
        updatedReplicas: 3,
        availableReplicas: 3,
        conditions: [
          { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
          { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
        ],
      },
    );
    const state = stateWith(
      deployment,
      hashed('web-b', 'b', '2025-01-01T00:00:10Z', 3, 'nginx:1.27'),
      hashed('web-c', 'c', '2025-01-01T00:00:01Z', 0, 'nginx:1.25'),
      hashed('web-a', 'a', '2025-01-01T00:00:05Z', 0, 'nginx:1.26'),
    );
    expect(describePage(deployment, state)).toBe(
      lines(
        'Name:                   web',
        'Namespace:              default',
        'CreationTimestamp:      Wed, 01 Jan 2025 00:00:00 +0000',
        'Labels:                 app=web',
        'Annotations:            deployment.kubernetes.io/revision: 3',
        'Selector:               app=web,tier=front',
        'Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 1 max surge',
        'Pod Template:',
        '  Labels:  app=web',
        '           tier=front',
        '  Containers:',
        '   app:',
        '    Image:         nginx:1.27',
        '    Port:          <none>',
        '    Host Port:     <none>',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    NewReplicaSetAvailable',
        'OldReplicaSets:  web-c (0/0 replicas created), web-a (0/0 replicas created)',
        'NewReplicaSet:   web-b (3/3 replicas created)',
        'Events:          <none>',
      ),
    );
  });

  it('prints no rolling update line for Recreate, and no ReplicaSet lines when it has none', () => {
    const deployment = defaultedDeployment({ type: 'Recreate' }, {});
    const out = describePage(deployment, stateWith(deployment));
    expect(out).toContain('StrategyType:       Recreate\nMinReadySeconds:    0\nPod Template:\n');
    expect(out).not.toContain('RollingUpdateStrategy');
    expect(out).toMatch(/Tolerations: +<none>\nEvents: +<none>\n$/);
  });

  it('leaves out a ReplicaSet it controls whose labels its selector no longer picks', () => {
    const deployment = defaultedDeployment({ type: 'Recreate' }, {});
    const strayLabels = { app: 'other', 'pod-template-hash': 'x' };
    const stray = replicaSet('web-x', { ownerUid: 'uid-web', namespace: 'default', replicas: 1, statusReplicas: 1, labels: strayLabels, template: simpleTemplate(strayLabels) });
    const out = describePage(deployment, stateWith(deployment, stray));
    expect(out).not.toContain('web-x');
    expect(out).not.toContain('OldReplicaSets');
  });

  it('shows a ReplicaSet with another template as old, and no new one', () => {
    const deployment = defaultedDeployment({ type: 'Recreate' }, {});
    const state = stateWith(deployment, hashed('web-a', 'a', '2025-01-01T00:00:05Z', 2, 'nginx:1.26'));
    expect(describePage(deployment, state)).toContain('OldReplicaSets:    web-a (2/2 replicas created)\nNewReplicaSet:     <none>\n');
  });
});

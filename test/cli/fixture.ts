// One small cluster history for the CLI tests: three nodes in different states, a ReplicaSet,
// pods in every status kubectl distinguishes, a pod in kube-system and a ConfigMap. The last
// event is at 10m, so ages read "10m" for objects made at the start.

import { toTimestamp } from '../../core/clock.ts';
import type { EventBody, KsimEvent } from '../../core/events.ts';
import type { PodStatus } from '../../core/objects.ts';
import {
  creatingStatus,
  namespaceObject,
  nodeObject,
  podObject,
  replicaSetObject,
  runningStatus,
} from '../replay/builders.ts';
import { logOf } from './helpers.ts';

export const END_MS = 600_000;

export const webSet = replicaSetObject('web', 3);

function terminated(phase: 'Succeeded' | 'Failed', reason: string, exitCode: number): PodStatus {
  const status = runningStatus(0, [
    {
      ready: false,
      started: false,
      state: {
        terminated: { exitCode, reason, startedAt: toTimestamp(1000), finishedAt: toTimestamp(5000) },
      },
    },
  ]);
  return { ...status, phase, conditions: [] };
}

const crashLooping: PodStatus = runningStatus(0, [
  {
    ready: false,
    restartCount: 3,
    state: {
      waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=web' },
    },
    lastState: {
      terminated: {
        exitCode: 1,
        reason: 'Error',
        startedAt: toTimestamp(550_000),
        finishedAt: toTimestamp(555_000),
      },
    },
  },
]);

const creating = creatingStatus(570_000, '10.0.0.2');

function created(name: string, options: Parameters<typeof podObject>[1]): EventBody {
  return { type: 'pod/created', object: podObject(name, options) };
}

export function clusterEvents(): KsimEvent[] {
  const system = { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } };
  const configMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'settings', namespace: 'default', uid: 'uid-cm', creationTimestamp: toTimestamp(0) },
    data: { mode: 'fast' },
  };
  return logOf([
    [0, 'scenario', { type: 'object/created', object: namespaceObject('default') }],
    [0, 'scenario', { type: 'object/created', object: namespaceObject('kube-system') }],
    [
      0,
      'kubelet/node-1',
      {
        type: 'node/joined',
        object: nodeObject('node-1', { labels: { 'node-role.kubernetes.io/control-plane': '' } }),
      },
    ],
    [0, 'kubelet/node-2', { type: 'node/joined', object: nodeObject('node-2', { internalIP: '10.0.0.2' }) }],
    [
      0,
      'kubelet/node-3',
      { type: 'node/joined', object: nodeObject('node-3', { internalIP: '10.0.0.3', ready: false }) },
    ],
    [0, 'user', { type: 'node/cordoned', name: 'node-2' }],
    [0, 'user', { type: 'object/created', object: webSet }],
    [0, 'user', { type: 'object/created', object: configMap }],
    [
      0,
      'controller/replicaset',
      created('web-running', {
        owner: webSet,
        nodeName: 'node-1',
        cpu: '250m',
        memory: '64Mi',
        status: runningStatus(2000),
      }),
    ],
    [
      0,
      'controller/replicaset',
      created('web-crash', {
        owner: webSet,
        nodeName: 'node-1',
        cpu: '500m',
        memory: '1Gi',
        status: crashLooping,
      }),
    ],
    [
      0,
      'user',
      created('job-done', {
        labels: { app: 'job' },
        nodeName: 'node-1',
        status: terminated('Succeeded', 'Completed', 0),
      }),
    ],
    [
      0,
      'user',
      created('job-failed', {
        labels: { app: 'job' },
        nodeName: 'node-2',
        status: terminated('Failed', 'Error', 1),
      }),
    ],
    [0, 'user', created('web-leaving', { nodeName: 'node-2', status: runningStatus(2000) })],
    [0, 'user', created('web-pending', {})],
    [0, 'user', created('coredns', { ...system, nodeName: 'node-1', status: runningStatus(1000) })],
    [
      0,
      'controller/replicaset',
      {
        type: 'object/statusUpdated',
kind: 'ReplicaSet',
        namespace: 'default',
        name: 'web',
        status: { replicas: 3, readyReplicas: 1, availableReplicas: 1 },
      },
    ],
    [
      570_000,
      'controller/replicaset',
      created('web-creating', { owner: webSet, createdMs: 570_000, status: { phase: 'Pending' } }),
    ],
    [
      570_000,
      'kube-scheduler',
      { type: 'pod/bound', namespace: 'default', name: 'web-creating', nodeName: 'node-2' },
    ],
    [
      571_000,
      'kubelet/node-2',
      { type: 'pod/statusUpdated', namespace: 'default', name: 'web-creating', status: creating },
    ],
    [
      590_000,
      'user',
      { type: 'pod/deletionRequested', namespace: 'default', name: 'web-leaving', gracePeriodSeconds: 30 },
    ],
    [
      END_MS,
      'kubelet/node-1',
      {
        type: 'node/statusReported',
        name: 'node-1',
        status: nodeObject('node-1', { createdMs: END_MS }).status,
      },
    ],
  ]);
}

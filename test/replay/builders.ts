// Small builders for objects and events, shared by the replay and CLI tests. Objects look like
// what admission stores (defaults filled in), with only the fields a test needs to vary exposed.

import { toTimestamp } from '../../core/clock.ts';
import type { EventBody, KsimEvent } from '../../core/events.ts';
import type { ContainerStatus, Namespace, Node, Pod, PodStatus, ReplicaSet } from '../../core/objects.ts';

export function namespaceObject(name: string, createdMs = 0): Namespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      uid: `uid-ns-${name}`,
      creationTimestamp: toTimestamp(createdMs),
      labels: { 'kubernetes.io/metadata.name': name },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

export interface NodeOptions {
  readonly createdMs?: number;
  readonly cpu?: string;
  readonly memory?: string;
  readonly pods?: string;
  readonly ready?: boolean;
  readonly unschedulable?: boolean;
  readonly labels?: Readonly<Record<string, string>>;
  readonly internalIP?: string;
}

export function nodeObject(name: string, options: NodeOptions = {}): Node {
  const resources = { cpu: options.cpu ?? '4', memory: options.memory ?? '8Gi', pods: options.pods ?? '110' };
  const created = toTimestamp(options.createdMs ?? 0);
  const ready = options.ready ?? true;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: `uid-node-${name}`,
      creationTimestamp: created,
      labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', ...(options.labels ?? {}) },
    },
    spec: options.unschedulable ? { unschedulable: true } : {},
    status: {
      capacity: resources,
      allocatable: resources,
      conditions: [
        {
          type: 'Ready',
          status: ready ? 'True' : 'False',
          reason: ready ? 'KubeletReady' : 'KubeletNotReady',
          message: ready ? 'kubelet is posting ready status' : 'container runtime is down',
          lastHeartbeatTime: created,
          lastTransitionTime: created,
        },
      ],
      addresses: [
        { type: 'InternalIP', address: options.internalIP ?? '10.0.0.1' },
        { type: 'Hostname', address: name },
      ],
      nodeInfo: {
        kubeletVersion: 'v1.33.0',
        osImage: 'Ubuntu 24.04 LTS',
        kernelVersion: '6.8.0-45-generic',
        containerRuntimeVersion: 'containerd://2.0.0',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

export interface PodOptions {
  readonly namespace?: string;
  readonly createdMs?: number;
  readonly labels?: Readonly<Record<string, string>>;
  readonly nodeName?: string;
  readonly cpu?: string;
  readonly memory?: string;
  readonly owner?: ReplicaSet;
  readonly status?: PodStatus;
}

export function podObject(name: string, options: PodOptions = {}): Pod {
  const requests = {
    ...(options.cpu ? { cpu: options.cpu } : {}),
    ...(options.memory ? { memory: options.memory } : {}),
  };
  const owner = options.owner;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: options.namespace ?? 'default',
      uid: `uid-pod-${name}`,
      creationTimestamp: toTimestamp(options.createdMs ?? 0),
      labels: options.labels ?? { app: 'web' },
      ...(owner === undefined
        ? {}
        : {
            ownerReferences: [
              {
                apiVersion: 'apps/v1',
                kind: 'ReplicaSet',
                name: owner.metadata.name,
                uid: owner.metadata.uid,
                controller: true,
                blockOwnerDeletion: true,
              },
            ],
          }),
    },
    spec: {
      containers: [
        { name: 'web', image: 'nginx:1.27', resources: Object.keys(requests).length > 0 ? { requests } : {} },
      ],
      restartPolicy: 'Always',
      ...(options.nodeName === undefined ? {} : { nodeName: options.nodeName }),
    },
    status: options.status ?? { phase: 'Pending', qosClass: 'BestEffort' },
  };
}

export function replicaSetObject(name: string, replicas: number, createdMs = 0): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-rs-${name}`,
      generation: 1,
      creationTimestamp: toTimestamp(createdMs),
      labels: { app: name },
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            { name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '128Mi' } } },
          ],
        },
      },
    },
    status: { replicas: 0 },
  };
}

export function runningStatus(
  startedMs: number,
  containers: readonly Partial<ContainerStatus>[] = [{}],
): PodStatus {
  const started = toTimestamp(startedMs);
  return {
    phase: 'Running',
    conditions: [
      { type: 'PodScheduled', status: 'True', lastTransitionTime: started },
      { type: 'Initialized', status: 'True', lastTransitionTime: started },
      { type: 'ContainersReady', status: 'True', lastTransitionTime: started },
      { type: 'Ready', status: 'True', lastTransitionTime: started },
    ],
    hostIP: '10.0.0.1',
    podIP: '10.244.1.5',
    startTime: started,
    qosClass: 'Burstable',
    containerStatuses: containers.map((container) => ({
      name: 'web',
      image: 'nginx:1.27',
      ready: true,
      started: true,
      restartCount: 0,
      state: { running: { startedAt: started } },
      ...container,
    })),
  };
}

/** Places bodies in a log: revisions from `firstRev`, all at `timeMs` unless a body is given with its own time. */
export function eventsOf(
  bodies: readonly (EventBody | readonly [number, EventBody])[],
  actor = 'user',
  firstRev = 1,
): KsimEvent[] {
  return bodies.map((entry, index) => {
    const [time, body] = Array.isArray(entry)
      ? (entry as readonly [number, EventBody])
      : [0, entry as EventBody];
    return { rev: firstRev + index, time, actor, ...body } as KsimEvent;
  });
}

export function event(rev: number, time: number, actor: string, body: EventBody): KsimEvent {
  return { rev, time, actor, ...body } as KsimEvent;
}

/** A pod's status while its container is being created, as the kubelet first reports it. */
export function creatingStatus(timeMs: number, hostIP = '10.0.0.1'): PodStatus {
  return {
    phase: 'Pending',
    conditions: [{ type: 'PodScheduled', status: 'True', lastTransitionTime: toTimestamp(timeMs) }],
    hostIP,
    startTime: toTimestamp(timeMs),
    qosClass: 'Burstable',
    containerStatuses: [
      { name: 'web', image: 'nginx:1.27', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } },
    ],
  };
}

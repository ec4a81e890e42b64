// Objects for DaemonSet controller tests, shaped like upstream's newDaemonSet and newNode
// (pkg/controller/daemon/daemon_controller_test.go): labels simple-daemon/production, OnDelete
// unless a test says otherwise, history limit 2, nodes that are Ready.

import { toTimestamp } from '../../../core/clock.ts';
import type { Labels } from '../../../core/labels.ts';
import type { Node, Pod, PodPhase, PodSpec, Taint } from '../../../core/objects.ts';
import type { DaemonSet, DaemonSetSpec, DaemonSetStatus } from '../../../core/workloads.ts';

export const SIMPLE_DAEMON_SET_LABEL: Labels = { name: 'simple-daemon', type: 'production' };
export const SIMPLE_DAEMON_SET_LABEL2: Labels = { name: 'simple-daemon', type: 'test' };
export const SIMPLE_NODE_LABEL: Labels = { color: 'blue', speed: 'fast' };

export interface DsOptions {
  readonly name?: string;
  readonly spec?: Partial<DaemonSetSpec>;
  readonly templateSpec?: Partial<PodSpec>;
  readonly status?: Partial<DaemonSetStatus>;
  readonly generation?: number;
}

export function daemonSet(options: DsOptions = {}): DaemonSet {
  const name = options.name ?? 'foo';
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: toTimestamp(0), generation: options.generation ?? 1 },
    spec: {
      selector: { matchLabels: SIMPLE_DAEMON_SET_LABEL },
      template: {
        metadata: { labels: SIMPLE_DAEMON_SET_LABEL },
        spec: { containers: [{ name: 'app', image: 'foo/bar' }], ...(options.templateSpec ?? {}) },
      },
      updateStrategy: { type: 'OnDelete' },
      revisionHistoryLimit: 2,
      ...(options.spec ?? {}),
    },
    status: { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0, ...(options.status ?? {}) },
  };
}

export function withImage(ds: DaemonSet, image: string): DaemonSet {
  const template = ds.spec.template;
  const containers = template.spec.containers.map((container) => ({ ...container, image }));
  return { ...ds, metadata: { ...ds.metadata, generation: (ds.metadata.generation ?? 1) + 1 }, spec: { ...ds.spec, template: { ...template, spec: { ...template.spec, containers } } } };
}

export function rollingUpdate(ds: DaemonSet, maxUnavailable: number | string, maxSurge: number | string = 0): DaemonSet {
  return { ...ds, spec: { ...ds.spec, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable, maxSurge } } } };
}

export function node(name: string, labels: Labels = {}, taints: readonly Taint[] = [], unschedulable = false): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `uid-${name}`, creationTimestamp: toTimestamp(0), labels },
    spec: { ...(taints.length === 0 ? {} : { taints }), ...(unschedulable ? { unschedulable } : {}) },
    status: { capacity: { pods: '100' }, allocatable: { pods: '100' }, conditions: [{ type: 'Ready', status: 'True' }] },
  };
}

export interface PodOptions {
  readonly nodeName?: string;
  readonly labels?: Labels;
  readonly phase?: PodPhase;
  readonly readySinceMs?: number;
  readonly createdMs?: number;
  readonly deleting?: boolean;
}

export function daemonPod(name: string, options: PodOptions = {}): Pod {
  const ready = options.readySinceMs !== undefined;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      creationTimestamp: toTimestamp(options.createdMs ?? 0),
      labels: options.labels ?? SIMPLE_DAEMON_SET_LABEL,
      ...(options.deleting === true ? { deletionTimestamp: toTimestamp(0) } : {}),
    },
    spec: { containers: [{ name: 'app', image: 'foo/bar' }], ...(options.nodeName === undefined ? {} : { nodeName: options.nodeName }) },
    status: {
      phase: options.phase ?? (ready ? 'Running' : 'Pending'),
      ...(ready ? { conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: toTimestamp(options.readySinceMs ?? 0) }] } : {}),
    },
  };
}

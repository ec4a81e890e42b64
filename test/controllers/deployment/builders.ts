// Small builders for the Deployment decision tests, shaped like upstream's test helpers
// (newDeployment, rs, newRSWithStatus in pkg/controller/deployment/*_test.go): only the fields a
// test cares about, plain objects, no state.

import { toTimestamp } from '../../../core/clock.ts';
import type { Labels } from '../../../core/labels.ts';
import type { Pod, PodPhase, PodTemplateSpec, ReplicaSet, ReplicaSetStatus } from '../../../core/objects.ts';
import type { Deployment, DeploymentStatus, IntOrString } from '../../../core/workloads.ts';
import { MAX_INT32 } from '../../../controllers/deployment/conditions.ts';

export const MINUTE_MS = 60_000;

export interface DeploymentOptions {
  readonly name?: string;
  readonly uid?: string;
  readonly replicas?: number;
  readonly strategy?: 'RollingUpdate' | 'Recreate';
  readonly maxSurge?: IntOrString;
  readonly maxUnavailable?: IntOrString;
  readonly selector?: Labels;
  readonly template?: PodTemplateSpec;
  /** Upstream's helper leaves it nil, which reads like math.MaxInt32: keep everything. */
  readonly revisionHistoryLimit?: number;
  /** Upstream's helper leaves it nil, which reads like math.MaxInt32: no deadline. */
  readonly progressDeadlineSeconds?: number;
  readonly minReadySeconds?: number;
  readonly generation?: number;
  readonly paused?: boolean;
  readonly annotations?: Labels;
  readonly status?: DeploymentStatus;
}

export function template(labels: Labels = { foo: 'bar' }, image = 'foo/bar'): PodTemplateSpec {
  return { metadata: { labels }, spec: { containers: [{ name: 'app', image }] } };
}

/** Upstream's newDeployment: RollingUpdate with maxSurge 0 and maxUnavailable 0 unless given. */
export function deployment(options: DeploymentOptions = {}): Deployment {
  const selector = options.selector ?? { foo: 'bar' };
  const strategy = options.strategy ?? 'RollingUpdate';
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: options.name ?? 'foo',
      namespace: 'default',
      uid: options.uid ?? 'uid-deployment',
      creationTimestamp: toTimestamp(0),
      ...(options.generation === undefined ? {} : { generation: options.generation }),
      ...(options.annotations === undefined ? {} : { annotations: options.annotations }),
    },
    spec: {
      replicas: options.replicas ?? 1,
      selector: { matchLabels: selector },
      template: options.template ?? template(selector),
      strategy:
        strategy === 'Recreate'
          ? { type: 'Recreate' }
          : { type: 'RollingUpdate', rollingUpdate: { maxSurge: options.maxSurge ?? 0, maxUnavailable: options.maxUnavailable ?? 0 } },
      revisionHistoryLimit: options.revisionHistoryLimit ?? MAX_INT32,
      progressDeadlineSeconds: options.progressDeadlineSeconds ?? MAX_INT32,
      ...(options.minReadySeconds === undefined ? {} : { minReadySeconds: options.minReadySeconds }),
      ...(options.paused === undefined ? {} : { paused: options.paused }),
    },
    status: options.status ?? {},
  };
}

export interface RsOptions {
  readonly uid?: string;
  readonly createdMs?: number;
  readonly annotations?: Labels;
  readonly status?: Partial<ReplicaSetStatus>;
  readonly template?: PodTemplateSpec;
  readonly generation?: number;
  readonly deletionTimestamp?: string;
  readonly ownerUid?: string;
}

/** Upstream's rs(name, replicas, selector, timestamp): an empty template, no status. */
export function rs(name: string, replicas: number, options: RsOptions = {}): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: options.uid ?? `uid-${name}`,
      creationTimestamp: toTimestamp(options.createdMs ?? 0),
      ...(options.generation === undefined ? {} : { generation: options.generation }),
      ...(options.annotations === undefined ? {} : { annotations: options.annotations }),
      ...(options.deletionTimestamp === undefined ? {} : { deletionTimestamp: options.deletionTimestamp }),
      ...(options.ownerUid === undefined
        ? {}
        : { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'foo', uid: options.ownerUid, controller: true }] }),
    },
    spec: {
      replicas,
      selector: { matchLabels: { foo: 'bar' } },
      template: options.template ?? { spec: { containers: [] } },
    },
    status: { replicas: 0, ...options.status },
  };
}

/** Upstream's newRSWithStatus. */
export function rsWithStatus(name: string, specReplicas: number, statusReplicas: number, options: RsOptions = {}): ReplicaSet {
  return rs(name, specReplicas, { ...options, status: { ...options.status, replicas: statusReplicas } });
}

/** A ReplicaSet with availableReplicas (and as many existing pods) set. */
export function rsAvailable(name: string, replicas: number, available: number, options: RsOptions = {}): ReplicaSet {
  return rs(name, replicas, { ...options, status: { replicas, availableReplicas: available, ...options.status } });
}

export function pod(name: string, phase: PodPhase, ownerUid?: string, labels: Labels = { foo: 'bar' }): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      creationTimestamp: toTimestamp(0),
      labels,
      ...(ownerUid === undefined
        ? {}
        : { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: ownerUid, controller: true }] }),
    },
    spec: { containers: [{ name: 'app', image: 'foo/bar' }] },
    status: { phase },
  };
}

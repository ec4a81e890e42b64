// Small builders for the Job controller tests, in the spirit of upstream's buildPod() and
// newJob() helpers (pkg/controller/job/job_controller_test.go): objects with only the fields a
// test cares about.

import { toTimestamp } from '../../../core/clock.ts';
import type { Condition, ContainerStatus, Pod, PodPhase } from '../../../core/objects.ts';
import type { Job, JobSpec, JobStatus } from '../../../core/workloads.ts';
import { JOB_COMPLETION_INDEX_ANNOTATION, JOB_INDEX_FAILURE_COUNT_ANNOTATION, JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION } from '../../../controllers/job/indexes.ts';
import { JOB_TRACKING_FINALIZER } from '../../../controllers/job/job-pods.ts';

export const NO_INDEX = '-';

export function job(spec: Partial<JobSpec> = {}, status: JobStatus = {}, name = 'job-abc'): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: toTimestamp(0) },
    spec: {
      parallelism: 1,
      completions: 1,
      completionMode: 'NonIndexed',
      backoffLimit: 6,
      suspend: false,
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': `uid-${name}` } },
      template: {
        metadata: { labels: { 'batch.kubernetes.io/controller-uid': `uid-${name}` } },
        spec: { containers: [{ name: 'main', image: 'busybox' }], restartPolicy: 'Never' },
      },
      ...spec,
    },
    status,
  };
}

export interface PodOptions {
  readonly uid?: string;
  readonly name?: string;
  readonly phase?: PodPhase;
  /** A completion index annotation; NO_INDEX for none. */
  readonly index?: string;
  readonly failureCount?: string;
  readonly ignoredFailureCount?: string;
  readonly finalizer?: boolean;
  readonly deletionMs?: number;
  readonly deletionGracePeriodSeconds?: number;
  readonly createdMs?: number;
  readonly containerStatuses?: readonly ContainerStatus[];
  readonly initContainerStatuses?: readonly ContainerStatus[];
  readonly conditions?: readonly Condition[];
  readonly nodeName?: string;
  readonly readySinceMs?: number;
}

let counter = 0;

export function pod(options: PodOptions = {}): Pod {
  counter++;
  const annotations: Record<string, string> = {};
  if (options.index !== undefined && options.index !== NO_INDEX) annotations[JOB_COMPLETION_INDEX_ANNOTATION] = options.index;
  if (options.failureCount !== undefined) annotations[JOB_INDEX_FAILURE_COUNT_ANNOTATION] = options.failureCount;
  if (options.ignoredFailureCount !== undefined) annotations[JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION] = options.ignoredFailureCount;
  const conditions = [
    ...(options.conditions ?? []),
    ...(options.readySinceMs === undefined ? [] : [{ type: 'Ready', status: 'True' as const, lastTransitionTime: toTimestamp(options.readySinceMs) }]),
  ];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: options.name ?? `pod-${counter}`,
      namespace: 'default',
      uid: options.uid ?? `pod-uid-${counter}`,
      creationTimestamp: toTimestamp(options.createdMs ?? 0),
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
      ...(options.finalizer === true ? { finalizers: [JOB_TRACKING_FINALIZER] } : {}),
      ...(options.deletionMs === undefined ? {} : { deletionTimestamp: toTimestamp(options.deletionMs) }),
      ...(options.deletionGracePeriodSeconds === undefined ? {} : { deletionGracePeriodSeconds: options.deletionGracePeriodSeconds }),
    },
    spec: { containers: [{ name: 'main', image: 'busybox' }], ...(options.nodeName === undefined ? {} : { nodeName: options.nodeName }) },
    status: {
      phase: options.phase ?? 'Running',
      ...(conditions.length > 0 ? { conditions } : {}),
      ...(options.containerStatuses === undefined ? {} : { containerStatuses: options.containerStatuses }),
      ...(options.initContainerStatuses === undefined ? {} : { initContainerStatuses: options.initContainerStatuses }),
    },
  } as Pod;
}

/** A container status terminated with `exitCode` (finished at `finishedMs`, if given). */
export function terminated(name: string, exitCode: number, finishedMs?: number): ContainerStatus {
  return {
    name,
    image: 'busybox',
    ready: false,
    restartCount: 0,
    state: { terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', finishedAt: finishedMs === undefined ? '' : toTimestamp(finishedMs) } },
  };
}

export function running(name: string, restartCount = 0): ContainerStatus {
  return { name, image: 'busybox', ready: true, restartCount, state: { running: { startedAt: toTimestamp(0) } } };
}

/** upstream's hollowPodsWithIndexPhase. */
export function indexPhasePods(descs: readonly (readonly [string, PodPhase])[], finalizer = false): Pod[] {
  return descs.map(([index, phase]) => pod({ index, phase, finalizer }));
}

/** upstream's toIndexPhases. */
export function toIndexPhases(pods: readonly Pod[]): [string, PodPhase][] {
  return pods.map((p) => [p.metadata.annotations?.[JOB_COMPLETION_INDEX_ANNOTATION] ?? NO_INDEX, p.status.phase]);
}

// `kubectl get` columns of the workload kinds, as printers.go prints them (printDeployment,
// printStatefulSet, printDaemonSet, printJob, printCronJob, printReplicationController,
// printControllerRevision, printPersistentVolumeClaim). With -o wide each adds its containers,
// images and selector where upstream does.

import { formatAgeMs } from '../../core/duration.ts';
import { fromTimestamp } from '../../core/clock.ts';
import { formatSelector } from '../../core/labels.ts';
import { controllerOf, findCondition, type KubeObject, type PodTemplateSpec } from '../../core/objects.ts';
import type { CronJob, DaemonSet, Deployment, Job, PersistentVolumeClaim, ReplicationController, StatefulSet } from '../../core/workloads.ts';
import { formatLabels } from './labels.ts';
import { containerCells } from './replicasets.ts';
import { ageSince } from './time.ts';

const WIDE_TEMPLATE = ['CONTAINERS', 'IMAGES', 'SELECTOR'];

function templateCells(template: PodTemplateSpec | undefined): [string, string] {
  return containerCells(template?.spec.containers ?? []);
}

export const deploymentColumns = {
  headers: (wide: boolean) => ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE', ...(wide ? WIDE_TEMPLATE : [])],
  row(deployment: Deployment, wide: boolean, nowMs: number): string[] {
    const { status } = deployment;
    const row = [
      deployment.metadata.name,
      `${status.readyReplicas ?? 0}/${deployment.spec.replicas}`,
      String(status.updatedReplicas ?? 0),
      String(status.availableReplicas ?? 0),
      ageSince(deployment.metadata.creationTimestamp, nowMs),
    ];
    return wide ? [...row, ...templateCells(deployment.spec.template), formatSelector(deployment.spec.selector)] : row;
  },
};

export const statefulSetColumns = {
  headers: (wide: boolean) => ['NAME', 'READY', 'AGE', ...(wide ? ['CONTAINERS', 'IMAGES'] : [])],
  row(set: StatefulSet, wide: boolean, nowMs: number): string[] {
    const row = [set.metadata.name, `${set.status.readyReplicas ?? 0}/${set.spec.replicas}`, ageSince(set.metadata.creationTimestamp, nowMs)];
    return wide ? [...row, ...templateCells(set.spec.template)] : row;
  },
};

export const daemonSetColumns = {
  headers: (wide: boolean) => ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE', ...(wide ? WIDE_TEMPLATE : [])],
  row(set: DaemonSet, wide: boolean, nowMs: number): string[] {
    const { status } = set;
    const row = [
      set.metadata.name,
      String(status.desiredNumberScheduled ?? 0),
      String(status.currentNumberScheduled ?? 0),
      String(status.numberReady ?? 0),
      String(status.updatedNumberScheduled ?? 0),
      String(status.numberAvailable ?? 0),
      formatLabels(set.spec.template.spec.nodeSelector),
      ageSince(set.metadata.creationTimestamp, nowMs),
    ];
    return wide ? [...row, ...templateCells(set.spec.template), formatSelector(set.spec.selector)] : row;
  },
};

function hasCondition(job: Job, type: string): boolean {
  return findCondition(job.status.conditions, type)?.status === 'True';
}

/** printJob's STATUS column, in upstream's order of precedence. */
export function jobStatusText(job: Job): string {
  if (hasCondition(job, 'Complete')) return 'Complete';
  if (hasCondition(job, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp !== undefined) return 'Terminating';
  if (hasCondition(job, 'Suspended')) return 'Suspended';
  if (hasCondition(job, 'FailureTarget')) return 'FailureTarget';
  if (hasCondition(job, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

function completionsText(job: Job): string {
  const succeeded = job.status.succeeded ?? 0;
  if (job.spec.completions !== undefined && job.spec.completions !== null) return `${succeeded}/${job.spec.completions}`;
  const parallelism = job.spec.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function durationText(job: Job, nowMs: number): string {
  const { startTime, completionTime } = job.status;
  if (startTime === undefined) return '';
  const endMs = completionTime === undefined ? nowMs : fromTimestamp(completionTime);
  return formatAgeMs(endMs - fromTimestamp(startTime));
}

export const jobColumns = {
  headers: (wide: boolean) => ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE', ...(wide ? WIDE_TEMPLATE : [])],
  row(job: Job, wide: boolean, nowMs: number): string[] {
    const row = [job.metadata.name, jobStatusText(job), completionsText(job), durationText(job, nowMs), ageSince(job.metadata.creationTimestamp, nowMs)];
    return wide ? [...row, ...templateCells(job.spec.template), formatSelector(job.spec.selector)] : row;
  },
};

function boolText(value: boolean | undefined): string {
  return value === undefined ? '<unset>' : value ? 'True' : 'False';
}

export const cronJobColumns = {
  headers: (wide: boolean) => ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE', ...(wide ? WIDE_TEMPLATE : [])],
  row(cronJob: CronJob, wide: boolean, nowMs: number): string[] {
    const { spec, status } = cronJob;
    const last = status.lastScheduleTime === undefined ? '<none>' : ageSince(status.lastScheduleTime, nowMs);
    const row = [
      cronJob.metadata.name,
      spec.schedule,
      spec.timeZone ?? '<none>',
      boolText(spec.suspend),
      String(status.active?.length ?? 0),
      last,
      ageSince(cronJob.metadata.creationTimestamp, nowMs),
    ];
    return wide ? [...row, ...templateCells(spec.jobTemplate.spec.template), formatSelector(spec.jobTemplate.spec.selector)] : row;
  },
};

export const replicationControllerColumns = {
  headers: (wide: boolean) => ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE', ...(wide ? WIDE_TEMPLATE : [])],
  row(rc: ReplicationController, wide: boolean, nowMs: number): string[] {
    const row = [rc.metadata.name, String(rc.spec.replicas), String(rc.status.replicas ?? 0), String(rc.status.readyReplicas ?? 0), ageSince(rc.metadata.creationTimestamp, nowMs)];
    return wide ? [...row, ...templateCells(rc.spec.template), formatLabels(rc.spec.selector)] : row;
  },
};

export const controllerRevisionColumns = {
  headers: () => ['NAME', 'CONTROLLER', 'REVISION', 'AGE'],
  row(revision: KubeObject & { readonly revision?: number }, _wide: boolean, nowMs: number): string[] {
    const owner = controllerOf(revision);
    const group = owner?.apiVersion.includes('/') ? `.${owner.apiVersion.split('/')[0]}` : '';
    const controller = owner === undefined ? '<none>' : `${owner.kind.toLowerCase()}${group}/${owner.name}`;
    return [revision.metadata.name, controller, String(revision.revision ?? 0), ageSince(revision.metadata.creationTimestamp, nowMs)];
  },
};

interface ClaimSpec {
  readonly volumeName?: string;
  readonly storageClassName?: string;
  readonly volumeMode?: string;
  readonly volumeAttributesClassName?: string;
}

export const persistentVolumeClaimColumns = {
  headers: (wide: boolean) => ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE', ...(wide ? ['VOLUMEMODE'] : [])],
  row(claim: PersistentVolumeClaim, wide: boolean, nowMs: number): string[] {
    const spec = claim.spec as ClaimSpec;
    const phase = claim.metadata.deletionTimestamp === undefined ? claim.status.phase : 'Terminating';
    const status = claim.status as { capacity?: Record<string, string>; accessModes?: readonly string[] };
    const bound = (spec.volumeName ?? '') !== '';
    const row = [
      claim.metadata.name,
      phase,
      spec.volumeName ?? '',
      bound ? (status.capacity?.storage ?? '') : '',
      bound ? accessModesText(status.accessModes) : '',
      spec.storageClassName ?? '',
      spec.volumeAttributesClassName ?? '<unset>',
      ageSince(claim.metadata.creationTimestamp, nowMs),
    ];
    return wide ? [...row, spec.volumeMode ?? '<unset>'] : row;
  },
};

/** helper.GetAccessModesAsString: the short forms, in upstream's fixed order. */
function accessModesText(modes: readonly string[] | undefined): string {
  const short: Readonly<Record<string, string>> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };
  return Object.keys(short)
    .filter((mode) => modes?.includes(mode) === true)
    .map((mode) => short[mode])
    .join(',');
}

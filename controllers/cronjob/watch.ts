// Which CronJobs a change concerns, as upstream's event handlers route them (addJob, updateJob,
// deleteJob and the CronJob handlers in pkg/controller/cronjob/cronjob_controllerv2.go): any
// change of a CronJob syncs it at once, except a new schedule or time zone, which asks for a sync
// at the new schedule's next activation; any change of a Job wakes the CronJob that controls it
// (and, when its controller reference moved, the one that did), found by name and checked by uid.

import type { Change } from '../../core/controller.ts';
import { controllerOf, keyOf, type KubeObject, objectKey, type OwnerReference } from '../../core/objects.ts';
import type { CronJob } from '../../core/workloads.ts';
import { kindTable } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { scheduleKey } from './keys.ts';
import { sameRef } from '../common/object-changes.ts';

/** resolveControllerRef: the CronJob a Job's controller reference names, if it exists with that uid. */
function ownerKeys(state: ClusterState, job: KubeObject, ref: OwnerReference | undefined): string[] {
  if (ref === undefined || ref.kind !== 'CronJob') return [];
  const key = objectKey(job.metadata.namespace, ref.name);
  return kindTable(state, 'CronJob').get(key)?.metadata.uid === ref.uid ? [key] : [];
}

function jobKeys(change: Change<ClusterState>, key: string): string[] {
  const before = kindTable(change.before, 'Job').get(key);
  const after = kindTable(change.after, 'Job').get(key);
  if (after === undefined) return before === undefined ? [] : ownerKeys(change.after, before, controllerOf(before));
  if (before === undefined) return ownerKeys(change.after, after, controllerOf(after));
  const refChanged = !sameRef(controllerOf(before), controllerOf(after));
  const keys = refChanged ? ownerKeys(change.after, before, controllerOf(before)) : [];
  keys.push(...ownerKeys(change.after, after, controllerOf(after)));
  return [...new Set(keys)];
}

/** updateCronJob: a new schedule or time zone is synced at its next activation, anything else now. */
function updatedCronJobKeys(change: Change<ClusterState>, key: string): string[] {
  const before = kindTable<CronJob>(change.before, 'CronJob').get(key);
  const after = kindTable<CronJob>(change.after, 'CronJob').get(key);
  if (before === undefined || after === undefined) return [key];
  const rescheduled = before.spec.schedule !== after.spec.schedule || before.spec.timeZone !== after.spec.timeZone;
  return [rescheduled ? scheduleKey(key) : key];
}

function keysOf(change: Change<ClusterState>, kind: string, key: string): string[] {
  if (kind === 'Job') return jobKeys(change, key);
  if (kind !== 'CronJob') return [];
  return change.event.type === 'object/updated' ? updatedCronJobKeys(change, key) : [key];
}

/** The keys of the CronJob controller's queue for one change. */
export function cronJobKeysFor(change: Change<ClusterState>): string[] {
  const { event } = change;
  switch (event.type) {
    case 'object/created':
    case 'object/updated':
      return keysOf(change, event.object.kind, keyOf(event.object));
    case 'object/statusUpdated':
    case 'object/adopted':
    case 'object/released':
    case 'object/deletionRequested':
    case 'object/deleted':
      return keysOf(change, event.kind, objectKey(event.namespace, event.name));
    default:
      return [];
  }
}

// Which keys a change gives the Job controller, as upstream's event handlers route them (addPod,
// updatePod, deletePod, addJob, updateJob and deleteJob in pkg/controller/job/job_controller.go):
//   - a pod with a controller reference to a Job asks for that Job's batched sync; an orphan asks
//     for the batched sync of the Jobs whose selector matches it (one may adopt it) when it appears
//     or its labels or owner move, and for the removal of its tracking finalizer if it has one;
//   - a pod being deleted whose Job is gone or finished only needs its finalizer removed;
//   - a Job created or deleted, or whose spec changed (a new generation), is synced at once; any
//     other change of a Job (its own status writes included) asks for a batched sync;
//   - a finished or deleted Job has the finalizer removed from the pods it still controls
//     (cleanupPodFinalizers).
// Pods and Jobs are found through the indexes: a pod's controller by name and uid, a Job's pods
// through the controllees index, the Jobs of a namespace through the namespace index.

import type { Change } from '../../core/controller.ts';
import { selectorMatches } from '../../core/labels.ts';
import { controllerOf, keyOf, objectKey, type OwnerReference, type Pod } from '../../core/objects.ts';
import type { Job } from '../../core/workloads.ts';
import { controlledObjects, kindTable, listObjects } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { isJobFinished } from './conditions.ts';
import { hasJobTrackingFinalizer } from './job-pods.ts';
import { batchKey, orphanPodKey } from './keys.ts';
import { resolveJob } from './resolve.ts';
import { sameLabels, sameRef } from '../common/object-changes.ts';

/** getPodJobs: the Jobs of the pod's namespace whose selector matches it, sorted by name. */
function matchingJobKeys(state: ClusterState, pod: Pod): string[] {
  return listObjects<Job>(state, 'Job', pod.metadata.namespace ?? 'default')
    .filter((job) => selectorMatches(job.spec.selector, pod.metadata.labels))
    .map((job) => batchKey(keyOf(job)));
}

function orphanKeys(pod: Pod): string[] {
  return hasJobTrackingFinalizer(pod) ? [orphanPodKey(keyOf(pod))] : [];
}

function jobBatchKeys(state: ClusterState, pod: Pod, ref: OwnerReference | undefined): string[] {
  const job = resolveJob(state, pod.metadata.namespace, ref);
  return job === undefined ? [] : [batchKey(keyOf(job))];
}

/** deletePod (and a pod marked for deletion): its Job's sync, or the finalizer's removal when no sync will. */
function deletedPodKeys(state: ClusterState, pod: Pod): string[] {
  const ref = controllerOf(pod);
  if (ref === undefined) return orphanKeys(pod);
  const job = resolveJob(state, pod.metadata.namespace, ref);
  if (job === undefined || isJobFinished(job)) return orphanKeys(pod);
  return [batchKey(keyOf(job))];
}

function addedPodKeys(state: ClusterState, pod: Pod): string[] {
  if (pod.metadata.deletionTimestamp !== undefined) return deletedPodKeys(state, pod);
  const ref = controllerOf(pod);
  if (ref !== undefined) return jobBatchKeys(state, pod, ref);
  return [...orphanKeys(pod), ...matchingJobKeys(state, pod)];
}

function updatedPodKeys(state: ClusterState, old: Pod, current: Pod): string[] {
  if (current.metadata.deletionTimestamp !== undefined) return deletedPodKeys(state, current);
  const oldRef = controllerOf(old);
  const currentRef = controllerOf(current);
  const refChanged = !sameRef(oldRef, currentRef);
  const keys = refChanged && oldRef !== undefined ? jobBatchKeys(state, old, oldRef) : [];
  if (currentRef !== undefined) keys.push(...jobBatchKeys(state, current, currentRef));
  else {
    keys.push(...orphanKeys(current));
    if (refChanged || !sameLabels(old, current)) keys.push(...matchingJobKeys(state, current));
  }
  return [...new Set(keys)];
}

function podKeys(change: Change<ClusterState>, key: string): string[] {
  const before = change.before.pods.get(key);
  const after = change.after.pods.get(key);
  if (after === undefined) return before === undefined ? [] : deletedPodKeys(change.after, before);
  if (before === undefined) return addedPodKeys(change.after, after);
  return updatedPodKeys(change.after, before, after);
}

/** cleanupPodFinalizers: the pods the Job selects and controls that still carry the finalizer. */
function cleanupKeys(state: ClusterState, job: Job): string[] {
  return controlledObjects<Pod>(state, 'Pod', job.metadata.uid)
    .filter((pod) => pod.metadata.namespace === job.metadata.namespace && hasJobTrackingFinalizer(pod) && selectorMatches(job.spec.selector, pod.metadata.labels))
    .map((pod) => orphanPodKey(keyOf(pod)));
}

function jobKeys(change: Change<ClusterState>, key: string): string[] {
  const before = kindTable<Job>(change.before, 'Job').get(key);
  const after = kindTable<Job>(change.after, 'Job').get(key);
  if (after === undefined) return before === undefined ? [] : [key, ...cleanupKeys(change.after, before)];
  if (before === undefined) return [key];
  const keys = [before.metadata.generation === after.metadata.generation ? batchKey(key) : key];
  if (isJobFinished(after)) keys.push(...cleanupKeys(change.after, after));
  return keys;
}

/** The keys of the Job controller's queue for one change. */
export function jobKeysFor(change: Change<ClusterState>): string[] {
  const { event } = change;
  switch (event.type) {
    case 'pod/created':
    case 'pod/updated':
      return podKeys(change, keyOf(event.object));
    case 'pod/bound':
    case 'pod/schedulingFailed':
    case 'pod/statusUpdated':
    case 'pod/deletionRequested':
    case 'pod/deleted':
    case 'pod/adopted':
    case 'pod/released':
      return podKeys(change, objectKey(event.namespace, event.name));
    case 'object/created':
    case 'object/updated':
      return event.object.kind === 'Job' ? jobKeys(change, keyOf(event.object)) : [];
    case 'object/statusUpdated':
    case 'object/adopted':
    case 'object/released':
    case 'object/deletionRequested':
    case 'object/deleted':
      return event.kind === 'Job' ? jobKeys(change, objectKey(event.namespace, event.name)) : [];
    default:
      return [];
  }
}

// The Events the DaemonSet controller records, with upstream's texts: RealPodControl's
// (pkg/controller/controller_utils.go) for its pod calls, and daemon_controller.go's own.

import type { EventRecord } from '../../core/commands.ts';
import type { Pod } from '../../core/objects.ts';
import type { DaemonSet, ObjectReference } from '../../core/workloads.ts';

export function daemonSetReference(ds: DaemonSet): ObjectReference {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    ...(ds.metadata.namespace === undefined ? {} : { namespace: ds.metadata.namespace }),
    name: ds.metadata.name,
    uid: ds.metadata.uid,
    ...(ds.metadata.resourceVersion === undefined ? {} : { resourceVersion: ds.metadata.resourceVersion }),
  };
}

function event(ds: DaemonSet, type: EventRecord['type'], reason: string, message: string): EventRecord {
  return { involvedObject: daemonSetReference(ds), type, reason, message };
}

/** "Created pod: %v" with the name the API server gave; `{name}` stands for it until then. */
export function createdPodEvent(ds: DaemonSet): EventRecord {
  return event(ds, 'Normal', 'SuccessfulCreate', 'Created pod: {name}');
}

/** Not recorded when the namespace is terminating. */
export function failedCreateEvent(ds: DaemonSet, error: string): EventRecord {
  return event(ds, 'Warning', 'FailedCreate', `Error creating: ${error}`);
}

export function deletedPodEvent(ds: DaemonSet, podName: string): EventRecord {
  return event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${podName}`);
}

/** Not recorded when the pod was already gone (NotFound). */
export function failedDeleteEvent(ds: DaemonSet, error: string): EventRecord {
  return event(ds, 'Warning', 'FailedDelete', `Error deleting: ${error}`);
}

export function failedDaemonPodEvent(ds: DaemonSet, pod: Pod, nodeName: string): EventRecord {
  const podKey = `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
  const message = `Found failed daemon pod ${podKey} on node ${nodeName}, will try to kill it`;
  return event(ds, 'Warning', 'FailedDaemonPod', message);
}

export function succeededDaemonPodEvent(ds: DaemonSet, pod: Pod, nodeName: string): EventRecord {
  const podKey = `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
  const message = `Found succeeded daemon pod ${podKey} on node ${nodeName}, will try to delete it`;
  return event(ds, 'Normal', 'SucceededDaemonPod', message);
}

export function selectingAllEvent(ds: DaemonSet): EventRecord {
  return event(ds, 'Warning', 'SelectingAll', 'This daemon set is selecting all pods. A non-empty selector is required.');
}

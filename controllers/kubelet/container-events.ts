// The Events the kubelet records about a pod's containers, in upstream's words
// (pkg/kubelet/events/event.go for the reasons; kuberuntime_container.go, prober.go and
// image_manager.go for the messages). Each names the container by its field path, as
// GenerateContainerRef does: "spec.containers{app}" or "spec.initContainers{init}".

import type { EventRecord } from '../../core/commands.ts';
import type { Pod } from '../../core/objects.ts';
import { withFields } from '../../core/with-fields.ts';

export interface ContainerRef {
  readonly pod: Pod;
  readonly name: string;
  readonly init: boolean;
}

/** The pod as an Event's involved object. */
function podReference(pod: Pod): EventRecord['involvedObject'] {
  const { namespace, name, uid, resourceVersion } = pod.metadata;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    ...(namespace === undefined ? {} : { namespace }),
    name,
    uid,
    ...(resourceVersion === undefined ? {} : { resourceVersion }),
  };
}

export function containerEvent(ref: ContainerRef, type: 'Normal' | 'Warning', reason: string, message: string): EventRecord {
  const fieldPath = `spec.${ref.init ? 'initContainers' : 'containers'}{${ref.name}}`;
  return { involvedObject: withFields(podReference(ref.pod), { fieldPath }), type, reason, message };
}

/** An Event about the pod itself (admission, the active deadline). */
export function podEvent(pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string): EventRecord {
  return { involvedObject: podReference(pod), type, reason, message };
}

/** killContainer's event; `message` is the reason for a kill that is not the pod's own stop. */
export function killingEvent(ref: ContainerRef, message = `Stopping container ${ref.name}`): EventRecord {
  return containerEvent(ref, 'Normal', 'Killing', message);
}

/** The Warning a start that failed records after the image manager's own: "Error: ErrImagePull". */
export function startFailedEvent(ref: ContainerRef, error: string): EventRecord {
  return containerEvent(ref, 'Warning', 'Failed', `Error: ${error}`);
}

/** Each sync that finds a failed container still in its back-off; `podRef` is format.Pod's "name_namespace(uid)". */
export function crashBackoffEvent(ref: ContainerRef, podRef: string): EventRecord {
  return containerEvent(ref, 'Warning', 'BackOff', `Back-off restarting failed container ${ref.name} in pod ${podRef}`);
}

export function unhealthyEvent(ref: ContainerRef, probeName: string, output: string): EventRecord {
  return containerEvent(ref, 'Warning', 'Unhealthy', `${probeName} probe failed: ${output}`);
}

// The Job a controller reference names (resolveControllerRef in pkg/controller/job/job_controller.go):
// looked up by name, then checked by uid, since a Job deleted and created again under the same
// name is another Job.

import { objectKey, type OwnerReference } from '../../core/objects.ts';
import type { Job } from '../../core/workloads.ts';
import { kindTable } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';

export function resolveJob(state: ClusterState, namespace: string | undefined, ref: OwnerReference | undefined): Job | undefined {
  if (ref === undefined || ref.kind !== 'Job') return undefined;
  const job = kindTable<Job>(state, 'Job').get(objectKey(namespace, ref.name));
  return job?.metadata.uid === ref.uid ? job : undefined;
}

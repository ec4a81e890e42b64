// Which Jobs the TTL-after-finished controller looks at, as upstream's addJob and updateJob
// (pkg/controller/ttlafterfinished/ttlafterfinished_controller.go): a Job not being deleted that
// has finished and asks for clean-up. A Job's status write is what finishes it, so every change
// of a Job is looked at; nothing else matters to this controller.

import type { Change } from '../../core/controller.ts';
import { keyOf, objectKey } from '../../core/objects.ts';
import type { Job } from '../../core/workloads.ts';
import { kindTable } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { ttlNeedsCleanup } from './ttl-decision.ts';

function keysFor(state: ClusterState, key: string): string[] {
  const job = kindTable<Job>(state, 'Job').get(key);
  return job !== undefined && job.metadata.deletionTimestamp === undefined && ttlNeedsCleanup(job) ? [key] : [];
}

export function ttlKeysFor(change: Change<ClusterState>): string[] {
  const { event } = change;
  switch (event.type) {
    case 'object/created':
    case 'object/updated':
      return event.object.kind === 'Job' ? keysFor(change.after, keyOf(event.object)) : [];
    case 'object/statusUpdated':
    case 'object/adopted':
    case 'object/released':
      return event.kind === 'Job' ? keysFor(change.after, objectKey(event.namespace, event.name)) : [];
    default:
      return [];
  }
}

// The ReplicaSet reducer. Admission has already bumped metadata.generation for spec changes that
// arrive as a whole object; a scale bumps it here.

import type { KsimEvent } from '../core/events.ts';
import { objectKey, type ReplicaSet } from '../core/objects.ts';
import { stamp } from './stamp.ts';
import type { ClusterState } from './state.ts';

export type ReplicaSetEvent = Extract<KsimEvent, { type: `replicaset/${string}` }>;

function changed(current: ReplicaSet | undefined, event: ReplicaSetEvent): ReplicaSet | undefined {
  switch (event.type) {
    case 'replicaset/created':
    case 'replicaset/updated':
      return event.object;
    case 'replicaset/deleted':
      return undefined;
    case 'replicaset/scaled':
      if (current === undefined) return undefined;
      return {
        ...current,
        metadata: { ...current.metadata, generation: (current.metadata.generation ?? 1) + 1 },
        spec: { ...current.spec, replicas: event.replicas },
      };
    case 'replicaset/statusUpdated':
      return current === undefined ? undefined : { ...current, status: event.status };
  }
}

export function reduceReplicaSet(state: ClusterState, event: ReplicaSetEvent): ClusterState {
  const key = 'object' in event ? objectKey(event.object.metadata.namespace, event.object.metadata.name) : objectKey(event.namespace, event.name);
  const current = state.replicaSets.get(key);
  if (current === undefined && event.type !== 'replicaset/created') return state;
  const next = changed(current, event);
  const replicaSets = next === undefined ? state.replicaSets.delete(key) : state.replicaSets.set(key, stamp(next, event.rev));
  return { ...state, replicaSets };
}

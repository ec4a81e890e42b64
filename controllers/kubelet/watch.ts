// Which kubelet keys a change concerns. A pod matters to its kubelet once it is bound (or created
// bound), when its spec changes (a new image), when its deletion is requested, and when it is gone
// (its memory is dropped); everything else the kubelet schedules for itself with timers, so it
// does not listen to its own status reports. A node that joins gets its first status report, and
// pods bound to it before it joined are admitted.

import type { Change } from '../../core/controller.ts';
import { objectKey } from '../../core/objects.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { nodeKey, podKey, podKeyOf } from './keys.ts';

function nodeJoined(state: ClusterState, name: string): string[] {
  const waiting = state.indexes.podsByNode
    .members(name)
    .filter((key) => state.pods.get(key)?.status.startTime === undefined)
    .map(podKeyOf);
  return [nodeKey(name), ...waiting];
}

export function kubeletKeysFor(change: Change<ClusterState>): string[] {
  const { event, before, after } = change;
  switch (event.type) {
    case 'pod/bound':
      return [podKey(event.namespace, event.name)];
    case 'pod/created':
    case 'pod/updated':
      return event.object.spec.nodeName
        ? [podKey(event.object.metadata.namespace, event.object.metadata.name)]
        : [];
    case 'pod/deletionRequested':
      return after.pods.get(objectKey(event.namespace, event.name))?.spec.nodeName
        ? [podKey(event.namespace, event.name)]
        : [];
    case 'pod/deleted':
      return before.pods.get(objectKey(event.namespace, event.name))?.spec.nodeName
        ? [podKey(event.namespace, event.name)]
        : [];
    case 'node/deleted':
      return [nodeKey(event.name)];
    case 'node/joined':
    case 'node/updated':
      return nodeJoined(after, event.object.metadata.name);
    default:
      return [];
  }
}

// Namespaces and every kind ksim does not model yet (ConfigMap, Secret, Service, ...), kept as
// given so later controllers find them.

import type { KsimEvent } from '../core/events.ts';
import { stamp } from './stamp.ts';
import { type ClusterState, otherObjectKey } from './state.ts';

export type ObjectEvent = Extract<KsimEvent, { type: `object/${string}` | `namespace/${string}` }>;

export function reduceObject(state: ClusterState, event: ObjectEvent): ClusterState {
  switch (event.type) {
    case 'namespace/created':
    case 'namespace/updated':
      return { ...state, namespaces: state.namespaces.set(event.object.metadata.name, stamp(event.object, event.rev)) };
    case 'object/created':
    case 'object/updated': {
      const { kind, metadata } = event.object;
      const key = otherObjectKey(kind, metadata.namespace, metadata.name);
      return { ...state, objects: state.objects.set(key, stamp(event.object, event.rev)) };
    }
    case 'object/deleted':
      return { ...state, objects: state.objects.delete(otherObjectKey(event.kind, event.namespace, event.name)) };
  }
}

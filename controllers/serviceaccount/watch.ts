// Which namespaces the ServiceAccount controller looks at, as upstream's handlers: a namespace
// added or updated, and the namespace of a deleted `default` account.

import type { Change } from '../../core/controller.ts';
import type { ClusterState } from '../../reducers/state.ts';

export function serviceAccountKeysFor(change: Change<ClusterState>): string[] {
  const { event } = change;
  switch (event.type) {
    case 'object/created':
    case 'object/updated':
      return event.object.kind === 'Namespace' ? [event.object.metadata.name] : [];
    case 'object/deleted':
      return event.kind === 'ServiceAccount' && event.name === 'default' && event.namespace !== undefined ? [event.namespace] : [];
    default:
      return [];
  }
}

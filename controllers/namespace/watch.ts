// Which namespaces the namespace controller looks at: as upstream's informer handlers, any added
// or updated Namespace (a delete marks it with an update). Like upstream, it does not watch the
// content: while objects remain it looks again after its own estimate.

import type { Change } from '../../core/controller.ts';
import type { ClusterState } from '../../reducers/state.ts';

export function namespaceKeysFor(change: Change<ClusterState>): string[] {
  const { event } = change;
  if (event.type !== 'object/created' && event.type !== 'object/updated') return [];
  const { object } = event;
  return object.kind === 'Namespace' && object.metadata.deletionTimestamp !== undefined ? [object.metadata.name] : [];
}

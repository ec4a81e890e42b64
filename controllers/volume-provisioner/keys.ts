// What the simulated provisioner looks at: claims that change (it decides in the reconcile whether
// one is for it), and volumes that change (a Released one may be its to delete).

import type { Change } from '../../core/controller.ts';
import { objectKey } from '../../core/objects.ts';
import type { ClusterState } from '../../reducers/state.ts';

export function provisionerKeysFor(change: Change<ClusterState>): string[] {
  const { event } = change;
  switch (event.type) {
    case 'object/created':
    case 'object/updated': {
      const { kind, metadata } = event.object;
      if (kind === 'PersistentVolumeClaim') return [`claim:${objectKey(metadata.namespace, metadata.name)}`];
      return kind === 'PersistentVolume' ? [`volume:${metadata.name}`] : [];
    }
    case 'object/statusUpdated':
      if (event.kind === 'PersistentVolumeClaim') return [`claim:${objectKey(event.namespace, event.name)}`];
      return event.kind === 'PersistentVolume' ? [`volume:${event.name}`] : [];
    default:
      return [];
  }
}

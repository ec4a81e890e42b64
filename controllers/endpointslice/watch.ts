// Which Services a change concerns, as the EndpointSlice controller's handlers route them: a
// Service's own changes; a pod's through the Services whose selector matches it (its namespace's
// Services, which are few; the pods of a Service are found through the label index); an
// EndpointSlice's through its service-name label, so a slice changed or deleted by someone else
// is put right.

import type { Change } from '../../core/controller.ts';
import { LABEL_SERVICE_NAME, LABEL_SLICE_MANAGED_BY, SLICE_CONTROLLER_NAME } from '../../core/networking.ts';
import { objectKey, type Pod } from '../../core/objects.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { changedObject } from '../common/changed-object.ts';
import { servicesForPodChange } from '../common/service-pods.ts';

export function endpointSliceKeysFor(change: Change<ClusterState>): string[] {
  const changed = changedObject(change);
  if (changed === undefined) return [];
  switch (changed.kind) {
    case 'Service':
      return [changed.key];
    case 'Pod':
      return servicesForPodChange(change.after, changed.before as Pod | undefined, changed.after as Pod | undefined);
    case 'EndpointSlice': {
      const slice = changed.after ?? changed.before;
      const labels = slice?.metadata.labels ?? {};
      const service = labels[LABEL_SERVICE_NAME];
      if (service === undefined || labels[LABEL_SLICE_MANAGED_BY] !== SLICE_CONTROLLER_NAME) return [];
      return [objectKey(slice?.metadata.namespace, service)];
    }
    default:
      return [];
  }
}

// The EndpointSlice objects the controller writes (utils.go newEndpointSlice and
// setEndpointSliceLabels): the Service's labels but the reserved ones, the headless label for a
// Service without a cluster IP, the service-name and managed-by labels, and a controller
// reference to the Service.

import {
  type Endpoint,
  type EndpointPort,
  type EndpointSlice,
  LABEL_HEADLESS,
  LABEL_SERVICE_NAME,
  LABEL_SLICE_MANAGED_BY,
  type Service,
  SLICE_CONTROLLER_NAME,
} from '../../core/networking.ts';
import type { Labels } from '../../core/labels.ts';
import { withFields } from '../../core/with-fields.ts';
import type { NewSlice } from './slice-plan.ts';

const RESERVED = new Set([LABEL_SERVICE_NAME, LABEL_SLICE_MANAGED_BY, LABEL_HEADLESS]);

/** isServiceIPSet */
const hasClusterIP = (service: Service): boolean => (service.spec.clusterIP ?? '') !== '' && service.spec.clusterIP !== 'None';

export function sliceLabels(service: Service): Labels {
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(service.metadata.labels ?? {})) if (!RESERVED.has(key)) labels[key] = value;
  if (!hasClusterIP(service)) labels[LABEL_HEADLESS] = '';
  labels[LABEL_SERVICE_NAME] = service.metadata.name;
  labels[LABEL_SLICE_MANAGED_BY] = SLICE_CONTROLLER_NAME;
  // Stored labels are a Go map: JSON lists them by key.
  return Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function newSliceManifest(service: Service, slice: NewSlice): Record<string, unknown> {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: `${service.metadata.name}-`,
      namespace: service.metadata.namespace ?? 'default',
      labels: sliceLabels(service),
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: service.metadata.name, uid: service.metadata.uid, controller: true, blockOwnerDeletion: true }],
    },
    addressType: 'IPv4',
    endpoints: slice.endpoints,
    ports: slice.ports,
  };
}

export function updatedSlice(service: Service, slice: EndpointSlice, endpoints: readonly Endpoint[], ports: readonly EndpointPort[] | undefined): EndpointSlice {
  const updated = withFields(slice, { metadata: withFields(slice.metadata, { labels: sliceLabels(service) }), endpoints });
  return ports === undefined ? updated : withFields(updated, { ports });
}

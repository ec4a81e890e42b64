// The EndpointSlice controller (kube-controller-manager's endpointslice controller): keeps each
// Service with a selector described by EndpointSlices of at most 100 endpoints, one per ready,
// not-ready or terminating pod it selects. Keys are "namespace/name" of Services.

import { sameJson } from '../../core/canonical-json.ts';
import { type Controller, type Effect, type ReconcileContext, submit } from '../../core/controller.ts';
import { keysOf } from '../../core/keys-of.ts';
import { type EndpointSlice, LABEL_SERVICE_NAME, LABEL_SLICE_MANAGED_BY, type Service, SLICE_CONTROLLER_NAME } from '../../core/networking.ts';
import { kindTable, selectObjects } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { selectorOf } from '../common/service-pods.ts';
import { desiredEndpointGroups } from './desired.ts';
import { newSliceManifest, sliceLabels, updatedSlice } from './slice-objects.ts';
import { planSlices } from './slice-plan.ts';
import { endpointSliceKeysFor } from './watch.ts';

export const ENDPOINT_SLICE_CONTROLLER = 'controller/endpointslice';

/** The slices this controller manages for the Service, by name. */
export function managedSlices(state: ClusterState, service: Service): EndpointSlice[] {
  const selector = { matchLabels: { [LABEL_SERVICE_NAME]: service.metadata.name, [LABEL_SLICE_MANAGED_BY]: SLICE_CONTROLLER_NAME } };
  return selectObjects<EndpointSlice>(state, 'EndpointSlice', service.metadata.namespace ?? 'default', selector)
    .filter((slice) => slice.addressType === 'IPv4' && (slice.metadata.ownerReferences ?? []).some((owner) => owner.uid === service.metadata.uid && owner.kind === 'Service'))
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}

/** syncService */
export function syncService(key: string, { state }: ReconcileContext<ClusterState>): Effect[] {
  const service = kindTable<Service>(state, 'Service').get(key);
  // A deleted Service's slices go with it (the garbage collector follows their owner reference).
  if (service === undefined || service.metadata.deletionTimestamp !== undefined) return [];
  // Services without a selector, and ExternalName ones, get no slices from this controller.
  if (selectorOf(service) === undefined || service.spec.type === 'ExternalName') return [];
  const existing = managedSlices(state, service);
  const labels = sliceLabels(service);
  const labelsChanged = existing.some((slice) => !sameJson(slice.metadata.labels ?? {}, labels));
  const plan = planSlices(desiredEndpointGroups(state, service), existing, labelsChanged);
  const actor = ENDPOINT_SLICE_CONTROLLER;
  const namespace = service.metadata.namespace ?? 'default';
  return [
    ...plan.update.map(({ slice, endpoints, ports }) => submit({ type: 'update', actor, object: updatedSlice(service, slice, endpoints, ports) })),
    ...plan.create.map((slice) => submit({ type: 'create', actor, manifest: newSliceManifest(service, slice) })),
    ...plan.delete.map((slice) => submit({ type: 'delete', actor, kind: 'EndpointSlice', namespace, name: slice.metadata.name, uid: slice.metadata.uid })),
  ];
}

export function endpointSliceController(): Controller<ClusterState> {
  return {
    name: ENDPOINT_SLICE_CONTROLLER,
    watch: (changes) => changes.pipe(keysOf(endpointSliceKeysFor)),
    reconcile: (key, context) => syncService(key, context),
  };
}

// The endpoints controller (kube-controller-manager's endpoint controller, still on in v1.34):
// writes, for each Service with a selector, an Endpoints object of the same name listing the
// ready and not-ready addresses of the pods it selects (`kubectl get endpoints`). Keys are
// "namespace/name" of Services.

import { sameJson } from '../../core/canonical-json.ts';
import { type Change, type Controller, type Effect, type ReconcileContext, submit } from '../../core/controller.ts';
import { keysOf } from '../../core/keys-of.ts';
import type { Labels } from '../../core/labels.ts';
import { ENDPOINTS_CONTROLLER_NAME, type Endpoints, LABEL_ENDPOINTS_MANAGED_BY, LABEL_HEADLESS, type Service } from '../../core/networking.ts';
import { withFields } from '../../core/with-fields.ts';
import { kindTable } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { changedObject } from '../common/changed-object.ts';
import { selectorOf, servicesForPodChange } from '../common/service-pods.ts';
import type { Pod } from '../../core/objects.ts';
import { endpointSubsets } from './subsets.ts';

export const ENDPOINTS_CONTROLLER = 'controller/endpoints';

/** The Service's labels, the headless label when it has no cluster IP, and the managed-by label. */
export function endpointsLabels(service: Service): Labels {
  const labels: Record<string, string> = { ...service.metadata.labels };
  const headless = (service.spec.clusterIP ?? '') === '' || service.spec.clusterIP === 'None';
  if (headless) labels[LABEL_HEADLESS] = '';
  else delete labels[LABEL_HEADLESS];
  labels[LABEL_ENDPOINTS_MANAGED_BY] = ENDPOINTS_CONTROLLER_NAME;
  return Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function syncEndpoints(key: string, { state }: ReconcileContext<ClusterState>): Effect[] {
  const service = kindTable<Service>(state, 'Service').get(key);
  const current = kindTable<Endpoints>(state, 'Endpoints').get(key);
  const actor = ENDPOINTS_CONTROLLER;
  if (service === undefined) {
    // The Service is gone: so are its Endpoints, if this controller wrote them.
    const ours = current?.metadata.labels?.[LABEL_ENDPOINTS_MANAGED_BY] === ENDPOINTS_CONTROLLER_NAME;
    return current !== undefined && ours ? [submit({ type: 'delete', actor, kind: 'Endpoints', namespace: current.metadata.namespace ?? 'default', name: current.metadata.name })] : [];
  }
  if (selectorOf(service) === undefined || service.spec.type === 'ExternalName') return [];
  const subsets = endpointSubsets(state, service);
  const labels = endpointsLabels(service);
  if (current !== undefined) {
    if (sameJson(current.subsets ?? [], subsets) && sameJson(current.metadata.labels ?? {}, labels)) return [];
    const { subsets: _old, ...rest } = current;
    const relabelled = withFields(rest as Endpoints, { metadata: withFields(current.metadata, { labels }) });
    // An empty list is left out, as Go's omitempty leaves it.
    const object = subsets.length === 0 ? relabelled : withFields(relabelled, { subsets });
    return [submit({ type: 'update', actor, object })];
  }
  const metadata = { name: service.metadata.name, namespace: service.metadata.namespace ?? 'default', labels };
  return [submit({ type: 'create', actor, manifest: { apiVersion: 'v1', kind: 'Endpoints', metadata, ...(subsets.length > 0 ? { subsets } : {}) } })];
}

function endpointsKeysFor(change: Change<ClusterState>): string[] {
  const changed = changedObject(change);
  if (changed === undefined) return [];
  switch (changed.kind) {
    case 'Service':
    case 'Endpoints':
      return [changed.key];
    case 'Pod':
      return servicesForPodChange(change.after, changed.before as Pod | undefined, changed.after as Pod | undefined);
    default:
      return [];
  }
}

export function endpointsController(): Controller<ClusterState> {
  return {
    name: ENDPOINTS_CONTROLLER,
    watch: (changes) => changes.pipe(keysOf(endpointsKeysFor)),
    reconcile: (key, context) => syncEndpoints(key, context),
  };
}

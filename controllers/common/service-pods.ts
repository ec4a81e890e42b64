// What the endpoint controllers share (staging/src/k8s.io/endpointslice, utils.go and
// util/controller_utils.go): which Services select a pod, which pods a Service selects, whether a
// pod belongs in endpoints at all, and a named target port resolved against a pod's containers.

import type { Labels } from '../../core/labels.ts';
import type { Service, ServicePort } from '../../core/networking.ts';
import type { Pod } from '../../core/objects.ts';
import { kindTable, selectObjects } from '../../reducers/lookup.ts';
import { kindGroup } from '../../reducers/object-indexes.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { sameLabels } from './object-changes.ts';
import { isPodReady } from './pod-state.ts';

/** A nil or empty selector selects nothing: such a Service's endpoints are its owner's business. */
export function selectorOf(service: Service): Labels | undefined {
  const selector = service.spec.selector;
  return selector === undefined || Object.keys(selector).length === 0 ? undefined : selector;
}

function matches(selector: Labels, labels: Labels | undefined): boolean {
  for (const key in selector) if (labels?.[key] !== selector[key]) return false;
  return true;
}

/** getServicesForPod: the keys of the Services of the namespace whose selector matches the labels. */
export function servicesSelecting(state: ClusterState, namespace: string, labels: Labels | undefined): string[] {
  const services = kindTable<Service>(state, 'Service');
  const keys: string[] = [];
  for (const key of state.indexes.byNamespace.members(kindGroup('Service', namespace))) {
    const service = services.get(key);
    const selector = service === undefined ? undefined : selectorOf(service);
    if (selector !== undefined && matches(selector, labels)) keys.push(key);
  }
  return keys;
}

/** The pods a Service selects, found through the label index, by name. */
export function podsOfService(state: ClusterState, service: Service): Pod[] {
  const selector = selectorOf(service);
  if (selector === undefined) return [];
  const pods = selectObjects<Pod>(state, 'Pod', service.metadata.namespace ?? 'default', { matchLabels: selector });
  return pods.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}

/** ShouldPodBeInEndpoints: not terminal, has an IP, and (unless terminating pods count) not being deleted. */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') return false;
  if ((pod.status.podIP ?? '') === '') return false;
  return includeTerminating || pod.metadata.deletionTimestamp === undefined;
}

/** FindPort: a number is taken as it is; a name is looked up among the containers' (and sidecars') ports. */
export function findPort(pod: Pod, servicePort: ServicePort): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  const protocol = servicePort.protocol ?? 'TCP';
  const sidecars = (pod.spec.initContainers ?? []).filter((container) => container.restartPolicy === 'Always');
  for (const container of [...pod.spec.containers, ...sidecars]) {
    for (const port of container.ports ?? []) if (port.name === target && (port.protocol ?? 'TCP') === protocol) return port.containerPort;
  }
  return undefined;
}

/** ShouldSetHostname: the pod names this Service as its subdomain. */
export function shouldSetHostname(pod: Pod, service: Service): boolean {
  return (pod.spec.hostname as string | undefined ?? '') !== '' && pod.spec.subdomain === service.metadata.name && pod.metadata.namespace === service.metadata.namespace;
}

/** podEndpointsChanged: whether a pod update may change its endpoints (deletion, readiness, IP, host name). */
function endpointsChanged(before: Pod, after: Pod): boolean {
  return (
    before.metadata.deletionTimestamp !== after.metadata.deletionTimestamp ||
    isPodReady(before) !== isPodReady(after) ||
    before.status.podIP !== after.status.podIP ||
    before.status.phase !== after.status.phase ||
    before.spec.hostname !== after.spec.hostname ||
    before.spec.subdomain !== after.spec.subdomain
  );
}

/**
 * GetPodUpdateProjectionKey and GetServicesToUpdate: the Services a pod change concerns. A new or
 * removed pod concerns the Services selecting it; an update that moved its labels those of the
 * old labels and the new (all of them if its endpoint changed too, else those that gained or lost
 * it); any other update only if its endpoint may have changed.
 */
export function servicesForPodChange(state: ClusterState, before: Pod | undefined, after: Pod | undefined): string[] {
  const pod = after ?? before;
  if (pod === undefined) return [];
  const namespace = pod.metadata.namespace ?? 'default';
  if (before === undefined || after === undefined) return servicesSelecting(state, namespace, pod.metadata.labels);
  const changed = endpointsChanged(before, after);
  if (sameLabels(before, after)) return changed ? servicesSelecting(state, namespace, after.metadata.labels) : [];
  const now = servicesSelecting(state, namespace, after.metadata.labels);
  const then = servicesSelecting(state, namespace, before.metadata.labels);
  const union = [...new Set([...now, ...then])].sort();
  return changed ? union : union.filter((key) => now.includes(key) !== then.includes(key));
}

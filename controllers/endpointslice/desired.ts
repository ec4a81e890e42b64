// The endpoints a Service should have, grouped by the ports they serve (reconciler.go's desired
// endpoints by port mapping, with podToEndpoint and getEndpointPorts from utils.go). A pod whose
// containers lack a named target port serves the Service's other ports only, so it lands in a
// group (and a slice) of its own port list, as upstream's does.

import type { Endpoint, EndpointPort, Service } from '../../core/networking.ts';
import type { Node, Pod } from '../../core/objects.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { findPort, podsOfService, shouldPodBeInEndpoints, shouldSetHostname } from '../common/service-pods.ts';
import { isPodReady } from '../common/pod-state.ts';

export const ZONE_LABEL = 'topology.kubernetes.io/zone';

export interface EndpointGroup {
  /** The ports as the slice lists them, in the Service's order. */
  readonly ports: readonly EndpointPort[];
  /** The same ports, canonical, to tell groups apart. */
  readonly portKey: string;
  /** By pod name. */
  readonly endpoints: readonly Endpoint[];
}

/** getEndpointPorts: every port of the Service the pod can serve (a headless Service may have none). */
export function endpointPorts(service: Service, pod: Pod): EndpointPort[] {
  const ports: EndpointPort[] = [];
  for (const servicePort of service.spec.ports ?? []) {
    const port = findPort(pod, servicePort);
    if (port === undefined) continue;
    const appProtocol = servicePort.appProtocol === undefined ? {} : { appProtocol: servicePort.appProtocol };
    ports.push({ name: servicePort.name ?? '', protocol: servicePort.protocol ?? 'TCP', port, ...appProtocol });
  }
  return ports;
}

export function portKeyOf(ports: readonly EndpointPort[] | undefined): string {
  const keys = (ports ?? []).map((port) => `${port.name ?? ''}/${port.protocol ?? ''}/${port.port ?? ''}/${port.appProtocol ?? ''}`);
  return keys.sort().join(',');
}

/** podToEndpoint: serving is the pod's readiness; ready also needs it not terminating, unless not-ready addresses are published. */
export function podToEndpoint(pod: Pod, node: Node | undefined, service: Service): Endpoint {
  const serving = isPodReady(pod);
  const terminating = pod.metadata.deletionTimestamp !== undefined;
  const ready = service.spec.publishNotReadyAddresses === true || (serving && !terminating);
  const zone = node?.metadata.labels?.[ZONE_LABEL] ?? '';
  const endpoint: Record<string, unknown> = {
    addresses: [pod.status.podIP ?? ''],
    conditions: { ready, serving, terminating },
  };
  if (shouldSetHostname(pod, service)) endpoint.hostname = pod.spec.hostname;
  endpoint.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name, uid: pod.metadata.uid };
  if ((pod.spec.nodeName ?? '') !== '') endpoint.nodeName = pod.spec.nodeName;
  if (zone !== '') endpoint.zone = zone;
  return endpoint as unknown as Endpoint;
}

/** The Service's desired endpoints, grouped by port list, groups in order of their first pod. */
export function desiredEndpointGroups(state: ClusterState, service: Service): EndpointGroup[] {
  const groups = new Map<string, { ports: EndpointPort[]; portKey: string; endpoints: Endpoint[] }>();
  for (const pod of podsOfService(state, service)) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const node = state.nodes.get(pod.spec.nodeName ?? '');
    // A pod on a node that is gone is left out, unless the Service publishes every address.
    if (node === undefined && service.spec.publishNotReadyAddresses !== true) continue;
    const ports = endpointPorts(service, pod);
    const portKey = portKeyOf(ports);
    let group = groups.get(portKey);
    if (group === undefined) {
      group = { ports, portKey, endpoints: [] };
      groups.set(portKey, group);
    }
    group.endpoints.push(podToEndpoint(pod, node, service));
  }
  return [...groups.values()];
}

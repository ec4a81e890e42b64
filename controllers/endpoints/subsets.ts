// The subsets of a Service's Endpoints (pkg/controller/endpoint/endpoints_controller.go syncService
// with addEndpointSubset, then RepackSubsets): each pod's address goes with the ports it serves,
// ready or not ready, and addresses that serve the same ports share a subset. Upstream orders
// ports and subsets by a hash of their contents; here ports go by name and number, subsets by
// their first address, and addresses by IP as upstream's do.

import type { EndpointAddress, EndpointPort, EndpointSubset, Service } from '../../core/networking.ts';
import type { Pod } from '../../core/objects.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { isPodReady } from '../common/pod-state.ts';
import { findPort, podsOfService, shouldPodBeInEndpoints, shouldSetHostname } from '../common/service-pods.ts';

/** podToEndpointAddressForService */
export function podAddress(pod: Pod, service: Service): EndpointAddress {
  const address: Record<string, unknown> = { ip: pod.status.podIP ?? '' };
  if (shouldSetHostname(pod, service)) address.hostname = pod.spec.hostname;
  if ((pod.spec.nodeName ?? '') !== '') address.nodeName = pod.spec.nodeName;
  address.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name, uid: pod.metadata.uid };
  return address as unknown as EndpointAddress;
}

/** The inner shouldPodBeInEndpoints: a not-ready pod is listed while it may still run. */
function mayStillRun(pod: Pod): boolean {
  switch (pod.spec.restartPolicy) {
    case 'Never':
      return pod.status.phase !== 'Failed' && pod.status.phase !== 'Succeeded';
    case 'OnFailure':
      return pod.status.phase !== 'Succeeded';
    default:
      return true;
  }
}

function servedPorts(pod: Pod, service: Service): EndpointPort[] | undefined {
  const headlessWithoutPorts = (service.spec.ports ?? []).length === 0 && service.spec.clusterIP === 'None';
  if (headlessWithoutPorts) return [];
  const ports: EndpointPort[] = [];
  for (const servicePort of service.spec.ports ?? []) {
    const port = findPort(pod, servicePort);
    if (port === undefined) continue;
    const appProtocol = servicePort.appProtocol === undefined ? {} : { appProtocol: servicePort.appProtocol };
    ports.push({ name: servicePort.name ?? '', port, protocol: servicePort.protocol ?? 'TCP', ...appProtocol });
  }
  return ports.length === 0 ? undefined : ports;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const portText = (port: EndpointPort): string => `${port.name ?? ''}/${String(port.port ?? 0).padStart(5, '0')}/${port.protocol ?? ''}`;
/** addrsByIPAndUID */
const addressOrder = (a: EndpointAddress, b: EndpointAddress): number => byText(a.ip, b.ip) || byText(a.targetRef?.uid ?? '', b.targetRef?.uid ?? '');

interface Group {
  readonly ports: EndpointPort[];
  readonly ready: EndpointAddress[];
  readonly notReady: EndpointAddress[];
}

export function endpointSubsets(state: ClusterState, service: Service): EndpointSubset[] {
  const publish = service.spec.publishNotReadyAddresses === true;
  const groups = new Map<string, Group>();
  for (const pod of podsOfService(state, service)) {
    if (!shouldPodBeInEndpoints(pod, publish)) continue;
    const ports = servedPorts(pod, service);
    if (ports === undefined) continue;
    const sorted = [...ports].sort((a, b) => byText(portText(a), portText(b)));
    const key = sorted.map(portText).join(',');
    let group = groups.get(key);
    if (group === undefined) {
      group = { ports: sorted, ready: [], notReady: [] };
      groups.set(key, group);
    }
    if (publish || isPodReady(pod)) group.ready.push(podAddress(pod, service));
    else if (mayStillRun(pod)) group.notReady.push(podAddress(pod, service));
  }
  const subsets: EndpointSubset[] = [];
  for (const group of groups.values()) {
    if (group.ready.length === 0 && group.notReady.length === 0) continue;
    const subset: Record<string, unknown> = {};
    if (group.ready.length > 0) subset.addresses = group.ready.sort(addressOrder);
    if (group.notReady.length > 0) subset.notReadyAddresses = group.notReady.sort(addressOrder);
    if (group.ports.length > 0) subset.ports = group.ports;
    subsets.push(subset as EndpointSubset);
  }
  const first = (subset: EndpointSubset): string => (subset.addresses ?? subset.notReadyAddresses ?? [])[0]?.ip ?? '';
  return subsets.sort((a, b) => byText(first(a), first(b)));
}

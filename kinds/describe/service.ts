// `kubectl describe service` (describe.go describeService): the Service's addresses and ports, and
// for each port the ready endpoints its EndpointSlices list (formatEndpointSlices).

import { compareStrings } from '../../core/table.ts';
import { type EndpointSlice, LABEL_SERVICE_NAME, type Service, type ServicePort } from '../../core/networking.ts';
import { selectObjects } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { formatLabels } from '../printers/labels.ts';
import type { DescribeWriter } from './describe-writer.ts';
import { annotationsMultiline, labelsMultiline } from './fields.ts';

/** The slices of a Service, by name, as a list call with the service-name label returns them. */
export function slicesOfService(state: ClusterState, service: Service): EndpointSlice[] {
  const selector = { matchLabels: { [LABEL_SERVICE_NAME]: service.metadata.name } };
  return selectObjects<EndpointSlice>(state, 'EndpointSlice', service.metadata.namespace ?? 'default', selector).sort((a, b) =>
    compareStrings(a.metadata.name, b.metadata.name),
  );
}

const LISTED = 3;

/** formatEndpointSlices for one port name: ready endpoints (or of unknown readiness) as ip:port. */
export function endpointSlicesText(slices: readonly EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  const add = (text: string): void => {
    if (list.length === LISTED) more = true;
    if (!more) list.push(text);
    count++;
  };
  for (const slice of slices) {
    const ports = slice.ports ?? [];
    if (ports.length === 0) {
      for (const endpoint of slice.endpoints ?? []) if (endpoint.conditions.ready !== false) add(endpoint.addresses[0] ?? '');
      continue;
    }
    for (const port of ports) {
      if ((port.name ?? '') !== portName) continue;
      for (const endpoint of slice.endpoints ?? []) if (endpoint.conditions.ready !== false) add(`${endpoint.addresses[0] ?? ''}:${port.port ?? 0}`);
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - LISTED} more...` : text;
}

function describePort(w: DescribeWriter, port: ServicePort, slices: readonly EndpointSlice[]): void {
  const name = port.name === undefined || port.name === '' ? '<unset>' : port.name;
  const protocol = port.protocol ?? 'TCP';
  w.line(0, `Port:\t${name}\t${port.port}/${protocol}`);
  w.line(0, `TargetPort:\t${String(port.targetPort ?? port.port)}/${protocol}`);
  if (port.nodePort !== undefined && port.nodePort !== 0) w.line(0, `NodePort:\t${name}\t${port.nodePort}/${protocol}`);
  w.line(0, `Endpoints:\t${endpointSlicesText(slices, port.name ?? '')}`);
}

export function describeService(w: DescribeWriter, service: Service, state: ClusterState): void {
  const { spec } = service;
  w.line(0, `Name:\t${service.metadata.name}`);
  w.line(0, `Namespace:\t${service.metadata.namespace ?? ''}`);
  labelsMultiline(w, 'Labels', service.metadata.labels);
  annotationsMultiline(w, 'Annotations', service.metadata.annotations);
  w.line(0, `Selector:\t${formatLabels(spec.selector)}`);
  w.line(0, `Type:\t${spec.type ?? ''}`);
  if (spec.ipFamilyPolicy !== undefined) w.line(0, `IP Family Policy:\t${spec.ipFamilyPolicy}`);
  w.line(0, `IP Families:\t${(spec.ipFamilies ?? []).length > 0 ? (spec.ipFamilies ?? []).join(',') : '<none>'}`);
  w.line(0, `IP:\t${spec.clusterIP ?? ''}`);
  w.line(0, `IPs:\t${(spec.clusterIPs ?? []).length > 0 ? (spec.clusterIPs ?? []).join(',') : '<none>'}`);
  if (spec.type === 'ExternalName') w.line(0, `External Name:\t${spec.externalName ?? ''}`);
  if ((spec.externalIPs ?? []).length > 0) w.line(0, `External IPs:\t${(spec.externalIPs ?? []).join(',')}`);
  if ((spec.loadBalancerIP ?? '') !== '') w.line(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP ?? ''}`);
  const ingress = service.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) w.line(0, `LoadBalancer Ingress:\t${ingress.map((entry) => entry.ip ?? entry.hostname ?? '').join(', ')}`);
  const slices = slicesOfService(state, service);
  for (const port of spec.ports ?? []) describePort(w, port, slices);
  w.line(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}`);
  if (spec.externalTrafficPolicy !== undefined) w.line(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}`);
  if (spec.healthCheckNodePort !== undefined && spec.healthCheckNodePort !== 0) w.line(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}`);
  if (spec.internalTrafficPolicy !== undefined) w.line(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}`);
}

// `kubectl describe endpointslice` (describe.go describeEndpointSliceV1): ports as a small table,
// then each endpoint with its ready condition, hostname, target, node and zone.

import type { Endpoint, EndpointSlice } from '../../core/networking.ts';
import type { DescribeWriter } from './describe-writer.ts';
import { annotationsMultiline, labelsMultiline } from './fields.ts';

const unset = (value: string | undefined): string => value ?? '<unset>';

function describeEndpoint(w: DescribeWriter, endpoint: Endpoint): void {
  const addresses = endpoint.addresses.join(',');
  w.line(1, `- Addresses:\t${addresses === '' ? '<none>' : addresses}`);
  w.line(2, 'Conditions:');
  w.line(3, `Ready:\t${endpoint.conditions.ready === undefined ? '<unset>' : String(endpoint.conditions.ready)}`);
  w.line(2, `Hostname:\t${unset(endpoint.hostname)}`);
  if (endpoint.targetRef !== undefined) w.line(2, `TargetRef:\t${endpoint.targetRef.kind}/${endpoint.targetRef.name}`);
  w.line(2, `NodeName:\t${unset(endpoint.nodeName)}`);
  w.line(2, `Zone:\t${unset(endpoint.zone)}`);
}

export function describeEndpointSlice(w: DescribeWriter, slice: EndpointSlice): void {
  w.line(0, `Name:\t${slice.metadata.name}`);
  w.line(0, `Namespace:\t${slice.metadata.namespace ?? ''}`);
  labelsMultiline(w, 'Labels', slice.metadata.labels);
  annotationsMultiline(w, 'Annotations', slice.metadata.annotations);
  w.line(0, `AddressType:\t${slice.addressType}`);
  const ports = slice.ports ?? [];
  if (ports.length === 0) w.line(0, 'Ports: <unset>');
  else {
    w.line(0, 'Ports:');
    w.line(1, 'Name\tPort\tProtocol');
    w.line(1, '----\t----\t--------');
    for (const port of ports) {
      const name = port.name === undefined || port.name === '' ? '<unset>' : port.name;
      w.line(1, `${name}\t${port.port === undefined ? '<unset>' : String(port.port)}\t${port.protocol ?? ''}`);
    }
  }
  const endpoints = slice.endpoints ?? [];
  if (endpoints.length === 0) w.line(0, 'Endpoints: <none>');
  else {
    w.line(0, 'Endpoints:');
    for (const endpoint of endpoints) describeEndpoint(w, endpoint);
  }
}

// Endpoints (core/v1): the older list of a Service's addresses, which the endpoints controller
// still writes in v1.34 (`kubectl get endpoints`).

import type { EndpointAddress, Endpoints } from '../../core/networking.ts';
import type { KindDefinition } from '../definition.ts';
import type { DescribeWriter } from '../describe/describe-writer.ts';
import { annotationsMultiline, labelsMultiline } from '../describe/fields.ts';
import { endpointsHeaders, endpointsRow } from '../printers/services.ts';
import { ENDPOINTS_FIELDS } from '../schema/networking.ts';

const ipList = (addresses: readonly EndpointAddress[] | undefined): string => ((addresses ?? []).length === 0 ? '<none>' : (addresses ?? []).map((address) => address.ip).join(','));

/** describe.go describeEndpoints */
function describeEndpoints(w: DescribeWriter, endpoints: Endpoints): void {
  w.line(0, `Name:\t${endpoints.metadata.name}`);
  w.line(0, `Namespace:\t${endpoints.metadata.namespace ?? ''}`);
  labelsMultiline(w, 'Labels', endpoints.metadata.labels);
  annotationsMultiline(w, 'Annotations', endpoints.metadata.annotations);
  w.line(0, 'Subsets:');
  for (const subset of endpoints.subsets ?? []) {
    w.line(1, `Addresses:\t${ipList(subset.addresses)}`);
    w.line(1, `NotReadyAddresses:\t${ipList(subset.notReadyAddresses)}`);
    const ports = subset.ports ?? [];
    if (ports.length === 0) continue;
    w.line(1, 'Ports:');
    w.line(2, 'Name\tPort\tProtocol');
    w.line(2, '----\t----\t--------');
    for (const port of ports) w.line(2, `${port.name === undefined || port.name === '' ? '<unset>' : port.name}\t${port.port ?? 0}\t${port.protocol ?? ''}`);
    w.line(0, '');
  }
}

export const ENDPOINTS: KindDefinition<Endpoints> = {
  kind: 'Endpoints',
  group: '',
  version: 'v1',
  plural: 'endpoints',
  shortNames: ['ep'],
  namespaced: true,
  fields: ENDPOINTS_FIELDS,
  generation: false,
  statusSubresource: false,
  scale: false,
  defaultPropagation: 'Background',
  prepareForCreate: (endpoints) => ({ object: endpoints }),
  prepareForUpdate: (next) => ({ object: next }),
  printer: { headers: endpointsHeaders, row: (endpoints, _wide, { nowMs }) => endpointsRow(endpoints, nowMs) },
  describe: (w, endpoints) => describeEndpoints(w, endpoints),
};

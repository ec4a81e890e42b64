// EndpointSlices (discovery.k8s.io/v1): the EndpointSlice controller writes one or more per
// Service with a selector; what kube-proxy, DNS and `kubectl describe service` read.

import type { EndpointSlice } from '../../core/networking.ts';
import type { KindDefinition } from '../definition.ts';
import { describeEndpointSlice } from '../describe/endpoint-slice.ts';
import { endpointSliceHeaders, endpointSliceRow } from '../printers/services.ts';
import { ENDPOINT_SLICE_FIELDS } from '../schema/networking.ts';
import { type FieldError, isOneOf, required, unsupported } from '../validation/field-errors.ts';

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];
/** ValidateEndpointSlice's bound on endpoints in one slice. */
const MAX_ENDPOINTS = 1000;

function validateEndpointSlice(slice: EndpointSlice): FieldError[] {
  const errors: FieldError[] = [];
  if (slice.addressType === undefined) errors.push(required('addressType'));
  else if (!isOneOf(slice.addressType, ADDRESS_TYPES)) errors.push(unsupported('addressType', slice.addressType, ADDRESS_TYPES));
  const endpoints = slice.endpoints ?? [];
  if (endpoints.length > MAX_ENDPOINTS) errors.push({ path: 'endpoints', text: `Too many: ${endpoints.length}: must have at most ${MAX_ENDPOINTS} items` });
  endpoints.forEach((endpoint, index) => {
    if ((endpoint.addresses ?? []).length === 0) errors.push({ path: `endpoints[${index}].addresses`, text: 'Required value: must contain at least 1 address' });
  });
  return errors;
}

export const ENDPOINT_SLICE: KindDefinition<EndpointSlice> = {
  kind: 'EndpointSlice',
  group: 'discovery.k8s.io',
  version: 'v1',
  plural: 'endpointslices',
  shortNames: [],
  namespaced: true,
  fields: ENDPOINT_SLICE_FIELDS,
  generation: true,
  statusSubresource: false,
  scale: false,
  defaultPropagation: 'Background',
  prepareForCreate(slice) {
    const errors = validateEndpointSlice(slice);
    return errors.length > 0 ? { errors } : { object: slice };
  },
  prepareForUpdate(next) {
    const errors = validateEndpointSlice(next);
    return errors.length > 0 ? { errors } : { object: next };
  },
  printer: { headers: endpointSliceHeaders, row: (slice, _wide, { nowMs }) => endpointSliceRow(slice, nowMs) },
  describe: (w, slice) => describeEndpointSlice(w, slice),
};

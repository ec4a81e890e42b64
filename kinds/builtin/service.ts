// Services (core/v1): defaulted as SetDefaults_Service, given their cluster IP and node ports by the
// API server's allocators (kinds/network/), validated with upstream's messages. The EndpointSlice
// and Endpoints controllers give them endpoints; a simulated cloud controller their load balancer.

import type { Service } from '../../core/networking.ts';
import { keyOf } from '../../core/objects.ts';
import { Rng } from '../../core/prng.ts';
import { withFields } from '../../core/with-fields.ts';
import type { KindDefinition } from '../definition.ts';
import { describeService } from '../describe/service.ts';
import { allocatedBy } from '../network/allocation.ts';
import { allocateService, dropTypeDependentFields, keepAllocatedValues } from '../network/service-allocation.ts';
import { defaultService, defaultServiceSpec } from '../network/service-defaults.ts';
import { clusterIPChangeErrors, validateService, validateServiceUpdate } from '../network/service-validation.ts';
import { serviceHeaders, serviceRow } from '../printers/services.ts';
import { SERVICE_FIELDS } from '../schema/networking.ts';

/** "load balancer 203.0.113.10", or that it waits for one. */
export function tellServiceStatus(status: unknown): string {
  const ingress = (status as Service['status'])?.loadBalancer?.ingress ?? [];
  return ingress.length === 0 ? 'no load balancer yet' : `load balancer ${ingress.map((entry) => entry.ip ?? entry.hostname ?? '').join(', ')}`;
}

/** Fields ksim stores and nothing acts on. */
function serviceWarnings(service: Service): string[] {
  const warnings: string[] = [];
  const spec = service.spec ?? {};
  // kube-proxy's view honours the traffic policies and external IPs; it picks endpoints at random, per request.
  if (spec.sessionAffinity === 'ClientIP') warnings.push('spec.sessionAffinity ClientIP is stored; simulated traffic picks an endpoint per request, so nothing keeps clients on one endpoint');
  if ((spec.loadBalancerSourceRanges as unknown[] | undefined)?.length) warnings.push('spec.loadBalancerSourceRanges is not simulated (nothing filters traffic by source)');
  if (spec.loadBalancerClass !== undefined) warnings.push('spec.loadBalancerClass names an implementation ksim does not run; the simulated cloud controller leaves this Service alone');
  if ((spec.ipFamilies ?? []).some((family) => family !== 'IPv4') || (spec.ipFamilyPolicy ?? 'SingleStack') !== 'SingleStack') {
    warnings.push('ksim simulates a single-stack IPv4 cluster; spec.ipFamilies and spec.ipFamilyPolicy beyond IPv4 SingleStack are not simulated');
  }
  return warnings;
}

/**
 * The draws of a Service's allocations: a stream of its own, seeded by its uid (itself drawn from the
 * run's seed) and resourceVersion, so allocating shifts no other draw of the API server.
 */
function allocationStream(service: Service): Rng {
  return new Rng(0, `service-allocation/${service.metadata.uid}/${service.metadata.resourceVersion ?? ''}`);
}

export const SERVICE: KindDefinition<Service> = {
  kind: 'Service',
  group: '',
  version: 'v1',
  plural: 'services',
  shortNames: ['svc'],
  namespaced: true,
  categories: ['all'],
  nameIsLabel: true,
  fields: SERVICE_FIELDS,
  generation: false,
  statusSubresource: true,
  scale: false,
  defaultPropagation: 'Background',
  prepareForCreate(given, state, { network }) {
    // The REST storage allocates before the strategy validates, so its refusals come first.
    const allocated = allocateService(defaultService(given), allocatedBy(state), network, allocationStream(given));
    if ('errors' in allocated) return allocated;
    const errors = validateService(allocated.object);
    return errors.length > 0 ? { errors } : { object: withFields(allocated.object, { status: { loadBalancer: {} } }) };
  },
  prepareForUpdate(given, current, state, { network }) {
    const defaulted = defaultServiceSpec(given.spec);
    const spec = dropTypeDependentFields(keepAllocatedValues(defaulted, current.spec), current.spec);
    // A changed cluster IP is refused as such, before the allocator looks at the new one.
    const changed = clusterIPChangeErrors(spec, current.spec);
    if (changed.length > 0) return { errors: changed };
    const allocated = allocateService(withFields(given, { spec }), allocatedBy(state, keyOf(current)), network, allocationStream(current));
    if ('errors' in allocated) return allocated;
    const errors = validateServiceUpdate(allocated.object, current);
    return errors.length > 0 ? { errors } : { object: allocated.object };
  },
  printer: { headers: serviceHeaders, row: (service, wide, { nowMs }) => serviceRow(service, wide, nowMs) },
  describe: (w, service, { state }) => describeService(w, service, state),
  tellStatus: tellServiceStatus,
  warnings: serviceWarnings,
};

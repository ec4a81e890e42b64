// Ingresses and IngressClasses (networking.k8s.io/v1). ksim's simulated ingress controller
// (controllers/ingress/) serves the classes whose controller is ksim.io/ingress: it writes the
// Ingress's status.loadBalancer, and scenario traffic to an Ingress host is routed by its rules.
// An Ingress has a status subresource, as upstream's; a created one starts with no status.

import { describeGeneric } from '../describe/generic.ts';
import type { KindDefinition } from '../definition.ts';
import type { Ingress, IngressClass } from '../networking/shapes.ts';
import { ingressClassHeaders, ingressClassRow, ingressHeaders, ingressRow } from '../printers/ingress.ts';
import { INGRESS_CLASS_FIELDS, INGRESS_FIELDS } from '../schema/networking.ts';

function withoutStatus(ingress: Ingress): Ingress {
  if (ingress.status === undefined) return ingress;
  const { status: _dropped, ...rest } = ingress;
  return rest as Ingress;
}

export const INGRESS: KindDefinition<Ingress> = {
  kind: 'Ingress',
  group: 'networking.k8s.io',
  version: 'v1',
  generation: true,
  scale: false,
  defaultPropagation: 'Background',
  plural: 'ingresses',
  shortNames: ['ing'],
  namespaced: true,
  statusSubresource: true,
  fields: INGRESS_FIELDS,
  prepareForCreate: (ingress) => ({ object: withoutStatus(ingress) }),
  prepareForUpdate: (next) => ({ object: next }),
  printer: { headers: ingressHeaders, row: (ingress, wide, { nowMs }) => ingressRow(ingress, wide, nowMs) },
  tellStatus: (status) => {
    const addresses = ((status as Ingress['status'])?.loadBalancer?.ingress ?? []).map((entry) => entry.ip ?? entry.hostname ?? '');
    return addresses.length === 0 ? 'no address' : `address ${addresses.join(',')}`;
  },
  describe: (w, ingress) => describeGeneric(w, ingress, true),
};

export const INGRESS_CLASS: KindDefinition<IngressClass> = {
  kind: 'IngressClass',
  group: 'networking.k8s.io',
  version: 'v1',
  generation: true,
  scale: false,
  defaultPropagation: 'Background',
  plural: 'ingressclasses',
  shortNames: [],
  namespaced: false,
  statusSubresource: false,
  fields: INGRESS_CLASS_FIELDS,
  prepareForCreate: (ingressClass) => ({ object: ingressClass }),
  prepareForUpdate: (next) => ({ object: next }),
  printer: { headers: ingressClassHeaders, row: (ingressClass, _wide, { nowMs }) => ingressClassRow(ingressClass, nowMs) },
  describe: (w, ingressClass) => describeGeneric(w, ingressClass, false),
};

// ksim's simulated ingress controller: it serves the IngressClasses whose spec.controller is
// ksim.io/ingress (and Ingresses that name no class while such a class is the default), and, as
// a real controller does once its load balancer is up, writes its address into each served
// Ingress's status.loadBalancer. Routing a request by host and path is the traffic step's
// (kinds/networking/ingress-routing.ts); this controller only publishes where to send it.

import { keysOf } from '../../core/keys-of.ts';
import { type Controller, type Effect, type ReconcileContext, submit } from '../../core/controller.ts';
import { sameJson } from '../../core/canonical-json.ts';
import { isServedBy, KSIM_INGRESS_CONTROLLER } from '../../kinds/networking/ingress-class.ts';
import type { Ingress } from '../../kinds/networking/shapes.ts';
import { kindTable } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { ingressKeysFor } from './watch.ts';

export const INGRESS_CONTROLLER = 'controller/ingress';

/** Where the controller listens when the scenario names no address (TEST-NET-1, documentation only). */
export const DEFAULT_INGRESS_ADDRESS = '192.0.2.10';

export function syncIngress(key: string, { state }: ReconcileContext<ClusterState>, address: string): Effect[] {
  const ingress = kindTable<Ingress>(state, 'Ingress').get(key);
  if (ingress === undefined || ingress.metadata.deletionTimestamp !== undefined) return [];
  if (!isServedBy(state, KSIM_INGRESS_CONTROLLER, ingress)) return [];
  const loadBalancer = { ingress: [{ ip: address }] };
  if (sameJson(ingress.status?.loadBalancer, loadBalancer)) return [];
  const namespace = ingress.metadata.namespace ?? 'default';
  return [
    submit({
      type: 'updateStatus',
      actor: INGRESS_CONTROLLER,
      kind: 'Ingress',
      namespace,
      name: ingress.metadata.name,
      status: { loadBalancer },
      record: { involvedObject: { kind: 'Ingress', namespace, name: ingress.metadata.name, uid: ingress.metadata.uid, apiVersion: 'networking.k8s.io/v1' }, type: 'Normal', reason: 'Sync', message: 'Scheduled for sync' },
    }),
  ];
}

export function ingressController(address: string = DEFAULT_INGRESS_ADDRESS): Controller<ClusterState> {
  return {
    name: INGRESS_CONTROLLER,
    watch: (changes) => changes.pipe(keysOf(ingressKeysFor)),
    reconcile: (key, context) => syncIngress(key, context, address),
  };
}

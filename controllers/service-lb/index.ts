// A simulated cloud provider's service controller (cloud-controller-manager's service controller):
// gives each Service of type LoadBalancer an ingress IP from the scenario's pool and writes it to
// status.loadBalancer, as a cloud would once its load balancer is up. Without a pool there is no
// cloud, as on a bare cluster: the Service stays <pending> and nothing is recorded. When the pool is
// used up, the sync fails with upstream's Warning and waits for an IP to come free. A Service that
// stops being a LoadBalancer has its ingress cleared. Keys are "namespace/name" of Services.

import { type Change, type Controller, type Effect, fail, type ReconcileContext, submit } from '../../core/controller.ts';
import { keysOf } from '../../core/keys-of.ts';
import type { Service } from '../../core/networking.ts';
import { keyOf } from '../../core/objects.ts';
import { kindTable } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { changedObject } from '../common/changed-object.ts';
import { eventAbout } from '../common/controller-ref.ts';

export const SERVICE_LB_CONTROLLER = 'controller/service';

/** The LoadBalancer Services this controller serves: no loadBalancerClass names another implementation. */
export function wantsLoadBalancer(service: Service): boolean {
  return service.spec.type === 'LoadBalancer' && service.spec.loadBalancerClass === undefined && service.metadata.deletionTimestamp === undefined;
}

const ingressIPs = (service: Service): string[] => (service.status?.loadBalancer?.ingress ?? []).flatMap((entry) => (entry.ip === undefined ? [] : [entry.ip]));

/** The pool's IPs no other Service holds; the one the Service asks for (spec.loadBalancerIP) first. */
export function freeIngressIP(state: ClusterState, service: Service, pool: readonly string[]): string | undefined {
  const held = new Set<string>();
  for (const other of kindTable<Service>(state, 'Service').values()) if (keyOf(other) !== keyOf(service)) for (const ip of ingressIPs(other)) held.add(ip);
  const asked = service.spec.loadBalancerIP ?? '';
  if (asked !== '') return pool.includes(asked) && !held.has(asked) ? asked : undefined;
  return pool.find((ip) => !held.has(ip));
}

function statusCommand(service: Service, ingress: readonly { ip: string; ipMode: string }[], record?: ReturnType<typeof eventAbout>): Effect {
  const status = { loadBalancer: ingress.length === 0 ? {} : { ingress } };
  return submit({
    type: 'updateStatus',
    actor: SERVICE_LB_CONTROLLER,
    kind: 'Service',
    namespace: service.metadata.namespace ?? 'default',
    name: service.metadata.name,
    status,
    ...(record === undefined ? {} : { record }),
  });
}

export function syncLoadBalancer(key: string, { state }: ReconcileContext<ClusterState>, pool: readonly string[]): Effect[] {
  const service = kindTable<Service>(state, 'Service').get(key);
  if (service === undefined) return [];
  const held = ingressIPs(service);
  if (!wantsLoadBalancer(service)) {
    return held.length > 0 && service.metadata.deletionTimestamp === undefined ? [statusCommand(service, [], eventAbout(service, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer'))] : [];
  }
  if (held.length > 0 || pool.length === 0) return [];
  const ip = freeIngressIP(state, service, pool);
  const ensuring = submit({ type: 'recordEvent', actor: SERVICE_LB_CONTROLLER, event: eventAbout(service, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer') });
  if (ip === undefined) {
    const message = 'Error syncing load balancer: failed to ensure load balancer: no free IP in the scenario\'s load balancer pool';
    return [ensuring, submit({ type: 'recordEvent', actor: SERVICE_LB_CONTROLLER, event: eventAbout(service, 'Warning', 'SyncLoadBalancerFailed', message) }), fail(message)];
  }
  return [ensuring, statusCommand(service, [{ ip, ipMode: 'VIP' }], eventAbout(service, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer'))];
}

/** A LoadBalancer Service's changes, and, when one lets its IP go, every Service still waiting for one. */
function loadBalancerKeysFor(change: Change<ClusterState>): string[] {
  const changed = changedObject(change);
  if (changed === undefined || changed.kind !== 'Service') return [];
  const before = changed.before as Service | undefined;
  const after = changed.after as Service | undefined;
  const released = before !== undefined && ingressIPs(before).length > 0 && (after === undefined || ingressIPs(after).length === 0);
  const keys = after?.spec.type === 'LoadBalancer' || (before !== undefined && ingressIPs(before).length > 0) ? [changed.key] : [];
  if (!released) return keys;
  const waiting: string[] = [];
  for (const service of kindTable<Service>(change.after, 'Service').values()) {
    if (wantsLoadBalancer(service) && ingressIPs(service).length === 0 && keyOf(service) !== changed.key) waiting.push(keyOf(service));
  }
  // The table's order is a hash's: the keys are sorted so the run does not depend on it.
  return [...keys, ...waiting.sort()];
}

export function serviceLoadBalancerController(pool: readonly string[]): Controller<ClusterState> {
  return {
    name: SERVICE_LB_CONTROLLER,
    watch: (changes) => changes.pipe(keysOf(loadBalancerKeysFor)),
    reconcile: (key, context) => syncLoadBalancer(key, context, pool),
  };
}

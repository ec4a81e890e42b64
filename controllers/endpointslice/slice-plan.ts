// The EndpointSlice reconciler's plan for one Service (staging/src/k8s.io/endpointslice/
// reconciler.go, reconcileByPortMapping): existing slices keep the endpoints still desired, in
// place, and are updated when one changed; a slice left empty is deleted; new endpoints first fill
// the slices already being updated, then the unchanged slice that comes closest to full, then new
// slices of at most maxEndpointsPerSlice. A Service with no endpoints keeps one empty placeholder.
// Upstream pops new endpoints from a set in no particular order; here they go in pod-name order.

import { sameJson } from '../../core/canonical-json.ts';
import type { Endpoint, EndpointPort, EndpointSlice } from '../../core/networking.ts';
import type { EndpointGroup } from './desired.ts';
import { portKeyOf } from './desired.ts';

/** The controller's default --max-endpoints-per-slice. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

/** A slice to create: its ports and endpoints (the caller adds the metadata). */
export interface NewSlice {
  readonly ports: readonly EndpointPort[];
  readonly endpoints: readonly Endpoint[];
}

export interface SlicePlan {
  readonly create: readonly NewSlice[];
  /** Existing slices with their new endpoints (and new ports, when a slice to delete is reused). */
  readonly update: readonly { readonly slice: EndpointSlice; readonly endpoints: readonly Endpoint[]; readonly ports?: readonly EndpointPort[] }[];
  readonly delete: readonly EndpointSlice[];
}

/** hashEndpoint: an endpoint is the same one while its address, host name and target are. */
export function endpointIdentity(endpoint: Endpoint): string {
  const ref = endpoint.targetRef;
  return `${endpoint.addresses[0] ?? ''}|${endpoint.hostname ?? ''}|${ref?.kind ?? ''}/${ref?.namespace ?? ''}/${ref?.name ?? ''}/${ref?.uid ?? ''}`;
}

interface Working {
  readonly slice: EndpointSlice;
  endpoints: Endpoint[];
  changed: boolean;
}

/** getSliceToFill: the slice that comes closest to full with `count` more endpoints. */
export function sliceToFill<T extends { readonly endpoints: readonly unknown[] }>(slices: readonly T[], count: number, max: number): T | undefined {
  let closest = max;
  let found: T | undefined;
  for (const slice of slices) {
    const diff = max - (count + slice.endpoints.length);
    if (diff >= 0 && diff < closest) {
      closest = diff;
      found = slice;
      if (diff === 0) return found;
    }
  }
  return found;
}

function keepDesired(slice: EndpointSlice, desired: Map<string, Endpoint>, labelsChanged: boolean): Working {
  const endpoints: Endpoint[] = [];
  let changed = labelsChanged;
  for (const endpoint of slice.endpoints ?? []) {
    const identity = endpointIdentity(endpoint);
    const wanted = desired.get(identity);
    if (wanted === undefined) {
      changed = true;
      continue;
    }
    if (!sameJson(wanted, endpoint)) changed = true;
    endpoints.push(wanted);
    desired.delete(identity);
  }
  return { slice, endpoints, changed };
}

function planGroup(group: EndpointGroup, existing: readonly EndpointSlice[], labelsChanged: boolean, max: number, plan: { create: NewSlice[]; update: Working[]; delete: EndpointSlice[] }): void {
  const desired = new Map(group.endpoints.map((endpoint) => [endpointIdentity(endpoint), endpoint]));
  const unchanged: Working[] = [];
  const updating: Working[] = [];
  for (const slice of existing) {
    const working = keepDesired(slice, desired, labelsChanged);
    if (working.endpoints.length === 0) plan.delete.push(slice);
    else (working.changed ? updating : unchanged).push(working);
  }
  const pending = [...desired.values()];
  const take = (room: number): Endpoint[] => pending.splice(0, Math.max(0, room));
  // Slices already being written take new endpoints first, the fullest first.
  for (const working of [...updating].sort((a, b) => b.endpoints.length - a.endpoints.length)) {
    if (pending.length === 0) break;
    working.endpoints.push(...take(max - working.endpoints.length));
  }
  while (pending.length > 0) {
    const fill = pending.length < max ? sliceToFill(unchanged, pending.length, max) : undefined;
    if (fill === undefined) {
      plan.create.push({ ports: group.ports, endpoints: take(max) });
      continue;
    }
    unchanged.splice(unchanged.indexOf(fill), 1);
    fill.endpoints.push(...take(max - fill.endpoints.length));
    fill.changed = true;
    updating.push(fill);
  }
  plan.update.push(...updating);
}

/**
 * The plan for a Service's slices. `labelsChanged` says the Service's labels moved, so every slice
 * it keeps is rewritten with them.
 */
export function planSlices(groups: readonly EndpointGroup[], existing: readonly EndpointSlice[], labelsChanged: boolean, max = MAX_ENDPOINTS_PER_SLICE): SlicePlan {
  const plan = { create: [] as NewSlice[], update: [] as Working[], delete: [] as EndpointSlice[] };
  const byPorts = new Map<string, EndpointSlice[]>();
  for (const slice of existing) {
    const key = portKeyOf(slice.ports);
    byPorts.set(key, [...(byPorts.get(key) ?? []), slice]);
  }
  for (const group of groups) {
    planGroup(group, byPorts.get(group.portKey) ?? [], labelsChanged, max, plan);
    byPorts.delete(group.portKey);
  }
  // Slices of a port list no endpoint has any more go.
  for (const slices of byPorts.values()) plan.delete.push(...slices);
  // The placeholder: a Service with no slices left keeps one empty slice, not deleted and made again.
  if (plan.create.length === 0 && plan.delete.length === existing.length) {
    const placeholder = plan.delete.length === 1 ? plan.delete[0] : undefined;
    if (placeholder !== undefined && (placeholder.endpoints ?? []).length === 0 && (placeholder.ports ?? []).length === 0 && !labelsChanged) plan.delete.length = 0;
    else plan.create.push({ ports: [], endpoints: [] });
  }
  return reuseDeleted({ create: plan.create, update: plan.update.map(({ slice, endpoints }) => ({ slice, endpoints })), delete: plan.delete });
}

/**
 * finalize: a slice about to be deleted takes the place of one about to be created (the last
 * first), so the change costs an update instead of a delete and a create.
 */
function reuseDeleted(plan: SlicePlan): SlicePlan {
  const create = [...plan.create];
  const update = [...plan.update];
  const remaining: EndpointSlice[] = [];
  for (const slice of plan.delete) {
    const replacement = create.pop();
    if (replacement === undefined) remaining.push(slice);
    else update.push({ slice, endpoints: replacement.endpoints, ports: replacement.ports });
  }
  return { create, update, delete: remaining };
}

// The ResourceQuota admission plugin's check of a create (CheckRequest in
// k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go, v1.34). Every quota of the
// namespace that covers the object must have room for what it costs; the quotas' status.used
// then grows by that cost in the same request, before the object is stored, so the next create
// is counted against it: two creates in a row cannot both slip under a limit. A refusal is a 403
// with upstream's text: "exceeded quota: NAME, requested: ..., used: ..., limited: ...".

import type { KubeObject, Pod } from '../../core/objects.ts';
import { listObjects } from '../../reducers/lookup.ts';
import { kindGroup } from '../../reducers/object-indexes.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { addQuantityLists, compareQuantity, formatQuantityList, formatQuantityValue, parseQuantityList, type QuantityList, type QuantityValue } from './quantity-value.ts';
import type { ResourceQuota } from './resource-quota.ts';
import { matchingResources, podConstraintFailure, quotaCovers, usageOf } from './usage.ts';

export interface QuotaCharge {
  readonly quota: ResourceQuota;
  /** The status the quota is written with: its hard limits and the usage with this object. */
  readonly status: { readonly hard: Readonly<Record<string, string>>; readonly used: Readonly<Record<string, string>> };
}

export type QuotaVerdict = { readonly charges: readonly QuotaCharge[] } | { readonly forbidden: string };

/** prettyPrint: "cpu=500m,pods=1", names sorted. */
function prettyPrint(list: QuantityList): string {
  return Object.keys(list)
    .sort()
    .map((name) => `${name}=${formatQuantityValue(list[name] as QuantityValue)}`)
    .join(',');
}

function mask(list: QuantityList, names: readonly string[]): Record<string, QuantityValue> {
  const masked: Record<string, QuantityValue> = {};
  for (const name of names) {
    const value = list[name];
    if (value !== undefined) masked[name] = value;
  }
  return masked;
}

/** The reason a covering quota refuses the object before its usage is counted, if any. */
function precheck(quota: ResourceQuota, object: KubeObject, restricted: readonly string[]): string | undefined {
  if (object.kind === 'Pod') {
    const failure = podConstraintFailure(object as Pod, restricted);
    if (failure !== undefined) return `failed quota: ${quota.metadata.name}: ${failure}`;
  }
  const used = quota.status?.used ?? {};
  const unknown = restricted.filter((name) => used[name] === undefined);
  if (unknown.length > 0) return `status unknown for quota: ${quota.metadata.name}, resources: ${[...restricted].sort().join(',')}`;
  return undefined;
}

/** What the quota's usage becomes with the object, or why it may not. */
function charge(quota: ResourceQuota, cost: QuantityList): QuotaCharge | { readonly forbidden: string } | undefined {
  const hardText = quota.status?.hard ?? {};
  const hard = parseQuantityList(hardText);
  const requested = mask(cost, Object.keys(hardText));
  if (Object.keys(requested).length === 0) return undefined;
  const used = parseQuantityList(quota.status?.used);
  const newUsage = addQuantityLists(used, requested);
  const exceeded = Object.keys(requested).filter((name) => {
    const limit = hard[name];
    return limit !== undefined && compareQuantity(newUsage[name] as QuantityValue, limit) > 0;
  });
  if (exceeded.length > 0) {
    return {
      forbidden: `exceeded quota: ${quota.metadata.name}, requested: ${prettyPrint(mask(requested, exceeded))}, used: ${prettyPrint(mask(used, exceeded))}, limited: ${prettyPrint(mask(hard, exceeded))}`,
    };
  }
  return { quota, status: { hard: hardText, used: formatQuantityList(newUsage) } };
}

/** Usage that is zero changes no quota (RemoveZeros). */
function withoutZeros(list: QuantityList): QuantityList {
  return Object.fromEntries(Object.entries(list).filter(([, value]) => value.nano !== 0n));
}

export function checkQuotas(object: KubeObject, plural: string, group: string, state: ClusterState): QuotaVerdict {
  const namespace = object.metadata.namespace;
  if (namespace === undefined) return { charges: [] };
  if (state.indexes.byNamespace.count(kindGroup('ResourceQuota', namespace)) === 0) return { charges: [] };
  const quotas = listObjects<ResourceQuota>(state, 'ResourceQuota', namespace);
  const covering: ResourceQuota[] = [];
  for (const quota of quotas) {
    if (!quotaCovers(quota, object, plural, group)) continue;
    const restricted = matchingResources(Object.keys(quota.status?.hard ?? {}), object.kind, plural, group);
    const refused = precheck(quota, object, restricted);
    if (refused !== undefined) return { forbidden: refused };
    covering.push(quota);
  }
  const cost = withoutZeros(usageOf(object, plural, group));
  const charges: QuotaCharge[] = [];
  for (const quota of covering) {
    const result = charge(quota, cost);
    if (result === undefined) continue;
    if ('forbidden' in result) return result;
    charges.push(result);
  }
  return { charges };
}

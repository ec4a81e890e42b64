// The resource quota controller's count (CalculateUsage and the evaluators' UsageStats, v1.34):
// status.hard is spec.hard, and status.used holds, for every hard limit an evaluator knows, the
// sum over the namespace's objects it counts, zero included. Pods are read through the namespace
// index, object counts come from the index's group sizes, and only Services and claims (whose
// usage is more than a count) are read one by one; nothing outside the quota's namespace is read.

import type { KubeObject, Pod } from '../../core/objects.ts';
import { kindDefinition } from '../../kinds/registry.ts';
import { countedKind } from '../../kinds/quota/counted-kind.ts';
import { addQuantityLists, formatQuantityList, formatQuantityValue, parseQuantityList, type QuantityList, type QuantityValue, ZERO } from '../../kinds/quota/quantity-value.ts';
import { podMatchesScope, type ResourceQuota, quotaScopeSelectors } from '../../kinds/quota/resource-quota.ts';
import { matchingResources, objectUsage, podUsage } from '../../kinds/quota/usage.ts';
import { listObjects } from '../../reducers/lookup.ts';
import { kindGroup } from '../../reducers/object-indexes.ts';
import type { ClusterState } from '../../reducers/state.ts';

export interface QuotaStatus {
  readonly hard: Readonly<Record<string, string>>;
  readonly used: Readonly<Record<string, string>>;
}

/** The kinds other than Pod whose usage is more than a count of objects. */
const SUMMED_KINDS = new Set(['Service', 'PersistentVolumeClaim']);

function podsUsage(state: ClusterState, namespace: string, quota: ResourceQuota, names: readonly string[]): QuantityList {
  const selectors = quotaScopeSelectors(quota);
  let sum: QuantityList = {};
  for (const pod of listObjects<Pod>(state, 'Pod', namespace)) {
    if (!selectors.every((selector) => podMatchesScope(pod, selector))) continue;
    sum = addQuantityLists(sum, podUsage(pod));
  }
  return pick(sum, names);
}

function pick(list: QuantityList, names: readonly string[]): Record<string, QuantityValue> {
  const picked: Record<string, QuantityValue> = {};
  for (const name of names) picked[name] = list[name] ?? ZERO;
  return picked;
}

function kindUsage(state: ClusterState, namespace: string, kind: string, names: readonly string[]): QuantityList {
  const definition = kindDefinition(kind);
  if (definition === undefined) return {};
  if (!SUMMED_KINDS.has(kind)) {
    const count = state.indexes.byNamespace.count(kindGroup(kind, namespace));
    const value: QuantityValue = { nano: BigInt(count) * 1_000_000_000n, binary: false };
    return Object.fromEntries(names.map((name) => [name, value]));
  }
  let sum: QuantityList = {};
  for (const object of listObjects<KubeObject>(state, kind, namespace)) sum = addQuantityLists(sum, objectUsage(object, definition.plural, definition.group));
  return pick(sum, names);
}

/** The names of the hard limits grouped by the kind that counts them; names no evaluator knows are left out. */
function namesByKind(names: readonly string[]): Map<string, string[]> {
  const byKind = new Map<string, string[]>();
  const podNames = matchingResources(names, 'Pod', 'pods', '');
  if (podNames.length > 0) byKind.set('Pod', podNames);
  for (const name of names) {
    if (podNames.includes(name)) continue;
    const kind = countedKind(name);
    if (kind !== undefined) byKind.set(kind, [...(byKind.get(kind) ?? []), name]);
  }
  return byKind;
}

/** The status the controller writes for a quota, from the state as it is. */
export function calculateQuotaStatus(quota: ResourceQuota, state: ClusterState): QuotaStatus {
  const namespace = quota.metadata.namespace ?? 'default';
  const hardValues = parseQuantityList(quota.spec?.hard);
  const hard: Record<string, string> = {};
  for (const name of Object.keys(hardValues).sort()) hard[name] = formatQuantityValue(hardValues[name] as QuantityValue);
  const names = Object.keys(hard);
  // What no evaluator counts keeps the value it had, as upstream starts from the old usage.
  const previous = parseQuantityList(quota.status?.used);
  const used: Record<string, QuantityValue> = Object.fromEntries(names.filter((name) => previous[name] !== undefined).map((name) => [name, previous[name] as QuantityValue]));
  const scoped = quotaScopeSelectors(quota).length > 0;
  for (const [kind, kindNames] of namesByKind(names)) {
    // Only pods have scopes: a scoped quota counts nothing of other kinds.
    const usage = kind === 'Pod' ? podsUsage(state, namespace, quota, kindNames) : scoped ? pick({}, kindNames) : kindUsage(state, namespace, kind, kindNames);
    for (const [name, value] of Object.entries(usage)) used[name] = value;
  }
  return { hard, used: formatQuantityList(used) };
}

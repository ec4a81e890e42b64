// What an object costs a quota, as upstream's evaluators count it (pkg/quota/v1/evaluator/core and
// the generic object-count evaluator, v1.34). A pod is charged its requests and limits
// (cpu/requests.cpu, memory/requests.memory, limits.*, ephemeral-storage, hugepages, extended
// requests.*) and "pods" while it is not terminal; "count/pods" counts it whatever its phase.
// Every other kind is counted by "count/<resource>[.<group>]", a few also by their legacy names
// (services, configmaps, secrets, persistentvolumeclaims with requests.storage, ...).

import type { Container, KubeObject, Pod } from '../../core/objects.ts';
import { isRecord } from '../validation/workload.ts';
import { podRequirements } from './pod-requirements.ts';
import { addQuantityLists, parseQuantityList, parseQuantityValue, type QuantityList, type QuantityValue } from './quantity-value.ts';
import { podMatchesScope, type ResourceQuota, quotaScopeSelectors } from './resource-quota.ts';

const ONE: QuantityValue = { nano: 1_000_000_000n, binary: false };

const POD_RESOURCES = new Set([
  'count/pods',
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
]);

/** The resources a quota on cpu or memory makes every container state (the evaluator's validationSet). */
const MUST_SPECIFY = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

/** Legacy names other kinds are counted by, beside count/<resource>. */
const LEGACY_COUNTS: Readonly<Record<string, readonly string[]>> = {
  Service: ['services', 'services.nodeports', 'services.loadbalancers'],
  ConfigMap: ['configmaps'],
  Secret: ['secrets'],
  PersistentVolumeClaim: ['persistentvolumeclaims', 'requests.storage'],
  ReplicationController: ['replicationcontrollers'],
  ResourceQuota: ['resourcequotas'],
};

/** IsNativeResource: a name without a domain, or in kubernetes.io. */
function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

export function isTerminalPod(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** podComputeUsageHelper: the quota names a set of requests and limits fills. */
function computeUsage(requests: QuantityList, limits: QuantityList): Record<string, QuantityValue> {
  const usage: Record<string, QuantityValue> = { pods: ONE };
  for (const base of ['cpu', 'memory', 'ephemeral-storage']) {
    const request = requests[base];
    const limit = limits[base];
    if (request !== undefined) {
      usage[base] = request;
      usage[`requests.${base}`] = request;
    }
    if (limit !== undefined) usage[`limits.${base}`] = limit;
  }
  for (const [name, request] of Object.entries(requests)) {
    if (name.startsWith('hugepages-')) {
      usage[name] = request;
      usage[`requests.${name}`] = request;
    } else if (!isNativeResource(name) && !name.startsWith('requests.')) usage[`requests.${name}`] = request;
  }
  return usage;
}

/** PodUsageFunc: count/pods always, the rest only while the pod is not terminal. */
export function podUsage(pod: Pod): QuantityList {
  const counted: QuantityList = { 'count/pods': ONE };
  if (isTerminalPod(pod)) return counted;
  const { requests, limits } = podRequirements(pod.spec);
  return addQuantityLists(counted, computeUsage(requests, limits));
}

/** The generic evaluator's name for a kind's object count: "count/deployments.apps", "count/secrets". */
export function objectCountName(plural: string, group: string): string {
  return group === '' ? `count/${plural}` : `count/${plural}.${group}`;
}

function serviceUsage(service: KubeObject): Record<string, QuantityValue> {
  const spec = isRecord(service.spec) ? service.spec : {};
  const ports = Array.isArray(spec.ports) ? spec.ports : [];
  const usage: Record<string, QuantityValue> = { services: ONE };
  if (spec.type === 'LoadBalancer') usage['services.loadbalancers'] = ONE;
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') usage['services.nodeports'] = { nano: BigInt(ports.length) * ONE.nano, binary: false };
  return usage;
}

function claimUsage(claim: KubeObject): Record<string, QuantityValue> {
  const spec = isRecord(claim.spec) ? claim.spec : {};
  const resources = isRecord(spec.resources) ? spec.resources : {};
  const storage = isRecord(resources.requests) ? resources.requests.storage : undefined;
  const value = typeof storage === 'string' || typeof storage === 'number' ? parseQuantityValue(storage) : undefined;
  return value === undefined ? { persistentvolumeclaims: ONE } : { persistentvolumeclaims: ONE, 'requests.storage': value };
}

/** What one object of a kind other than Pod costs. */
export function objectUsage(object: KubeObject, plural: string, group: string): QuantityList {
  const counted: QuantityList = { [objectCountName(plural, group)]: ONE };
  switch (object.kind) {
    case 'Service':
      return addQuantityLists(counted, serviceUsage(object));
    case 'PersistentVolumeClaim':
      return addQuantityLists(counted, claimUsage(object));
    default: {
      const legacy = LEGACY_COUNTS[object.kind]?.[0];
      return legacy === undefined ? counted : addQuantityLists(counted, { [legacy]: ONE });
    }
  }
}

export function usageOf(object: KubeObject, plural: string, group: string): QuantityList {
  return object.kind === 'Pod' ? podUsage(object as Pod) : objectUsage(object, plural, group);
}

/** MatchingResources: the quota's resources an evaluator for this kind counts. */
export function matchingResources(names: readonly string[], kind: string, plural: string, group: string): string[] {
  if (kind === 'Pod') {
    return names.filter((name) => POD_RESOURCES.has(name) || name.startsWith('hugepages-') || name.startsWith('requests.hugepages-') || (name.startsWith('requests.') && !isNativeResource(name)));
  }
  const own = new Set([objectCountName(plural, group), ...(LEGACY_COUNTS[kind] ?? [])]);
  return names.filter((name) => own.has(name));
}

/**
 * generic.Matches: a quota covers an object when it limits something the object's kind counts and
 * every scope of the quota matches it. Only pods have scopes; a scoped quota covers nothing else.
 */
export function quotaCovers(quota: ResourceQuota, object: KubeObject, plural: string, group: string): boolean {
  const hard = Object.keys(quota.status?.hard ?? {});
  if (matchingResources(hard, object.kind, plural, group).length === 0) return false;
  const selectors = quotaScopeSelectors(quota);
  if (object.kind !== 'Pod') return selectors.length === 0;
  return selectors.every((selector) => podMatchesScope(object as Pod, selector));
}

function containerResourceNames(container: Container): Set<string> {
  return new Set(Object.keys(computeUsage(parseQuantityList(container.resources?.requests), parseQuantityList(container.resources?.limits))));
}

/** The pod evaluator's Constraints: "must specify limits.cpu for: app; requests.cpu for: app", or nothing. */
export function podConstraintFailure(pod: Pod, restricted: readonly string[]): string | undefined {
  const required = restricted.filter((name) => MUST_SPECIFY.has(name));
  if (required.length === 0) return undefined;
  const missing = new Map<string, Set<string>>();
  for (const container of [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]) {
    const has = containerResourceNames(container);
    for (const name of required) if (!has.has(name)) missing.set(name, (missing.get(name) ?? new Set()).add(container.name));
  }
  if (missing.size === 0) return undefined;
  const parts = [...missing.keys()].sort().map((name) => `${name} for: ${[...(missing.get(name) ?? [])].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}

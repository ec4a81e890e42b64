// ResourceQuota (core/v1) as ksim reads it, and which of its scopes a pod falls under
// (podMatchesScopeFunc in pkg/quota/v1/evaluator/core/pods.go, v1.34).

import type { KubeObject, Pod, ResourceList } from '../../core/objects.ts';
import { podQosClass } from '../../core/qos-class.ts';
import { isRecord } from '../validation/workload.ts';

export interface ScopedResourceSelectorRequirement {
  readonly scopeName: string;
  readonly operator: string;
  readonly values?: readonly string[];
}

export interface ResourceQuota extends KubeObject {
  readonly spec?: {
    readonly hard?: ResourceList;
    readonly scopes?: readonly string[];
    readonly scopeSelector?: { readonly matchExpressions?: readonly ScopedResourceSelectorRequirement[] };
  };
  readonly status?: { readonly hard?: ResourceList; readonly used?: ResourceList };
}

export const QUOTA_SCOPES = ['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity'] as const;

/** getScopeSelectorsFromQuota: each listed scope as an Exists requirement, then the selector's. */
export function quotaScopeSelectors(quota: ResourceQuota): ScopedResourceSelectorRequirement[] {
  const spec = isRecord(quota.spec) ? quota.spec : {};
  const scopes = Array.isArray(spec.scopes) ? spec.scopes.filter((scope): scope is string => typeof scope === 'string') : [];
  const expressions = isRecord(spec.scopeSelector) && Array.isArray(spec.scopeSelector.matchExpressions) ? spec.scopeSelector.matchExpressions.filter(isRecord) : [];
  return [...scopes.map((scopeName) => ({ scopeName, operator: 'Exists' })), ...(expressions as unknown as ScopedResourceSelectorRequirement[])];
}

function isTerminating(pod: Pod): boolean {
  const deadline = (pod.spec as { readonly activeDeadlineSeconds?: unknown }).activeDeadlineSeconds;
  return typeof deadline === 'number' && deadline >= 0;
}

function usesCrossNamespaceAffinity(pod: Pod): boolean {
  const affinity = pod.spec.affinity;
  const terms = [
    ...(affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []),
    ...(affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []),
    ...(affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((weighted) => weighted.podAffinityTerm),
    ...(affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((weighted) => weighted.podAffinityTerm),
  ];
  return terms.some((term) => (term.namespaces ?? []).length > 0 || (term.namespaceSelector !== undefined && term.namespaceSelector !== null));
}

/** The PriorityClass scope as a label selector over the one label {PriorityClass: name}. */
function priorityClassMatches(pod: Pod, selector: ScopedResourceSelectorRequirement): boolean {
  const name = pod.spec.priorityClassName ?? '';
  const values = selector.values ?? [];
  switch (selector.operator) {
    case 'Exists':
      return name !== '';
    case 'DoesNotExist':
      return name === '';
    case 'In':
      return name !== '' && values.includes(name);
    case 'NotIn':
      return name === '' || !values.includes(name);
    default:
      return false;
  }
}

export function podMatchesScope(pod: Pod, selector: ScopedResourceSelectorRequirement): boolean {
  switch (selector.scopeName) {
    case 'Terminating':
      return isTerminating(pod);
    case 'NotTerminating':
      return !isTerminating(pod);
    case 'BestEffort':
      return podQosClass(pod.spec) === 'BestEffort';
    case 'NotBestEffort':
      return podQosClass(pod.spec) !== 'BestEffort';
    case 'PriorityClass':
      return priorityClassMatches(pod, selector);
    case 'CrossNamespacePodAffinity':
      return usesCrossNamespaceAffinity(pod);
    default:
      return false;
  }
}

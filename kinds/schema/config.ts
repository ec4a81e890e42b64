// ConfigMaps, Secrets, ServiceAccounts, Namespaces, Events, LimitRanges and ResourceQuotas (core/v1).
// Field names and Go types as in upstream v1.34's types.go; see field-types.ts.

import { str, s, bool, int32, quantity, time, microTime, bytes, list, map, struct } from './field-types.ts';
import { object } from './meta.ts';
import { LocalObjectReference, ObjectReference } from './refs.ts';

export const CONFIG_MAP_FIELDS = object('ConfigMap', { immutable: bool, data: map(str), binaryData: map(bytes) });
export const EventSource = struct('EventSource', { component: str, host: str });
export const EventSeries = struct('EventSeries', { count: int32, lastObservedTime: microTime });
export const EVENT_FIELDS = object('Event', {
  involvedObject: ObjectReference, reason: str, message: str, source: EventSource, firstTimestamp: time, lastTimestamp: time, count: int32, type: str,
  eventTime: microTime, series: EventSeries, action: str, related: ObjectReference, reportingComponent: str, reportingInstance: str,
});
export const LimitRangeItem = struct('LimitRangeItem', {
  type: s('LimitType'), max: map(quantity, 'v1.ResourceList'), min: map(quantity, 'v1.ResourceList'), default: map(quantity, 'v1.ResourceList'),
  defaultRequest: map(quantity, 'v1.ResourceList'), maxLimitRequestRatio: map(quantity, 'v1.ResourceList'),
});
export const LimitRangeSpec = struct('LimitRangeSpec', { limits: list(LimitRangeItem) });
export const LIMIT_RANGE_FIELDS = object('LimitRange', { spec: LimitRangeSpec });
export const NamespaceSpec = struct('NamespaceSpec', { finalizers: list(s('FinalizerName')) });
export const NamespaceCondition = struct('NamespaceCondition', { type: s('NamespaceConditionType'), status: s('ConditionStatus'), lastTransitionTime: time, reason: str, message: str });
export const NamespaceStatus = struct('NamespaceStatus', { phase: s('NamespacePhase'), conditions: list(NamespaceCondition) });
export const NAMESPACE_FIELDS = object('Namespace', { spec: NamespaceSpec, status: NamespaceStatus });
export const ScopedResourceSelectorRequirement = struct('ScopedResourceSelectorRequirement', { scopeName: s('ResourceQuotaScope'), operator: s('ScopeSelectorOperator'), values: list(str) });
export const ScopeSelector = struct('ScopeSelector', { matchExpressions: list(ScopedResourceSelectorRequirement) });
export const ResourceQuotaSpec = struct('ResourceQuotaSpec', { hard: map(quantity, 'v1.ResourceList'), scopes: list(s('ResourceQuotaScope')), scopeSelector: ScopeSelector });
export const ResourceQuotaStatus = struct('ResourceQuotaStatus', { hard: map(quantity, 'v1.ResourceList'), used: map(quantity, 'v1.ResourceList') });
export const RESOURCE_QUOTA_FIELDS = object('ResourceQuota', { spec: ResourceQuotaSpec, status: ResourceQuotaStatus });
export const SECRET_FIELDS = object('Secret', { immutable: bool, data: map(bytes), stringData: map(str), type: s('SecretType') });
export const SERVICE_ACCOUNT_FIELDS = object('ServiceAccount', { secrets: list(ObjectReference), imagePullSecrets: list(LocalObjectReference), automountServiceAccountToken: bool });

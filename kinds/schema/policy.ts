// PodDisruptionBudgets (policy/v1), PriorityClasses (scheduling.k8s.io/v1), RBAC's Roles and
// bindings (rbac.authorization.k8s.io/v1) and Leases (coordination.k8s.io/v1).
// Field names and Go types as in upstream v1.34's types.go; see field-types.ts.

import { str, s, bool, int32, int64, intOrString, time, microTime, list, map, struct } from './field-types.ts';
import { Condition, LabelSelector, object } from './meta.ts';

export const LeaseSpec = struct('LeaseSpec', {
  holderIdentity: str, leaseDurationSeconds: int32, acquireTime: microTime, renewTime: microTime, leaseTransitions: int32,
  strategy: s('CoordinatedLeaseStrategy'), preferredHolder: str,
});
export const LEASE_FIELDS = object('Lease', { spec: LeaseSpec });
export const PodDisruptionBudgetSpec = struct('PodDisruptionBudgetSpec', { minAvailable: intOrString, selector: LabelSelector, maxUnavailable: intOrString, unhealthyPodEvictionPolicy: s('UnhealthyPodEvictionPolicyType') });
export const PodDisruptionBudgetStatus = struct('PodDisruptionBudgetStatus', {
  observedGeneration: int64, disruptedPods: map(time), disruptionsAllowed: int32, currentHealthy: int32, desiredHealthy: int32, expectedPods: int32,
  conditions: list(Condition),
});
export const POD_DISRUPTION_BUDGET_FIELDS = object('PodDisruptionBudget', { spec: PodDisruptionBudgetSpec, status: PodDisruptionBudgetStatus });
export const AggregationRule = struct('AggregationRule', { clusterRoleSelectors: list(LabelSelector) });
export const PolicyRule = struct('PolicyRule', { verbs: list(str), apiGroups: list(str), resources: list(str), resourceNames: list(str), nonResourceURLs: list(str) });
export const CLUSTER_ROLE_FIELDS = object('ClusterRole', { rules: list(PolicyRule), aggregationRule: AggregationRule });
export const Subject = struct('Subject', { kind: str, apiGroup: str, name: str, namespace: str });
export const RoleRef = struct('RoleRef', { apiGroup: str, kind: str, name: str });
export const CLUSTER_ROLE_BINDING_FIELDS = object('ClusterRoleBinding', { subjects: list(Subject), roleRef: RoleRef });
export const ROLE_FIELDS = object('Role', { rules: list(PolicyRule) });
export const ROLE_BINDING_FIELDS = object('RoleBinding', { subjects: list(Subject), roleRef: RoleRef });
export const PRIORITY_CLASS_FIELDS = object('PriorityClass', { value: int32, globalDefault: bool, description: str, preemptionPolicy: s('PreemptionPolicy') });

// Kinds the API server stores and no ksim component acts on yet. Applying one works, as on a real
// cluster, and the story says that nothing will come of it, so a user is never misled.

import type { KubeObject } from '../../core/objects.ts';
import { describeGeneric } from '../describe/generic.ts';
import type { KindDefinition, KindNames } from '../definition.ts';
import { genericHeaders, genericRow } from '../printers/generic.ts';
import { HORIZONTAL_POD_AUTOSCALER_FIELDS } from '../schema/autoscaling.ts';
import type { StructType } from '../schema/field-types.ts';
import { NETWORK_POLICY_FIELDS } from '../schema/networking.ts';
import { POD_TEMPLATE_FIELDS } from '../schema/pod.ts';
import {
  CLUSTER_ROLE_BINDING_FIELDS,
  CLUSTER_ROLE_FIELDS,
  LEASE_FIELDS,
  POD_DISRUPTION_BUDGET_FIELDS,
  ROLE_BINDING_FIELDS,
  ROLE_FIELDS,
} from '../schema/policy.ts';

/** The kind as stored: no defaulting, no validation past the API server's common checks. */
export function storedKind(names: KindNames, fields: StructType, notSimulated: string, options: Partial<KindDefinition> = {}): KindDefinition {
  return {
    ...names,
    fields,
    generation: false,
    statusSubresource: false,
    scale: false,
    defaultPropagation: 'Background',
    notSimulated,
    prepareForCreate: (object: KubeObject) => ({ object }),
    prepareForUpdate: (next: KubeObject) => ({ object: next }),
    printer: { headers: () => genericHeaders(), row: (object, _wide, context) => genericRow(object, context.nowMs) },
    describe: (w, object) => describeGeneric(w, object, names.namespaced),
    ...options,
  };
}

const core = (kind: string, plural: string, shortNames: string[], namespaced = true): KindNames => ({ kind, group: '', version: 'v1', plural, shortNames, namespaced });
const named = (group: string, version: string, kind: string, plural: string, shortNames: string[], namespaced = true): KindNames => ({
  kind,
  group,
  version,
  plural,
  shortNames,
  namespaced,
});

const LATER = {
  autoscaling: 'autoscaling is not simulated yet (no metrics, no HPA controller)',
  policy: 'the API server does not enforce this yet',
};

export const STORED_KINDS: readonly KindDefinition[] = [
  storedKind(core('PodTemplate', 'podtemplates', []), POD_TEMPLATE_FIELDS, 'PodTemplates are stored only'),
  storedKind(named('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', ['netpol']), NETWORK_POLICY_FIELDS, 'network policies are stored only; scenario traffic does not honour them'),
  storedKind({ ...named('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', ['hpa']), categories: ['all'] }, HORIZONTAL_POD_AUTOSCALER_FIELDS, LATER.autoscaling),
  storedKind(named('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', ['pdb']), POD_DISRUPTION_BUDGET_FIELDS, 'no disruption controller computes status.disruptionsAllowed and the Eviction API is not simulated; only preemption reads the budget, as its status is written'),
  storedKind(named('rbac.authorization.k8s.io', 'v1', 'Role', 'roles', []), ROLE_FIELDS, 'RBAC is not enforced'),
  storedKind(named('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings', []), ROLE_BINDING_FIELDS, 'RBAC is not enforced'),
  storedKind(named('rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', [], false), CLUSTER_ROLE_FIELDS, 'RBAC is not enforced'),
  storedKind(named('rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', [], false), CLUSTER_ROLE_BINDING_FIELDS, 'RBAC is not enforced'),
  storedKind(named('coordination.k8s.io', 'v1', 'Lease', 'leases', []), LEASE_FIELDS, 'leases are stored only; node heartbeats do not use them yet'),
];

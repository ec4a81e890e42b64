// Kinds the API server stores and no ksim component acts on yet. Applying one works, as on a real
// cluster, and the story says that nothing will come of it, so a user is never misled.

import type { KubeObject } from '../../core/objects.ts';
import { describeGeneric } from '../describe/generic.ts';
import type { KindDefinition, KindNames } from '../definition.ts';
import { genericHeaders, genericRow } from '../printers/generic.ts';
import { HORIZONTAL_POD_AUTOSCALER_FIELDS } from '../schema/autoscaling.ts';
import { CONFIG_MAP_FIELDS, LIMIT_RANGE_FIELDS, RESOURCE_QUOTA_FIELDS, SECRET_FIELDS, SERVICE_ACCOUNT_FIELDS } from '../schema/config.ts';
import type { StructType } from '../schema/field-types.ts';
import { ENDPOINT_SLICE_FIELDS, ENDPOINTS_FIELDS, NETWORK_POLICY_FIELDS, SERVICE_FIELDS } from '../schema/networking.ts';
import { POD_TEMPLATE_FIELDS } from '../schema/pod.ts';
import {
  CLUSTER_ROLE_BINDING_FIELDS,
  CLUSTER_ROLE_FIELDS,
  LEASE_FIELDS,
  POD_DISRUPTION_BUDGET_FIELDS,
  ROLE_BINDING_FIELDS,
  ROLE_FIELDS,
} from '../schema/policy.ts';
import { PERSISTENT_VOLUME_FIELDS, STORAGE_CLASS_FIELDS } from '../schema/storage.ts';

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
  services: 'no ClusterIP or NodePort allocation and no EndpointSlice controller yet: kube-proxy, cluster DNS and traffic read only the clusterIP, ports and slices the manifests give',
  storage: 'storage is not simulated yet (no binding, no provisioning)',
  config: 'pods do not read ConfigMaps and Secrets yet; the kubelet starts containers without them',
  autoscaling: 'autoscaling is not simulated yet (no metrics, no HPA controller)',
  policy: 'the API server does not enforce this yet',
};

export const STORED_KINDS: readonly KindDefinition[] = [
  storedKind(core('ConfigMap', 'configmaps', ['cm']), CONFIG_MAP_FIELDS, LATER.config),
  storedKind(core('Secret', 'secrets', []), SECRET_FIELDS, LATER.config),
  storedKind({ ...core('Service', 'services', ['svc']), categories: ['all'], nameIsLabel: true }, SERVICE_FIELDS, LATER.services),
  storedKind(core('ServiceAccount', 'serviceaccounts', ['sa']), SERVICE_ACCOUNT_FIELDS, 'service accounts are stored only; pods are not checked against them yet'),
  storedKind(core('Endpoints', 'endpoints', ['ep']), ENDPOINTS_FIELDS, LATER.services),
  storedKind(core('PersistentVolume', 'persistentvolumes', ['pv'], false), PERSISTENT_VOLUME_FIELDS, LATER.storage),
  storedKind(core('LimitRange', 'limitranges', ['limits']), LIMIT_RANGE_FIELDS, LATER.policy),
  storedKind(core('ResourceQuota', 'resourcequotas', ['quota']), RESOURCE_QUOTA_FIELDS, LATER.policy),
  storedKind(core('PodTemplate', 'podtemplates', []), POD_TEMPLATE_FIELDS, 'PodTemplates are stored only'),
  storedKind(named('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', []), ENDPOINT_SLICE_FIELDS, LATER.services),
  storedKind(named('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', ['netpol']), NETWORK_POLICY_FIELDS, 'network policies are stored only; scenario traffic does not honour them'),
  storedKind({ ...named('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', ['hpa']), categories: ['all'] }, HORIZONTAL_POD_AUTOSCALER_FIELDS, LATER.autoscaling),
  storedKind(named('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', ['pdb']), POD_DISRUPTION_BUDGET_FIELDS, 'no disruption controller computes status.disruptionsAllowed and the Eviction API is not simulated; only preemption reads the budget, as its status is written'),
  storedKind(named('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', ['sc'], false), STORAGE_CLASS_FIELDS, LATER.storage),
  storedKind(named('rbac.authorization.k8s.io', 'v1', 'Role', 'roles', []), ROLE_FIELDS, 'RBAC is not enforced'),
  storedKind(named('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings', []), ROLE_BINDING_FIELDS, 'RBAC is not enforced'),
  storedKind(named('rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', [], false), CLUSTER_ROLE_FIELDS, 'RBAC is not enforced'),
  storedKind(named('rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', [], false), CLUSTER_ROLE_BINDING_FIELDS, 'RBAC is not enforced'),
  storedKind(named('coordination.k8s.io', 'v1', 'Lease', 'leases', []), LEASE_FIELDS, 'leases are stored only; node heartbeats do not use them yet'),
];

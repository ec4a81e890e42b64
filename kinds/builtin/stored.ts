// Kinds the API server stores and no ksim component acts on yet. Applying one works, as on a real
// cluster, and the story says that nothing will come of it, so a user is never misled.

import type { KubeObject } from '../../core/objects.ts';
import { describeGeneric } from '../describe/generic.ts';
import type { KindDefinition, KindNames } from '../definition.ts';
import { genericHeaders, genericRow } from '../printers/generic.ts';

/** The kind as stored: no defaulting, no validation past the API server's common checks. */
export function storedKind(names: KindNames, notSimulated: string, options: Partial<KindDefinition> = {}): KindDefinition {
  return {
    ...names,
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
  services: 'Services, endpoints and traffic are not simulated yet (no ClusterIP, no endpoints)',
  storage: 'storage is not simulated yet (no binding, no provisioning)',
  config: 'pods do not read ConfigMaps and Secrets yet; the kubelet starts containers without them',
  autoscaling: 'autoscaling is not simulated yet (no metrics, no HPA controller)',
  policy: 'the API server does not enforce this yet',
};

export const STORED_KINDS: readonly KindDefinition[] = [
  storedKind(core('ConfigMap', 'configmaps', ['cm']), LATER.config),
  storedKind(core('Secret', 'secrets', []), LATER.config),
  storedKind({ ...core('Service', 'services', ['svc']), categories: ['all'], nameIsLabel: true }, LATER.services),
  storedKind(core('ServiceAccount', 'serviceaccounts', ['sa']), 'service accounts are stored only; pods are not checked against them yet'),
  storedKind(core('Endpoints', 'endpoints', ['ep']), LATER.services),
  storedKind(core('PersistentVolume', 'persistentvolumes', ['pv'], false), LATER.storage),
  storedKind(core('LimitRange', 'limitranges', ['limits']), LATER.policy),
  storedKind(core('ResourceQuota', 'resourcequotas', ['quota']), LATER.policy),
  storedKind(core('PodTemplate', 'podtemplates', []), 'PodTemplates are stored only'),
  storedKind(named('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', []), LATER.services),
  storedKind(named('networking.k8s.io', 'v1', 'Ingress', 'ingresses', ['ing']), LATER.services),
  storedKind(named('networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', [], false), LATER.services),
  storedKind(named('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', ['netpol']), 'network policies are stored only; traffic is not simulated yet'),
  storedKind({ ...named('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', ['hpa']), categories: ['all'] }, LATER.autoscaling),
  storedKind(named('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', ['pdb']), 'no disruption controller computes status.disruptionsAllowed and the Eviction API is not simulated; only preemption reads the budget, as its status is written'),
  storedKind(named('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', ['sc'], false), LATER.storage),
  storedKind(named('rbac.authorization.k8s.io', 'v1', 'Role', 'roles', []), 'RBAC is not enforced'),
  storedKind(named('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings', []), 'RBAC is not enforced'),
  storedKind(named('rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', [], false), 'RBAC is not enforced'),
  storedKind(named('rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', [], false), 'RBAC is not enforced'),
  storedKind(named('coordination.k8s.io', 'v1', 'Lease', 'leases', []), 'leases are stored only; node heartbeats do not use them yet'),
];

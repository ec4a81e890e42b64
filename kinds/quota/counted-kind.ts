// Which kind a quota resource name other than a pod's counts: a legacy name ("services",
// "requests.storage", ...) or "count/<plural>[.<group>]" of a kind the cluster serves (the object
// count evaluators upstream's quota controller makes from discovery).

import { resolveKind } from '../registry.ts';

const LEGACY_KINDS: Readonly<Record<string, string>> = {
  services: 'Service',
  'services.nodeports': 'Service',
  'services.loadbalancers': 'Service',
  configmaps: 'ConfigMap',
  secrets: 'Secret',
  persistentvolumeclaims: 'PersistentVolumeClaim',
  'requests.storage': 'PersistentVolumeClaim',
  replicationcontrollers: 'ReplicationController',
  resourcequotas: 'ResourceQuota',
};

/** The kind a non-pod quota resource counts: a legacy name, or count/<plural>[.<group>] of a served kind. */
export function countedKind(name: string): string | undefined {
  const legacy = LEGACY_KINDS[name];
  if (legacy !== undefined) return legacy;
  if (!name.startsWith('count/')) return undefined;
  const resource = name.slice('count/'.length);
  const dot = resource.indexOf('.');
  const plural = dot === -1 ? resource : resource.slice(0, dot);
  const group = dot === -1 ? '' : resource.slice(dot + 1);
  const definition = resolveKind(resource);
  return definition !== undefined && definition.plural === plural && definition.group === group ? definition.kind : undefined;
}

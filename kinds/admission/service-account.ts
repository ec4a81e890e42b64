// The ServiceAccount admission plugin (plugin/pkg/admission/serviceaccount), for a new pod: a pod
// that names no service account gets `default`, and one whose service account does not exist is
// refused, as upstream's lookup ends in NotFound (`default` aside, see awaitsDefaultAccount). The v1 API also shows the name in the deprecated
// spec.serviceAccount (its conversion copies it), and reads a pod that gives only that field as
// naming it. Mirror pods (the kubelet's static pods) are left alone. Upstream also mounts the
// account's token as a projected volume; ksim does not (see README).

import type { Pod, PodSpec } from '../../core/objects.ts';
import { withFields } from '../../core/with-fields.ts';
import { lookupObject } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import type { Admitted } from '../definition.ts';
import { isRecord } from '../validation/workload.ts';

export const DEFAULT_SERVICE_ACCOUNT = 'default';
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** The account a pod asks for: serviceAccountName, else the deprecated alias, else `default`. */
export function requestedServiceAccount(spec: PodSpec): string {
  if (spec.serviceAccountName !== undefined && spec.serviceAccountName !== '') return spec.serviceAccountName;
  if (spec.serviceAccount !== undefined && spec.serviceAccount !== '') return spec.serviceAccount;
  return DEFAULT_SERVICE_ACCOUNT;
}

/**
 * getServiceAccount asks the API server again when its cache misses: once for a named account,
 * ten times 100-200 ms apart for `default`, which the ServiceAccount controller is about to create
 * in a namespace that has just appeared. ksim's controller creates it in the same virtual instant,
 * so upstream's wait always ends in the account: a pod of a namespace created a moment ago is
 * admitted (NamespaceLifecycle, before this plugin, has refused any namespace that is missing or
 * being deleted). Any other missing account is refused at once.
 */
function awaitsDefaultAccount(name: string): boolean {
  return name === DEFAULT_SERVICE_ACCOUNT;
}

export function admitPodServiceAccount(pod: Pod, state: ClusterState): Admitted<Pod> {
  // A malformed spec passes untouched; the pod's validation refuses it next.
  const { spec } = pod as { readonly spec: unknown };
  if (!isRecord(spec) || (spec.serviceAccountName !== undefined && typeof spec.serviceAccountName !== 'string')) return { object: pod };
  if (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return { object: pod };
  const name = requestedServiceAccount(pod.spec);
  const namespace = pod.metadata.namespace ?? 'default';
  if (lookupObject(state, 'ServiceAccount', namespace, name) === undefined && !awaitsDefaultAccount(name)) {
    return { forbidden: `error looking up service account ${namespace}/${name}: serviceaccount "${name}" not found` };
  }
  if (pod.spec.serviceAccountName === name && pod.spec.serviceAccount === name) return { object: pod };
  return { object: withFields(pod, { spec: withFields(pod.spec, { serviceAccountName: name, serviceAccount: name }) }) };
}

/** On update the account set at creation stays when the new spec leaves it out (it may not change). */
export function keepPodServiceAccount(next: Pod, current: Pod): Admitted<Pod> {
  if (!isRecord((next as { readonly spec: unknown }).spec)) return { object: next };
  const kept = (['serviceAccountName', 'serviceAccount'] as const).filter((field) => next.spec[field] === undefined && current.spec[field] !== undefined);
  if (kept.length === 0) return { object: next };
  return { object: withFields(next, { spec: withFields(next.spec, Object.fromEntries(kept.map((field) => [field, current.spec[field]]))) }) };
}

// Creating an object: namespace and name checks, generateName, uid and creationTimestamp, then the
// kind's own defaulting and validation. The result is one `*/created` event or one rejection.

import { toTimestamp } from '../core/clock.ts';
import type { EventBody } from '../core/events.ts';
import { isNamespacedKind } from '../core/kinds.ts';
import type { KubeObject, ObjectMeta } from '../core/objects.ts';
import { nameSuffix, uuid } from '../core/prng.ts';
import type { AdmitContext } from '../core/engine.ts';
import { lookupObject } from '../reducers/lookup.ts';
import type { ClusterState } from '../reducers/state.ts';
import { type FieldError, required, validateDns1123Label, validateDns1123Subdomain, validateLabels } from './field-errors.ts';
import { buildForCreate } from './kind-rules.ts';
import type { ManifestHead } from './manifest.ts';
import { alreadyExists, invalidObject, notFound, type RequestInfo } from './rejection.ts';

/** Kinds whose spec changes are counted in metadata.generation. */
const GENERATION_KINDS = new Set(['ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'HorizontalPodAutoscaler']);

/** Upstream trims the base so the name with its five random characters stays within 63. */
function generatedName(generateName: string, context: AdmitContext): string {
  return `${generateName.slice(0, 58)}${nameSuffix(context.rng)}`;
}

function validateName(kind: string, name: string): FieldError[] {
  const dnsLabelKinds = ['Namespace', 'Service'];
  return dnsLabelKinds.includes(kind) ? validateDns1123Label('metadata.name', name) : validateDns1123Subdomain('metadata.name', name);
}

function systemMetadata(head: ManifestHead, name: string, namespace: string | undefined, context: AdmitContext): ObjectMeta {
  const { resourceVersion: _rv, uid: _uid, creationTimestamp: _ct, deletionTimestamp: _dt, deletionGracePeriodSeconds: _dg, generation: _g, ...given } = head.metadata;
  return {
    ...(given as Partial<ObjectMeta>),
    name,
    ...(namespace === undefined ? {} : { namespace }),
    uid: uuid(context.rng),
    creationTimestamp: toTimestamp(context.nowMs),
    ...(GENERATION_KINDS.has(head.kind) ? { generation: 1 } : {}),
  } as ObjectMeta;
}

export function admitCreate(head: ManifestHead, state: ClusterState, context: AdmitContext, verb: string): EventBody[] {
  const namespace = isNamespacedKind(head.kind) ? (head.namespace ?? 'default') : undefined;
  const request: RequestInfo = { verb, kind: head.kind, ...(namespace === undefined ? {} : { namespace }), ...(head.name === undefined ? {} : { name: head.name }) };
  if (namespace !== undefined && !state.namespaces.has(namespace)) return [notFound(request, 'Namespace', namespace)];
  let name = head.name;
  if (name === undefined && head.generateName !== undefined) {
    // A drawn name that is taken is drawn again; upstream leaves that retry to the client.
    for (let attempt = 0; attempt < 8 && (name === undefined || lookupObject(state, head.kind, namespace, name) !== undefined); attempt++) {
      name = generatedName(head.generateName, context);
    }
  }
  if (name === undefined) return [invalidObject(request, [required('metadata.name', 'name or generateName is required')])];
  const named = { ...request, name };
  const nameErrors = [...validateName(head.kind, name), ...validateLabels('metadata.labels', head.metadata.labels)];
  if (nameErrors.length > 0) return [invalidObject(named, nameErrors)];
  if (lookupObject(state, head.kind, namespace, name) !== undefined) return [alreadyExists(named)];
  const object = { ...head.body, metadata: systemMetadata(head, name, namespace, context) } as KubeObject;
  const built = buildForCreate(object);
  return 'errors' in built ? [invalidObject(named, built.errors)] : [built.event];
}

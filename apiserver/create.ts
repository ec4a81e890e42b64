// Creating an object: the namespace must exist, generateName draws a name, the metadata is
// validated as upstream's ValidateObjectMeta does, uid and creationTimestamp are set, then the
// kind's own defaulting and validation from the registry. The result is one created event or one
// rejection.

import { toTimestamp } from '../core/clock.ts';
import type { AdmitContext } from '../core/engine.ts';
import type { ApiContext } from './api-context.ts';
import type { EventBody } from '../core/events.ts';
import type { KubeObject, ObjectMeta } from '../core/objects.ts';
import { nameSuffix, uuid } from '../core/prng.ts';
import { lookupObject } from '../reducers/lookup.ts';
import type { ClusterState } from '../reducers/state.ts';
import type { ManifestHead } from './manifest.ts';
import { validateObjectMetaCreate } from './object-meta.ts';
import { namespaceRefusesCreate } from './namespace-lifecycle.ts';
import { alreadyExists, forbiddenRequest, invalidObject, rejection, type RequestInfo } from './rejection.ts';
import { createdEvent } from './writes.ts';
import { validateAdmission } from './quota-charges.ts';
import { withFields } from '../core/with-fields.ts';

/** Upstream trims the base so the name with its five random characters stays within 63. */
function generatedName(generateName: string, context: AdmitContext): string {
  return `${generateName.slice(0, 58)}${nameSuffix(context.rng)}`;
}

function systemMetadata(head: ManifestHead, name: string, namespace: string | undefined, context: AdmitContext): ObjectMeta {
  // The API server sets these; a cluster-scoped object has no namespace, whatever the manifest says.
  const { resourceVersion: _rv, uid: _uid, creationTimestamp: _ct, deletionTimestamp: _dt, deletionGracePeriodSeconds: _dg, generation: _g, namespace: _ns, ...given } = head.metadata;
  return withFields(given as Partial<ObjectMeta>, {
    name,
    ...(namespace === undefined ? {} : { namespace }),
    uid: uuid(context.rng),
    creationTimestamp: toTimestamp(context.nowMs),
    ...(head.definition.generation ? { generation: 1 } : {}),
  }) as ObjectMeta;
}

function setsResourceVersion(resourceVersion: unknown): boolean {
  return typeof resourceVersion === 'string' && /^[0-9]+$/.test(resourceVersion) && Number(resourceVersion) !== 0;
}

/** A name for the object: the one given, or one drawn from generateName that is not taken yet. */
function chooseName(head: ManifestHead, state: ClusterState, namespace: string | undefined, context: AdmitContext): string | undefined {
  let name = head.name;
  if (name !== undefined || head.generateName === undefined) return name;
  // A drawn name that is taken is drawn again; upstream leaves that retry to the client.
  for (let attempt = 0; attempt < 8 && (name === undefined || lookupObject(state, head.kind, namespace, name) !== undefined); attempt++) {
    name = generatedName(head.generateName, context);
  }
  return name;
}

/** The object as created, or the rejection; callers that record an Event need the name. */
export function createObject(head: ManifestHead, state: ClusterState, context: ApiContext, verb: string): { readonly created: KubeObject; readonly before: readonly EventBody[] } | { readonly refused: EventBody } {
  const { definition } = head;
  const namespace = definition.namespaced ? (head.namespace ?? 'default') : undefined;
  const request: RequestInfo = { verb, kind: head.kind, ...(namespace === undefined ? {} : { namespace }), ...(head.name === undefined ? {} : { name: head.name }) };
  // NamespaceLifecycle admission, before any other plugin.
  const lifecycle = namespace === undefined ? undefined : namespaceRefusesCreate(state, namespace, withFields(request, { name: head.name ?? head.generateName ?? '' }));
  if (lifecycle !== undefined) return { refused: lifecycle };
  const name = chooseName(head, state, namespace, context) ?? '';
  const named = name === '' ? request : withFields(request, { name });
  const built = withFields(head.body, { metadata: systemMetadata(head, name, namespace, context) }) as KubeObject;
  const admitted = definition.admitCreate?.(built, state) ?? { object: built };
  // Admission runs before the name is generated, so upstream names the object by its prefix.
  if ('forbidden' in admitted) return { refused: forbiddenRequest(withFields(request, { name: head.name ?? head.generateName ?? name }), admitted.forbidden) };
  const metadataErrors = validateObjectMetaCreate(definition, withFields(head.metadata, { name, ...(namespace === undefined ? {} : { namespace }) }) as Partial<ObjectMeta>);
  const prepared = definition.prepareForCreate(admitted.object, state, context);
  // Upstream's strategies validate the metadata first, then the rest, and report both.
  const errors = [...metadataErrors, ...('errors' in prepared ? prepared.errors : [])];
  if (errors.length > 0 || 'errors' in prepared) return { refused: invalidObject(named, errors) };
  // Validating admission (limit ranges, quotas) runs once the object is valid, before it is stored; a
  // create that storage then refuses charges no quota. Its refusal names the object as the request
  // did (the generateName prefix), as the documentation's "pods \"pod-quota-demo-1650323038-\" is forbidden" shows.
  const validated = validateAdmission(definition, prepared.object, state);
  if ('forbidden' in validated) return { refused: forbiddenRequest(withFields(request, { name: head.name ?? head.generateName ?? name }), validated.forbidden) };
  // Storage comes after validation: etcd refuses a resourceVersion (a number other than 0; upstream
  // passes that error on as it is, a 500), then a taken name.
  if (setsResourceVersion(head.metadata.resourceVersion)) return { refused: rejection(named, 500, '', 'resourceVersion should not be set on objects to be created') };
  if (lookupObject(state, head.kind, namespace, name) !== undefined) return { refused: alreadyExists(named) };
  return { created: validated.object, before: validated.before };
}

export function admitCreate(head: ManifestHead, state: ClusterState, context: ApiContext, verb: string): EventBody[] {
  const result = createObject(head, state, context, verb);
  return 'refused' in result ? [result.refused] : [...result.before, createdEvent(result.created)];
}

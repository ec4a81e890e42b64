// Creating an object: namespace and name checks, generateName, uid and creationTimestamp, then the
// kind's own defaulting and validation from the registry. The result is one created event or one
// rejection.

import { toTimestamp } from '../core/clock.ts';
import type { AdmitContext } from '../core/engine.ts';
import type { EventBody } from '../core/events.ts';
import type { KubeObject, ObjectMeta } from '../core/objects.ts';
import { nameSuffix, uuid } from '../core/prng.ts';
import type { KindDefinition } from '../kinds/registry.ts';
import { type FieldError, required, validateDns1123Label, validateDns1123Subdomain, validateLabels } from '../kinds/validation/field-errors.ts';
import { lookupObject } from '../reducers/lookup.ts';
import type { ClusterState } from '../reducers/state.ts';
import type { ManifestHead } from './manifest.ts';
import { alreadyExists, forbiddenRequest, invalidObject, notFound, type RequestInfo } from './rejection.ts';
import { createdEvent } from './writes.ts';

/** Upstream trims the base so the name with its five random characters stays within 63. */
function generatedName(generateName: string, context: AdmitContext): string {
  return `${generateName.slice(0, 58)}${nameSuffix(context.rng)}`;
}

function validateName(definition: KindDefinition, name: string): FieldError[] {
  return definition.nameIsLabel === true ? validateDns1123Label('metadata.name', name) : validateDns1123Subdomain('metadata.name', name);
}

function validateFinalizers(finalizers: unknown): FieldError[] {
  if (finalizers === undefined) return [];
  if (!Array.isArray(finalizers) || finalizers.some((finalizer) => typeof finalizer !== 'string' || finalizer === '')) {
    return [required('metadata.finalizers', 'finalizers must be non-empty strings')];
  }
  return [];
}

function systemMetadata(head: ManifestHead, name: string, namespace: string | undefined, context: AdmitContext): ObjectMeta {
  const { resourceVersion: _rv, uid: _uid, creationTimestamp: _ct, deletionTimestamp: _dt, deletionGracePeriodSeconds: _dg, generation: _g, ...given } = head.metadata;
  return {
    ...(given as Partial<ObjectMeta>),
    name,
    ...(namespace === undefined ? {} : { namespace }),
    uid: uuid(context.rng),
    creationTimestamp: toTimestamp(context.nowMs),
    ...(head.definition.generation ? { generation: 1 } : {}),
  } as ObjectMeta;
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
export function createObject(head: ManifestHead, state: ClusterState, context: AdmitContext, verb: string): { readonly created: KubeObject } | { readonly refused: EventBody } {
  const { definition } = head;
  const namespace = definition.namespaced ? (head.namespace ?? 'default') : undefined;
  const request: RequestInfo = { verb, kind: head.kind, ...(namespace === undefined ? {} : { namespace }), ...(head.name === undefined ? {} : { name: head.name }) };
  if (namespace !== undefined && lookupObject(state, 'Namespace', undefined, namespace) === undefined) return { refused: notFound(request, 'Namespace', namespace) };
  const name = chooseName(head, state, namespace, context);
  if (name === undefined) return { refused: invalidObject(request, [required('metadata.name', 'name or generateName is required')]) };
  const named = { ...request, name };
  const built = { ...head.body, metadata: systemMetadata(head, name, namespace, context) } as KubeObject;
  const admitted = definition.admitCreate?.(built, state) ?? { object: built };
  // Admission runs before the name is generated, so upstream names the object by its prefix.
  if ('forbidden' in admitted) return { refused: forbiddenRequest({ ...request, name: head.name ?? head.generateName ?? name }, admitted.forbidden) };
  const metadataErrors = [...validateName(definition, name), ...validateLabels('metadata.labels', head.metadata.labels), ...validateFinalizers(head.metadata.finalizers)];
  if (metadataErrors.length > 0) return { refused: invalidObject(named, metadataErrors) };
  if (lookupObject(state, head.kind, namespace, name) !== undefined) return { refused: alreadyExists(named) };
  const prepared = definition.prepareForCreate(admitted.object, state);
  return 'errors' in prepared ? { refused: invalidObject(named, prepared.errors) } : { created: prepared.object };
}

export function admitCreate(head: ManifestHead, state: ClusterState, context: AdmitContext, verb: string): EventBody[] {
  const result = createObject(head, state, context, verb);
  return 'refused' in result ? [result.refused] : [createdEvent(result.created)];
}

// Changing an object that exists: an apply of a manifest, a controller's whole-object update, a
// JSON merge patch or a finalizer's removal. Each builds the candidate object, then the same
// steps run: system metadata kept, the kind's defaulting and validation, generation counted on
// spec changes, no event when nothing changed, and the removal of an object whose deletion only
// waited for the finalizer just taken away.

import { sameJson } from '../core/canonical-json.ts';
import type { Command } from '../core/commands.ts';
import type { EventBody } from '../core/events.ts';
import type { KubeObject, Namespace, ObjectMeta } from '../core/objects.ts';
import type { FieldError } from '../kinds/validation/field-errors.ts';
import { type KindDefinition, kindDefinition } from '../kinds/registry.ts';
import { isRecord, type Json } from '../kinds/validation/workload.ts';
import { lookupObject } from '../reducers/lookup.ts';
import type { ClusterState } from '../reducers/state.ts';
import { applyMergePatch } from './merge-patch.ts';
import { finalizeNamespace, KUBERNETES_FINALIZER } from './namespace-lifecycle.ts';
import { immutableMetadataErrors, validateObjectMetaUpdate } from './object-meta.ts';
import { badRequest, conflict, forbiddenRequest, invalidObject, notFound, type RequestInfo } from './rejection.ts';
import { decodeObjectBody, decodePatchedBody, warnedEvents } from './request-body.ts';
import { writeEvents } from './writes.ts';
import type { ApiContext } from './api-context.ts';
import { withFields } from '../core/with-fields.ts';

/** Metadata only the API server writes; a client's copy of these is ignored (or refused, see immutableMetadataErrors). */
function systemMetadata(current: ObjectMeta): Partial<ObjectMeta> {
  const { name, namespace, uid, creationTimestamp, resourceVersion, generation, deletionTimestamp, deletionGracePeriodSeconds, generateName } = current;
  return { name, namespace, uid, creationTimestamp, resourceVersion, generation, deletionTimestamp, deletionGracePeriodSeconds, generateName };
}

/** The metadata without the fields that are undefined (absent). */
function defined(metadata: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== undefined));
}

/**
 * The candidate object: the client's fields in place of the current ones, status kept where the kind has
 * a status subresource, system metadata always kept. With `keepAbsentMetadata` (an apply) a
 * metadata field the manifest leaves out keeps its value; an update or patch result is whole.
 */
function candidate(definition: KindDefinition, current: KubeObject, given: Json, keepAbsentMetadata: boolean): KubeObject {
  const { metadata: givenMetadata, status, apiVersion: _a, kind: _k, ...fields } = given;
  const clientMetadata = isRecord(givenMetadata) ? givenMetadata : {};
  const base = keepAbsentMetadata ? current.metadata : {};
  // A cluster-scoped object has no namespace, whatever the client sends (the request's scope wins).
  const { namespace: _ns, ...scoped } = clientMetadata;
  const metadata = defined(withFields(base, definition.namespaced ? clientMetadata : scoped, systemMetadata(current.metadata))) as unknown as ObjectMeta;
  const keptStatus = definition.statusSubresource || status === undefined ? current.status : status;
  // The body replaces the object, as a PUT does: a field it leaves out (spec included) is gone.
  const object = { apiVersion: current.apiVersion, kind: current.kind, ...fields, metadata } as KubeObject;
  return keptStatus === undefined ? object : withFields(object, { status: keptStatus });
}

/**
 * checkName: the object a request carries must be the one it names. An empty name or namespace
 * is taken from the request; a cluster-scoped request has no namespace to disagree with.
 */
function identityMismatch(body: Json, request: RequestInfo & { readonly name: string }, namespaced: boolean): EventBody | undefined {
  const metadata = isRecord(body.metadata) ? body.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  if (name !== '' && name !== request.name) return badRequest(request, `the name of the object (${name}) does not match the name on the URL (${request.name})`);
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : '';
  const expected = request.namespace ?? 'default';
  if (namespaced && namespace !== '' && namespace !== expected) {
    return badRequest(request, `the namespace of the provided object (${namespace}) does not match the namespace sent on the request (${expected})`);
  }
  return undefined;
}

/** The common end of every update path; `clientErrors` are those found in what the client sent. */
export function finishUpdate(
  definition: KindDefinition,
  current: KubeObject,
  given: KubeObject,
  request: RequestInfo,
  state: ClusterState,
  context: ApiContext,
  clientErrors: readonly FieldError[] = [],
): EventBody[] {
  const admitted = definition.admitUpdate?.(given, current, state) ?? { object: given };
  if ('forbidden' in admitted) return [forbiddenRequest(request, admitted.forbidden)];
  const next = admitted.object;
  const metadataErrors = [...clientErrors, ...validateObjectMetaUpdate(next.metadata, current.metadata)];
  const prepared = definition.prepareForUpdate(next, current, state, context);
  // Upstream's strategies validate the metadata first, then the rest, and report both.
  const errors = [...metadataErrors, ...('errors' in prepared ? prepared.errors : [])];
  if (errors.length > 0 || 'errors' in prepared) return [invalidObject(request, errors)];
  let object = prepared.object;
  if (sameJson(object, current)) return [];
  if (definition.generation && !sameJson(object.spec, current.spec)) {
    object = { ...object, metadata: withFields(object.metadata, { generation: (current.metadata.generation ?? 1) + 1 }) };
  }
  return writeEvents(object);
}

function requestFor(verb: string, kind: string, namespace: string | undefined, name: string): RequestInfo & { readonly name: string } {
  return { verb, kind, ...(namespace === undefined ? {} : { namespace }), name };
}

/** An apply of a manifest to the object it names (kubectl apply's update, with fields replaced). */
export function applyToExisting(definition: KindDefinition, current: KubeObject, manifest: Json, state: ClusterState, context: ApiContext): EventBody[] {
  const { namespace, name } = current.metadata;
  const request = requestFor('update', current.kind, namespace, name);
  const expected = isRecord(manifest.metadata) ? manifest.metadata.resourceVersion : undefined;
  if (typeof expected === 'string' && expected !== current.metadata.resourceVersion) return [conflict(request)];
  return finishUpdate(definition, current, candidate(definition, current, manifest, true), request, state, context, clientErrors(manifest, current));
}

function clientErrors(body: Json, current: KubeObject): FieldError[] {
  return immutableMetadataErrors(isRecord(body.metadata) ? body.metadata : {}, current.metadata);
}

type Found = { readonly definition: KindDefinition; readonly current: KubeObject } | { readonly refused: EventBody };

/** The object a targeted request names, after its preconditions (resourceVersion, uid). */
function found(state: ClusterState, request: RequestInfo & { readonly name: string }, resourceVersion?: string, uid?: string): Found {
  const definition = kindDefinition(request.kind);
  if (definition === undefined) return { refused: badRequest(request, `the server doesn't have a resource type "${request.kind}"`) };
  const namespace = definition.namespaced ? (request.namespace ?? 'default') : undefined;
  const current = lookupObject(state, request.kind, namespace, request.name);
  if (current === undefined) return { refused: notFound(request) };
  if (resourceVersion !== undefined && resourceVersion !== current.metadata.resourceVersion) return { refused: conflict(request) };
  if (uid !== undefined && uid !== current.metadata.uid) {
    return { refused: conflict(request, `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${current.metadata.uid}`) };
  }
  return { definition, current };
}

export function admitUpdate(command: Extract<Command, { type: 'update' }>, state: ClusterState, context: ApiContext): EventBody[] {
  const { kind, metadata } = command.object;
  const request = requestFor('update', kind, metadata.namespace, metadata.name);
  const target = found(state, request, metadata.resourceVersion, metadata.uid);
  if ('refused' in target) return [target.refused];
  const decoded = decodeObjectBody(target.definition, command.object as Json, request, command.fieldValidation);
  if ('refused' in decoded) return [decoded.refused];
  const mismatch = identityMismatch(decoded.body, request, target.definition.namespaced);
  if (mismatch !== undefined) return [mismatch];
  const next = candidate(target.definition, target.current, decoded.body, false);
  return [...finishUpdate(target.definition, target.current, next, request, state, context, clientErrors(decoded.body, target.current)), ...warnedEvents(request, decoded.warnings)];
}

export function admitPatch(command: Extract<Command, { type: 'patch' }>, state: ClusterState, context: ApiContext): EventBody[] {
  const request = requestFor('patch', command.kind, command.namespace, command.name);
  const target = found(state, request, command.resourceVersion);
  if ('refused' in target) return [target.refused];
  if (!isRecord(command.patch)) return [badRequest(request, 'the patch must be a JSON or YAML object (a JSON merge patch)')];
  const patched = applyMergePatch(target.current, command.patch);
  if (!isRecord(patched)) return [badRequest(request, 'the patch must leave an object')];
  const decoded = decodePatchedBody(target.definition, patched, request, command.fieldValidation);
  if ('refused' in decoded) return [decoded.refused];
  const mismatch = identityMismatch(decoded.body, request, target.definition.namespaced);
  if (mismatch !== undefined) return [mismatch];
  const next = candidate(target.definition, target.current, decoded.body, false);
  return [...finishUpdate(target.definition, target.current, next, request, state, context, clientErrors(decoded.body, target.current)), ...warnedEvents(request, decoded.warnings)];
}

export function admitRemoveFinalizer(command: Extract<Command, { type: 'removeFinalizer' }>, state: ClusterState, context: ApiContext): EventBody[] {
  const request = requestFor('patch', command.kind, command.namespace, command.name);
  const target = found(state, request, command.resourceVersion);
  if ('refused' in target) return [target.refused];
  const { current } = target;
  // The namespace controller's token lives in the spec, and only the finalize subresource takes it away.
  if (current.kind === 'Namespace' && command.finalizer === KUBERNETES_FINALIZER) return finalizeNamespace(current as Namespace, command.finalizer);
  const finalizers = (current.metadata.finalizers ?? []).filter((finalizer) => finalizer !== command.finalizer);
  if (finalizers.length === (current.metadata.finalizers ?? []).length) return [];
  const { finalizers: _old, ...metadata } = current.metadata;
  const next = { ...current, metadata: finalizers.length === 0 ? metadata : withFields(metadata, { finalizers }) } as KubeObject;
  return finishUpdate(target.definition, current, next, request, state, context);
}

/** Shared by the kubectl helpers: the object and its kind, or the refusal. */
export function targetOf(state: ClusterState, command: { readonly kind: string; readonly namespace?: string; readonly name: string }, verb: string): Found {
  return found(state, requestFor(verb, command.kind, command.namespace, command.name));
}

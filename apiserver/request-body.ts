// The body of a request that carries an object, decoded as the API server decodes it before
// anything else runs: a field of the wrong JSON type refuses the request with Go's decode error;
// fields the kind does not have are dropped with a warning each (fieldValidation=Warn, the API
// server's default), refused (Strict) or dropped silently (Ignore); and owner references given
// twice are deduplicated with upstream's warning.

import type { FieldValidation } from '../core/commands.ts';
import type { EventBody } from '../core/events.ts';
import type { KindDefinition } from '../kinds/registry.ts';
import { goValue } from '../kinds/validation/field-errors.ts';
import { canonicalJson, sameJson } from '../core/canonical-json.ts';
import { decodeBody } from './decode/decode-body.ts';
import { badRequest, rejection, type RequestInfo } from './rejection.ts';
import { withFields } from '../core/with-fields.ts';

type Json = Record<string, unknown>;

export type DecodedRequest = { readonly body: Json; readonly warnings: readonly string[] } | { readonly refused: EventBody };

const DUPLICATE_OWNERS = '.metadata.ownerReferences contains duplicate entries; API server dedups owner references in 1.20+, and may reject such requests as early as 1.24; please fix your requests; duplicate UID(s) observed: ';
const DUPLICATE_OWNERS_AFTER_ADMISSION =
  '.metadata.ownerReferences contains duplicate entries after mutating admission happens; API server dedups owner references in 1.20+, and may reject such requests as early as 1.24; please fix your requests; duplicate UID(s) observed: ';

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A strict decoding error's text: every unknown field, as runtime.NewStrictDecodingError joins them. */
function strictError(unknownFields: readonly string[]): string {
  return `strict decoding error: ${unknownFields.map((path) => `unknown field ${JSON.stringify(path)}`).join(', ')}`;
}

/** dedupOwnerReferences: a later reference equal to an earlier one with its uid is dropped. */
function dedupOwners(body: Json, warningPrefix: string): { readonly body: Json; readonly warning?: string } {
  const metadata = isRecord(body.metadata) ? body.metadata : undefined;
  const references = Array.isArray(metadata?.ownerReferences) ? (metadata.ownerReferences as Json[]) : undefined;
  if (metadata === undefined || references === undefined) return { body };
  const kept: Json[] = [];
  const duplicates: string[] = [];
  for (const reference of references) {
    if (kept.some((other) => other.uid === reference.uid && sameJson(other, reference))) duplicates.push(String(reference.uid ?? ''));
    else kept.push(reference);
  }
  if (duplicates.length === 0) return { body };
  return { body: withFields(body, { metadata: withFields(metadata, { ownerReferences: kept }) }), warning: `${warningPrefix}${duplicates.join(', ')}` };
}

function decode(definition: KindDefinition, body: Json, fieldValidation: FieldValidation, refuse: (error: string) => EventBody, ownerWarning: string): DecodedRequest {
  const decoded = decodeBody(definition.fields, body);
  if (decoded.error !== undefined || decoded.object === undefined) return { refused: refuse(decoded.error ?? 'the request body could not be decoded') };
  if (fieldValidation === 'Strict' && decoded.unknownFields.length > 0) return { refused: refuse(strictError(decoded.unknownFields)) };
  const unknown = fieldValidation === 'Warn' ? decoded.unknownFields.map((path) => `unknown field ${JSON.stringify(path)}`) : [];
  const deduped = dedupOwners(decoded.object, ownerWarning);
  return { body: deduped.body, warnings: deduped.warning === undefined ? unknown : [...unknown, deduped.warning] };
}

/** The version a body names ("v1" of "apps/v1"), or the kind's own. */
function versionOf(body: Json, definition: KindDefinition): string {
  const apiVersion = typeof body.apiVersion === 'string' ? body.apiVersion : definition.version;
  return apiVersion.slice(apiVersion.indexOf('/') + 1);
}

/** A create or update body (POST, PUT): a decode failure is a 400 naming the kind and version. */
export function decodeObjectBody(definition: KindDefinition, body: Json, request: RequestInfo, fieldValidation: FieldValidation = 'Warn'): DecodedRequest {
  const kind = typeof body.kind === 'string' ? body.kind : definition.kind;
  const refuse = (error: string) => badRequest(request, `${kind} in version ${JSON.stringify(versionOf(body, definition))} cannot be handled as a ${definition.kind}: ${error}`);
  return decode(definition, body, fieldValidation, refuse, DUPLICATE_OWNERS);
}

/** An object after a merge patch (PATCH): a decode failure is a 422 about the patch, as upstream words it. */
export function decodePatchedBody(definition: KindDefinition, patched: Json, request: RequestInfo, fieldValidation: FieldValidation = 'Warn'): DecodedRequest {
  const refuse = (error: string) => rejection(request, 422, 'Invalid', ` "" is invalid: patch: Invalid value: ${goValue(canonicalJson(patched))}: ${error}`);
  return decode(definition, patched, fieldValidation, refuse, DUPLICATE_OWNERS_AFTER_ADMISSION);
}

/** The request's warnings as an event, or none. */
export function warnedEvents(request: RequestInfo, warnings: readonly string[]): EventBody[] {
  return warnings.length === 0 ? [] : [{ type: 'request/warned', request, warnings: [...warnings] }];
}

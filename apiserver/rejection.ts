// Refusals in the shape of the API server's Status errors (apimachinery's errors package), recorded
// as `request/rejected` events so the log says what was asked for and why it did not happen.

import type { EventBody } from '../core/events.ts';
import { kindDefinition, qualifiedKindOf, qualifiedResourceOf } from '../kinds/registry.ts';
import { aggregate, type FieldError } from '../kinds/validation/field-errors.ts';

export interface RequestInfo {
  readonly verb: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name?: string;
  /** Where in the scenario the manifest came from, when it is an item of a List. */
  readonly source?: string;
}

/** "pods", "replicasets.apps" or "pods/binding": the resource as upstream names it in messages. */
export function qualifiedResource(kindAndSubresource: string): string {
  const [kind = '', subresource] = kindAndSubresource.split('/');
  if (subresource !== undefined) return `${qualifiedResource(kind)}/${subresource}`;
  const definition = kindDefinition(kind);
  return definition === undefined ? `${kind.toLowerCase()}s` : qualifiedResourceOf(definition);
}

/** "Pod", or "ReplicaSet.apps": the kind as upstream names it in Invalid messages. */
function qualifiedKind(kind: string): string {
  const definition = kindDefinition(kind);
  return definition === undefined ? kind : qualifiedKindOf(definition);
}

export function rejection(request: RequestInfo, code: number, reason: string, message: string): EventBody {
  return { type: 'request/rejected', request, code, reason, message };
}

export function notFound(request: RequestInfo, kind = request.kind, name = request.name ?? ''): EventBody {
  return rejection(request, 404, 'NotFound', `${qualifiedResource(kind)} "${name}" not found`);
}

export function alreadyExists(request: RequestInfo): EventBody {
  return rejection(request, 409, 'AlreadyExists', `${qualifiedResource(request.kind)} "${request.name}" already exists`);
}

export function conflict(request: RequestInfo, detail = 'the object has been modified; please apply your changes to the latest version and try again'): EventBody {
  return rejection(request, 409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(request.kind)} "${request.name}": ${detail}`);
}

export function invalidObject(request: RequestInfo, errors: readonly FieldError[]): EventBody {
  return rejection(request, 422, 'Invalid', `${qualifiedKind(request.kind)} "${request.name ?? ''}" is invalid: ${aggregate(errors)}`);
}

export function badRequest(request: RequestInfo, message: string): EventBody {
  return rejection(request, 400, 'BadRequest', message);
}

export function forbiddenRequest(request: RequestInfo, detail: string): EventBody {
  return rejection(request, 403, 'Forbidden', `${qualifiedResource(request.kind)} "${request.name}" is forbidden: ${detail}`);
}

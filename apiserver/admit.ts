// The API server's single entry: every command becomes events, or one rejection event. A command
// that asks for an Event to be recorded gets it after the events it caused (or after its
// rejection, for the record of a refusal), as a controller's recorder writes after its call.

import type { Command } from '../core/commands.ts';
import type { AdmitContext } from '../core/engine.ts';
import { DEFAULT_SERVICE_NETWORK, type ServiceNetwork } from '../kinds/network/service-network.ts';
import type { ApiContext } from './api-context.ts';
import { assertNever, type EventBody } from '../core/events.ts';
import { lookupObject } from '../reducers/lookup.ts';
import type { ClusterState } from '../reducers/state.ts';
import { admitCreate } from './create.ts';
import { admitDelete, admitDeleteCollection } from './delete.ts';
import { admitRollout } from './kubectl/rollout.ts';
import { admitSetImage } from './kubectl/set-image.ts';
import { EventRecorders } from './event-correlator.ts';
import { type ManifestHead, readManifestHead } from './manifest.ts';
import { recordedEvent } from './record-event.ts';
import { badRequest, type RequestInfo } from './rejection.ts';
import { decodeObjectBody, warnedEvents } from './request-body.ts';
import { admitNodeCommand, admitOwnership, admitPodSubresource, admitScale, admitStatus } from './subresources.ts';
import { admitPatch, admitRemoveFinalizer, admitUpdate, applyToExisting } from './update.ts';
import { unknownKindWarning } from './unknown-kind.ts';
import { withFields } from '../core/with-fields.ts';

/** A manifest the cluster does not serve: refused, with ksim's word on what it does serve. */
function unservedManifest(manifest: unknown, verb: string, read: { readonly kind: string; readonly message: string }): EventBody[] {
  const { apiVersion, metadata } = typeof manifest === 'object' && manifest !== null ? (manifest as { apiVersion?: unknown; metadata?: unknown }) : {};
  const { name, namespace } = typeof metadata === 'object' && metadata !== null ? (metadata as { name?: unknown; namespace?: unknown }) : {};
  // The manifest's own name, so the story says which one was refused.
  const request: RequestInfo = { verb, kind: read.kind, ...(typeof namespace === 'string' && namespace !== '' ? { namespace } : {}), ...(typeof name === 'string' && name !== '' ? { name } : {}) };
  const unserved = read.kind !== '' && typeof apiVersion === 'string' && apiVersion !== '';
  return [badRequest(request, read.message), ...(unserved ? warnedEvents(request, [unknownKindWarning(read.kind, apiVersion)]) : [])];
}

/** kubectl apply or create: the body decoded first, then a create, or (apply) an update of the object it names. */
function admitManifest(command: Extract<Command, { type: 'apply' | 'create' }>, state: ClusterState, context: ApiContext): EventBody[] {
  const read = readManifestHead(command.manifest);
  if (!read.ok) return unservedManifest(command.manifest, command.type, read);
  const { head } = read;
  const namespace = head.definition.namespaced ? (head.namespace ?? 'default') : undefined;
  const current = command.type === 'apply' && head.name !== undefined ? lookupObject(state, head.kind, namespace, head.name) : undefined;
  const request: RequestInfo = { verb: current === undefined ? 'create' : 'update', kind: head.kind, ...(namespace === undefined ? {} : { namespace }), ...(head.name === undefined ? {} : { name: head.name }) };
  const decoded = decodeObjectBody(head.definition, head.body, request, command.fieldValidation);
  if ('refused' in decoded) return [decoded.refused];
  const body = decoded.body;
  const events = current === undefined ? admitCreate(headOf(head, body), state, context, request.verb) : applyToExisting(head.definition, current, body, state, context);
  return [...events, ...warnedEvents(request, decoded.warnings)];
}

/** The head again, read from the decoded body (its metadata now of the right types). */
function headOf(head: ManifestHead, body: Record<string, unknown>): ManifestHead {
  const read = readManifestHead(body);
  return read.ok ? read.head : head;
}

function admitCommand(command: Command, state: ClusterState, context: ApiContext, recorders: EventRecorders): EventBody[] {
  switch (command.type) {
    case 'apply':
    case 'create':
      return admitManifest(command, state, context);
    case 'update':
      return admitUpdate(command, state, context);
    case 'patch':
      return admitPatch(command, state, context);
    case 'removeFinalizer':
      return admitRemoveFinalizer(command, state, context);
    case 'updateStatus':
      return admitStatus(command, state);
    case 'delete':
      return admitDelete(command, state, context.nowMs);
    case 'deleteCollection':
      return admitDeleteCollection(command, state, context.nowMs);
    case 'scale':
      return admitScale(command, state);
    case 'adopt':
    case 'release':
      return admitOwnership(command, state);
    case 'rollout':
      return admitRollout(command, state, context);
    case 'setImage':
      return admitSetImage(command, state, context);
    case 'recordEvent':
      return optional(recordedEvent(command.event, command.actor, state, context, recorders.of(command.actor)));
    case 'bindPod':
    case 'reportSchedulingFailure':
    case 'updatePodStatus':
      return admitPodSubresource(command, state);
    case 'setUnschedulable':
    case 'reportNodeStatus':
      return admitNodeCommand(command, state);
    case 'recordTraffic':
      // A measurement, not a change of any object: recorded as made.
      return [{ type: 'traffic/served', ...command.traffic }];
    default:
      return assertNever(command);
  }
}

/** What `{name}` and `{error}` stand for in a recorded message: the created object's name, the refusal. */
function placeholders(bodies: readonly EventBody[]): Readonly<Record<string, string>> {
  const first = bodies[0];
  if (first === undefined) return {};
  if (first.type === 'request/rejected') return { error: first.message };
  return 'object' in first ? { name: first.object.metadata.name } : {};
}

/** A List item's refusals and warnings say which item they are about. */
function withSource(bodies: readonly EventBody[], source: string | undefined): EventBody[] {
  if (source === undefined) return [...bodies];
  return bodies.map((body) => (body.type === 'request/rejected' || body.type === 'request/warned' ? { ...body, request: withFields(body.request, { source }) } : body));
}

const optional = <T>(value: T | undefined): T[] => (value === undefined ? [] : [value]);

/** One API server for one run: commands in, events out. The components' event recorders live as long as it. */
export function apiServer(network: ServiceNetwork = DEFAULT_SERVICE_NETWORK): (command: Command, state: ClusterState, context: AdmitContext) => EventBody[] {
  const recorders = new EventRecorders();
  return (command, state, engineContext) => {
    const context: ApiContext = { nowMs: engineContext.nowMs, rng: engineContext.rng, network };
    const bodies = withSource(admitCommand(command, state, context, recorders), command.type === 'apply' ? command.source : undefined);
    const refused = bodies.some((body) => body.type === 'request/rejected');
    const record = refused ? command.recordOnRefusal : command.record;
    if (record === undefined) return bodies;
    return [...bodies, ...optional(recordedEvent(record, command.actor, state, context, recorders.of(command.actor), placeholders(bodies)))];
  };
}

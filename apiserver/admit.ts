// The API server's single entry: every command becomes events, or one rejection event. A command
// that asks for an Event to be recorded gets it after the events it caused (or after its
// rejection, for the record of a refusal), as a controller's recorder writes after its call.

import type { Command } from '../core/commands.ts';
import type { AdmitContext } from '../core/engine.ts';
import { assertNever, type EventBody } from '../core/events.ts';
import { lookupObject } from '../reducers/lookup.ts';
import type { ClusterState } from '../reducers/state.ts';
import { admitCreate } from './create.ts';
import { admitDelete, admitDeleteCollection } from './delete.ts';
import { admitRollout } from './kubectl/rollout.ts';
import { admitSetImage } from './kubectl/set-image.ts';
import { readManifestHead } from './manifest.ts';
import { EventRecorders } from './event-correlator.ts';
import { recordedEvent } from './record-event.ts';
import { badRequest } from './rejection.ts';
import { admitNodeCommand, admitOwnership, admitPodSubresource, admitScale, admitStatus } from './subresources.ts';
import { admitPatch, admitRemoveFinalizer, admitUpdate, applyToExisting } from './update.ts';

function admitManifest(manifest: unknown, state: ClusterState, context: AdmitContext, verb: 'apply' | 'create'): EventBody[] {
  const read = readManifestHead(manifest);
  if (!read.ok) return [badRequest({ verb, kind: read.kind }, read.message)];
  const { head } = read;
  const namespace = head.definition.namespaced ? (head.namespace ?? 'default') : undefined;
  const current = verb === 'apply' && head.name !== undefined ? lookupObject(state, head.kind, namespace, head.name) : undefined;
  if (current === undefined) return admitCreate(head, state, context, verb === 'apply' ? 'create' : verb);
  return applyToExisting(head.definition, current, head.body, state);
}

function admitCommand(command: Command, state: ClusterState, context: AdmitContext, recorders: EventRecorders): EventBody[] {
  switch (command.type) {
    case 'apply':
    case 'create':
      return admitManifest(command.manifest, state, context, command.type);
    case 'update':
      return admitUpdate(command, state);
    case 'patch':
      return admitPatch(command, state);
    case 'removeFinalizer':
      return admitRemoveFinalizer(command, state);
    case 'updateStatus':
      return admitStatus(command, state);
    case 'delete':
      return admitDelete(command, state);
    case 'deleteCollection':
      return admitDeleteCollection(command, state);
    case 'scale':
      return admitScale(command, state);
    case 'adopt':
    case 'release':
      return admitOwnership(command, state);
    case 'rollout':
      return admitRollout(command, state, context);
    case 'setImage':
      return admitSetImage(command, state);
    case 'recordEvent':
      return optional(recordedEvent(command.event, command.actor, state, context, recorders.of(command.actor)));
    case 'bindPod':
    case 'reportSchedulingFailure':
    case 'updatePodStatus':
      return admitPodSubresource(command, state);
    case 'setUnschedulable':
    case 'reportNodeStatus':
      return admitNodeCommand(command, state);
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

const optional = <T>(value: T | undefined): T[] => (value === undefined ? [] : [value]);

/** One API server for one run: commands in, events out. The components' event recorders live as long as it. */
export function apiServer(): (command: Command, state: ClusterState, context: AdmitContext) => EventBody[] {
  const recorders = new EventRecorders();
  return (command, state, context) => {
    const bodies = admitCommand(command, state, context, recorders);
    const refused = bodies.some((body) => body.type === 'request/rejected');
    const record = refused ? command.recordOnRefusal : command.record;
    if (record === undefined) return bodies;
    return [...bodies, ...optional(recordedEvent(record, command.actor, state, context, recorders.of(command.actor), placeholders(bodies)))];
  };
}

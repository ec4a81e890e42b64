// The API server's single entry: every command becomes events, or one rejection event.

import type { Command } from '../core/commands.ts';
import type { AdmitContext } from '../core/engine.ts';
import { assertNever, type EventBody } from '../core/events.ts';
import { isNamespacedKind } from '../core/kinds.ts';
import { lookupObject } from '../reducers/lookup.ts';
import type { ClusterState } from '../reducers/state.ts';
import { admitCreate } from './create.ts';
import { admitDelete, admitDeleteCollection } from './delete.ts';
import { buildForUpdate } from './kind-rules.ts';
import { readManifestHead } from './manifest.ts';
import { badRequest, conflict, invalidObject } from './rejection.ts';
import { admitNodeCommand, admitPodSubresource, admitReplicaSetStatus, admitScale } from './subresources.ts';

function admitManifest(manifest: unknown, state: ClusterState, context: AdmitContext, verb: 'apply' | 'create'): EventBody[] {
  const read = readManifestHead(manifest);
  if (!read.ok) return [badRequest({ verb, kind: read.kind }, read.message)];
  const { head } = read;
  const namespace = isNamespacedKind(head.kind) ? (head.namespace ?? 'default') : undefined;
  const current = verb === 'apply' && head.name !== undefined ? lookupObject(state, head.kind, namespace, head.name) : undefined;
  if (current === undefined) return admitCreate(head, state, context, verb === 'apply' ? 'create' : verb);
  const request = { verb: 'update', kind: head.kind, ...(namespace === undefined ? {} : { namespace }), name: current.metadata.name };
  const expectedVersion = head.metadata.resourceVersion;
  if (typeof expectedVersion === 'string' && expectedVersion !== current.metadata.resourceVersion) return [conflict(request)];
  const built = buildForUpdate(current, head.body);
  if (built === undefined) return [];
  return 'errors' in built ? [invalidObject(request, built.errors)] : [built.event];
}

export function admit(command: Command, state: ClusterState, context: AdmitContext): EventBody[] {
  switch (command.type) {
    case 'apply':
    case 'create':
      return admitManifest(command.manifest, state, context, command.type);
    case 'delete':
      return admitDelete(command, state);
    case 'deleteCollection':
      return admitDeleteCollection(command, state);
    case 'scale':
      return admitScale(command, state);
    case 'bindPod':
    case 'reportSchedulingFailure':
    case 'updatePodStatus':
    case 'adoptPod':
    case 'releasePod':
      return admitPodSubresource(command, state);
    case 'updateReplicaSetStatus':
      return admitReplicaSetStatus(command, state);
    case 'setUnschedulable':
    case 'reportNodeStatus':
      return admitNodeCommand(command, state);
    default:
      return assertNever(command);
  }
}

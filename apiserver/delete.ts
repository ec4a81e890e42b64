// Deletion. A pod on a node is deleted gracefully: deletionTimestamp is set and the kubelet
// confirms once its containers stopped. A pod no node holds, or one already finished, goes at once
// (the pod strategy's CheckGracefulDelete). Other kinds go at once; garbage collection follows.

import type { Command } from '../core/commands.ts';
import type { EventBody } from '../core/events.ts';
import { isNamespacedKind } from '../core/kinds.ts';
import { selectorMatches } from '../core/labels.ts';
import type { KubeObject, Pod } from '../core/objects.ts';
import { listObjects, lookupObject } from '../reducers/lookup.ts';
import type { ClusterState } from '../reducers/state.ts';
import { conflict, forbiddenRequest, notFound, rejection, type RequestInfo } from './rejection.ts';

type DeleteCommand = Extract<Command, { type: 'delete' }>;

const UNDELETABLE_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);

function podDeletion(pod: Pod, gracePeriodSeconds: number | undefined): EventBody[] {
  const { namespace = 'default', name } = pod.metadata;
  const finished = pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
  const unscheduled = pod.spec.nodeName === undefined || pod.spec.nodeName === '';
  const grace = finished || unscheduled ? 0 : (gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30);
  if (grace === 0) return [{ type: 'pod/deleted', namespace, name }];
  const current = pod.metadata.deletionGracePeriodSeconds;
  // A second request may shorten the grace period, never lengthen it.
  if (current !== undefined && grace >= current) return [];
  return [{ type: 'pod/deletionRequested', namespace, name, gracePeriodSeconds: grace }];
}

function deletionOf(object: KubeObject, request: RequestInfo, gracePeriodSeconds: number | undefined): EventBody[] {
  const { namespace, name } = object.metadata;
  switch (object.kind) {
    case 'Pod':
      return podDeletion(object as Pod, gracePeriodSeconds);
    case 'ReplicaSet':
      return [{ type: 'replicaset/deleted', namespace: namespace ?? 'default', name }];
    case 'Node':
      return [{ type: 'node/deleted', name }];
    case 'Namespace':
      if (UNDELETABLE_NAMESPACES.has(name)) return [forbiddenRequest(request, 'this namespace may not be deleted')];
      return [rejection(request, 405, 'MethodNotAllowed', `namespaces "${name}": deleting a namespace is not simulated yet`)];
    default:
      return [{ type: 'object/deleted', kind: object.kind, ...(namespace === undefined ? {} : { namespace }), name }];
  }
}

export function admitDelete(command: DeleteCommand, state: ClusterState): EventBody[] {
  const namespace = isNamespacedKind(command.kind) ? (command.namespace ?? 'default') : undefined;
  const request: RequestInfo = { verb: 'delete', kind: command.kind, ...(namespace === undefined ? {} : { namespace }), name: command.name };
  const object = lookupObject(state, command.kind, namespace, command.name);
  if (object === undefined) return [notFound(request)];
  if (command.uid !== undefined && command.uid !== object.metadata.uid) {
    return [conflict(request, `Precondition failed: UID in precondition: ${command.uid}, UID in object meta: ${object.metadata.uid}`)];
  }
  return deletionOf(object, request, command.gracePeriodSeconds);
}

export function admitDeleteCollection(command: Extract<Command, { type: 'deleteCollection' }>, state: ClusterState): EventBody[] {
  const namespace = isNamespacedKind(command.kind) ? (command.namespace ?? 'default') : undefined;
  const request: RequestInfo = { verb: 'deletecollection', kind: command.kind, ...(namespace === undefined ? {} : { namespace }) };
  return listObjects(state, command.kind, namespace)
    .filter((object) => selectorMatches(command.selector, object.metadata.labels))
    .flatMap((object) => deletionOf(object, { ...request, name: object.metadata.name }, undefined));
}

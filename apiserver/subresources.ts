// Requests from the control plane on parts of an object: binding, status, scale, ownership and
// cordoning. Each names its target; a missing target or a stale resourceVersion is refused.

import { sameJson } from '../core/canonical-json.ts';
import type { Command } from '../core/commands.ts';
import type { EventBody } from '../core/events.ts';
import { NODE_STATUS_LIST_KEYS, OBJECT_STATUS_LIST_KEYS, POD_STATUS_LIST_KEYS, statusChange } from '../core/status-patch.ts';
import { controllerOf, type KubeObject, objectKey } from '../core/objects.ts';
import { kindDefinition } from '../kinds/registry.ts';
import { invalid, MAX_INT32 } from '../kinds/validation/field-errors.ts';
import { isRecord } from '../kinds/validation/workload.ts';
import { lookupObject } from '../reducers/lookup.ts';
import type { ClusterState } from '../reducers/state.ts';
import { badRequest, conflict, invalidObject, notFound, type RequestInfo } from './rejection.ts';

interface Targeted {
  readonly namespace?: string;
  readonly name: string;
  readonly resourceVersion?: string;
}

function requestOf(command: Targeted, verb: string, kind: string, subresource = ''): RequestInfo {
  const namespace = kindDefinition(kind)?.namespaced === false ? undefined : (command.namespace ?? 'default');
  return { verb, kind: subresource === '' ? kind : `${kind}/${subresource}`, ...(namespace === undefined ? {} : { namespace }), name: command.name };
}

/** The target, or the rejection that explains why there is none to change. */
function target<T extends KubeObject>(found: T | undefined, command: Targeted, request: RequestInfo, kind: string): { found: T } | { refused: EventBody } {
  if (found === undefined) return { refused: notFound(request, kind) };
  if (command.resourceVersion !== undefined && command.resourceVersion !== found.metadata.resourceVersion) {
    return { refused: conflict({ ...request, kind }) };
  }
  return { found };
}

function lookup(state: ClusterState, kind: string, request: RequestInfo, name: string): KubeObject | undefined {
  return lookupObject(state, kind, request.namespace, name);
}

export function admitPodSubresource(command: Extract<Command, { type: 'bindPod' | 'reportSchedulingFailure' | 'updatePodStatus' }>, state: ClusterState): EventBody[] {
  const verb = command.type === 'bindPod' ? 'create' : 'update';
  const request = requestOf(command, verb, 'Pod', command.type === 'bindPod' ? 'binding' : 'status');
  const lookedUp = target(state.pods.get(objectKey(command.namespace, command.name)), command, request, 'Pod');
  if ('refused' in lookedUp) return [lookedUp.refused];
  const pod = lookedUp.found;
  const { namespace, name } = command;
  switch (command.type) {
    case 'bindPod':
      if (pod.spec.nodeName) return [conflict({ ...request, kind: 'Pod/binding' }, `pod ${name} is already assigned to node "${pod.spec.nodeName}"`)];
      if (pod.metadata.deletionTimestamp) return [conflict({ ...request, kind: 'Pod/binding' }, `pod ${name} is being deleted, cannot be assigned to a host`)];
      return [{ type: 'pod/bound', namespace, name, nodeName: command.nodeName }];
    case 'reportSchedulingFailure':
      return pod.spec.nodeName
        ? []
        : [{ type: 'pod/schedulingFailed', namespace, name, reason: command.reason, message: command.message, ...(command.nominatedNodeName === undefined ? {} : { nominatedNodeName: command.nominatedNodeName }) }];
    case 'updatePodStatus':
      return [{ type: 'pod/statusUpdated', namespace, name, ...statusChange(pod.status, command.status, POD_STATUS_LIST_KEYS) }];
  }
}

/** Adoption and release (PodControllerRefManager's patches of metadata.ownerReferences). */
export function admitOwnership(command: Extract<Command, { type: 'adopt' | 'release' }>, state: ClusterState): EventBody[] {
  const request = requestOf(command, 'patch', command.kind);
  const lookedUp = target(lookup(state, command.kind, request, command.name), command, request, command.kind);
  if ('refused' in lookedUp) return [lookedUp.refused];
  const object = lookedUp.found;
  const named = { kind: command.kind, ...(request.namespace === undefined ? {} : { namespace: request.namespace }), name: command.name };
  if (command.type === 'release') {
    if (!object.metadata.ownerReferences?.some((owner) => owner.uid === command.ownerUid)) return [];
    return [command.kind === 'Pod' ? { type: 'pod/released', namespace: named.namespace ?? 'default', name: named.name, ownerUid: command.ownerUid } : { type: 'object/released', ...named, ownerUid: command.ownerUid }];
  }
  const owner = controllerOf(object);
  if (owner?.uid === command.owner.uid) return [];
  if (owner !== undefined) return [invalidObject(request, [invalid('metadata.ownerReferences', owner.name, 'Only one reference can have Controller set to true')])];
  if (object.metadata.deletionTimestamp !== undefined) return [conflict(request, 'the object is being deleted and cannot be adopted')];
  return [command.kind === 'Pod' ? { type: 'pod/adopted', namespace: named.namespace ?? 'default', name: named.name, owner: command.owner } : { type: 'object/adopted', ...named, owner: command.owner }];
}

export function admitScale(command: Extract<Command, { type: 'scale' }>, state: ClusterState): EventBody[] {
  const request = requestOf(command, 'update', command.kind, 'scale');
  const { replicas } = command;
  if (!Number.isInteger(replicas) || replicas < 0) return [invalidObject({ ...request, kind: command.kind }, [invalid('spec.replicas', replicas, 'must be greater than or equal to 0')])];
  if (replicas > MAX_INT32) return [invalidObject({ ...request, kind: command.kind }, [invalid('spec.replicas', replicas, `must be no more than ${MAX_INT32} (a 32-bit integer)`)])];
  const definition = kindDefinition(command.kind);
  if (definition === undefined) return [badRequest(request, `the server doesn't have a resource type "${command.kind}"`)];
  const lookedUp = target(lookup(state, command.kind, request, command.name), command, request, command.kind);
  if ('refused' in lookedUp) return [lookedUp.refused];
  const object = lookedUp.found;
  const spec = object.spec;
  if (!definition.scale || !isRecord(spec)) return [badRequest(request, `${command.kind} "${command.name}" has no scale subresource`)];
  if (spec.replicas === replicas) return [];
  const named = { kind: command.kind, ...(request.namespace === undefined ? {} : { namespace: request.namespace }), name: command.name };
  return [{ type: 'object/scaled', ...named, replicas }];
}

export function admitStatus(command: Extract<Command, { type: 'updateStatus' }>, state: ClusterState): EventBody[] {
  const request = requestOf(command, 'update', command.kind, 'status');
  const definition = kindDefinition(command.kind);
  if (definition === undefined || !definition.statusSubresource || command.kind === 'Pod' || command.kind === 'Node') {
    return [badRequest(request, `${command.kind} has no status subresource for this request`)];
  }
  const lookedUp = target(lookup(state, command.kind, request, command.name), command, request, command.kind);
  if ('refused' in lookedUp) return [lookedUp.refused];
  if (!isRecord(command.status)) return [badRequest(request, 'status must be an object')];
  // A write that changes nothing is no write: etcd keeps the revision and no watcher hears of it.
  const current = lookedUp.found.status;
  if (sameJson(command.status, current)) return [];
  const named = { kind: command.kind, ...(request.namespace === undefined ? {} : { namespace: request.namespace }), name: command.name };
  const change = isRecord(current) ? statusChange(current, command.status, OBJECT_STATUS_LIST_KEYS) : { status: command.status };
  return [{ type: 'object/statusUpdated', ...named, ...change }];
}

export function admitNodeCommand(command: Extract<Command, { type: 'setUnschedulable' | 'reportNodeStatus' }>, state: ClusterState): EventBody[] {
  const node = state.nodes.get(command.name);
  const request: RequestInfo = { verb: command.type === 'reportNodeStatus' ? 'update' : 'patch', kind: 'Node', name: command.name };
  if (node === undefined) return [notFound(request)];
  if (command.type === 'reportNodeStatus') return [{ type: 'node/statusReported', name: command.name, ...statusChange(node.status, command.status, NODE_STATUS_LIST_KEYS) }];
  if ((node.spec.unschedulable === true) === command.unschedulable) return [];
  return [{ type: command.unschedulable ? 'node/cordoned' : 'node/uncordoned', name: command.name }];
}

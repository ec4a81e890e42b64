// Requests from the control plane on parts of an object: binding, status, scale, ownership and
// cordoning. Each names its target; a missing target or a stale resourceVersion is refused.

import type { Command } from '../core/commands.ts';
import type { EventBody } from '../core/events.ts';
import { controllerOf, objectKey, type KubeObject } from '../core/objects.ts';
import type { ClusterState } from '../reducers/state.ts';
import { invalid, MAX_INT32 } from './field-errors.ts';
import { badRequest, conflict, invalidObject, notFound, type RequestInfo } from './rejection.ts';

type Targeted = Extract<Command, { namespace: string; name: string }>;

function requestOf(command: Targeted, verb: string, kind: string, subresource = ''): RequestInfo {
  return { verb, kind: subresource === '' ? kind : `${kind}/${subresource}`, namespace: command.namespace, name: command.name };
}

/** The target, or the rejection that explains why there is none to change. */
function target<T extends KubeObject>(found: T | undefined, command: Targeted, request: RequestInfo, kind: string): { found: T } | { refused: EventBody } {
  if (found === undefined) return { refused: notFound(request, kind) };
  if ('resourceVersion' in command && command.resourceVersion !== undefined && command.resourceVersion !== found.metadata.resourceVersion) {
    return { refused: conflict({ ...request, kind }) };
  }
  return { found };
}

export function admitPodSubresource(command: Extract<Command, { type: 'bindPod' | 'reportSchedulingFailure' | 'updatePodStatus' | 'adoptPod' | 'releasePod' }>, state: ClusterState): EventBody[] {
  const verb = command.type === 'bindPod' ? 'create' : 'update';
  const subresource = command.type === 'bindPod' ? 'binding' : command.type === 'adoptPod' || command.type === 'releasePod' ? '' : 'status';
  const request = requestOf(command, verb, 'Pod', subresource);
  const lookup = target(state.pods.get(objectKey(command.namespace, command.name)), command, request, 'Pod');
  if ('refused' in lookup) return [lookup.refused];
  const pod = lookup.found;
  const { namespace, name } = command;
  switch (command.type) {
    case 'bindPod':
      if (pod.spec.nodeName) return [conflict({ ...request, kind: 'Pod/binding' }, `pod ${name} is already assigned to node "${pod.spec.nodeName}"`)];
      if (pod.metadata.deletionTimestamp) return [conflict({ ...request, kind: 'Pod/binding' }, `pod ${name} is being deleted, cannot be assigned to a host`)];
      return [{ type: 'pod/bound', namespace, name, nodeName: command.nodeName }];
    case 'reportSchedulingFailure':
      return pod.spec.nodeName ? [] : [{ type: 'pod/schedulingFailed', namespace, name, reason: command.reason, message: command.message }];
    case 'updatePodStatus':
      return [{ type: 'pod/statusUpdated', namespace, name, status: command.status }];
    case 'adoptPod': {
      const owner = controllerOf(pod);
      if (owner?.uid === command.owner.uid) return [];
      if (owner !== undefined) return [invalidObject(request, [invalid('metadata.ownerReferences', owner.name, 'Only one reference can have Controller set to true')])];
      return [{ type: 'pod/adopted', namespace, name, owner: command.owner }];
    }
    case 'releasePod':
      return pod.metadata.ownerReferences?.some((owner) => owner.uid === command.ownerUid) ? [{ type: 'pod/released', namespace, name, ownerUid: command.ownerUid }] : [];
  }
}

export function admitScale(command: Extract<Command, { type: 'scale' }>, state: ClusterState): EventBody[] {
  const request = requestOf(command, 'update', command.kind, 'scale');
  const { namespace, name, replicas } = command;
  if (!Number.isInteger(replicas) || replicas < 0) return [invalidObject({ ...request, kind: command.kind }, [invalid('spec.replicas', replicas, 'must be greater than or equal to 0')])];
  if (replicas > MAX_INT32) return [invalidObject({ ...request, kind: command.kind }, [invalid('spec.replicas', replicas, `must be no more than ${MAX_INT32} (a 32-bit integer)`)])];
  if (command.kind === 'ReplicaSet') {
    const lookup = target(state.replicaSets.get(objectKey(namespace, name)), command, request, 'ReplicaSet');
    if ('refused' in lookup) return [lookup.refused];
    const replicaSet = lookup.found;
    return replicaSet.spec.replicas === replicas ? [] : [{ type: 'replicaset/scaled', namespace, name, replicas }];
  }
  const object = state.objects.get(`${command.kind}/${namespace}/${name}`);
  if (object === undefined) return [notFound(request, command.kind)];
  const spec = object.spec as Record<string, unknown> | undefined;
  if (spec === undefined || typeof spec.replicas !== 'number') return [badRequest(request, `${command.kind} "${name}" has no scale subresource`)];
  if (spec.replicas === replicas) return [];
  const generation = (object.metadata.generation ?? 1) + 1;
  return [{ type: 'object/updated', object: { ...object, metadata: { ...object.metadata, generation }, spec: { ...spec, replicas } } }];
}

export function admitReplicaSetStatus(command: Extract<Command, { type: 'updateReplicaSetStatus' }>, state: ClusterState): EventBody[] {
  const request = requestOf(command, 'update', 'ReplicaSet', 'status');
  const lookup = target(state.replicaSets.get(objectKey(command.namespace, command.name)), command, request, 'ReplicaSet');
  if ('refused' in lookup) return [lookup.refused];
  return [{ type: 'replicaset/statusUpdated', namespace: command.namespace, name: command.name, status: command.status }];
}

export function admitNodeCommand(command: Extract<Command, { type: 'setUnschedulable' | 'reportNodeStatus' }>, state: ClusterState): EventBody[] {
  const node = state.nodes.get(command.name);
  const request: RequestInfo = { verb: command.type === 'reportNodeStatus' ? 'update' : 'patch', kind: 'Node', name: command.name };
  if (node === undefined) return [notFound(request)];
  if (command.type === 'reportNodeStatus') return [{ type: 'node/statusReported', name: command.name, status: command.status }];
  if ((node.spec.unschedulable === true) === command.unschedulable) return [];
  return [{ type: command.unschedulable ? 'node/cordoned' : 'node/uncordoned', name: command.name }];
}

// Deletion, as the registry's store does it. The propagation policy (the request's, else the
// kind's default) decides the finalizer the garbage collector will act on: foregroundDeletion
// (dependents first), orphan (dependents released), none for background. An object with
// finalizers is only marked (deletionTimestamp); it goes when the last finalizer is removed. A pod
// on a node is deleted gracefully: marked, and removed once its kubelet confirms its containers
// stopped; a pod no node holds, or one already finished, goes at once (CheckGracefulDelete).

import type { Command, PropagationPolicy } from '../core/commands.ts';
import type { EventBody } from '../core/events.ts';
import { selectorMatches } from '../core/labels.ts';
import type { KubeObject, Namespace, Pod } from '../core/objects.ts';
import { type KindDefinition, kindDefinition } from '../kinds/registry.ts';
import { listObjects, lookupObject } from '../reducers/lookup.ts';
import type { ClusterState } from '../reducers/state.ts';
import { namespaceDeletion } from './namespace-lifecycle.ts';
import { badRequest, conflict, notFound, type RequestInfo } from './rejection.ts';
import { deletedEvent } from './writes.ts';
import { withFields } from '../core/with-fields.ts';

type DeleteCommand = Extract<Command, { type: 'delete' }>;

export const FOREGROUND_FINALIZER = 'foregroundDeletion';
export const ORPHAN_FINALIZER = 'orphan';

interface DeleteOptions {
  readonly gracePeriodSeconds?: number;
  readonly propagationPolicy?: PropagationPolicy;
}

/**
 * The finalizers after a deletion, as the store's deletionFinalizersForGarbageCollection: the
 * request's policy wins; without one, a propagation finalizer already there decides, then the
 * kind's default. Orphan adds `orphan`, Foreground adds `foregroundDeletion`, Background neither.
 */
export function finalizersFor(current: readonly string[] | undefined, requested: PropagationPolicy | undefined, kindDefault: PropagationPolicy): string[] {
  const list = current ?? [];
  const policy: PropagationPolicy =
    requested ?? (list.includes(ORPHAN_FINALIZER) ? 'Orphan' : list.includes(FOREGROUND_FINALIZER) ? 'Foreground' : kindDefault);
  const others = list.filter((finalizer) => finalizer !== FOREGROUND_FINALIZER && finalizer !== ORPHAN_FINALIZER);
  if (policy === 'Background') return others;
  return [...others, policy === 'Foreground' ? FOREGROUND_FINALIZER : ORPHAN_FINALIZER];
}

function sameList(a: readonly string[] | undefined, b: readonly string[]): boolean {
  const left = a ?? [];
  return left.length === b.length && left.every((value, index) => value === b[index]);
}

function podDeletion(pod: Pod, gracePeriodSeconds: number | undefined, finalizers: string[]): EventBody[] {
  const { namespace = 'default', name } = pod.metadata;
  const finished = pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
  const unscheduled = pod.spec.nodeName === undefined || pod.spec.nodeName === '';
  const grace = finished || unscheduled ? 0 : (gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30);
  if (grace === 0 && finalizers.length === 0) return [{ type: 'pod/deleted', namespace, name }];
  const current = pod.metadata.deletionGracePeriodSeconds;
  const finalizersMoved = !sameList(pod.metadata.finalizers, finalizers);
  // A second request may shorten the grace period, never lengthen it.
  if (current !== undefined && grace >= current && !finalizersMoved) return [];
  const granted = current !== undefined ? Math.min(current, grace) : grace;
  return [{ type: 'pod/deletionRequested', namespace, name, gracePeriodSeconds: granted, ...(finalizersMoved ? { finalizers } : {}) }];
}

function deletionOf(object: KubeObject, definition: KindDefinition, request: RequestInfo, options: DeleteOptions, nowMs: number): EventBody[] {
  if (object.kind === 'Namespace') return namespaceDeletion(object as Namespace, request, nowMs, () => markedDeletion(object, definition, options));
  return markedDeletion(object, definition, options);
}

/** The store's delete: gone at once, or marked while finalizers (or a pod's grace period) hold it. */
function markedDeletion(object: KubeObject, definition: KindDefinition, options: DeleteOptions): EventBody[] {
  const { namespace, name } = object.metadata;
  const finalizers = finalizersFor(object.metadata.finalizers, options.propagationPolicy, definition.defaultPropagation);
  if (object.kind === 'Pod') return podDeletion(object as Pod, options.gracePeriodSeconds, finalizers);
  if (object.kind === 'Node' || finalizers.length === 0) return [deletedEvent(object.kind, namespace, name)];
  if (object.metadata.deletionTimestamp !== undefined && sameList(object.metadata.finalizers, finalizers)) return [];
  return [{ type: 'object/deletionRequested', kind: object.kind, ...(namespace === undefined ? {} : { namespace }), name, finalizers }];
}

export function admitDelete(command: DeleteCommand, state: ClusterState, nowMs: number): EventBody[] {
  const definition = kindDefinition(command.kind);
  const namespace = definition?.namespaced === false ? undefined : (command.namespace ?? 'default');
  const request: RequestInfo = { verb: 'delete', kind: command.kind, ...(namespace === undefined ? {} : { namespace }), name: command.name };
  if (definition === undefined) return [badRequest(request, `the server doesn't have a resource type "${command.kind}"`)];
  const object = lookupObject(state, command.kind, namespace, command.name);
  if (object === undefined) return [notFound(request)];
  if (command.uid !== undefined && command.uid !== object.metadata.uid) {
    return [conflict(request, `Precondition failed: UID in precondition: ${command.uid}, UID in object meta: ${object.metadata.uid}`)];
  }
  if (command.resourceVersion !== undefined && command.resourceVersion !== object.metadata.resourceVersion) {
    return [conflict(request, `Precondition failed: ResourceVersion in precondition: ${command.resourceVersion}, ResourceVersion in object meta: ${object.metadata.resourceVersion}`)];
  }
  return deletionOf(object, definition, request, command, nowMs);
}

export function admitDeleteCollection(command: Extract<Command, { type: 'deleteCollection' }>, state: ClusterState, nowMs: number): EventBody[] {
  const definition = kindDefinition(command.kind);
  const namespace = definition?.namespaced === false ? undefined : (command.namespace ?? 'default');
  const request: RequestInfo = { verb: 'deletecollection', kind: command.kind, ...(namespace === undefined ? {} : { namespace }) };
  if (definition === undefined) return [badRequest(request, `the server doesn't have a resource type "${command.kind}"`)];
  return listObjects(state, command.kind, namespace)
    .filter((object) => selectorMatches(command.selector, object.metadata.labels))
    .flatMap((object) => deletionOf(object, definition, withFields(request, { name: object.metadata.name }), command, nowMs));
}

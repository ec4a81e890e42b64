// A namespace's life as the API server keeps it: the NamespaceLifecycle admission plugin
// (plugin/pkg/admission/namespace/lifecycle) refuses new content in a namespace that does not
// exist or is being deleted, and keeps the system namespaces from being deleted; the namespace
// registry (pkg/registry/core/namespace/storage) turns the first delete into Terminating, refuses
// a second while the `kubernetes` finalizer is there, and its finalize subresource takes that
// finalizer away, which removes a namespace already marked.

import { toTimestamp } from '../core/clock.ts';
import type { EventBody } from '../core/events.ts';
import type { KubeObject, Namespace } from '../core/objects.ts';
import { withFields } from '../core/with-fields.ts';
import { lookupObject } from '../reducers/lookup.ts';
import type { ClusterState } from '../reducers/state.ts';
import { conflict, forbiddenRequest, notFound, type RequestInfo } from './rejection.ts';
import { writeEvents } from './writes.ts';

/** The namespace controller's token in spec.finalizers. */
export const KUBERNETES_FINALIZER = 'kubernetes';

/** The lifecycle plugin's immortal namespaces, as kube-apiserver configures it. */
export const IMMORTAL_NAMESPACES: ReadonlySet<string> = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

export function isTerminating(namespace: Namespace | undefined): boolean {
  return namespace !== undefined && (namespace.metadata.deletionTimestamp !== undefined || namespace.status?.phase === 'Terminating');
}

/** Why a create in this namespace is refused, if it is: 404 when it does not exist, 403 while it is being deleted. */
export function namespaceRefusesCreate(state: ClusterState, namespace: string, request: RequestInfo): EventBody | undefined {
  const found = lookupObject<Namespace>(state, 'Namespace', undefined, namespace);
  if (found === undefined) return notFound(request, 'Namespace', namespace);
  if (isTerminating(found)) return forbiddenRequest(request, `unable to create new content in namespace ${namespace} because it is being terminated`);
  return undefined;
}

function specFinalizers(namespace: Namespace): readonly string[] {
  return namespace.spec?.finalizers ?? [];
}

/**
 * The registry's Delete of a namespace: the first request marks it (deletionTimestamp, phase
 * Terminating) in one write; while the namespace controller still holds its finalizer, another
 * is a Conflict. `deleteMarked` is the store's ordinary delete of the object, for a namespace
 * already finalized.
 */
export function namespaceDeletion(namespace: Namespace, request: RequestInfo, nowMs: number, deleteMarked: () => EventBody[]): EventBody[] {
  const { name } = namespace.metadata;
  if (IMMORTAL_NAMESPACES.has(name)) return [forbiddenRequest(request, 'this namespace may not be deleted')];
  if (namespace.metadata.deletionTimestamp === undefined) {
    const metadata = withFields(namespace.metadata, { deletionTimestamp: toTimestamp(nowMs) });
    const status = withFields(namespace.status ?? {}, { phase: 'Terminating' as const });
    // Marked, not removed: the namespace controller's finalizer in the spec holds it.
    return writeEvents(withFields(namespace, { metadata, status }) as KubeObject);
  }
  if (specFinalizers(namespace).length > 0) {
    return [
      conflict(request, 'The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.'),
    ];
  }
  return deleteMarked();
}

/** The finalize subresource: spec.finalizers without the token; a marked namespace left with none goes. */
export function finalizeNamespace(namespace: Namespace, finalizer: string): EventBody[] {
  const finalizers = specFinalizers(namespace).filter((token) => token !== finalizer);
  if (finalizers.length === specFinalizers(namespace).length) return [];
  // The store's ShouldDeleteNamespaceDuringUpdate: a marked namespace with no finalizer of either kind left goes.
  return writeEvents(withFields(namespace, { spec: withFields(namespace.spec ?? {}, { finalizers }) }) as KubeObject);
}

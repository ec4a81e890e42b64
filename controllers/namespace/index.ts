// The namespace controller (pkg/controller/namespace, its deleter in deletion/): empties a
// namespace being deleted, then takes its `kubernetes` finalizer away, which removes it. One pass
// asks for a deletecollection (background propagation) of every kind that still has objects
// nobody has asked to delete; the next reads what remains, writes the conditions, and waits
// (estimate/2 + 1 seconds, as upstream's ResourcesRemainingError requeue) while pods stop or
// finalizers are worked off. Keys are namespace names.

import { fromTimestamp } from '../../core/clock.ts';
import { sameJson } from '../../core/canonical-json.ts';
import type { Command } from '../../core/commands.ts';
import { type Controller, type Effect, fail, type ReconcileContext, submit, wake } from '../../core/controller.ts';
import { keysOf } from '../../core/keys-of.ts';
import type { Namespace } from '../../core/objects.ts';
import { withFields } from '../../core/with-fields.ts';
import { lookupObject } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { failingConditions, nextConditions } from './conditions.ts';
import { finalizerCounts, type KindContent, kindsToDelete, namespaceContent, podGraceEstimateSeconds } from './content.ts';
import { namespaceKeysFor } from './watch.ts';

export const NAMESPACE_CONTROLLER = 'controller/namespace';
const FINALIZER_TOKEN = 'kubernetes';
/** finalizerEstimateSeconds: how long upstream waits for objects whose finalizers hold them. */
const FINALIZER_ESTIMATE_SECONDS = 15;

function deleteCollection(kind: string, namespace: string): Command {
  return { type: 'deleteCollection', actor: NAMESPACE_CONTROLLER, kind, namespace, selector: {}, propagationPolicy: 'Background' };
}

/** deleteAllContent's estimate, or the error upstream returns for objects that should have gone. */
function remainingEstimate(content: readonly KindContent[], namespace: Namespace, nowMs: number): { readonly seconds: number; readonly errors: string[] } {
  if (content.length === 0) return { seconds: 0, errors: [] };
  const deletedAtMs = fromTimestamp(namespace.metadata.deletionTimestamp ?? '');
  const seconds = podGraceEstimateSeconds(content, deletedAtMs, nowMs);
  if (seconds > 0) return { seconds, errors: [] };
  const held = content.some(({ objects }) => objects.some((object) => (object.metadata.finalizers ?? []).length > 0));
  if (held) return { seconds: FINALIZER_ESTIMATE_SECONDS, errors: [] };
  const name = namespace.metadata.name;
  return { seconds: 0, errors: content.map(({ groupVersionResource }) => `unexpected items still remain in namespace: ${name} for gvr: ${groupVersionResource}`) };
}

function statusWrite(namespace: Namespace, content: readonly KindContent[], errors: readonly string[], nowMs: number): Command[] {
  const current = namespace.status?.conditions ?? [];
  const conditions = nextConditions(current, failingConditions(content, finalizerCounts(content), errors), nowMs);
  if (sameJson(conditions, current)) return [];
  const status = withFields(namespace.status, { conditions });
  return [{ type: 'updateStatus', actor: NAMESPACE_CONTROLLER, kind: 'Namespace', name: namespace.metadata.name, status }];
}

/** The deleter's Delete for one namespace. */
export function syncNamespace(key: string, { state, nowMs }: ReconcileContext<ClusterState>): Effect[] {
  const namespace = lookupObject<Namespace>(state, 'Namespace', undefined, key);
  if (namespace?.metadata.deletionTimestamp === undefined) return [];
  if (!(namespace.spec?.finalizers ?? []).includes(FINALIZER_TOKEN)) return [];
  const content = namespaceContent(state, key);
  const toDelete = kindsToDelete(content);
  // The deletions run after this sync; the next one counts what they left.
  if (toDelete.length > 0) return [...toDelete.map((kind) => submit(deleteCollection(kind, key))), wake(nowMs, key)];
  const estimate = remainingEstimate(content, namespace, nowMs);
  const writes = statusWrite(namespace, content, estimate.errors, nowMs).map(submit);
  if (estimate.errors.length > 0) return [...writes, fail(estimate.errors.join(', '))];
  if (content.length > 0) return [...writes, wake(nowMs + (Math.floor(estimate.seconds / 2) + 1) * 1000, key)];
  return [...writes, submit({ type: 'removeFinalizer', actor: NAMESPACE_CONTROLLER, kind: 'Namespace', name: key, finalizer: FINALIZER_TOKEN })];
}

export function namespaceController(): Controller<ClusterState> {
  return {
    name: NAMESPACE_CONTROLLER,
    watch: (changes) => changes.pipe(keysOf(namespaceKeysFor)),
    reconcile: (key, context) => syncNamespace(key, context),
  };
}

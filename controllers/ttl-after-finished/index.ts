// The TTL-after-finished controller (kube-controller-manager's ttl-after-finished controller):
// deletes each finished Job ttlSecondsAfterFinished after it finished, pods first (foreground
// propagation, carried out by the garbage collector). Keys are "namespace/name" of Jobs.
// Upstream re-reads the Job from the API server before deleting, in case its cache is stale; the
// state a reconcile reads here is never stale, and the UID precondition still guards the delete.

import { keysOf } from '../../core/keys-of.ts';
import { type Controller, type Effect, fail, type ReconcileContext, submit, wake } from '../../core/controller.ts';
import type { Job } from '../../core/workloads.ts';
import { kindTable } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { ttlDecision } from './ttl-decision.ts';
import { ttlKeysFor } from './watch.ts';

export const TTL_AFTER_FINISHED_CONTROLLER = 'controller/ttl-after-finished';

/** processJob: requeue until the TTL runs out, then delete. */
export function processJob(key: string, { state, nowMs }: ReconcileContext<ClusterState>): Effect[] {
  const job = kindTable<Job>(state, 'Job').get(key);
  if (job === undefined) return [];
  const decision = ttlDecision(job, nowMs);
  switch (decision.kind) {
    case 'none':
      return [];
    case 'requeue':
      return [wake(nowMs + decision.afterMs, key)];
    case 'error':
      return [fail(decision.message)];
    case 'delete':
      return [
        submit({
          type: 'delete',
          actor: TTL_AFTER_FINISHED_CONTROLLER,
          kind: 'Job',
          namespace: job.metadata.namespace ?? 'default',
          name: job.metadata.name,
          uid: decision.preconditionUid,
          propagationPolicy: decision.propagationPolicy,
        }),
      ];
  }
}

export function ttlAfterFinishedController(): Controller<ClusterState> {
  return {
    name: TTL_AFTER_FINISHED_CONTROLLER,
    watch: (changes) => changes.pipe(keysOf((change) => ttlKeysFor(change))),
    reconcile: (key, context) => processJob(key, context),
  };
}

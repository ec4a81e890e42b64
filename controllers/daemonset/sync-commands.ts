// The API calls of one DaemonSet sync plan, in the plan's order, as requests to the API server:
// the history steps of constructHistory and dedupCurHistories (pkg/controller/daemon/update.go),
// syncNodes' pod creates and deletes through RealPodControl (pkg/controller/controller_utils.go),
// cleanupHistory's deletes, and storeDaemonSetStatus. Each call's Event rides on its request:
// recorded when it is admitted, or as the FailedCreate / FailedDelete warning (with the refusal
// as its error) when it is refused.

import type { Command } from '../../core/commands.ts';
import type { DaemonSet, DaemonSetStatus } from '../../core/workloads.ts';
import { failedCreateEvent, failedDeleteEvent } from './events.ts';
import type { ControllerRevision, HistoryAction } from './history.ts';
import type { DaemonSetAction, DaemonSetSyncPlan } from './plan.ts';
import { DAEMONSET_HASH_LABEL } from './pod-template.ts';
import { withFields } from '../../core/with-fields.ts';

export const DAEMONSET_CONTROLLER = 'controller/daemonset';

const ACTOR = DAEMONSET_CONTROLLER;
/** What a refused request's message stands in for in a recorded Event. */
const REFUSAL = '{error}';

function namespaceOf(ds: DaemonSet): string {
  return ds.metadata.namespace ?? '';
}

/** A JSON merge patch of one object of the DaemonSet's namespace. */
function patchOf(ds: DaemonSet, kind: string, name: string, patch: unknown): Command {
  return { type: 'patch', actor: ACTOR, kind, namespace: namespaceOf(ds), name, patch };
}

function deleteRevision(ds: DaemonSet, revision: ControllerRevision): Command {
  return { type: 'delete', actor: ACTOR, kind: 'ControllerRevision', namespace: namespaceOf(ds), name: revision.metadata.name };
}

/**
 * storeDaemonSetStatus and the collision count's UpdateStatus: upstream writes on a fresh copy
 * (retrying on a conflict), so the request carries no resourceVersion precondition.
 */
function statusCommand(ds: DaemonSet, status: DaemonSetStatus): Command {
  return { type: 'updateStatus', actor: ACTOR, kind: 'DaemonSet', namespace: namespaceOf(ds), name: ds.metadata.name, status };
}

/**
 * One history step. Labelling and renumbering a revision are upstream Updates of the cached copy;
 * a merge patch of the one field changes the same thing without a stale precondition when the
 * revision was adopted earlier in the sync. Relabelling a pod is upstream's merge patch as it is.
 */
function historyCommand(ds: DaemonSet, action: HistoryAction): Command {
  switch (action.type) {
    case 'labelRevision':
      return patchOf(ds, 'ControllerRevision', action.revision.metadata.name, { metadata: { labels: { [DAEMONSET_HASH_LABEL]: action.hash } } });
    case 'createRevision':
      return { type: 'create', actor: ACTOR, manifest: action.revision };
    case 'relabelPod':
      return patchOf(ds, 'Pod', action.pod.metadata.name, { metadata: { labels: { [DAEMONSET_HASH_LABEL]: action.hash } } });
    case 'deleteRevision':
      return deleteRevision(ds, action.revision);
    case 'renumberRevision':
      return patchOf(ds, 'ControllerRevision', action.revision.metadata.name, { revision: action.newRevision });
    case 'bumpCollisionCount':
      return statusCommand(ds, withFields(ds.status, { collisionCount: action.collisionCount }));
  }
}

function actionCommand(ds: DaemonSet, action: DaemonSetAction): Command {
  switch (action.type) {
    case 'createPod':
      return { type: 'create', actor: ACTOR, manifest: action.pod, record: action.record, recordOnRefusal: failedCreateEvent(ds, REFUSAL) };
    case 'deletePod': {
      const { namespace, name, uid } = action.pod.metadata;
      const recordOnRefusal = failedDeleteEvent(ds, REFUSAL);
      return { type: 'delete', actor: ACTOR, kind: 'Pod', namespace: namespace ?? '', name, uid, record: action.record, recordOnRefusal };
    }
    case 'recordEvent':
      return { type: 'recordEvent', actor: ACTOR, event: action.record };
  }
}

/** The plan's first requests: the history steps (constructHistory). */
export function historyCommands(ds: DaemonSet, plan: DaemonSetSyncPlan): Command[] {
  return plan.historyActions.map((action) => historyCommand(ds, action));
}

/** The rest: pod calls (manage, then the rolling update), old revisions deleted, then the status. */
export function managementCommands(ds: DaemonSet, plan: DaemonSetSyncPlan): Command[] {
  return [
    ...plan.actions.map((action) => actionCommand(ds, action)),
    ...plan.revisionsToDelete.map((revision) => deleteRevision(ds, revision)),
    ...(plan.status === undefined ? [] : [statusCommand(ds, plan.status)]),
  ];
}

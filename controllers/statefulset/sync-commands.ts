// The API calls of one StatefulSet sync plan, in the plan's order, as requests to the API server:
// upstream's StatefulPodControl (pkg/controller/statefulset/stateful_pod_control.go), its status
// updater (stateful_set_status_updater.go) and the history package's revision calls. Each call's
// Event rides on its request: recorded when it is admitted, or as the Failed<Verb> warning (with
// the refusal as its error) when it is refused.

import type { Command } from '../../core/commands.ts';
import { type Effect, fail, submit } from '../../core/controller.ts';
import type { StatefulSet, StatefulSetStatus } from '../../core/workloads.ts';
import { claimEvent, podEvent } from './events.ts';
import type { StatefulSetSyncPlan } from './plan.ts';
import type { RevisionLike, RevisionStep } from './revisions.ts';
import type { StatefulSetAction } from './sync-context.ts';

export const STATEFULSET_CONTROLLER = 'controller/statefulset';

const ACTOR = STATEFULSET_CONTROLLER;
/** What a refused request's message stands in for in a recorded Event. */
const REFUSAL = '{error}';

function namespaceOf(set: StatefulSet): string {
  return set.metadata.namespace ?? '';
}

/**
 * The revision step: CreateControllerRevision, or UpdateControllerRevision renumbering an older
 * revision to roll back. Upstream updates the revision number on a fresh copy, retrying on
 * conflict; a merge patch of the number does the same in one request, whoever wrote the revision
 * last (an adoption earlier in this sync, say).
 */
function revisionStepCommands(set: StatefulSet, step: RevisionStep): Command[] {
  switch (step.kind) {
    case 'keep':
      return [];
    case 'create':
      return [{ type: 'create', actor: ACTOR, manifest: step.revision }];
    case 'renumber':
      return [
        {
          type: 'patch',
          actor: ACTOR,
          kind: 'ControllerRevision',
          namespace: namespaceOf(set),
          name: step.revision.metadata.name,
          patch: { revision: step.newRevision },
        },
      ];
  }
}

function actionCommand(set: StatefulSet, action: StatefulSetAction): Command {
  switch (action.type) {
    case 'createClaim': {
      const recordOnRefusal = claimEvent(set, action.claim.metadata.name, action.podName, REFUSAL);
      return { type: 'create', actor: ACTOR, manifest: action.claim, record: action.record, recordOnRefusal };
    }
    case 'updateClaim':
      // UpdatePodClaimForRetentionPolicy records no Event of its own.
      return { type: 'update', actor: ACTOR, object: action.claim };
    case 'createPod': {
      const recordOnRefusal = podEvent(set, 'create', action.pod.metadata.name, REFUSAL);
      return { type: 'create', actor: ACTOR, manifest: action.pod, record: action.record, recordOnRefusal };
    }
    case 'updatePod': {
      const recordOnRefusal = podEvent(set, 'update', action.pod.metadata.name, REFUSAL);
      return { type: 'update', actor: ACTOR, object: action.pod, record: action.record, recordOnRefusal };
    }
    case 'deletePod': {
      const { namespace, name, uid } = action.pod.metadata;
      const recordOnRefusal = podEvent(set, 'delete', name, REFUSAL);
      return { type: 'delete', actor: ACTOR, kind: 'Pod', namespace: namespace ?? '', name, uid, record: action.record, recordOnRefusal };
    }
    case 'recordEvent':
      return { type: 'recordEvent', actor: ACTOR, event: action.record };
  }
}

/**
 * UpdateStatefulSetStatus: upstream writes the status on a fresh copy and retries on a conflict,
 * so the request carries no resourceVersion precondition.
 */
function statusCommand(set: StatefulSet, status: StatefulSetStatus): Command {
  return { type: 'updateStatus', actor: ACTOR, kind: 'StatefulSet', namespace: namespaceOf(set), name: set.metadata.name, status };
}

/** truncateHistory's DeleteControllerRevision. */
function deleteRevisionCommand(set: StatefulSet, revision: RevisionLike): Command {
  return { type: 'delete', actor: ACTOR, kind: 'ControllerRevision', namespace: namespaceOf(set), name: revision.metadata.name };
}

/**
 * The plan as effects: the revision step, the pod and claim calls, the status when upstream
 * writes it, the history to delete; then, when the plan carries an error, the failed sync that
 * brings the key back after the work queue's back-off.
 */
export function planEffects(set: StatefulSet, plan: StatefulSetSyncPlan): Effect[] {
  const commands: Command[] = [
    ...revisionStepCommands(set, plan.revisionStep),
    ...plan.actions.map((action) => actionCommand(set, action)),
    ...(plan.writeStatus ? [statusCommand(set, plan.status)] : []),
    ...plan.historyToDelete.map((revision) => deleteRevisionCommand(set, revision)),
  ];
  const effects = commands.map(submit);
  if (plan.error !== undefined) effects.push(fail(plan.error));
  return effects;
}

// `kubectl rollout pause|resume|restart|undo`: kubectl works these out on the client and sends an
// ordinary patch; here they are worked out against the state at the moment the step runs, and end
// in the same update path. kubectl's own errors ("is already paused", "unable to find specified
// revision") are recorded as refusals so the story says why nothing happened.

import type { Command } from '../../core/commands.ts';
import type { ApiContext } from '../api-context.ts';
import type { EventBody } from '../../core/events.ts';
import type { KubeObject } from '../../core/objects.ts';
import { toTimestamp } from '../../core/clock.ts';
import type { Deployment } from '../../core/workloads.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { badRequest, qualifiedResource, type RequestInfo } from '../rejection.ts';
import { finishUpdate, targetOf } from '../update.ts';
import { deploymentUndo } from './rollback.ts';
import { controllerRevisionUndo } from './revision-rollback.ts';
import { withFields } from '../../core/with-fields.ts';

type Rollout = Extract<Command, { type: 'rollout' }>;

/** What a rollout helper decides: the object to write, kubectl's refusal, or nothing to do. */
export type RolloutOutcome = { readonly object: KubeObject } | { readonly refused: EventBody } | { readonly skipped: string };

/** The annotation `kubectl rollout restart` stamps on the pod template. */
export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

const RESTARTABLE = new Set(['Deployment', 'DaemonSet', 'StatefulSet']);

function withTemplateAnnotation(object: KubeObject, key: string, value: string): KubeObject {
  const spec = object.spec as { template?: { metadata?: { annotations?: Record<string, string> } } };
  const template = spec.template ?? {};
  const metadata = withFields(template.metadata ?? {}, { annotations: withFields(template.metadata?.annotations ?? {}, { [key]: value }) });
  return withFields(object, { spec: withFields(object.spec as object, { template: withFields(template, { metadata }) }) });
}

function pauseOrResume(command: Rollout, current: KubeObject, request: RequestInfo): RolloutOutcome {
  const resource = `${qualifiedResource(command.kind)} "${command.name}"`;
  if (command.kind !== 'Deployment') return { refused: badRequest(request, `${resource} ${command.action === 'pause' ? 'pausing' : 'resuming'} is not supported`) };
  const paused = (current as Deployment).spec.paused === true;
  const pausing = command.action === 'pause';
  if (paused === pausing) return { refused: badRequest(request, `${resource} is ${pausing ? 'already paused' : 'not paused'}`) };
  return { object: withFields(current, { spec: withFields((current as Deployment).spec, { paused: pausing }) }) };
}

function restart(command: Rollout, current: KubeObject, request: RequestInfo, nowMs: number): RolloutOutcome {
  if (!RESTARTABLE.has(command.kind)) return { refused: badRequest(request, `restarting is not supported for ${qualifiedResource(command.kind)} "${command.name}"`) };
  if (command.kind === 'Deployment' && (current as Deployment).spec.paused === true) {
    return { refused: badRequest(request, `can't restart paused deployment (run rollout resume first)`) };
  }
  return { object: withTemplateAnnotation(current, RESTARTED_AT, toTimestamp(nowMs)) };
}

function undo(command: Rollout, current: KubeObject, request: RequestInfo, state: ClusterState): RolloutOutcome {
  const toRevision = command.toRevision ?? 0;
  switch (command.kind) {
    case 'Deployment':
      return deploymentUndo(current as Deployment, toRevision, request, state);
    case 'DaemonSet':
    case 'StatefulSet':
      return controllerRevisionUndo(current, toRevision, request, state);
    default:
      return { refused: badRequest(request, `no rollbacker has been implemented for "${command.kind}"`) };
  }
}

export function admitRollout(command: Rollout, state: ClusterState, context: ApiContext): EventBody[] {
  const found = targetOf(state, command, 'patch');
  if ('refused' in found) return [found.refused];
  const { definition, current } = found;
  const request: RequestInfo = { verb: 'patch', kind: command.kind, ...(current.metadata.namespace === undefined ? {} : { namespace: current.metadata.namespace }), name: command.name };
  let next: RolloutOutcome;
  switch (command.action) {
    case 'pause':
    case 'resume':
      next = pauseOrResume(command, current, request);
      break;
    case 'restart':
      next = restart(command, current, request, context.nowMs);
      break;
    case 'undo':
      next = undo(command, current, request, state);
      break;
  }
  if ('skipped' in next) return [];
  if ('refused' in next) return [next.refused];
  return finishUpdate(definition, current, next.object, request, state, context);
}

// `kubectl rollout undo deployment/NAME [--to-revision N]`, as kubectl's DeploymentRollbacker
// works it out: the ReplicaSet of the revision asked for (0: the one before the newest), its pod
// template without the pod-template-hash label copied back into the Deployment, with the
// ReplicaSet's annotations (those kubectl does not skip). A paused Deployment is refused, and a
// template that already matches is skipped.

import { sameJson } from '../../core/canonical-json.ts';
import type { PodTemplateSpec, ReplicaSet } from '../../core/objects.ts';
import type { Deployment } from '../../core/workloads.ts';
import { controlledObjects } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { badRequest, type RequestInfo } from '../rejection.ts';
import type { RolloutOutcome } from './rollout.ts';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const POD_TEMPLATE_HASH = 'pod-template-hash';

/** Annotations kubectl keeps from the Deployment rather than copying from the ReplicaSet. */
const SKIPPED_ANNOTATIONS = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

export function revisionOf(rs: ReplicaSet): number | undefined {
  const text = rs.metadata.annotations?.[REVISION_ANNOTATION];
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

function withoutHash(template: PodTemplateSpec): PodTemplateSpec {
  const labels = { ...(template.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH];
  return { ...template, metadata: { ...(template.metadata ?? {}), labels } };
}

/** deploymentRevision: the ReplicaSet of `toRevision`, or of the second-newest revision for 0. */
function replicaSetForRevision(replicaSets: readonly ReplicaSet[], toRevision: number): ReplicaSet | string {
  const revised = replicaSets
    .map((rs) => ({ rs, revision: revisionOf(rs) }))
    .filter((entry): entry is { rs: ReplicaSet; revision: number } => entry.revision !== undefined);
  if (toRevision > 0) return revised.find((entry) => entry.revision === toRevision)?.rs ?? `unable to find specified revision ${toRevision} in history`;
  const newestFirst = [...revised].sort((a, b) => b.revision - a.revision);
  return newestFirst[1]?.rs ?? '';
}

export function deploymentUndo(deployment: Deployment, toRevision: number, request: RequestInfo, state: ClusterState): RolloutOutcome {
  if (toRevision < 0) return { refused: badRequest(request, `unable to find specified revision ${toRevision} in history`) };
  if (deployment.spec.paused === true) {
    return { refused: badRequest(request, "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again") };
  }
  const owned = controlledObjects<ReplicaSet>(state, 'ReplicaSet', deployment.metadata.uid);
  const found = replicaSetForRevision(owned, toRevision);
  if (typeof found === 'string') {
    return { refused: badRequest(request, found === '' ? `no rollout history found for deployment "${deployment.metadata.name}"` : found) };
  }
  const template = withoutHash(found.spec.template);
  if (sameJson(template, withoutHash(deployment.spec.template))) {
    return { skipped: `skipped rollback (current template already matches revision ${revisionOf(found) ?? toRevision})` };
  }
  const annotations: Record<string, string> = {};
  for (const [key, value] of Object.entries(deployment.metadata.annotations ?? {})) if (SKIPPED_ANNOTATIONS.has(key)) annotations[key] = value;
  for (const [key, value] of Object.entries(found.metadata.annotations ?? {})) if (!SKIPPED_ANNOTATIONS.has(key)) annotations[key] = value;
  return { object: { ...deployment, metadata: { ...deployment.metadata, annotations }, spec: { ...deployment.spec, template } } };
}

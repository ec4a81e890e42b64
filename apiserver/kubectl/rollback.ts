// `kubectl rollout undo deployment/NAME [--to-revision N]`, as kubectl's DeploymentRollbacker
// (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollback.go) works it out, in its order: a
// negative revision is refused; the ReplicaSet of the revision asked for is found among the
// Deployment's (0: the one before the newest), else "unable to find specified revision"; a paused
// Deployment is refused; a template that already matches is skipped; otherwise the ReplicaSet's
// pod template, without its pod-template-hash label, goes back into the Deployment, with the
// ReplicaSet's annotations (those kubectl does not keep from the Deployment).

import { sameJson } from '../../core/canonical-json.ts';
import { selectorMatches } from '../../core/labels.ts';
import type { PodTemplateSpec, ReplicaSet } from '../../core/objects.ts';
import type { Deployment } from '../../core/workloads.ts';
import { controlledObjects } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { badRequest, type RequestInfo } from '../rejection.ts';
import type { RolloutOutcome } from './rollout.ts';
import { withFields } from '../../core/with-fields.ts';

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
  if (text === undefined) return 0;
  return /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}

function nonEmpty(value: object | undefined): value is object {
  return value !== undefined && Object.keys(value).length > 0;
}

/** The template without its hash label; empty labels and annotations count as absent, as Go's nil maps. */
function withoutHash(template: PodTemplateSpec): PodTemplateSpec {
  const { labels, annotations, ...metadata } = template.metadata ?? {};
  const { [POD_TEMPLATE_HASH]: _hash, ...otherLabels } = labels ?? {};
  const kept = withFields(metadata, nonEmpty(otherLabels) ? { labels: otherLabels } : {}, nonEmpty(annotations) ? { annotations } : {});
  const { metadata: _metadata, ...rest } = template;
  return nonEmpty(kept) ? withFields(rest, { metadata: kept }) : rest;
}

/** deploymentRevision: among the ReplicaSets the Deployment selects and controls, the one of `toRevision`, or for 0 the second newest. */
function replicaSetForRevision(deployment: Deployment, replicaSets: readonly ReplicaSet[], toRevision: number): ReplicaSet | string {
  let latest: { revision: number; rs?: ReplicaSet } = { revision: -1 };
  let previous: { revision: number; rs?: ReplicaSet } = { revision: -1 };
  for (const rs of replicaSets) {
    const revision = revisionOf(rs);
    if (revision === undefined) continue;
    if (toRevision !== 0) {
      if (revision === toRevision) return rs;
    } else if (latest.revision < revision) {
      previous = latest;
      latest = { revision, rs };
    } else if (previous.revision < revision) previous = { revision, rs };
  }
  if (toRevision > 0) return `unable to find specified revision ${toRevision} in history`;
  return previous.rs ?? `no rollout history found for deployment "${deployment.metadata.name}"`;
}

function rollbackAnnotations(deployment: Deployment, rs: ReplicaSet): Record<string, string> {
  const annotations: Record<string, string> = {};
  for (const [key, value] of Object.entries(deployment.metadata.annotations ?? {})) if (SKIPPED_ANNOTATIONS.has(key)) annotations[key] = value;
  for (const [key, value] of Object.entries(rs.metadata.annotations ?? {})) if (!SKIPPED_ANNOTATIONS.has(key)) annotations[key] = value;
  return annotations;
}

/** The Deployment's ReplicaSets as kubectl's GetAllReplicaSets finds them: controlled by it and selected by it. */
function replicaSetsOf(deployment: Deployment, state: ClusterState): ReplicaSet[] {
  return controlledObjects<ReplicaSet>(state, 'ReplicaSet', deployment.metadata.uid).filter((rs) => selectorMatches(deployment.spec.selector, rs.spec.template.metadata?.labels));
}

export function deploymentUndo(deployment: Deployment, toRevision: number, request: RequestInfo, state: ClusterState): RolloutOutcome {
  if (toRevision < 0) return { refused: badRequest(request, `unable to find specified revision ${toRevision} in history`) };
  const found = replicaSetForRevision(deployment, replicaSetsOf(deployment, state), toRevision);
  if (typeof found === 'string') return { refused: badRequest(request, found) };
  if (deployment.spec.paused === true) {
    return { refused: badRequest(request, "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again") };
  }
  const template = withoutHash(found.spec.template);
  if (sameJson(template, withoutHash(deployment.spec.template))) {
    return { skipped: `skipped rollback (current template already matches revision ${toRevision})` };
  }
  const annotations = rollbackAnnotations(deployment, found);
  return { object: { ...deployment, metadata: withFields(deployment.metadata, { annotations }), spec: { ...deployment.spec, template } } };
}

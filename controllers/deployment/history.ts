// A Deployment's revision history: which old ReplicaSets the controller deletes past
// revisionHistoryLimit, and what `kubectl rollout history` lists and `kubectl rollout undo` writes
// back. As upstream's cleanupDeployment (pkg/controller/deployment/sync.go) and kubectl's
// DeploymentHistoryViewer and DeploymentRollbacker (staging/src/k8s.io/kubectl/pkg/polymorphichelpers
// history.go and rollback.go, v0.34).

import type { Labels } from '../../core/labels.ts';
import type { PodTemplateSpec, ReplicaSet } from '../../core/objects.ts';
import type { Deployment } from '../../core/workloads.ts';
import { hasRevisionHistoryLimit } from './conditions.ts';
import { POD_TEMPLATE_HASH_LABEL, equalIgnoreHash } from './pod-template-hash.ts';
import { findNewReplicaSet, findOldReplicaSets, sortedBy } from './replica-set-sets.ts';
import { compareByRevision, revisionOf, skipCopyAnnotation } from './revisions.ts';

export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

/**
 * cleanupDeployment: with a limit, the oldest revisions beyond it are candidates (ReplicaSets
 * being deleted are not counted), and of those only the ones with no pods wanted or left and
 * whose spec the ReplicaSet controller has observed are deleted, lowest revision first. A
 * candidate that is skipped is not replaced by a newer one.
 */
export function replicaSetsToCleanUp(d: Deployment, allOldRSs: readonly ReplicaSet[]): ReplicaSet[] {
  if (!hasRevisionHistoryLimit(d)) return [];
  const cleanable = allOldRSs.filter((rs) => rs.metadata.deletionTimestamp === undefined);
  const excess = cleanable.length - d.spec.revisionHistoryLimit;
  if (excess <= 0) return [];
  return sortedBy(cleanable, compareByRevision)
    .slice(0, excess)
    .filter(
      (rs) =>
        (rs.status?.replicas ?? 0) === 0 &&
        rs.spec.replicas === 0 &&
        (rs.metadata.generation ?? 0) <= (rs.status?.observedGeneration ?? 0),
    );
}

/** The Deployment's ReplicaSets as kubectl orders them: old ones oldest first, then the new one. */
function kubectlReplicaSets(d: Deployment, ownedRSs: readonly ReplicaSet[]): ReplicaSet[] {
  const newRS = findNewReplicaSet(d, ownedRSs);
  const { allOldRSs } = findOldReplicaSets(d, ownedRSs);
  return newRS === undefined ? [...allOldRSs] : [...allOldRSs, newRS];
}

export interface HistoryRow {
  readonly revision: number;
  /** The change-cause annotation, or "<none>". */
  readonly changeCause: string;
}

/**
 * The rows of `kubectl rollout history`, by revision. ownedRSs are the ReplicaSets the
 * Deployment selects and controls. A ReplicaSet without a revision shows as revision 0, one with
 * an unreadable revision is skipped, and of two with the same revision the later one wins. The
 * change cause is the ReplicaSet's annotation, else its pod template's.
 */
export function rolloutHistoryRows(d: Deployment, ownedRSs: readonly ReplicaSet[]): HistoryRow[] {
  const byRevision = new Map<number, string>();
  for (const rs of kubectlReplicaSets(d, ownedRSs)) {
    const revision = revisionOf(rs);
    if (revision === undefined) continue;
    const own = rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] ?? '';
    const cause = own !== '' ? own : (rs.spec.template.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION] ?? '');
    byRevision.set(revision, cause === '' ? '<none>' : cause);
  }
  return [...byRevision.entries()]
    .sort(([a], [b]) => a - b)
    .map(([revision, changeCause]) => ({ revision, changeCause }));
}

/**
 * The table kubectl prints, through a tabwriter with padding 2: the REVISION column as wide as
 * its longest cell plus two, CHANGE-CAUSE as is. "No rollout history found." without rows.
 */
export function formatRolloutHistory(rows: readonly HistoryRow[]): string {
  if (rows.length === 0) return 'No rollout history found.';
  const width = Math.max('REVISION'.length, ...rows.map((row) => String(row.revision).length)) + 2;
  const lines = [`${'REVISION'.padEnd(width)}CHANGE-CAUSE`, ...rows.map((row) => `${String(row.revision).padEnd(width)}${row.changeCause}`)];
  return `${lines.join('\n')}\n`;
}

export type UndoResult =
  | { readonly kind: 'error'; readonly message: string }
  /** "skipped rollback (current template already matches revision N)": nothing is written. */
  | { readonly kind: 'skipped'; readonly message: string }
  /** kubectl replaces spec.template and metadata.annotations with these; prints "rolled back". */
  | { readonly kind: 'rollback'; readonly message: string; readonly template: PodTemplateSpec; readonly annotations: Labels };

function revisionNotFound(revision: number): { readonly kind: 'error'; readonly message: string } {
  return { kind: 'error', message: `unable to find specified revision ${revision} in history` };
}

/**
 * kubectl's deploymentRevision: the ReplicaSet with the given revision, or for 0 the one with the
 * second highest revision (the rollout before the current one).
 */
function replicaSetForRevision(
  d: Deployment,
  ownedRSs: readonly ReplicaSet[],
  toRevision: number,
): { readonly kind: 'found'; readonly rs: ReplicaSet } | { readonly kind: 'error'; readonly message: string } {
  let latest: { revision: number; rs: ReplicaSet | undefined } = { revision: -1, rs: undefined };
  let previous: { revision: number; rs: ReplicaSet | undefined } = { revision: -1, rs: undefined };
  for (const rs of kubectlReplicaSets(d, ownedRSs)) {
    const revision = revisionOf(rs);
    if (revision === undefined) continue;
    if (toRevision !== 0) {
      if (revision === toRevision) return { kind: 'found', rs };
    } else if (latest.revision < revision) {
      previous = latest;
      latest = { revision, rs };
    } else if (previous.revision < revision) previous = { revision, rs };
  }
  if (toRevision > 0) return revisionNotFound(toRevision);
  if (previous.rs === undefined) {
    return { kind: 'error', message: `no rollout history found for deployment ${JSON.stringify(d.metadata.name)}` };
  }
  return { kind: 'found', rs: previous.rs };
}

/** The template without its hash label, as kubectl patches it back. */
function templateWithoutHash(template: PodTemplateSpec): PodTemplateSpec {
  const labels = template.metadata?.labels;
  if (labels === undefined || !Object.hasOwn(labels, POD_TEMPLATE_HASH_LABEL)) return template;
  const { [POD_TEMPLATE_HASH_LABEL]: _hash, ...rest } = labels;
  const { labels: _labels, ...metadata } = template.metadata ?? {};
  return { ...template, metadata: Object.keys(rest).length === 0 ? metadata : { ...metadata, labels: rest } };
}

/** The Deployment keeps its own bookkeeping annotations and takes every other one from the ReplicaSet. */
function rollbackAnnotations(d: Deployment, rs: ReplicaSet): Labels {
  const annotations: Record<string, string> = {};
  for (const [key, value] of Object.entries(d.metadata.annotations ?? {})) if (skipCopyAnnotation(key)) annotations[key] = value;
  for (const [key, value] of Object.entries(rs.metadata.annotations ?? {})) if (!skipCopyAnnotation(key)) annotations[key] = value;
  return annotations;
}

/**
 * `kubectl rollout undo [--to-revision=N]` (N 0 means the previous revision). Checks in kubectl's
 * order: a negative revision, the revision's ReplicaSet, a paused Deployment, then a template
 * that already matches (the message names the requested revision, 0 included).
 */
export function rolloutUndo(d: Deployment, ownedRSs: readonly ReplicaSet[], toRevision: number): UndoResult {
  if (toRevision < 0) return revisionNotFound(toRevision);
  const target = replicaSetForRevision(d, ownedRSs, toRevision);
  if (target.kind === 'error') return target;
  const { rs } = target;
  if (d.spec.paused === true) {
    return {
      kind: 'error',
      message: "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
    };
  }
  if (equalIgnoreHash(rs.spec.template, d.spec.template)) {
    return { kind: 'skipped', message: `skipped rollback (current template already matches revision ${toRevision})` };
  }
  return {
    kind: 'rollback',
    message: 'rolled back',
    template: templateWithoutHash(rs.spec.template),
    annotations: rollbackAnnotations(d, rs),
  };
}

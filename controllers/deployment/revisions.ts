// The annotations a Deployment keeps on its ReplicaSets: the revision that orders rollouts, the
// revisions a ReplicaSet served before (a rollback reuses an old ReplicaSet), and the desired and
// maximum sizes that tell a scaling event from a rollout. As upstream's Revision, MaxRevision,
// LastRevision, SetNewReplicaSetAnnotations, SetReplicasAnnotations, ReplicasAnnotationsNeedUpdate,
// IsSaturated and ReplicaSetsByRevision (pkg/controller/deployment/util/deployment_util.go) and
// isScalingEvent (pkg/controller/deployment/sync.go).

import type { Labels } from '../../core/labels.ts';
import type { ReplicaSet } from '../../core/objects.ts';
import type { Deployment } from '../../core/workloads.ts';
import { maxSurge } from './fenceposts.ts';
import { compareByCreationTimestamp, filterActiveReplicaSets } from './replica-set-sets.ts';
import { withFields } from '../../core/with-fields.ts';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const LAST_APPLIED_CONFIG_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
export const DEPRECATED_ROLLBACK_TO_ANNOTATION = 'deprecated.deployment.rollback.to';

/** sync.go's maxRevHistoryLengthInChars: about 100 revisions. */
export const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

const INT32_MAX = 2 ** 31 - 1;

type Annotated = { readonly metadata: { readonly annotations?: Labels } };

/** strconv.ParseInt(text, 10, 64): an optional sign and digits; undefined when it fails. */
export function parseRevision(text: string): number | undefined {
  return /^[+-]?[0-9]+$/.test(text) ? Number(text) : undefined;
}

/** Revision: 0 without the annotation, undefined when it is not a number. */
export function revisionOf(object: Annotated): number | undefined {
  const text = object.metadata.annotations?.[REVISION_ANNOTATION];
  return text === undefined ? 0 : parseRevision(text);
}

/** MaxRevision: the highest revision, skipping unparsable ones; 0 for none. */
export function maxRevision(rss: readonly ReplicaSet[]): number {
  let max = 0;
  for (const rs of rss) max = Math.max(max, revisionOf(rs) ?? 0);
  return max;
}

/** LastRevision: the second highest revision, the one before the current rollout. */
export function lastRevision(rss: readonly ReplicaSet[]): number {
  let max = 0;
  let second = 0;
  for (const rs of rss) {
    const revision = revisionOf(rs);
    if (revision === undefined) continue;
    if (revision >= max) {
      second = max;
      max = revision;
    } else if (revision > second) second = revision;
  }
  return second;
}

/** ReplicaSetsByRevision: lower revision first (unparsable counts 0), then by creation. */
export function compareByRevision(a: ReplicaSet, b: ReplicaSet): number {
  const difference = (revisionOf(a) ?? 0) - (revisionOf(b) ?? 0);
  return difference !== 0 ? difference : compareByCreationTimestamp(a, b);
}

const SKIPPED_ANNOTATIONS: ReadonlySet<string> = new Set([
  LAST_APPLIED_CONFIG_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  DEPRECATED_ROLLBACK_TO_ANNOTATION,
]);

/**
 * Annotations a Deployment does not copy onto its new ReplicaSet (nor back on a rollback): the
 * ReplicaSet's own bookkeeping, and the revision, which the ReplicaSet holds more reliably than
 * the Deployment.
 */
export function skipCopyAnnotation(key: string): boolean {
  return SKIPPED_ANNOTATIONS.has(key);
}

export interface AnnotationsUpdate {
  readonly annotations: Labels;
  readonly changed: boolean;
}

/** Appends the revision a reused ReplicaSet served, dropping the oldest past the length limit. */
function appendedHistory(history: string, oldRevision: string, limitChars: number): string | undefined {
  const revisions = history.split(',');
  if ((revisions[0] ?? '') === '') return oldRevision;
  let totalLength = history.length + oldRevision.length + 1;
  let start = 0;
  while (totalLength > limitChars && start < revisions.length) {
    totalLength -= (revisions[start] ?? '').length + 1;
    start++;
  }
  return totalLength <= limitChars ? [...revisions.slice(start), oldRevision].join(',') : undefined;
}

/** SetReplicasAnnotations on a copy of the annotations. */
export function setReplicasAnnotations(annotations: Labels | undefined, desired: number, max: number): AnnotationsUpdate {
  const next = withFields(annotations, { [DESIRED_REPLICAS_ANNOTATION]: String(desired), [MAX_REPLICAS_ANNOTATION]: String(max) });
  return { annotations: next, changed: replicasAnnotationsDiffer(annotations, desired, max) };
}

function replicasAnnotationsDiffer(annotations: Labels | undefined, desired: number, max: number): boolean {
  return annotations?.[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || annotations[MAX_REPLICAS_ANNOTATION] !== String(max);
}

/** ReplicasAnnotationsNeedUpdate. */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  return replicasAnnotationsDiffer(rs.metadata.annotations, desired, max);
}

/**
 * SetNewReplicaSetAnnotations: copies the Deployment's annotations (but the skipped ones; a
 * value equal to what the ReplicaSet has, or an empty value it lacks, changes nothing), raises
 * the revision to newRevision when lower, records the replaced revision in revision-history
 * when the ReplicaSet already had one (a rollback), and on creation (exists false) sets the
 * replicas annotations. An unparsable revision on either side stops the update: upstream then
 * reports no change, even if annotations were copied.
 */
export function newReplicaSetAnnotations(
  d: Deployment,
  current: Labels | undefined,
  newRevision: string,
  exists: boolean,
  limitChars: number = MAX_REV_HISTORY_LENGTH_IN_CHARS,
): AnnotationsUpdate {
  const annotations: Record<string, string> = { ...current };
  let changed = false;
  for (const [key, value] of Object.entries(d.metadata.annotations ?? {})) {
    if (skipCopyAnnotation(key) || (annotations[key] ?? '') === value) continue;
    annotations[key] = value;
    changed = true;
  }
  const hadRevision = Object.hasOwn(annotations, REVISION_ANNOTATION);
  const oldRevision = annotations[REVISION_ANNOTATION] ?? '';
  const oldNumber = oldRevision === '' ? 0 : parseRevision(oldRevision);
  const newNumber = parseRevision(newRevision);
  if (oldNumber === undefined || newNumber === undefined) return { annotations, changed: false };
  if (oldNumber < newNumber) {
    annotations[REVISION_ANNOTATION] = newRevision;
    changed = true;
    const history = hadRevision
      ? appendedHistory(annotations[REVISION_HISTORY_ANNOTATION] ?? '', oldRevision, limitChars)
      : undefined;
    if (history !== undefined) annotations[REVISION_HISTORY_ANNOTATION] = history;
  }
  if (exists) return { annotations, changed };
  const replicas = setReplicasAnnotations(annotations, d.spec.replicas, d.spec.replicas + maxSurge(d));
  return { annotations: replicas.annotations, changed: changed || replicas.changed };
}

/** SetDeploymentRevision: the Deployment mirrors its new ReplicaSet's revision. */
export function deploymentRevisionAnnotations(d: Deployment, revision: string): AnnotationsUpdate {
  const annotations = d.metadata.annotations ?? {};
  if (annotations[REVISION_ANNOTATION] === revision) return { annotations, changed: false };
  return { annotations: withFields(annotations, { [REVISION_ANNOTATION]: revision }), changed: true };
}

/**
 * getNonNegativeInt32FromAnnotation: decimal digits only (strconv.ParseUint), at most int32's
 * maximum; anything else reads as missing.
 */
function nonNegativeInt32Annotation(rs: ReplicaSet, key: string): number | undefined {
  const text = rs.metadata.annotations?.[key];
  if (text === undefined || !/^[0-9]+$/.test(text)) return undefined;
  const value = Number(text);
  return value <= INT32_MAX ? value : undefined;
}

export function desiredReplicasAnnotation(rs: ReplicaSet): number | undefined {
  return nonNegativeInt32Annotation(rs, DESIRED_REPLICAS_ANNOTATION);
}

export function maxReplicasAnnotation(rs: ReplicaSet): number | undefined {
  return nonNegativeInt32Annotation(rs, MAX_REPLICAS_ANNOTATION);
}

/**
 * IsSaturated: the ReplicaSet was sized for this very replica count and all its pods are
 * available. The desired annotation is read with strconv.Atoi here, sign allowed.
 */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (rs === undefined) return false;
  const text = rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION] ?? '';
  if (!/^[+-]?[0-9]+$/.test(text)) return false;
  const replicas = d.spec.replicas;
  return rs.spec.replicas === replicas && Number(text) === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}

/**
 * isScalingEvent: some active ReplicaSet was sized for another spec.replicas, so the Deployment
 * was scaled (rather than its template changed) and sync, not a rollout, runs. ReplicaSets
 * without a readable desired-replicas annotation do not count.
 */
export function isScalingEvent(d: Deployment, allRSs: readonly (ReplicaSet | undefined)[]): boolean {
  return filterActiveReplicaSets(allRSs).some((rs) => {
    const desired = desiredReplicasAnnotation(rs);
    return desired !== undefined && desired !== d.spec.replicas;
  });
}

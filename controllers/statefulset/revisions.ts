// A StatefulSet's history as ControllerRevisions, as upstream's newRevision, ApplyRevision,
// getStatefulSetRevisions and truncateHistory (pkg/controller/statefulset) and the history package
// (pkg/controller/history/controller_history.go) keep it. A revision stores the patch that puts a
// pod template back (getPatch); pods carry the name of the revision they were made from.

import { sameJson } from '../../core/canonical-json.ts';
import { fromTimestamp } from '../../core/clock.ts';
import type { Labels } from '../../core/labels.ts';
import type { KubeObject, OwnerReference, Pod, PodTemplateSpec } from '../../core/objects.ts';
import type { StatefulSet } from '../../core/workloads.ts';
import { controllerRevisionName, hashControllerRevision } from './revision-hash.ts';
import { REVISION_LABEL } from './identity.ts';
import { withFields } from '../../core/with-fields.ts';

/** history.ControllerRevisionHashLabel, on the revision itself (pods use controller-revision-hash). */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';

export interface ControllerRevision extends KubeObject {
  readonly kind: 'ControllerRevision';
  readonly data?: unknown;
  readonly revision: number;
}

/** What the history rules read of a revision, stored or about to be created. */
export interface RevisionLike {
  readonly metadata: { readonly name: string; readonly labels?: Labels; readonly creationTimestamp?: string };
  readonly data?: unknown;
  readonly revision: number;
}

export interface ControllerRevisionManifest extends RevisionLike {
  readonly apiVersion: 'apps/v1';
  readonly kind: 'ControllerRevision';
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels: Labels;
    readonly annotations?: Labels;
    readonly ownerReferences: readonly OwnerReference[];
  };
}

/** metav1.NewControllerRef for a StatefulSet. */
export function controllerRefTo(set: StatefulSet): OwnerReference {
  const { name, uid } = set.metadata;
  return { apiVersion: 'apps/v1', kind: 'StatefulSet', name, uid, controller: true, blockOwnerDeletion: true };
}

/** getPatch: a strategic merge patch that replaces spec.template wholesale. */
export function statefulSetPatch(set: StatefulSet): unknown {
  return { spec: { template: withFields(set.spec.template, { $patch: 'replace' }) } };
}

/** newRevision: labels of the template plus the hash, the set's annotations, a controller ref. */
export function newRevision(set: StatefulSet, revision: number, collisionCount: number): ControllerRevisionManifest {
  const data = statefulSetPatch(set);
  const hash = hashControllerRevision(data, collisionCount);
  const annotations = set.metadata.annotations;
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: controllerRevisionName(set.metadata.name, hash),
      ...(set.metadata.namespace === undefined ? {} : { namespace: set.metadata.namespace }),
      labels: withFields(set.spec.template.metadata?.labels ?? {}, { [CONTROLLER_REVISION_HASH_LABEL]: hash }),
      ...(annotations === undefined ? {} : { annotations }),
      ownerReferences: [controllerRefTo(set)],
    },
    data,
    revision,
  };
}

/** ApplyRevision: the set with the template the revision stored (the `$patch: replace` removed). */
export function applyRevision(set: StatefulSet, revision: RevisionLike): StatefulSet {
  const template = (revision.data as { spec?: { template?: Record<string, unknown> } } | undefined)?.spec?.template;
  if (template === undefined) return set;
  const { $patch: _directive, ...restored } = template;
  return { ...set, spec: { ...set.spec, template: restored as unknown as PodTemplateSpec } };
}

function creationMs(revision: RevisionLike): number {
  const timestamp = revision.metadata.creationTimestamp;
  return timestamp === undefined ? 0 : fromTimestamp(timestamp);
}

/** SortControllerRevisions: by revision number, then creation time, then name; stable. */
export function sortControllerRevisions<R extends RevisionLike>(revisions: readonly R[]): R[] {
  return [...revisions].sort((a, b) => {
    if (a.revision !== b.revision) return a.revision - b.revision;
    const created = creationMs(a) - creationMs(b);
    if (created !== 0) return created;
    return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
  });
}

/** strconv.ParseInt(label, 10, 32) succeeds: a safe-encoded hash only does when it is all digits. */
function hashLabelAsInt(revision: RevisionLike): number | undefined {
  const text = revision.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL];
  if (text === undefined || !/^[+-]?\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= -(2 ** 31) && value <= 2 ** 31 - 1 ? value : undefined;
}

/** history.EqualRevision: hash labels that both parse must agree, then the data must be equal. */
export function equalRevision(a: RevisionLike, b: RevisionLike): boolean {
  const left = hashLabelAsInt(a);
  const right = hashLabelAsInt(b);
  if (left !== undefined && right !== undefined && left !== right) return false;
  return sameJson(a.data, b.data);
}

export function nextRevision(sorted: readonly RevisionLike[]): number {
  const last = sorted[sorted.length - 1];
  return last === undefined ? 1 : last.revision + 1;
}

export type RevisionStep =
  | { readonly kind: 'keep' }
  /** CreateControllerRevision; collisions already resolved against the namespace's revisions. */
  | { readonly kind: 'create'; readonly revision: ControllerRevisionManifest }
  /** UpdateControllerRevision: a rollback to an older template renumbers its revision. */
  | { readonly kind: 'renumber'; readonly revision: RevisionLike; readonly newRevision: number };

export interface RevisionChoice {
  readonly current: RevisionLike;
  readonly update: RevisionLike;
  readonly collisionCount: number;
  readonly step: RevisionStep;
}

/**
 * CreateControllerRevision's loop: the name is taken by a revision with other data, so the count
 * goes up and the name is hashed again; a revision of that name with the same data is reused.
 * As upstream, the hash label keeps the first hash while the name moves on.
 */
function resolveCollisions(
  set: StatefulSet,
  candidate: ControllerRevisionManifest,
  collisionCount: number,
  revisionNamed: (name: string) => RevisionLike | undefined,
): { readonly revision: RevisionLike; readonly created?: ControllerRevisionManifest; readonly collisionCount: number } {
  let count = collisionCount;
  for (;;) {
    const name = controllerRevisionName(set.metadata.name, hashControllerRevision(candidate.data, count));
    const existing = revisionNamed(name);
    if (existing === undefined) {
      const created = { ...candidate, metadata: { ...candidate.metadata, name } };
      return { revision: created, created, collisionCount: count };
    }
    if (sameJson(existing.data, candidate.data)) return { revision: existing, collisionCount: count };
    count++;
  }
}

/**
 * getStatefulSetRevisions: the update revision is the set's template now (the newest revision when
 * it already matches, an older equal one renumbered to roll back, or a new one); the current
 * revision is the one status.currentRevision names, else the update revision.
 * `revisionNamed` finds any revision of the namespace by name, owned or not, for collisions.
 */
export function getStatefulSetRevisions(
  set: StatefulSet,
  revisions: readonly RevisionLike[],
  revisionNamed: (name: string) => RevisionLike | undefined = (name) => revisions.find((r) => r.metadata.name === name),
): RevisionChoice {
  const sorted = sortControllerRevisions(revisions);
  const collisionCount = set.status.collisionCount ?? 0;
  const candidate = newRevision(set, nextRevision(sorted), collisionCount);
  const equal = sorted.filter((revision) => equalRevision(revision, candidate));
  const last = sorted[sorted.length - 1];
  const lastEqual = equal[equal.length - 1];
  let update: RevisionLike;
  let step: RevisionStep = { kind: 'keep' };
  let count = collisionCount;
  if (lastEqual !== undefined && last !== undefined && equalRevision(last, lastEqual)) {
    update = last;
  } else if (lastEqual !== undefined) {
    update = { ...lastEqual, revision: candidate.revision };
    if (lastEqual.revision !== candidate.revision) {
      step = { kind: 'renumber', revision: lastEqual, newRevision: candidate.revision };
    }
  } else {
    const resolved = resolveCollisions(set, candidate, collisionCount, revisionNamed);
    update = resolved.revision;
    count = resolved.collisionCount;
    if (resolved.created !== undefined) step = { kind: 'create', revision: resolved.created };
  }
  const current = sorted.find((revision) => revision.metadata.name === set.status.currentRevision) ?? update;
  return { current, update, collisionCount: count, step };
}

/**
 * truncateHistory: revisions neither current, update, nor named by a pod's controller-revision-hash
 * are history; the oldest go until at most revisionHistoryLimit remain (a negative limit keeps all).
 */
export function truncateHistory<R extends RevisionLike>(
  set: StatefulSet,
  pods: readonly Pod[],
  revisions: readonly R[],
  current: RevisionLike,
  update: RevisionLike,
): R[] {
  const live = new Set([current.metadata.name, update.metadata.name]);
  for (const pod of pods) live.add(pod.metadata.labels?.[REVISION_LABEL] ?? '');
  const history = sortControllerRevisions(revisions).filter((revision) => !live.has(revision.metadata.name));
  const limit = set.spec.revisionHistoryLimit;
  if (limit < 0 || history.length <= limit) return [];
  return history.slice(0, history.length - limit);
}

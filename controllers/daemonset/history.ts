// A DaemonSet's ControllerRevisions, as upstream's constructHistory, snapshot, dedupCurHistories,
// Match and cleanupHistory (pkg/controller/daemon/update.go). The current revision is the one
// whose data equals the patch of today's template; its controller-revision-hash label is the hash
// new pods carry. Revisions named by no live pod are deleted, oldest first, down to
// revisionHistoryLimit.

import { sameJson } from '../../core/canonical-json.ts';
import { compareStrings } from '../../core/table.ts';
import type { KubeObject, Pod } from '../../core/objects.ts';
import type { DaemonSet } from '../../core/workloads.ts';
import { controllerRefTo, DAEMONSET_HASH_LABEL } from './pod-template.ts';
import { computeHash } from './template-hash.ts';
import { withFields } from '../../core/with-fields.ts';

export interface ControllerRevision extends KubeObject {
  readonly kind: 'ControllerRevision';
  readonly data?: unknown;
  readonly revision: number;
}

export type HistoryAction =
  /** Add the missing hash label (the revision's own name) to a revision made before labels. */
  | { readonly type: 'labelRevision'; readonly revision: ControllerRevision; readonly hash: string }
  | { readonly type: 'createRevision'; readonly revision: Record<string, unknown> }
  /** Point a pod at the surviving duplicate (a JSON merge patch of its hash label). */
  | { readonly type: 'relabelPod'; readonly pod: Pod; readonly hash: string }
  | { readonly type: 'deleteRevision'; readonly revision: ControllerRevision }
  | { readonly type: 'renumberRevision'; readonly revision: ControllerRevision; readonly newRevision: number }
  /** A name collision: raise status.collisionCount; the sync fails and is retried. */
  | { readonly type: 'bumpCollisionCount'; readonly collisionCount: number };

export interface HistoryPlan {
  readonly actions: readonly HistoryAction[];
  /** The hash new pods are labelled with; "" when the sync stops on a collision. */
  readonly hash: string;
  readonly old: readonly ControllerRevision[];
  readonly error?: string;
}

/** getPatch: the strategic merge patch that restores spec.template. */
export function daemonSetPatch(ds: DaemonSet): unknown {
  return { spec: { template: withFields(ds.spec.template, { $patch: 'replace' }) } };
}

/** Match: the revision stores today's template. */
export function matchesTemplate(ds: DaemonSet, revision: { readonly data?: unknown }): boolean {
  return sameJson(daemonSetPatch(ds), revision.data);
}

interface Snapshot {
  readonly name: string;
  readonly hash: string;
  readonly manifest: Record<string, unknown>;
}

/** snapshot: named `${ds}-${hash}`, labelled with the template's labels and the hash. */
function snapshot(ds: DaemonSet, revision: number): Snapshot {
  const hash = computeHash(ds.spec.template, ds.status.collisionCount);
  const annotations = ds.metadata.annotations;
  const metadata = {
    name: `${ds.metadata.name}-${hash}`,
    ...(ds.metadata.namespace === undefined ? {} : { namespace: ds.metadata.namespace }),
    labels: withFields(ds.spec.template.metadata?.labels ?? {}, { [DAEMONSET_HASH_LABEL]: hash }),
    ...(annotations === undefined ? {} : { annotations }),
    ownerReferences: [controllerRefTo(ds)],
  };
  const manifest = { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata, data: daemonSetPatch(ds), revision };
  return { name: metadata.name, hash, manifest };
}

function hashOf(revision: ControllerRevision): string {
  return revision.metadata.labels?.[DAEMONSET_HASH_LABEL] ?? '';
}

/** dedupCurHistories: keep the highest revision (the last of equals), relabel pods, drop the rest. */
function dedup(current: readonly ControllerRevision[], pods: readonly Pod[], actions: HistoryAction[]): ControllerRevision {
  let keep = current[0] as ControllerRevision;
  for (const candidate of current) if (candidate.revision >= keep.revision) keep = candidate;
  if (current.length === 1) return keep;
  const hash = hashOf(keep);
  for (const pod of pods) {
    if (pod.metadata.labels?.[DAEMONSET_HASH_LABEL] !== hash) actions.push({ type: 'relabelPod', pod, hash });
  }
  for (const duplicate of current) if (duplicate !== keep) actions.push({ type: 'deleteRevision', revision: duplicate });
  return keep;
}

/**
 * constructHistory over the revisions the DaemonSet controls (sorted by name here; upstream's
 * lister order is arbitrary). `revisionNamed` finds any revision of the namespace, for collisions.
 */
export function constructHistory(
  ds: DaemonSet,
  histories: readonly ControllerRevision[],
  pods: readonly Pod[],
  revisionNamed: (name: string) => ControllerRevision | undefined,
): HistoryPlan {
  const actions: HistoryAction[] = [];
  const current: ControllerRevision[] = [];
  const old: ControllerRevision[] = [];
  for (const history of [...histories].sort((a, b) => compareStrings(a.metadata.name, b.metadata.name))) {
    let labelled = history;
    if (history.metadata.labels?.[DAEMONSET_HASH_LABEL] === undefined) {
      actions.push({ type: 'labelRevision', revision: history, hash: history.metadata.name });
      const labels = withFields(history.metadata.labels ?? {}, { [DAEMONSET_HASH_LABEL]: history.metadata.name });
      labelled = { ...history, metadata: withFields(history.metadata, { labels }) };
    }
    (matchesTemplate(ds, labelled) ? current : old).push(labelled);
  }
  const nextRevision = Math.max(0, ...old.map((history) => history.revision)) + 1;
  if (current.length === 0) {
    const { name, hash, manifest } = snapshot(ds, nextRevision);
    const existing = revisionNamed(name);
    if (existing === undefined) {
      actions.push({ type: 'createRevision', revision: manifest });
      return { actions, hash, old };
    }
    if (matchesTemplate(ds, existing)) return { actions, hash: hashOf(existing), old };
    actions.push({ type: 'bumpCollisionCount', collisionCount: (ds.status.collisionCount ?? 0) + 1 });
    return { actions, hash: '', old, error: `controllerrevisions.apps "${name}" already exists` };
  }
  const keep = dedup(current, pods, actions);
  if (keep.revision < nextRevision) actions.push({ type: 'renumberRevision', revision: keep, newRevision: nextRevision });
  return { actions, hash: hashOf(keep), old };
}

/**
 * cleanupHistory: with more old revisions than revisionHistoryLimit, the oldest that no pod's hash
 * label names are deleted until the excess is gone. `pods` includes deleted terminal pods.
 */
export function historyToDelete(ds: DaemonSet, old: readonly ControllerRevision[], pods: readonly Pod[]): ControllerRevision[] {
  let toKill = old.length - ds.spec.revisionHistoryLimit;
  if (toKill <= 0) return [];
  const live = new Set(pods.map((pod) => pod.metadata.labels?.[DAEMONSET_HASH_LABEL] ?? '').filter((hash) => hash !== ''));
  const doomed: ControllerRevision[] = [];
  for (const history of [...old].sort((a, b) => a.revision - b.revision)) {
    if (toKill <= 0) break;
    if (live.has(history.metadata.labels?.[DAEMONSET_HASH_LABEL] ?? '')) continue;
    doomed.push(history);
    toKill--;
  }
  return doomed;
}

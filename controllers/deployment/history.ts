// A Deployment's revision history: which old ReplicaSets the controller deletes past
// revisionHistoryLimit, and what `kubectl rollout history` lists. As upstream's cleanupDeployment
// (pkg/controller/deployment/sync.go) and kubectl's DeploymentHistoryViewer
// (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/history.go, v0.34). `rollout undo` is worked
// out at admission, in apiserver/kubectl/rollback.ts.

import type { ReplicaSet } from '../../core/objects.ts';
import type { Deployment } from '../../core/workloads.ts';
import { hasRevisionHistoryLimit } from './conditions.ts';
import { findNewReplicaSet, findOldReplicaSets, sortedBy } from './replica-set-sets.ts';
import { compareByRevision, revisionOf } from './revisions.ts';

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

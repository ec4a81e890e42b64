// Which of a Deployment's ReplicaSets is new and which are old, the orders upstream sorts them in,
// and the replica sums a status and a rollout step read. As upstream's FindNewReplicaSet,
// FindOldReplicaSets, FindActiveOrLatest and the Get*ReplicaCountForReplicaSets sums
// (pkg/controller/deployment/util/deployment_util.go), and ReplicaSetsByCreationTimestamp,
// ReplicaSetsBySizeOlder, ReplicaSetsBySizeNewer and FilterActiveReplicaSets
// (pkg/controller/controller_utils.go).

import { fromTimestamp } from '../../core/clock.ts';
import type { ReplicaSet } from '../../core/objects.ts';
import { compareStrings } from '../../core/table.ts';
import type { Deployment } from '../../core/workloads.ts';
import { equalIgnoreHash } from './pod-template-hash.ts';

/** Older first; ReplicaSets created in the same second go by name. */
export function compareByCreationTimestamp(a: ReplicaSet, b: ReplicaSet): number {
  const created = fromTimestamp(a.metadata.creationTimestamp) - fromTimestamp(b.metadata.creationTimestamp);
  return created !== 0 ? created : compareStrings(a.metadata.name, b.metadata.name);
}

/** Newer first: sort.Reverse of the creation order, names descending on a tie. */
export function compareByCreationTimestampNewest(a: ReplicaSet, b: ReplicaSet): number {
  return compareByCreationTimestamp(b, a);
}

/** ReplicaSetsBySizeOlder: larger first, and among equals the older first (scaling down). */
export function compareBySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  if (a.spec.replicas !== b.spec.replicas) return b.spec.replicas - a.spec.replicas;
  return compareByCreationTimestamp(a, b);
}

/** ReplicaSetsBySizeNewer: larger first, and among equals the newer first (scaling up). */
export function compareBySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  if (a.spec.replicas !== b.spec.replicas) return b.spec.replicas - a.spec.replicas;
  return compareByCreationTimestamp(b, a);
}

export function sortedBy(rss: readonly ReplicaSet[], compare: (a: ReplicaSet, b: ReplicaSet) => number): ReplicaSet[] {
  return [...rss].sort(compare);
}

/** FilterActiveReplicaSets: those that want pods; a missing new ReplicaSet is skipped. */
export function filterActiveReplicaSets(rss: readonly (ReplicaSet | undefined)[]): ReplicaSet[] {
  return rss.filter((rs): rs is ReplicaSet => rs !== undefined && rs.spec.replicas > 0);
}

/**
 * The ReplicaSet whose template matches the Deployment's, hash aside. After an upgrade two can
 * match; upstream then takes the oldest, deterministically.
 */
export function findNewReplicaSet(d: Deployment, rsList: readonly ReplicaSet[]): ReplicaSet | undefined {
  return sortedBy(rsList, compareByCreationTimestamp).find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
}

export interface OldReplicaSets {
  /** Old ReplicaSets that still want pods (spec.replicas not 0). */
  readonly oldRSs: readonly ReplicaSet[];
  /** Every old ReplicaSet. */
  readonly allOldRSs: readonly ReplicaSet[];
}

/**
 * Every ReplicaSet but the new one, oldest first: upstream's FindNewReplicaSet sorts the list it
 * is given in place, so FindOldReplicaSets walks it in creation order.
 */
export function findOldReplicaSets(d: Deployment, rsList: readonly ReplicaSet[]): OldReplicaSets {
  const newRS = findNewReplicaSet(d, rsList);
  const allOldRSs = sortedBy(rsList, compareByCreationTimestamp).filter(
    (rs) => newRS === undefined || rs.metadata.uid !== newRS.metadata.uid,
  );
  return { oldRSs: allOldRSs.filter((rs) => rs.spec.replicas !== 0), allOldRSs };
}

/**
 * The only active ReplicaSet, or when none is active the new one (else the newest old one);
 * undefined when several are active, which calls for proportional scaling.
 */
export function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): ReplicaSet | undefined {
  if (newRS === undefined && oldRSs.length === 0) return undefined;
  const newestFirst = sortedBy(oldRSs, compareByCreationTimestampNewest);
  const active = filterActiveReplicaSets([...newestFirst, newRS]);
  switch (active.length) {
    case 0:
      return newRS ?? newestFirst[0];
    case 1:
      return active[0];
    default:
      return undefined;
  }
}

function sum(rss: readonly (ReplicaSet | undefined)[], count: (rs: ReplicaSet) => number | undefined): number {
  let total = 0;
  for (const rs of rss) if (rs !== undefined) total += count(rs) ?? 0;
  return total;
}

/** GetReplicaCountForReplicaSets: the pods the ReplicaSets want (spec). */
export function replicaCount(rss: readonly (ReplicaSet | undefined)[]): number {
  return sum(rss, (rs) => rs.spec.replicas);
}

/** GetActualReplicaCountForReplicaSets: the pods they have (status). */
export function actualReplicaCount(rss: readonly (ReplicaSet | undefined)[]): number {
  return sum(rss, (rs) => rs.status?.replicas);
}

export function readyReplicaCount(rss: readonly (ReplicaSet | undefined)[]): number {
  return sum(rss, (rs) => rs.status?.readyReplicas);
}

export function availableReplicaCount(rss: readonly (ReplicaSet | undefined)[]): number {
  return sum(rss, (rs) => rs.status?.availableReplicas);
}

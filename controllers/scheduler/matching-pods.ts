// The placed pods a selector matches, read through the label-set indexes (reducers/placed-pods.ts)
// rather than pod by pod: the selector is tested once per label set, found through the rarest of
// its In requirements when it has one, and each matching set answers per node. Upstream walks
// every pod of every node for this (countPodsMatchSelector, the affinity counts); the answers are
// the same.

import { matchesSelector, type Selector } from '../../core/labels.ts';
import type { LabelSet } from '../../reducers/placed-pods.ts';
import { labelPairGroup } from '../../reducers/placed-pods.ts';
import { NO_LABEL_SETS, type NodeUsage } from '../../reducers/pod-resources.ts';
import type { ClusterState } from '../../reducers/state.ts';

/** Which namespaces a query covers: a set of names, or all of them. */
export type NamespaceScope = { readonly all: true } | { readonly all: false; readonly names: ReadonlySet<string> };

export const ALL_NAMESPACES: NamespaceScope = { all: true };

export function inNamespaces(...names: string[]): NamespaceScope {
  return { all: false, names: new Set(names) };
}

export function scopeHas(scope: NamespaceScope, namespace: string): boolean {
  return scope.all || scope.names.has(namespace);
}

/** The pods of some label sets, counted per node; `skipDeleting` leaves out pods marked for deletion. */
export class MatchingPods {
  constructor(
    readonly ids: readonly string[],
    readonly sets: readonly LabelSet[],
    private readonly skipDeleting: boolean,
  ) {}

  get isEmpty(): boolean {
    return this.sets.length === 0;
  }

  /** The matching pods on one node, read from the node's usage (its pods counted by label set). */
  countOn(usage: NodeUsage): number {
    const { ids } = this;
    const deleting = this.skipDeleting && usage.deletingLabelSets !== NO_LABEL_SETS;
    let count = 0;
    for (let index = 0; index < ids.length; index++) {
      const id = ids[index] as string;
      count += usage.labelSets[id] ?? 0;
      if (deleting) count -= usage.deletingLabelSets[id] ?? 0;
    }
    return count;
  }

  /** Each node with matching pods and how many, node by node and set by set; for sums only. */
  forEachNode(visit: (nodeName: string, count: number) => void): void {
    for (const set of this.sets) {
      for (const [node, count] of set.nodes.pairs()) {
        const counted = this.skipDeleting && set.deleting.size > 0 ? count - (set.deleting.get(node) ?? 0) : count;
        if (counted > 0) visit(node, counted);
      }
    }
  }
}

/** The label-set ids carrying one of the In requirement's values in one namespace. */
function requirementCandidates(cluster: ClusterState, namespace: string, key: string, values: readonly string[]): string[] {
  const ids: string[] = [];
  for (const value of new Set(values)) {
    for (const id of cluster.indexes.labelSetsByPair.unorderedMembers(labelPairGroup(namespace, key, value))) ids.push(id);
  }
  return ids;
}

/** Candidate label sets of one namespace: through the In requirement with the fewest, else every set. */
function candidates(cluster: ClusterState, namespace: string, selector: Selector): Iterable<string> {
  const { labelSetsByPair, labelSetsByNamespace } = cluster.indexes;
  let best: { key: string; values: readonly string[]; size: number } | undefined;
  for (const requirement of selector.requirements) {
    if (requirement.operator !== 'In') continue;
    const values = requirement.values ?? [];
    let size = 0;
    for (const value of new Set(values)) size += labelSetsByPair.count(labelPairGroup(namespace, requirement.key, value));
    if (best === undefined || size < best.size) best = { key: requirement.key, values, size };
  }
  if (best === undefined) return labelSetsByNamespace.unorderedMembers(namespace);
  // A set has one value per key, so no set comes twice from distinct values.
  return requirementCandidates(cluster, namespace, best.key, best.values);
}

function namespacesOf(cluster: ClusterState, scope: NamespaceScope): Iterable<string> {
  return scope.all ? cluster.indexes.labelSetsByNamespace.unorderedGroupNames() : scope.names;
}

/** Label sets in the scope whose labels the selector matches and that pass `also`. */
export function matchingPods(
  cluster: ClusterState,
  scope: NamespaceScope,
  selector: Selector,
  options: { readonly skipDeleting: boolean; readonly also?: (set: LabelSet) => boolean },
): MatchingPods {
  if (selector.nothing) return new MatchingPods([], [], options.skipDeleting);
  const ids: string[] = [];
  const sets: LabelSet[] = [];
  for (const namespace of namespacesOf(cluster, scope)) {
    for (const id of candidates(cluster, namespace, selector)) {
      const set = cluster.indexes.labelSets.get(id);
      if (set === undefined || !matchesSelector(selector, set.labels)) continue;
      if (options.also !== undefined && !options.also(set)) continue;
      ids.push(id);
      sets.push(set);
    }
  }
  return new MatchingPods(ids, sets, options.skipDeleting);
}

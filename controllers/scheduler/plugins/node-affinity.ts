// NodeAffinity (pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go): the pod's
// nodeSelector and required node affinity filter nodes; its preferred terms score them by the
// summed weight of the terms a node matches, normalised so the best node gets 100.

import type { Labels } from '../../../core/labels.ts';
import type { NodeSelectorTerm, PodSpec } from '../../../core/objects.ts';
import type { NodeView } from '../node-views.ts';
import type { PodInfo } from '../pod-info.ts';
import { isEmptyTerm, type ParsedTerm, parseTerm, termMatches } from '../../common/node-selector.ts';

export const NODE_AFFINITY_WEIGHT = 2;
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
export const ERR_REASON_CONFLICT = 'pod affinity terms conflict';

export interface RequiredNodeAffinity {
  /** spec.nodeSelector as key/value pairs, when it has any. */
  readonly nodeSelector: readonly (readonly [string, string])[] | undefined;
  /** The required terms without the empty ones, which select nothing; undefined when none are required. */
  readonly terms: readonly ParsedTerm[] | undefined;
}

export interface WeightedTerm {
  readonly weight: number;
  readonly term: ParsedTerm;
}

/** Which nodes the pod names through matchFields metadata.name, as the plugin's PreFilter narrows them. */
export type NodeNamesResult =
  | { readonly kind: 'all' }
  | { readonly kind: 'names'; readonly names: ReadonlySet<string> }
  | { readonly kind: 'conflict' };

export function requiredNodeAffinity(spec: PodSpec): RequiredNodeAffinity {
  const selector = Object.entries(spec.nodeSelector ?? {});
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return {
    nodeSelector: selector.length === 0 ? undefined : selector,
    terms:
      required === undefined
        ? undefined
        : required.nodeSelectorTerms.filter((term) => !isEmptyTerm(term)).map(parseTerm),
  };
}

/** Undefined when the pod has no preferred terms, where upstream's PreScore skips the plugin. */
export function preferredTerms(spec: PodSpec): readonly WeightedTerm[] | undefined {
  const preferred = spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
  if (preferred === undefined) return undefined;
  return preferred
    .filter((term) => term.weight !== 0 && !isEmptyTerm(term.preference))
    .map((term) => ({ weight: term.weight, term: parseTerm(term.preference) }));
}

function selectorMatches(selector: readonly (readonly [string, string])[], labels: Labels): boolean {
  for (const [key, value] of selector) {
    if (!Object.hasOwn(labels, key) || labels[key] !== value) return false;
  }
  return true;
}

/** RequiredNodeAffinity.Match: the nodeSelector, then any one required term (terms are ORed). */
export function matchesRequired(required: RequiredNodeAffinity, labels: Labels, nodeName: string): boolean {
  if (required.nodeSelector !== undefined && !selectorMatches(required.nodeSelector, labels)) return false;
  if (required.terms === undefined) return true;
  for (const term of required.terms) {
    if (termMatches(term, labels, nodeName)) return true;
  }
  return false;
}

export function nodeAffinityFilter(pod: PodInfo, node: NodeView): string | undefined {
  return matchesRequired(pod.requiredAffinity, node.labels, node.name) ? undefined : ERR_REASON_POD;
}

function termNodeNames(term: NodeSelectorTerm): Set<string> | undefined {
  let names: Set<string> | undefined;
  for (const requirement of term.matchFields ?? []) {
    if (requirement.key !== 'metadata.name' || requirement.operator !== 'In') continue;
    const values = new Set(requirement.values ?? []);
    names = names === undefined ? values : new Set([...names].filter((name) => values.has(name)));
  }
  return names;
}

/**
 * The plugin's PreFilter: when every required term names nodes through metadata.name In, only
 * those nodes are worth filtering (a DaemonSet pod names exactly one). Terms are ORed, so one term
 * without names means every node; names that no term can share are a conflict.
 */
export function nodeAffinityNodeNames(spec: PodSpec): NodeNamesResult {
  const terms =
    spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms === undefined || terms.length === 0) return { kind: 'all' };
  const union = new Set<string>();
  for (const term of terms) {
    const names = termNodeNames(term);
    if (names === undefined) return { kind: 'all' };
    for (const name of names) union.add(name);
  }
  return union.size === 0 ? { kind: 'conflict' } : { kind: 'names', names: union };
}

/** The summed weight of the preferred terms the node matches (PreferredSchedulingTerms.Score). */
export function nodeAffinityScore(pod: PodInfo, node: NodeView): number {
  let score = 0;
  for (const { weight, term } of pod.preferredTerms ?? []) {
    if (termMatches(term, node.labels, node.name)) score += weight;
  }
  return score;
}

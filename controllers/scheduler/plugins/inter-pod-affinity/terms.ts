// Pod affinity terms as the scheduler reads them (framework/types.go AffinityTerm, and
// interpodaffinity's mergeAffinityTermNamespacesIfNotEmpty). A term selects pods by label in a
// set of namespaces: the ones it names, or the pod's own when it names none and has no namespace
// selector, plus those its namespace selector picks. For the pod being scheduled, a namespace
// selector with requirements is resolved into names once per cycle; an empty one ({}) matches
// every namespace. matchLabelKeys and mismatchLabelKeys need nothing here: the API server merged
// them into the label selector when the pod was created.

import { asSelector, isEmptySelector, type Labels, matchesSelector, NOTHING, type Selector } from '../../../../core/labels.ts';
import type { Namespace, Pod, PodAffinity, PodAffinityTerm } from '../../../../core/objects.ts';
import { kindTable } from '../../../../reducers/lookup.ts';
import type { ClusterState } from '../../../../reducers/state.ts';
import { ALL_NAMESPACES, type NamespaceScope } from '../../matching-pods.ts';
import { withFields } from '../../../../core/with-fields.ts';

export interface AffinityTerm {
  readonly namespaces: ReadonlySet<string>;
  readonly namespaceSelector: Selector;
  readonly selector: Selector;
  readonly topologyKey: string;
}

export interface WeightedAffinityTerm extends AffinityTerm {
  readonly weight: number;
}

/** The terms of one kind of a pod (framework.PodInfo's four lists). */
export interface PodAffinityTerms {
  readonly requiredAffinity: readonly AffinityTerm[];
  readonly requiredAntiAffinity: readonly AffinityTerm[];
  readonly preferredAffinity: readonly WeightedAffinityTerm[];
  readonly preferredAntiAffinity: readonly WeightedAffinityTerm[];
}

export function newAffinityTerm(pod: Pod, term: PodAffinityTerm): AffinityTerm {
  const named = term.namespaces ?? [];
  const noSelector = term.namespaceSelector === undefined || term.namespaceSelector === null;
  return {
    namespaces: new Set(named.length === 0 && noSelector ? [pod.metadata.namespace ?? ''] : named),
    namespaceSelector: asSelector(term.namespaceSelector),
    selector: asSelector(term.labelSelector),
    topologyKey: term.topologyKey,
  };
}

function requiredTerms(pod: Pod, affinity: PodAffinity | undefined): AffinityTerm[] {
  return (affinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((term) => newAffinityTerm(pod, term));
}

function preferredTerms(pod: Pod, affinity: PodAffinity | undefined): WeightedAffinityTerm[] {
  return (affinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((term) => (withFields(newAffinityTerm(pod, term.podAffinityTerm), { weight: term.weight })));
}

const NO_TERMS: PodAffinityTerms = { requiredAffinity: [], requiredAntiAffinity: [], preferredAffinity: [], preferredAntiAffinity: [] };

export function affinityTermsOf(pod: Pod): PodAffinityTerms {
  const { affinity } = pod.spec;
  if (affinity?.podAffinity === undefined && affinity?.podAntiAffinity === undefined) return NO_TERMS;
  return {
    requiredAffinity: requiredTerms(pod, affinity.podAffinity),
    requiredAntiAffinity: requiredTerms(pod, affinity.podAntiAffinity),
    preferredAffinity: preferredTerms(pod, affinity.podAffinity),
    preferredAntiAffinity: preferredTerms(pod, affinity.podAntiAffinity),
  };
}

/** mergeAffinityTermNamespacesIfNotEmpty: the namespaces a non-empty namespace selector picks become names. */
function mergeNamespaces<T extends AffinityTerm>(term: T, cluster: ClusterState): T {
  if (isEmptySelector(term.namespaceSelector)) return term;
  const namespaces = new Set(term.namespaces);
  if (!term.namespaceSelector.nothing) {
    for (const namespace of kindTable<Namespace>(cluster, 'Namespace').values()) {
      if (matchesSelector(term.namespaceSelector, namespace.metadata.labels)) namespaces.add(namespace.metadata.name);
    }
  }
  return { ...term, namespaces, namespaceSelector: NOTHING };
}

/** The incoming pod's terms, with their namespace selectors resolved against the cluster's namespaces. */
export function incomingTerms(pod: Pod, cluster: ClusterState): PodAffinityTerms {
  const terms = affinityTermsOf(pod);
  if (terms === NO_TERMS) return terms;
  return {
    requiredAffinity: terms.requiredAffinity.map((term) => mergeNamespaces(term, cluster)),
    requiredAntiAffinity: terms.requiredAntiAffinity.map((term) => mergeNamespaces(term, cluster)),
    preferredAffinity: terms.preferredAffinity.map((term) => mergeNamespaces(term, cluster)),
    preferredAntiAffinity: terms.preferredAntiAffinity.map((term) => mergeNamespaces(term, cluster)),
  };
}

/** AffinityTerm.Matches: the pod's namespace is one of the term's, or its labels meet the namespace selector. */
export function termMatches(term: AffinityTerm, namespace: string, labels: Labels | undefined, namespaceLabels: Labels | undefined): boolean {
  if (!term.namespaces.has(namespace) && !matchesSelector(term.namespaceSelector, namespaceLabels)) return false;
  return matchesSelector(term.selector, labels);
}

/** podMatchesAllAffinityTerms; false for no terms at all. */
export function matchesAllTerms(terms: readonly AffinityTerm[], namespace: string, labels: Labels | undefined): boolean {
  if (terms.length === 0) return false;
  return terms.every((term) => termMatches(term, namespace, labels, undefined));
}

/** The namespaces an incoming (merged) term can match: all of them when its selector is {}. */
export function termScope(term: AffinityTerm): NamespaceScope {
  return isEmptySelector(term.namespaceSelector) ? ALL_NAMESPACES : { all: false, names: term.namespaces };
}

export function namespaceLabelsOf(cluster: ClusterState, namespace: string): Labels | undefined {
  return kindTable<Namespace>(cluster, 'Namespace').get(namespace)?.metadata.labels;
}

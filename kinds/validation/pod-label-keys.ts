// The API server's merge of matchLabelKeys and mismatchLabelKeys into label selectors when a pod
// is created (pkg/registry/core/pod/strategy.go: mutatePodAffinity, mutateTopologySpreadConstraints;
// MatchLabelKeysInPodAffinity is GA and MatchLabelKeysInPodTopologySpreadSelectorMerge beta and on
// in v1.34). For each key the pod carries, the selector gains "key In (value)", or "key NotIn
// (value)" for a mismatch key; a term or constraint without a selector is left alone, since a
// missing selector matches nothing anyway.

import type { LabelSelector, Labels, SelectorOperator } from '../../core/labels.ts';
import type { Affinity, PodAffinity, PodAffinityTerm, PodSpec, TopologySpreadConstraint } from '../../core/objects.ts';
import { withFields } from '../../core/with-fields.ts';

function withLabelKeys(selector: LabelSelector, keys: readonly string[] | undefined, operator: SelectorOperator, labels: Labels): LabelSelector {
  const added = (keys ?? []).filter((key) => Object.hasOwn(labels, key)).map((key) => ({ key, operator, values: [labels[key] as string] }));
  return added.length === 0 ? selector : withFields(selector, { matchExpressions: [...(selector.matchExpressions ?? []), ...added] });
}

function mergedTerm(term: PodAffinityTerm, labels: Labels): PodAffinityTerm {
  const keys = (term.matchLabelKeys ?? []).length + (term.mismatchLabelKeys ?? []).length;
  if (keys === 0 || term.labelSelector === undefined || term.labelSelector === null) return term;
  const matched = withLabelKeys(term.labelSelector, term.matchLabelKeys, 'In', labels);
  return withFields(term, { labelSelector: withLabelKeys(matched, term.mismatchLabelKeys, 'NotIn', labels) });
}

function mergedAffinity(affinity: PodAffinity | undefined, labels: Labels): PodAffinity | undefined {
  if (affinity === undefined) return undefined;
  const { requiredDuringSchedulingIgnoredDuringExecution: required, preferredDuringSchedulingIgnoredDuringExecution: preferred } = affinity;
  return withFields(affinity, required === undefined ? {} : { requiredDuringSchedulingIgnoredDuringExecution: required.map((term) => mergedTerm(term, labels)) }, preferred === undefined ? {} : { preferredDuringSchedulingIgnoredDuringExecution: preferred.map((term) => ({ ...term, podAffinityTerm: mergedTerm(term.podAffinityTerm, labels) })) });
}

function mergedConstraint(constraint: TopologySpreadConstraint, labels: Labels): TopologySpreadConstraint {
  if ((constraint.matchLabelKeys ?? []).length === 0 || constraint.labelSelector === undefined || constraint.labelSelector === null) return constraint;
  return withFields(constraint, { labelSelector: withLabelKeys(constraint.labelSelector, constraint.matchLabelKeys, 'In', labels) });
}

/** The spec of a pod being created, with its label keys merged into its selectors. */
export function mergeLabelKeys(spec: PodSpec, labels: Labels): PodSpec {
  const { affinity, topologySpreadConstraints } = spec;
  let next = spec;
  if (affinity?.podAffinity !== undefined || affinity?.podAntiAffinity !== undefined) {
    const merged: Affinity = withFields(affinity, affinity.podAffinity === undefined ? {} : { podAffinity: mergedAffinity(affinity.podAffinity, labels) }, affinity.podAntiAffinity === undefined ? {} : { podAntiAffinity: mergedAffinity(affinity.podAntiAffinity, labels) });
    next = withFields(next, { affinity: merged });
  }
  if (topologySpreadConstraints !== undefined) {
    next = withFields(next, { topologySpreadConstraints: topologySpreadConstraints.map((constraint) => mergedConstraint(constraint, labels)) });
  }
  return next;
}

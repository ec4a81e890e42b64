// The pod-template-hash that names a Deployment's ReplicaSets and keeps their pods apart:
// controller.ComputeHash (controllers/common/hash.ts says how ours differs from a real cluster's),
// applied as getNewReplicaSet (pkg/controller/deployment/sync.go) does with
// labelsutil.CloneAndAddLabel and CloneSelectorAndAddLabel (pkg/util/labels/labels.go).

import { sameJson } from '../../core/canonical-json.ts';
import type { LabelSelector, Labels } from '../../core/labels.ts';
import type { PodTemplateSpec } from '../../core/objects.ts';
import type { Deployment } from '../../core/workloads.ts';
import { withFields } from '../../core/with-fields.ts';

/** apps.DefaultDeploymentUniqueLabelKey. */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

export { computeHash, safeEncodeString } from '../common/hash.ts';

export function newReplicaSetName(deploymentName: string, hash: string): string {
  return `${deploymentName}-${hash}`;
}

/** CloneAndAddLabel: a copy with one more label; an empty value leaves the labels as they are. */
export function cloneAndAddLabel(labels: Labels | undefined, key: string, value: string): Labels | undefined {
  if (value === '') return labels;
  return withFields(labels, { [key]: value });
}

/** CloneSelectorAndAddLabel: the hash joins matchLabels; matchExpressions are kept. */
export function cloneSelectorAndAddLabel(selector: LabelSelector, key: string, value: string): LabelSelector {
  if (value === '') return selector;
  return withFields(selector, { matchLabels: withFields(selector.matchLabels, { [key]: value }) });
}

/** The template the new ReplicaSet gets: the Deployment's, with the hash label added. */
export function newReplicaSetTemplate(d: Deployment, hash: string): PodTemplateSpec {
  const template = d.spec.template;
  const labels = cloneAndAddLabel(template.metadata?.labels, POD_TEMPLATE_HASH_LABEL, hash);
  return withFields(template, { metadata: withFields(template.metadata, labels === undefined ? {} : { labels }) });
}

function nonEmpty(value: object | undefined): boolean {
  return value !== undefined && Object.values(value).some((field) => field !== undefined);
}

/**
 * A template without its hash label. Empty labels, annotations and metadata count as absent, as
 * Go's nil and empty maps and its zero-valued ObjectMeta do under Semantic.DeepEqual.
 */
function withoutHash(template: PodTemplateSpec): PodTemplateSpec {
  const { labels, annotations, ...otherMetadata } = template.metadata ?? {};
  const { [POD_TEMPLATE_HASH_LABEL]: _hash, ...otherLabels } = labels ?? {};
  const metadata = withFields(otherMetadata, nonEmpty(otherLabels) ? { labels: otherLabels } : {}, nonEmpty(annotations) ? { annotations } : {});
  const { metadata: _metadata, ...rest } = template;
  return nonEmpty(metadata) ? withFields(rest, { metadata }) : rest;
}

/**
 * EqualIgnoreHash: two templates are the same when they differ at most in pod-template-hash.
 * The hash is ignored because it changes whenever the API's template gains a field, and the
 * Deployment's own template never carries one. Upstream compares with Semantic.DeepEqual, which
 * treats a nil and an empty labels map alike; sameJson treats an undefined field as absent.
 */
export function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  return sameJson(withoutHash(a), withoutHash(b));
}

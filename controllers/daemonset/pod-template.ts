// The pod a DaemonSet creates on a node, as upstream's util.CreatePodTemplate,
// AddOrUpdateDaemonPodTolerations and ReplaceDaemonSetPodNodeNameNodeAffinity
// (pkg/controller/daemon/util/daemonset_util.go) and controller.GetPodFromTemplate build it: the
// template with the daemon tolerations, the pod-template-generation and controller-revision-hash
// labels, a required node affinity on metadata.name that places it, generateName "<ds>-" and
// the controller reference.

import type { Labels } from '../../core/labels.ts';
import type {
  NodeAffinity,
  ObjectMeta,
  OwnerReference,
  Pod,
  PodSpec,
  PodTemplateSpec,
  Toleration,
} from '../../core/objects.ts';
import type { DaemonSet } from '../../core/workloads.ts';
import { withFields } from '../../core/with-fields.ts';

/** extensions.DaemonSetTemplateGenerationKey, kept for pods made before hashes. */
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
/** apps.DefaultDaemonSetUniqueLabelKey (= ControllerRevisionHashLabelKey). */
export const DAEMONSET_HASH_LABEL = 'controller-revision-hash';
/** apps.DeprecatedTemplateGeneration: the API server keeps the template generation here. */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

export interface PodManifest {
  readonly apiVersion: 'v1';
  readonly kind: 'Pod';
  readonly metadata: Partial<ObjectMeta> & { readonly generateName: string; readonly labels: Labels };
  readonly spec: PodSpec;
}

const exists = (key: string, effect: Toleration['effect']): Toleration => ({ key, operator: 'Exists', effect });

/**
 * The tolerations every daemon pod gets: no taint-based eviction on not-ready or unreachable
 * nodes (no tolerationSeconds), and the node-condition NoSchedule taints; network-unavailable only
 * with hostNetwork.
 */
export const DAEMON_TOLERATIONS: readonly Toleration[] = [
  exists('node.kubernetes.io/not-ready', 'NoExecute'),
  exists('node.kubernetes.io/unreachable', 'NoExecute'),
  exists('node.kubernetes.io/disk-pressure', 'NoSchedule'),
  exists('node.kubernetes.io/memory-pressure', 'NoSchedule'),
  exists('node.kubernetes.io/pid-pressure', 'NoSchedule'),
  exists('node.kubernetes.io/unschedulable', 'NoSchedule'),
];
export const NETWORK_UNAVAILABLE_TOLERATION = exists('node.kubernetes.io/network-unavailable', 'NoSchedule');

/** Toleration.MatchToleration: same key, operator, value and effect (tolerationSeconds aside). */
function sameToleration(a: Toleration, b: Toleration): boolean {
  return (
    (a.key ?? '') === (b.key ?? '') &&
    (a.operator ?? '') === (b.operator ?? '') &&
    (a.value ?? '') === (b.value ?? '') &&
    (a.effect ?? '') === (b.effect ?? '')
  );
}

/** v1helper.AddOrUpdateTolerationInPodSpec: a matching toleration is replaced, else appended. */
export function addOrUpdateToleration(tolerations: readonly Toleration[], toleration: Toleration): readonly Toleration[] {
  let updated = false;
  const next = tolerations.map((existing) => {
    if (!sameToleration(existing, toleration)) return existing;
    updated = true;
    return toleration;
  });
  return updated ? next : [...tolerations, toleration];
}

/** AddOrUpdateDaemonPodTolerations. */
export function addOrUpdateDaemonPodTolerations(spec: PodSpec): PodSpec {
  const wanted = spec['hostNetwork'] === true ? [...DAEMON_TOLERATIONS, NETWORK_UNAVAILABLE_TOLERATION] : DAEMON_TOLERATIONS;
  let tolerations = spec.tolerations ?? [];
  for (const toleration of wanted) tolerations = addOrUpdateToleration(tolerations, toleration);
  return withFields(spec, { tolerations });
}

/** GetTemplateGeneration: the annotation as an int64; absent or unparsable reads as none. */
export function getTemplateGeneration(ds: DaemonSet): number | undefined {
  const text = ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  return text !== undefined && /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}

/** CreatePodTemplate: tolerations added, generation and hash labels set when known. */
export function createPodTemplate(template: PodTemplateSpec, generation: number | undefined, hash: string): PodTemplateSpec {
  const labels: Record<string, string> = { ...(template.metadata?.labels ?? {}) };
  if (generation !== undefined) labels[TEMPLATE_GENERATION_LABEL] = String(generation);
  if (hash !== '') labels[DAEMONSET_HASH_LABEL] = hash;
  const spec = addOrUpdateDaemonPodTolerations(template.spec);
  return withFields(template, { metadata: withFields(template.metadata ?? {}, { labels }), spec });
}

/**
 * ReplaceDaemonSetPodNodeNameNodeAffinity: the required node affinity becomes the one term
 * `metadata.name In [node]`; preferred terms and the rest of the affinity stay.
 */
export function replaceNodeNameNodeAffinity(affinity: PodSpec['affinity'], nodeName: string): NonNullable<PodSpec['affinity']> {
  const required = {
    nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In' as const, values: [nodeName] }] }],
  };
  const nodeAffinity: NodeAffinity = withFields(affinity?.nodeAffinity ?? {}, {
    requiredDuringSchedulingIgnoredDuringExecution: required,
  });
  return withFields(affinity ?? {}, { nodeAffinity });
}

export function controllerRefTo(ds: DaemonSet): OwnerReference {
  const { name, uid } = ds.metadata;
  return { apiVersion: 'apps/v1', kind: 'DaemonSet', name, uid, controller: true, blockOwnerDeletion: true };
}

function nonEmpty<T extends object>(value: T | undefined): value is T {
  return value !== undefined && Object.keys(value).length > 0;
}

/** syncNodes' pod for one node: the pod template, placed on the node, made by GetPodFromTemplate. */
export function daemonPodManifest(ds: DaemonSet, nodeName: string, hash: string): PodManifest {
  const template = createPodTemplate(ds.spec.template, getTemplateGeneration(ds), hash);
  const { annotations, finalizers } = template.metadata ?? {};
  const prefix = `${ds.metadata.name}-`;
  const metadata = {
    generateName: prefix.length <= 253 ? prefix : ds.metadata.name,
    ...(ds.metadata.namespace === undefined ? {} : { namespace: ds.metadata.namespace }),
    labels: template.metadata?.labels ?? {},
    ...(nonEmpty(annotations) ? { annotations } : {}),
    ...(Array.isArray(finalizers) && finalizers.length > 0 ? { finalizers: finalizers as readonly string[] } : {}),
    ownerReferences: [controllerRefTo(ds)],
  };
  const spec = withFields(template.spec, { affinity: replaceNodeNameNodeAffinity(template.spec.affinity, nodeName) });
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

/** IsPodUpdated: the hash label matches, or (older pods) the template generation label does. */
export function isPodUpdated(pod: Pod, hash: string, generation: number | undefined): boolean {
  const labels = pod.metadata.labels;
  const templateMatches = generation !== undefined && labels?.[TEMPLATE_GENERATION_LABEL] === String(generation);
  const hashMatches = hash !== '' && labels?.[DAEMONSET_HASH_LABEL] === hash;
  return hashMatches || templateMatches;
}

/**
 * GetTargetNodeName: spec.nodeName, else the single value of a `metadata.name In` match field of
 * the required node affinity; undefined where upstream returns an error.
 */
export function getTargetNodeName(pod: Pod): string | undefined {
  if ((pod.spec.nodeName ?? '') !== '') return pod.spec.nodeName;
  const terms = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const term of terms) {
    for (const field of term.matchFields ?? []) {
      if (field.key !== 'metadata.name' || field.operator !== 'In') continue;
      return field.values?.length === 1 ? field.values[0] : undefined;
    }
  }
  return undefined;
}

// A StatefulSet pod's identity: its name `${set}-${ordinal}`, the ordinal range the set owns
// (spec.ordinals.start up to start + replicas - 1) and the labels that name the pod, as upstream's
// getParentNameAndOrdinal, getPodName, identityMatches and updateIdentity
// (pkg/controller/statefulset/stateful_set_utils.go) define them.

import type { Labels } from '../../core/labels.ts';
import type { Pod } from '../../core/objects.ts';
import type { StatefulSet } from '../../core/workloads.ts';
import { withFields } from '../../core/with-fields.ts';

/** apps.StatefulSetPodNameLabel: the pod's own name, so a Service can select one replica. */
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
/** apps.PodIndexLabel; the PodIndexLabel gate is GA (locked on) in v1.34. */
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
/** apps.StatefulSetRevisionLabel (ControllerRevisionHashLabelKey): the revision a pod was made from. */
export const REVISION_LABEL = 'controller-revision-hash';

const INT32_MAX = 2 ** 31 - 1;

/** statefulPodRegex "(.*)-([0-9]+)$": the greedy prefix is the parent, the digits the ordinal. */
const STATEFUL_POD_NAME = /^(.*)-([0-9]+)$/;

export interface ParentAndOrdinal {
  /** "" when the name does not look like a StatefulSet pod's. */
  readonly parent: string;
  /** -1 when there is none, or when the digits overflow an int32 (strconv.ParseInt(s, 10, 32)). */
  readonly ordinal: number;
}

export function getParentNameAndOrdinal(podName: string): ParentAndOrdinal {
  const match = STATEFUL_POD_NAME.exec(podName);
  if (match === null) return { parent: '', ordinal: -1 };
  const digits = match[2] ?? '';
  const value = Number(digits);
  return { parent: match[1] ?? '', ordinal: value <= INT32_MAX ? value : -1 };
}

export function getOrdinal(pod: { readonly metadata: { readonly name: string } }): number {
  return getParentNameAndOrdinal(pod.metadata.name).ordinal;
}

/** getStartOrdinal: spec.ordinals.start (StatefulSetStartOrdinal is GA), else 0. */
export function getStartOrdinal(set: StatefulSet): number {
  return set.spec.ordinals?.start ?? 0;
}

/** getEndOrdinal: the last ordinal the set keeps, inclusive. */
export function getEndOrdinal(set: StatefulSet): number {
  return getStartOrdinal(set) + set.spec.replicas - 1;
}

export function ordinalInRange(set: StatefulSet, ordinal: number): boolean {
  return ordinal >= getStartOrdinal(set) && ordinal <= getEndOrdinal(set);
}

/** podInOrdinalRange: a pod outside the range is condemned (scaled away). */
export function podInOrdinalRange(pod: { readonly metadata: { readonly name: string } }, set: StatefulSet): boolean {
  return ordinalInRange(set, getOrdinal(pod));
}

export function getPodName(set: StatefulSet, ordinal: number): string {
  return `${set.metadata.name}-${ordinal}`;
}

/** isMemberOf: only the name decides, as upstream's getParentName(pod) == set.Name. */
export function isMemberOf(set: StatefulSet, pod: Pod): boolean {
  return getParentNameAndOrdinal(pod.metadata.name).parent === set.metadata.name;
}

/** identityMatches: name, namespace and the pod-name label agree with the set and the ordinal. */
export function identityMatches(set: StatefulSet, pod: Pod): boolean {
  const { parent, ordinal } = getParentNameAndOrdinal(pod.metadata.name);
  return (
    ordinal >= 0 &&
    parent === set.metadata.name &&
    pod.metadata.name === getPodName(set, ordinal) &&
    (pod.metadata.namespace ?? '') === (set.metadata.namespace ?? '') &&
    pod.metadata.labels?.[POD_NAME_LABEL] === pod.metadata.name
  );
}

/** The labels updateIdentity sets: the pod's name and, with PodIndexLabel, its ordinal. */
export function identityLabels(podName: string, ordinal: number): Labels {
  return { [POD_NAME_LABEL]: podName, [POD_INDEX_LABEL]: String(ordinal) };
}

/**
 * updateIdentity: the pod renamed into the set's namespace with its identity labels restored.
 * Hostname and subdomain are immutable after creation, so only initIdentity sets them.
 */
export function updateIdentity<P extends Pod>(set: StatefulSet, pod: P): P {
  const ordinal = getOrdinal(pod);
  const name = getPodName(set, ordinal);
  const labels = withFields(pod.metadata.labels ?? {}, identityLabels(name, ordinal));
  const metadata = withFields(pod.metadata, { name, labels });
  return { ...pod, metadata: withNamespace(metadata, set.metadata.namespace) };
}

function withNamespace<M extends { readonly namespace?: string }>(metadata: M, namespace: string | undefined): M {
  if (namespace === undefined) {
    const { namespace: _dropped, ...rest } = metadata;
    return rest as M;
  }
  return withFields(metadata, { namespace });
}

/** ascendingOrdinal's order; pods without an ordinal (-1) come first. */
export function compareByOrdinal(a: Pod, b: Pod): number {
  return getOrdinal(a) - getOrdinal(b);
}

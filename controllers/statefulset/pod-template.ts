// The pod a StatefulSet asks for at an ordinal, as upstream's newStatefulSetPod and
// newVersionedStatefulSetPod (pkg/controller/statefulset/stateful_set_utils.go): the template as
// controller.GetPodFromTemplate copies it (labels, annotations, finalizers, generateName
// "<set>-", the controller reference), then the fixed name, the identity labels, hostname and
// subdomain, the claim volumes, and the revision label of the template it was made from.

import type { Labels } from '../../core/labels.ts';
import type { ObjectMeta, PodSpec } from '../../core/objects.ts';
import type { StatefulSet } from '../../core/workloads.ts';
import { getPodName, getStartOrdinal, identityLabels, REVISION_LABEL } from './identity.ts';
import { controllerRefTo } from './revisions.ts';
import { updateStorage } from './storage.ts';
import { withFields } from '../../core/with-fields.ts';

/** A pod as the controller creates it; the API server adds uid, timestamps and status. */
export interface PodManifest {
  readonly apiVersion: 'v1';
  readonly kind: 'Pod';
  readonly metadata: Partial<ObjectMeta> & { readonly name: string; readonly labels: Labels };
  readonly spec: PodSpec;
}

/** The longest DNS subdomain; getPodsPrefix drops the dash when it would not fit. */
const MAX_NAME_LENGTH = 253;

function nonEmpty<T extends object>(value: T | undefined): value is T {
  return value !== undefined && Object.keys(value).length > 0;
}

/** newStatefulSetPod: the pod at `ordinal` made from the set's template. */
export function newStatefulSetPod(set: StatefulSet, ordinal: number): PodManifest {
  const template = set.spec.template;
  const name = getPodName(set, ordinal);
  const prefix = `${set.metadata.name}-`;
  const { annotations, finalizers } = template.metadata ?? {};
  const metadata = {
    name,
    generateName: prefix.length <= MAX_NAME_LENGTH ? prefix : set.metadata.name,
    ...(set.metadata.namespace === undefined ? {} : { namespace: set.metadata.namespace }),
    labels: withFields(template.metadata?.labels ?? {}, identityLabels(name, ordinal)),
    ...(nonEmpty(annotations) ? { annotations } : {}),
    ...(Array.isArray(finalizers) && finalizers.length > 0 ? { finalizers: finalizers as readonly string[] } : {}),
    ownerReferences: [controllerRefTo(set)],
  };
  const serviceName = set.spec.serviceName ?? '';
  const spec: PodSpec = withFields(template.spec, {
    hostname: name,
    ...(serviceName === '' ? {} : { subdomain: serviceName }),
  });
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: updateStorage(set, spec, ordinal) };
}

function withRevision(pod: PodManifest, revision: string): PodManifest {
  return { ...pod, metadata: { ...pod.metadata, labels: withFields(pod.metadata.labels, { [REVISION_LABEL]: revision }) } };
}

/**
 * newVersionedStatefulSetPod: ordinals below the partition (or, without a rollingUpdate block,
 * below status.currentReplicas) are made from the current revision, the rest from the update
 * revision. Upstream's condition reads `RollingUpdate && (nil && below currentReplicas) || (set &&
 * below partition)`; Go's precedence makes the partition branch hold whatever the strategy type,
 * and we keep that.
 */
export function newVersionedStatefulSetPod(
  currentSet: StatefulSet,
  updateSet: StatefulSet,
  currentRevision: string,
  updateRevision: string,
  ordinal: number,
): PodManifest {
  const strategy = currentSet.spec.updateStrategy;
  const start = getStartOrdinal(currentSet);
  const belowCurrent =
    strategy.type === 'RollingUpdate' &&
    strategy.rollingUpdate === undefined &&
    ordinal < start + (currentSet.status.currentReplicas ?? 0);
  const belowPartition =
    strategy.rollingUpdate !== undefined && ordinal < start + (strategy.rollingUpdate.partition ?? 0);
  if (belowCurrent || belowPartition) return withRevision(newStatefulSetPod(currentSet, ordinal), currentRevision);
  return withRevision(newStatefulSetPod(updateSet, ordinal), updateRevision);
}

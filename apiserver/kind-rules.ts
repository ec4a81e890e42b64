// What each kind adds at creation and allows on update: defaulting, validation, immutable fields,
// and which event records the change.

import { canonicalJson, sameJson } from '../core/canonical-json.ts';
import type { EventBody } from '../core/events.ts';
import type { KubeObject, Namespace, Node, Pod, PodSpec, ReplicaSet } from '../core/objects.ts';
import { parseQuantity } from '../core/quantity.ts';
import { validateTaints } from './affinity-validation.ts';
import { type FieldError, forbidden, invalid } from './field-errors.ts';
import { defaultPodForCreate, defaultPodSpec } from './pod-defaults.ts';
import { validatePodSpec } from './pod-validation.ts';
import { validateReplicaSetSpec } from './replicaset-validation.ts';

export type Built = { event: EventBody } | { errors: FieldError[] };

type Json = Record<string, unknown>;

function buildPod(object: KubeObject): Built {
  const errors = validatePodSpec('spec', object.spec);
  if (errors.length > 0) return { errors };
  const pod = { ...object, spec: defaultPodForCreate(object.spec as PodSpec), status: { phase: 'Pending' } } as Pod;
  return { event: { type: 'pod/created', object: pod } };
}

function defaultReplicaSetSpec(spec: Json): ReplicaSet['spec'] {
  const template = spec.template as ReplicaSet['spec']['template'];
  return { replicas: 1, ...spec, template: { ...template, spec: defaultPodSpec(template.spec) } } as ReplicaSet['spec'];
}

function buildReplicaSet(object: KubeObject): Built {
  const errors = validateReplicaSetSpec(object.spec);
  if (errors.length > 0) return { errors };
  const replicaSet = { ...object, spec: defaultReplicaSetSpec(object.spec as Json), status: { replicas: 0 } } as ReplicaSet;
  return { event: { type: 'replicaset/created', object: replicaSet } };
}

function validateNodeStatus(status: unknown): FieldError[] {
  const list = (status as Json | undefined)?.capacity;
  if (list === undefined || typeof list !== 'object' || list === null) return [];
  return Object.entries(list as Json)
    .filter(([, value]) => parseQuantity(value as string) === undefined)
    .map(([name, value]) => invalid(`status.capacity[${name}]`, value, 'must be a quantity'));
}

function validateNodeSpec(spec: unknown): FieldError[] {
  if (spec === undefined) return [];
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) return [invalid('spec', spec, 'must be an object')];
  const fields = spec as Json;
  const errors = validateTaints('spec.taints', fields.taints);
  if (fields.unschedulable !== undefined && typeof fields.unschedulable !== 'boolean') errors.push(invalid('spec.unschedulable', fields.unschedulable, 'must be true or false'));
  return errors;
}

function buildNode(object: KubeObject): Built {
  const errors = [...validateNodeSpec(object.spec), ...validateNodeStatus(object.status)];
  if (errors.length > 0) return { errors };
  const status = (object.status ?? {}) as Json;
  const capacity = (status.capacity ?? {}) as Node['status']['capacity'];
  const node = {
    ...object,
    spec: object.spec ?? {},
    status: { ...status, capacity, allocatable: status.allocatable ?? capacity, conditions: status.conditions ?? [] },
  } as Node;
  return { event: { type: 'node/joined', object: node } };
}

function buildNamespace(object: KubeObject): Built {
  const labels = { ...(object.metadata.labels ?? {}), 'kubernetes.io/metadata.name': object.metadata.name };
  const namespace = {
    ...object,
    metadata: { ...object.metadata, labels },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  } as Namespace;
  return { event: { type: 'namespace/created', object: namespace } };
}

export function buildForCreate(object: KubeObject): Built {
  switch (object.kind) {
    case 'Pod':
      return buildPod(object);
    case 'ReplicaSet':
      return buildReplicaSet(object);
    case 'Node':
      return buildNode(object);
    case 'Namespace':
      return buildNamespace(object);
    default:
      return { event: { type: 'object/created', object } };
  }
}

/** The fields an apply may change in metadata: labels, annotations and owner references. */
function mergedMetadata(current: KubeObject, desired: Json): KubeObject['metadata'] {
  const given = (desired.metadata ?? {}) as Json;
  return {
    ...current.metadata,
    ...(given.labels === undefined ? {} : { labels: given.labels as Record<string, string> }),
    ...(given.annotations === undefined ? {} : { annotations: given.annotations as Record<string, string> }),
    ...(given.ownerReferences === undefined ? {} : { ownerReferences: given.ownerReferences as KubeObject['metadata']['ownerReferences'] }),
  };
}

const POD_UPDATE_FORBIDDEN = 'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function updatePod(current: Pod, desired: Json): Built | undefined {
  const errors = validatePodSpec('spec', desired.spec);
  if (errors.length > 0) return { errors };
  const spec = { ...defaultPodForCreate(desired.spec as PodSpec), ...(current.spec.nodeName === undefined ? {} : { nodeName: current.spec.nodeName }) };
  if (!sameJson(spec, current.spec)) return { errors: [forbidden('spec', POD_UPDATE_FORBIDDEN)] };
  const next = { ...current, metadata: mergedMetadata(current, desired) };
  return sameJson(next.metadata, current.metadata) ? undefined : { event: { type: 'pod/updated', object: next } };
}

function updateReplicaSet(current: ReplicaSet, desired: Json): Built | undefined {
  const errors = validateReplicaSetSpec(desired.spec);
  if (errors.length > 0) return { errors };
  const spec = defaultReplicaSetSpec(desired.spec as Json);
  if (!sameJson(spec.selector, current.spec.selector)) return { errors: [invalid('spec.selector', spec.selector, 'field is immutable')] };
  const specChanged = !sameJson(spec, current.spec);
  const metadata = mergedMetadata(current, desired);
  if (!specChanged && sameJson(metadata, current.metadata)) return undefined;
  const generation = (current.metadata.generation ?? 1) + (specChanged ? 1 : 0);
  return { event: { type: 'replicaset/updated', object: { ...current, metadata: { ...metadata, generation }, spec } } };
}

function updateNode(current: Node, desired: Json): Built | undefined {
  const errors = validateNodeSpec(desired.spec);
  if (errors.length > 0) return { errors };
  const next = { ...current, metadata: mergedMetadata(current, desired), spec: { ...current.spec, ...((desired.spec ?? {}) as Json) } } as Node;
  return sameJson(next, current) ? undefined : { event: { type: 'node/updated', object: next } };
}

function updateOther(current: KubeObject, desired: Json): Built | undefined {
  const { metadata: _m, status: _s, ...fields } = desired;
  const next = { ...current, ...fields, metadata: mergedMetadata(current, desired) } as KubeObject;
  if (sameJson(next, current)) return undefined;
  const specChanged = canonicalJson(next.spec) !== canonicalJson(current.spec);
  const generation = current.metadata.generation === undefined ? undefined : current.metadata.generation + (specChanged ? 1 : 0);
  const object = generation === undefined ? next : { ...next, metadata: { ...next.metadata, generation } };
  if (current.kind === 'Namespace') return { event: { type: 'namespace/updated', object: object as Namespace } };
  return { event: { type: 'object/updated', object } };
}

/** The event an apply of `desired` onto `current` records; undefined when nothing would change. */
export function buildForUpdate(current: KubeObject, desired: Json): Built | undefined {
  switch (current.kind) {
    case 'Pod':
      return updatePod(current as Pod, desired);
    case 'ReplicaSet':
      return updateReplicaSet(current as ReplicaSet, desired);
    case 'Node':
      return updateNode(current as Node, desired);
    default:
      return updateOther(current, desired);
  }
}

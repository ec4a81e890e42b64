// ObjectMeta and the other meta/v1 types every kind shares (owner references, label selectors,
// conditions), and `object`, which gives a kind's root its apiVersion, kind and metadata.
// Field names and Go types as in upstream v1.34's types.go; see field-types.ts.

import { str, s, bool, int64, time, json, uid, list, map, struct, type FieldType, type StructType } from './field-types.ts';

export const OwnerReference = struct('OwnerReference', { apiVersion: str, kind: str, name: str, uid: uid, controller: bool, blockOwnerDeletion: bool });
export const ManagedFieldsEntry = struct('ManagedFieldsEntry', { manager: str, operation: s('ManagedFieldsOperationType'), apiVersion: str, time: time, fieldsType: str, fieldsV1: json('v1.FieldsV1'), subresource: str });
export const ObjectMeta = struct('ObjectMeta', {
  name: str, generateName: str, namespace: str, selfLink: str, uid: uid, resourceVersion: str, generation: int64, creationTimestamp: time,
  deletionTimestamp: time, deletionGracePeriodSeconds: int64, labels: map(str), annotations: map(str), ownerReferences: list(OwnerReference),
  finalizers: list(str), managedFields: list(ManagedFieldsEntry),
});
export const LabelSelectorRequirement = struct('LabelSelectorRequirement', { key: str, operator: s('LabelSelectorOperator'), values: list(str) });
export const LabelSelector = struct('LabelSelector', { matchLabels: map(str), matchExpressions: list(LabelSelectorRequirement) });
export const Condition = struct('Condition', { type: str, status: s('ConditionStatus'), observedGeneration: int64, lastTransitionTime: time, reason: str, message: str });

/** A kind's root: TypeMeta's apiVersion and kind, ObjectMeta, then the kind's own fields. */
export function object(kind: string, fields: Record<string, FieldType>, pkg = 'v1'): StructType {
  return struct(kind, { kind: str, apiVersion: str, metadata: ObjectMeta, ...fields }, pkg);
}

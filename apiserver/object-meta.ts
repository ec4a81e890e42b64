// ObjectMeta validation as upstream's ValidateObjectMeta and ValidateObjectMetaUpdate run it
// (apimachinery's api/validation, with core's finalizer-name rule): names, namespace, labels,
// annotations, owner references, finalizers and managed fields, with upstream's paths and words.
// The decoder has already checked every field's JSON type; these are the rules on the values.

import type { ObjectMeta, OwnerReference } from '../core/objects.ts';
import type { KindDefinition } from '../kinds/registry.ts';
import { type FieldError, forbidden, goValue, invalid, required, validateLabels } from '../kinds/validation/field-errors.ts';
import { dns1123LabelErrors, dns1123SubdomainErrors, qualifiedNameErrors } from '../kinds/validation/names.ts';

const TOTAL_ANNOTATION_SIZE_LIMIT_BYTES = 256 * 1024;
const FIELD_MANAGER_MAX_LENGTH = 128;
const SUBRESOURCE_MAX_LENGTH = 256;
/** Finalizers core/v1 knows without a domain; any other needs one ("example.com/cleanup"). */
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

const tooLong = (path: string, bytes: number): FieldError => ({ path, text: `Too long: may not be more than ${bytes} bytes` });

/** NameIsDNSSubdomain or NameIsDNSLabel; a generateName prefix may end in a dash (maskTrailingDash). */
export function nameErrors(definition: KindDefinition, name: string, prefix: boolean): string[] {
  const masked = prefix && name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
  return definition.nameIsLabel === true ? dns1123LabelErrors(masked) : dns1123SubdomainErrors(masked);
}

function validateAnnotations(annotations: Readonly<Record<string, string>> | undefined): FieldError[] {
  if (annotations === undefined) return [];
  const path = 'metadata.annotations';
  // The rule is a qualified name, except that case does not matter.
  const errors = Object.keys(annotations).flatMap((key) => qualifiedNameErrors(key.toLowerCase()).map((message) => invalid(path, key, message)));
  const size = Object.entries(annotations).reduce((total, [key, value]) => total + Buffer.byteLength(key) + Buffer.byteLength(value), 0);
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) errors.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_BYTES));
  return errors;
}

/** An owner reference as Go's JSON encoding writes it, fields in the struct's order. */
function ownerJson(reference: OwnerReference): Record<string, unknown> {
  const { apiVersion, kind, name, uid, controller, blockOwnerDeletion } = reference;
  return { apiVersion, kind, name, uid, ...(controller === undefined ? {} : { controller }), ...(blockOwnerDeletion === undefined ? {} : { blockOwnerDeletion }) };
}

/** schema.ParseGroupVersion's version: "v1", "apps/v1"; anything else has none. */
function versionOf(apiVersion: string): string {
  const parts = apiVersion.split('/');
  if (parts.length === 1) return parts[0] as string;
  return parts.length === 2 ? (parts[1] as string) : '';
}

function validateOwnerReferences(references: readonly OwnerReference[] | undefined): FieldError[] {
  const path = 'metadata.ownerReferences';
  const errors: FieldError[] = [];
  let firstController: string | undefined;
  for (const reference of references ?? []) {
    const { apiVersion = '', kind = '', name = '', uid = '' } = reference;
    if (versionOf(apiVersion) === '') errors.push(invalid(`${path}.apiVersion`, apiVersion, 'version must not be empty'));
    if (kind === '') errors.push(invalid(`${path}.kind`, kind, 'must not be empty'));
    if (name === '') errors.push(invalid(`${path}.name`, name, 'must not be empty'));
    if (uid === '') errors.push(invalid(`${path}.uid`, uid, 'must not be empty'));
    if (apiVersion === 'v1' && kind === 'Event') errors.push(invalid(path, ownerJson(reference), '/v1, Kind=Event is disallowed from being an owner'));
    if (reference.controller !== true) continue;
    const controller = `${kind}/${name}`;
    if (firstController === undefined) firstController = controller;
    else {
      const detail = `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${controller}`;
      errors.push(invalid(path, (references ?? []).map(ownerJson), detail));
    }
  }
  return errors;
}

/** ValidateFinalizers, on creation only: qualified names, and not both propagation finalizers. */
function validateFinalizers(finalizers: readonly string[] | undefined): FieldError[] {
  const path = 'metadata.finalizers';
  const list = finalizers ?? [];
  const errors = list.flatMap((finalizer) => qualifiedNameErrors(finalizer).map((message) => invalid(path, finalizer, message)));
  if (list.includes('orphan') && list.includes('foregroundDeletion')) errors.push(invalid(path, list, 'finalizer orphan and foregroundDeletion cannot be both set'));
  return errors;
}

/** Core's validateKubeFinalizerName, on creation and updates: a finalizer without a domain must be a standard one. */
function kubeFinalizerNameErrors(finalizers: readonly string[] | undefined): FieldError[] {
  return (finalizers ?? []).flatMap((finalizer, index) =>
    finalizer.includes('/') || STANDARD_FINALIZERS.has(finalizer) ? [] : [invalid(`metadata.finalizers[${index}]`, finalizer, 'name is neither a standard finalizer name nor is it fully qualified')],
  );
}

interface ManagedFieldsEntry {
  readonly manager?: string;
  readonly operation?: string;
  readonly fieldsType?: string;
  readonly subresource?: string;
}

function validateManagedFields(entries: readonly ManagedFieldsEntry[] | undefined): FieldError[] {
  return (entries ?? []).flatMap((entry, index) => {
    const path = `metadata.managedFields[${index}]`;
    const errors: FieldError[] = [];
    if (entry.operation !== 'Apply' && entry.operation !== 'Update') errors.push(invalid(`${path}.operation`, entry.operation ?? '', 'must be `Apply` or `Update`'));
    if ((entry.fieldsType ?? '') !== '' && entry.fieldsType !== 'FieldsV1') errors.push(invalid(`${path}.fieldsType`, entry.fieldsType, 'must be `FieldsV1`'));
    const manager = entry.manager ?? '';
    if (manager.length > FIELD_MANAGER_MAX_LENGTH) errors.push(tooLong(`${path}.manager`, FIELD_MANAGER_MAX_LENGTH));
    [...manager].forEach((char, at) => {
      // Go's unicode.IsPrint, near enough: no control characters.
      if (/\p{C}/u.test(char)) errors.push(invalid(`${path}.manager`, manager, `invalid character U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} (at position ${at})`));
    });
    if ((entry.subresource ?? '').length > SUBRESOURCE_MAX_LENGTH) errors.push(tooLong(`${path}.subresource`, SUBRESOURCE_MAX_LENGTH));
    return errors;
  });
}

type Metadata = Partial<ObjectMeta> & { readonly managedFields?: readonly ManagedFieldsEntry[] };

/** The checks creation and updates share, in upstream's order. */
function commonErrors(metadata: Metadata): FieldError[] {
  return [...validateLabels('metadata.labels', metadata.labels), ...validateAnnotations(metadata.annotations), ...validateOwnerReferences(metadata.ownerReferences)];
}

/** ValidateObjectMeta on creation: the name already chosen (generateName applied), the namespace defaulted. */
export function validateObjectMetaCreate(definition: KindDefinition, metadata: Metadata): FieldError[] {
  const errors: FieldError[] = [];
  const { generateName = '', name = '', namespace, generation } = metadata;
  if (generateName !== '') errors.push(...nameErrors(definition, generateName, true).map((message) => invalid('metadata.generateName', generateName, message)));
  if (name === '') errors.push(required('metadata.name', 'name or generateName is required'));
  else errors.push(...nameErrors(definition, name, false).map((message) => invalid('metadata.name', name, message)));
  if (definition.namespaced && namespace !== undefined) errors.push(...dns1123LabelErrors(namespace).map((message) => invalid('metadata.namespace', namespace, message)));
  if (generation !== undefined && generation < 0) errors.push(invalid('metadata.generation', generation, 'must be greater than or equal to 0'));
  return [
    ...errors,
    ...commonErrors(metadata),
    ...validateFinalizers(metadata.finalizers),
    ...validateManagedFields(metadata.managedFields),
    ...kubeFinalizerNameErrors(metadata.finalizers),
  ];
}

/**
 * The system fields a client sent with an update: the server keeps its own, except that a deletion
 * timestamp or grace period (or a uid) the object does not have is a change of an immutable field,
 * which BeforeUpdate leaves for ValidateObjectMetaUpdate to refuse.
 */
export function immutableMetadataErrors(given: Readonly<Record<string, unknown>>, current: ObjectMeta): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof given.uid === 'string' && given.uid !== '' && given.uid !== current.uid) errors.push(invalid('metadata.uid', given.uid, 'field is immutable'));
  if (current.deletionTimestamp === undefined && given.deletionTimestamp !== undefined && given.deletionTimestamp !== null) {
    errors.push(invalid('metadata.deletionTimestamp', given.deletionTimestamp, 'field is immutable'));
  }
  if (current.deletionGracePeriodSeconds === undefined && typeof given.deletionGracePeriodSeconds === 'number') {
    errors.push(invalid('metadata.deletionGracePeriodSeconds', given.deletionGracePeriodSeconds, 'field is immutable'));
  }
  return errors;
}

/** ValidateObjectMetaUpdate: what may change, and no new finalizer on an object being deleted. */
export function validateObjectMetaUpdate(next: Metadata, current: ObjectMeta): FieldError[] {
  const errors: FieldError[] = [];
  if (current.deletionTimestamp !== undefined) {
    const added = [...new Set(next.finalizers ?? [])].filter((finalizer) => !(current.finalizers ?? []).includes(finalizer)).sort();
    if (added.length > 0) errors.push(forbidden('metadata.finalizers', `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map(goValue).join(', ')}}`));
  }
  return [...errors, ...commonErrors(next), ...validateManagedFields(next.managedFields), ...kubeFinalizerNameErrors(next.finalizers)];
}

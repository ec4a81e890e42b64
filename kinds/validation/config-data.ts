// Validation shared by ConfigMaps and Secrets (ValidateConfigMap, ValidateSecret and their update
// checks in pkg/apis/core/validation): every data key a valid config key, no key in both data and
// binaryData, and nothing changed once `immutable` is set.

import { sameJson } from '../../core/canonical-json.ts';
import { type FieldError, forbidden, invalid } from './field-errors.ts';
import { regexError } from './names.ts';

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const MAX_KEY_LENGTH = 253;

/** validation.IsConfigMapKey. */
export function configKeyErrors(key: string): string[] {
  const errors: string[] = [];
  if (key.length > MAX_KEY_LENGTH) errors.push(`must be no more than ${MAX_KEY_LENGTH} characters`);
  if (!CONFIG_KEY.test(key)) errors.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", '[-._a-zA-Z0-9]+', 'key.name', 'KEY_NAME', 'key-name'));
  // hasChDirPrefix: a key is a file name in a volume; it may not climb out of it.
  if (key === '.') errors.push("must not be '.'");
  else if (key === '..') errors.push("must not be '..'");
  else if (key.startsWith('..')) errors.push("must not start with '..'");
  return errors;
}

export function validateDataKeys(field: string, data: Readonly<Record<string, unknown>> | undefined): FieldError[] {
  return Object.keys(data ?? {})
    .sort()
    .flatMap((key) => configKeyErrors(key).map((message) => invalid(`${field}[${key}]`, key, message)));
}

/** An immutable ConfigMap or Secret keeps its data (and its immutability) for good. */
export function immutableDataErrors(next: Readonly<Record<string, unknown>>, current: Readonly<Record<string, unknown>>, fields: readonly string[]): FieldError[] {
  if (current.immutable !== true) return [];
  const errors: FieldError[] = [];
  if (next.immutable !== true) errors.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
  for (const field of fields) {
    if (!sameJson(next[field] ?? {}, current[field] ?? {})) errors.push(forbidden(field, 'field is immutable when `immutable` is set'));
  }
  return errors;
}

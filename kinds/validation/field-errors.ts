// Field errors in the words of apimachinery's field.Error, so rejections read as the API server's:
// "spec.replicas: Invalid value: -1: must be greater than or equal to 0".

import { dns1123LabelErrors, dns1123SubdomainErrors, labelValueErrors, qualifiedNameErrors } from './names.ts';

export interface FieldError {
  readonly path: string;
  readonly text: string;
}

/**
 * A value as upstream's field errors print it (v1.34): strings quoted, numbers and booleans bare,
 * anything else as JSON, maps of strings with their keys sorted as Go's encoder sorts them.
 */
export function goValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (!Array.isArray(value) && typeof value === 'object' && Object.values(value).every((v) => typeof v === 'string')) {
    const entries = Object.entries(value as Record<string, string>).sort(([a], [b]) => (a < b ? -1 : 1));
    return JSON.stringify(Object.fromEntries(entries));
  }
  return JSON.stringify(value);
}

/** The API's int32 fields: upstream refuses a larger number while decoding the request. */
export const MAX_INT32 = 2_147_483_647;

/** True when the value is one of the allowed strings; never coerces (junk may not even print). */
export function isOneOf(value: unknown, allowed: readonly string[]): boolean {
  return typeof value === 'string' && allowed.includes(value);
}

export const required = (path: string, detail = ''): FieldError => ({ path, text: detail === '' ? 'Required value' : `Required value: ${detail}` });

export const invalid = (path: string, value: unknown, detail: string): FieldError => ({
  path,
  text: `Invalid value: ${goValue(value)}: ${detail}`,
});

export const unsupported = (path: string, value: unknown, supported: readonly string[]): FieldError => ({
  path,
  text: `Unsupported value: ${goValue(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
});

export const duplicate = (path: string, value: unknown): FieldError => ({ path, text: `Duplicate value: ${goValue(value)}` });

export const forbidden = (path: string, detail: string): FieldError => ({ path, text: `Forbidden: ${detail}` });

export function formatFieldError(error: FieldError): string {
  return `${error.path}: ${error.text}`;
}

/** One error alone, several in brackets, as errors.NewInvalid aggregates them. */
export function aggregate(errors: readonly FieldError[]): string {
  const texts = errors.map(formatFieldError);
  return texts.length === 1 ? (texts[0] as string) : `[${texts.join(', ')}]`;
}

export function validateDns1123Subdomain(path: string, value: string): FieldError[] {
  return dns1123SubdomainErrors(value).map((message) => invalid(path, value, message));
}

export function validateDns1123Label(path: string, value: string): FieldError[] {
  return dns1123LabelErrors(value).map((message) => invalid(path, value, message));
}

/** ValidateLabels: each key a qualified name, each value a label value; errors name the map, as upstream's do. */
export function validateLabels(path: string, labels: unknown): FieldError[] {
  if (labels === undefined) return [];
  if (labels === null || typeof labels !== 'object' || Array.isArray(labels)) return [invalid(path, labels, 'must be a map of strings')];
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(labels)) {
    errors.push(...qualifiedNameErrors(key).map((message) => invalid(path, key, message)));
    if (typeof value !== 'string') errors.push(invalid(`${path}.${key}`, value, 'must be a string'));
    else errors.push(...labelValueErrors(value).map((message) => invalid(path, value, message)));
  }
  return errors;
}

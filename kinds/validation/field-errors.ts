// Field errors in the words of apimachinery's field.Error, so rejections read as the API server's:
// "spec.replicas: Invalid value: -1: must be greater than or equal to 0".

export interface FieldError {
  readonly path: string;
  readonly text: string;
}

/** Go's %#v of the values that appear in upstream messages: strings quoted, maps as map[string]string{...}. */
export function goValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (!Array.isArray(value) && typeof value === 'object' && Object.values(value).every((v) => typeof v === 'string')) {
    const entries = Object.entries(value as Record<string, string>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `map[string]string{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(', ')}}`;
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

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function validateDns1123Subdomain(path: string, value: string): FieldError[] {
  if (value.length > 253) return [invalid(path, value, 'must be no more than 253 characters')];
  if (DNS1123_SUBDOMAIN.test(value)) return [];
  return [
    invalid(
      path,
      value,
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ),
  ];
}

export function validateDns1123Label(path: string, value: string): FieldError[] {
  if (value.length > 63) return [invalid(path, value, 'must be no more than 63 characters')];
  if (DNS1123_LABEL.test(value)) return [];
  return [
    invalid(
      path,
      value,
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ),
  ];
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

export function validateLabels(path: string, labels: unknown): FieldError[] {
  if (labels === undefined) return [];
  if (labels === null || typeof labels !== 'object' || Array.isArray(labels)) return [invalid(path, labels, 'must be a map of strings')];
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(labels)) {
    const name = key.includes('/') ? key.slice(key.indexOf('/') + 1) : key;
    if (name.length === 0 || name.length > 63 || !QUALIFIED_NAME.test(name)) {
      errors.push(invalid(path, key, "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"));
    }
    if (typeof value !== 'string') errors.push(invalid(`${path}.${key}`, value, 'must be a string'));
    else if (value.length > 63 || !LABEL_VALUE.test(value)) {
      errors.push(invalid(path, value, "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"));
    }
  }
  return errors;
}

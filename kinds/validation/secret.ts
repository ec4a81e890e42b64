// A Secret as the API server stores it: stringData merged into data (the v1 conversion, each
// value base64-encoded, stringData winning), type Opaque by default (SetDefaults_Secret), and
// ValidateSecret's checks: config keys, and the keys each built-in type requires.

import type { Secret } from '../../core/config-objects.ts';
import { withFields } from '../../core/with-fields.ts';
import { type FieldError, required } from './field-errors.ts';
import { validateDataKeys } from './config-data.ts';

export const SECRET_TYPE_OPAQUE = 'Opaque';

/** Keys a Secret of a built-in type must carry in data. */
const REQUIRED_KEYS: Readonly<Record<string, readonly string[]>> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
};

function sortedRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.keys(record).sort().map((key) => [key, record[key] as string]));
}

/** The Secret as stored: data with stringData merged in (keys sorted, as Go writes a map), type defaulted. */
export function defaultSecret(secret: Secret): Secret {
  const { stringData, ...rest } = secret;
  const merged: Record<string, string> = { ...(secret.data ?? {}) };
  for (const [key, value] of Object.entries(stringData ?? {})) merged[key] = Buffer.from(value, 'utf8').toString('base64');
  const data = stringData === undefined ? secret.data : sortedRecord(merged);
  const type = secret.type === undefined || secret.type === '' ? SECRET_TYPE_OPAQUE : secret.type;
  return withFields(rest, data === undefined ? {} : { data }, { type }) as Secret;
}

function typeErrors(secret: Secret): FieldError[] {
  const data = secret.data ?? {};
  const type = secret.type ?? SECRET_TYPE_OPAQUE;
  if (type === 'kubernetes.io/service-account-token') {
    const annotation = secret.metadata.annotations?.['kubernetes.io/service-account.name'];
    return annotation === undefined || annotation === '' ? [required("metadata.annotations[kubernetes.io/service-account.name]")] : [];
  }
  if (type === 'kubernetes.io/basic-auth') {
    return data.username === undefined && data.password === undefined ? [required('data[username]'), required('data[password]')] : [];
  }
  return (REQUIRED_KEYS[type] ?? []).filter((key) => data[key] === undefined).map((key) => required(`data[${key}]`));
}

export function validateSecret(secret: Secret): FieldError[] {
  return [...validateDataKeys('data', secret.data), ...typeErrors(secret)];
}

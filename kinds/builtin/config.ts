// ConfigMaps, Secrets and ServiceAccounts (core/v1). ConfigMaps and Secrets are validated as
// upstream's strategies do (config keys, immutability; a Secret's stringData merged into data and
// its type defaulted); the kubelet hands them to containers. ServiceAccounts are made by the
// ServiceAccount controller and checked by admission when a pod names one; their token and image
// pull secrets are stored only.

import type { ConfigMap, Secret, ServiceAccount } from '../../core/config-objects.ts';
import { sameJson } from '../../core/canonical-json.ts';
import { withFields } from '../../core/with-fields.ts';
import type { KindDefinition } from '../definition.ts';
import { describeConfigMap, describeSecret, describeServiceAccount } from '../describe/config.ts';
import { configMapHeaders, configMapRow, secretHeaders, secretRow, serviceAccountHeaders, serviceAccountRow } from '../printers/config.ts';
import { CONFIG_MAP_FIELDS, SECRET_FIELDS, SERVICE_ACCOUNT_FIELDS } from '../schema/config.ts';
import { immutableDataErrors, validateDataKeys } from '../validation/config-data.ts';
import { type FieldError, invalid } from '../validation/field-errors.ts';
import { defaultSecret, validateSecret } from '../validation/secret.ts';

function validateConfigMap(configMap: ConfigMap): FieldError[] {
  const duplicates = Object.keys(configMap.binaryData ?? {})
    .filter((key) => configMap.data?.[key] !== undefined)
    .sort()
    .map((key) => invalid(`binaryData[${key}]`, key, 'duplicate of key present in data'));
  return [...validateDataKeys('data', configMap.data), ...validateDataKeys('binaryData', configMap.binaryData), ...duplicates];
}

const asRecord = (object: ConfigMap | Secret): Readonly<Record<string, unknown>> => object as unknown as Readonly<Record<string, unknown>>;

export const CONFIG_MAP: KindDefinition<ConfigMap> = {
  kind: 'ConfigMap',
  group: '',
  version: 'v1',
  namespaced: true,
  generation: false,
  statusSubresource: false,
  scale: false,
  defaultPropagation: 'Background',
  plural: 'configmaps',
  shortNames: ['cm'],
  fields: CONFIG_MAP_FIELDS,
  prepareForCreate(configMap) {
    const errors = validateConfigMap(configMap);
    return errors.length > 0 ? { errors } : { object: configMap };
  },
  prepareForUpdate(next, current) {
    const errors = [...validateConfigMap(next), ...immutableDataErrors(asRecord(next), asRecord(current), ['data', 'binaryData'])];
    return errors.length > 0 ? { errors } : { object: next };
  },
  printer: { headers: configMapHeaders, row: (configMap, _wide, { nowMs }) => configMapRow(configMap, nowMs) },
  describe: (w, configMap) => describeConfigMap(w, configMap),
};

export const SECRET: KindDefinition<Secret> = {
  kind: 'Secret',
  group: '',
  version: 'v1',
  namespaced: true,
  generation: false,
  statusSubresource: false,
  scale: false,
  defaultPropagation: 'Background',
  plural: 'secrets',
  shortNames: [],
  fields: SECRET_FIELDS,
  prepareForCreate(given) {
    const secret = defaultSecret(given);
    const errors = validateSecret(secret);
    return errors.length > 0 ? { errors } : { object: secret };
  },
  prepareForUpdate(given, current) {
    // ValidateSecretUpdate: an update that gives no type keeps the stored one, which may not change.
    const secret = defaultSecret(given.type === undefined || given.type === '' ? withFields(given, { type: current.type }) : given);
    const typeChanged = sameJson(secret.type, current.type) ? [] : [invalid('type', secret.type, 'field is immutable')];
    const errors = [...validateSecret(secret), ...typeChanged, ...immutableDataErrors(asRecord(secret), asRecord(current), ['data'])];
    return errors.length > 0 ? { errors } : { object: secret };
  },
  printer: { headers: secretHeaders, row: (secret, _wide, { nowMs }) => secretRow(secret, nowMs) },
  describe: (w, secret) => describeSecret(w, secret),
};

export const SERVICE_ACCOUNT: KindDefinition<ServiceAccount> = {
  kind: 'ServiceAccount',
  group: '',
  version: 'v1',
  namespaced: true,
  generation: false,
  statusSubresource: false,
  scale: false,
  defaultPropagation: 'Background',
  plural: 'serviceaccounts',
  shortNames: ['sa'],
  fields: SERVICE_ACCOUNT_FIELDS,
  prepareForCreate: (account) => ({ object: account }),
  prepareForUpdate: (next) => ({ object: next }),
  printer: { headers: serviceAccountHeaders, row: (account, _wide, { nowMs }) => serviceAccountRow(account, nowMs) },
  describe: (w, account, { state }) => describeServiceAccount(w, account, state),
  warnings(account) {
    const warnings: string[] = [];
    if ((account.imagePullSecrets ?? []).length > 0) warnings.push('imagePullSecrets: image pulls need no credentials in ksim');
    if (account.automountServiceAccountToken !== undefined) warnings.push('automountServiceAccountToken: no token volume is mounted into pods in ksim');
    return warnings;
  },
};

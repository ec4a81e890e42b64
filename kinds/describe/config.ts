// `kubectl describe` for ServiceAccounts, ConfigMaps and Secrets (describe.go of kubectl v0.34):
// a Secret shows each key's size, never its value (but a service account token's); a ConfigMap
// shows its values; an account its image pull, mountable and token secrets, a listed secret that
// does not exist marked "(not found)".

import type { ConfigMap, Secret, ServiceAccount } from '../../core/config-objects.ts';
import { listObjects, lookupObject } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import type { DescribeWriter } from './describe-writer.ts';
import { annotationsMultiline, labelsMultiline } from './fields.ts';

function heading(w: DescribeWriter, object: ConfigMap | Secret | ServiceAccount): void {
  w.line(0, `Name:\t${object.metadata.name}`);
  w.line(0, `Namespace:\t${object.metadata.namespace ?? ''}`);
  labelsMultiline(w, 'Labels', object.metadata.labels);
  annotationsMultiline(w, 'Annotations', object.metadata.annotations);
}

const sortedKeys = (record: Readonly<Record<string, string>> | undefined): string[] => Object.keys(record ?? {}).sort();

const byteLength = (base64: string): number => Buffer.from(base64, 'base64').length;

export function describeSecret(w: DescribeWriter, secret: Secret): void {
  heading(w, secret);
  w.line(0, '');
  w.line(0, `Type:\t${secret.type ?? ''}`);
  w.line(0, '');
  w.line(0, 'Data');
  w.line(0, '====');
  for (const key of sortedKeys(secret.data)) {
    const value = secret.data?.[key] ?? '';
    const shown = key === 'token' && secret.type === 'kubernetes.io/service-account-token' ? Buffer.from(value, 'base64').toString('utf8') : `${byteLength(value)} bytes`;
    w.line(0, `${key}:\t${shown}`);
  }
}

export function describeConfigMap(w: DescribeWriter, configMap: ConfigMap): void {
  heading(w, configMap);
  w.line(0, '');
  w.line(0, 'Data');
  w.line(0, '====');
  for (const key of sortedKeys(configMap.data)) {
    w.line(0, `${key}:`);
    w.line(0, '----');
    w.line(0, configMap.data?.[key] ?? '');
    w.line(0, '');
  }
  w.line(0, '');
  w.line(0, 'BinaryData');
  w.line(0, '====');
  for (const key of sortedKeys(configMap.binaryData)) w.line(0, `${key}: ${byteLength(configMap.binaryData?.[key] ?? '')} bytes`);
  w.line(0, '');
}

/** The token Secrets of an account: type service-account-token, annotated with its name. */
function tokenSecrets(state: ClusterState, account: ServiceAccount): string[] {
  return listObjects<Secret>(state, 'Secret', account.metadata.namespace ?? 'default')
    .filter((secret) => secret.type === 'kubernetes.io/service-account-token' && secret.metadata.annotations?.['kubernetes.io/service-account.name'] === account.metadata.name)
    .map((secret) => secret.metadata.name);
}

function secretList(w: DescribeWriter, header: string, names: readonly string[], missing: (name: string) => boolean): void {
  if (names.length === 0) {
    w.line(0, `${header}\t<none>`);
    return;
  }
  names.forEach((name, index) => w.line(0, `${index === 0 ? header : ' '.repeat(19)}\t${name}${missing(name) ? ' (not found)' : ''}`));
}

export function describeServiceAccount(w: DescribeWriter, account: ServiceAccount, state: ClusterState): void {
  heading(w, account);
  const namespace = account.metadata.namespace ?? 'default';
  const missing = (name: string): boolean => lookupObject(state, 'Secret', namespace, name) === undefined;
  const names = (refs: readonly { readonly name?: string }[] | undefined): string[] => (refs ?? []).map((ref) => ref.name ?? '');
  secretList(w, 'Image pull secrets:', names(account.imagePullSecrets), missing);
  secretList(w, 'Mountable secrets: ', names(account.secrets), missing);
  secretList(w, 'Tokens:            ', tokenSecrets(state, account), () => false);
}

// `kubectl get` columns of the configuration kinds (printers.go printServiceAccount,
// printConfigMap, printSecret): SECRETS counts an account's listed secrets, DATA the keys of a
// ConfigMap (data and binaryData) or a Secret.

import type { ConfigMap, Secret, ServiceAccount } from '../../core/config-objects.ts';
import { ageSince } from './time.ts';

const count = (record: Readonly<Record<string, unknown>> | undefined): number => Object.keys(record ?? {}).length;

export const serviceAccountHeaders = (): string[] => ['NAME', 'SECRETS', 'AGE'];

export function serviceAccountRow(account: ServiceAccount, nowMs: number): string[] {
  return [account.metadata.name, String((account.secrets ?? []).length), ageSince(account.metadata.creationTimestamp, nowMs)];
}

export const configMapHeaders = (): string[] => ['NAME', 'DATA', 'AGE'];

export function configMapRow(configMap: ConfigMap, nowMs: number): string[] {
  return [configMap.metadata.name, String(count(configMap.data) + count(configMap.binaryData)), ageSince(configMap.metadata.creationTimestamp, nowMs)];
}

export const secretHeaders = (): string[] => ['NAME', 'TYPE', 'DATA', 'AGE'];

export function secretRow(secret: Secret, nowMs: number): string[] {
  return [secret.metadata.name, secret.type ?? '', String(count(secret.data)), ageSince(secret.metadata.creationTimestamp, nowMs)];
}

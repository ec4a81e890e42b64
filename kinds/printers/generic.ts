// Namespaces print NAME STATUS AGE (printers.go printNamespace); every other kind prints the
// server's default table for an object it has no printer for: NAME AGE.

import type { KubeObject, Namespace } from '../../core/objects.ts';
import { ageSince } from './time.ts';

export function namespaceHeaders(): string[] {
  return ['NAME', 'STATUS', 'AGE'];
}

export function namespaceRow(namespace: Namespace, nowMs: number): string[] {
  return [
    namespace.metadata.name,
    namespace.status?.phase ?? '',
    ageSince(namespace.metadata.creationTimestamp, nowMs),
  ];
}

export function genericHeaders(): string[] {
  return ['NAME', 'AGE'];
}

export function genericRow(object: KubeObject, nowMs: number): string[] {
  return [object.metadata.name, ageSince(object.metadata.creationTimestamp, nowMs)];
}

// `kubectl get replicasets`: NAME DESIRED CURRENT READY AGE, and with -o wide CONTAINERS IMAGES
// SELECTOR (printers.go printReplicaSet and layoutContainerCells).

import { formatSelector } from '../../core/labels.ts';
import type { Container, ReplicaSet } from '../../core/objects.ts';
import { ageSince } from './time.ts';

export function replicaSetHeaders(wide: boolean): string[] {
  const headers = ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'];
  return wide ? [...headers, 'CONTAINERS', 'IMAGES', 'SELECTOR'] : headers;
}

/** Container names and images, each joined with commas. */
export function containerCells(containers: readonly Container[]): [string, string] {
  return [
    containers.map((container) => container.name).join(','),
    containers.map((container) => container.image).join(','),
  ];
}

export function replicaSetRow(replicaSet: ReplicaSet, nowMs: number, wide: boolean): string[] {
  const row = [
    replicaSet.metadata.name,
    String(replicaSet.spec.replicas),
    String(replicaSet.status.replicas),
    String(replicaSet.status.readyReplicas ?? 0),
    ageSince(replicaSet.metadata.creationTimestamp, nowMs),
  ];
  if (!wide) return row;
  return [
    ...row,
    ...containerCells(replicaSet.spec.template.spec.containers),
    formatSelector(replicaSet.spec.selector),
  ];
}

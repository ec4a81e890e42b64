// `kubectl get nodes`: NAME STATUS ROLES AGE VERSION, and with -o wide INTERNAL-IP EXTERNAL-IP
// OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME (printers.go printNode, findNodeRoles).

import type { Node } from '../../core/objects.ts';
import { findCondition } from '../../core/objects.ts';
import { compareStrings } from '../../core/table.ts';
import { ageSince } from './time.ts';

const ROLE_PREFIX = 'node-role.kubernetes.io/';
const ROLE_LABEL = 'kubernetes.io/role';

export function nodeHeaders(wide: boolean): string[] {
  const headers = ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'];
  return wide
    ? [...headers, 'INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME']
    : headers;
}

/** "Ready", "NotReady" or "Unknown" from the Ready condition, then ",SchedulingDisabled" when cordoned. */
export function nodeStatus(node: Node): string {
  const ready = findCondition(node.status.conditions, 'Ready');
  const status = [ready === undefined ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady'];
  if (node.spec.unschedulable === true) status.push('SchedulingDisabled');
  return status.join(',');
}

/** Roles from node-role.kubernetes.io/<role> labels and the older kubernetes.io/role label, sorted. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith(ROLE_PREFIX) && key.length > ROLE_PREFIX.length)
      roles.add(key.slice(ROLE_PREFIX.length));
    else if (key === ROLE_LABEL && value !== '') roles.add(value);
  }
  return [...roles].sort(compareStrings);
}

function address(node: Node, type: string): string {
  return node.status.addresses?.find((entry) => entry.type === type)?.address ?? '<none>';
}

function infoOrUnknown(node: Node, field: string): string {
  const value = node.status.nodeInfo?.[field];
  return value === undefined || value === '' ? '<unknown>' : value;
}

export function nodeRow(node: Node, nowMs: number, wide: boolean): string[] {
  const roles = nodeRoles(node);
  const row = [
    node.metadata.name,
    nodeStatus(node),
    roles.length === 0 ? '<none>' : roles.join(','),
    ageSince(node.metadata.creationTimestamp, nowMs),
    node.status.nodeInfo?.kubeletVersion ?? '',
  ];
  if (!wide) return row;
  const info = ['osImage', 'kernelVersion', 'containerRuntimeVersion'].map((field) =>
    infoOrUnknown(node, field),
  );
  return [...row, address(node, 'InternalIP'), address(node, 'ExternalIP'), ...info];
}

// The kubelet's names: its work-queue keys, "pod:<namespace>/<name>" for a pod and "node:<name>"
// for a node's status heartbeat, and the actor each node's kubelet signs its requests with.

import { objectKey } from '../../core/objects.ts';

const POD_PREFIX = 'pod:';
const NODE_PREFIX = 'node:';

export function podKey(namespace: string | undefined, name: string): string {
  return `${POD_PREFIX}${objectKey(namespace, name)}`;
}

/** The key for a pod named by its pods-table key, "namespace/name". */
export function podKeyOf(tableKey: string): string {
  return `${POD_PREFIX}${tableKey}`;
}

export function nodeKey(name: string): string {
  return `${NODE_PREFIX}${name}`;
}

export type ParsedKey = { readonly kind: 'pod' | 'node'; readonly name: string };

/** The pods-table key ("namespace/name") or node name a key names; undefined for a key not ours. */
export function parseKey(key: string): ParsedKey | undefined {
  if (key.startsWith(POD_PREFIX)) return { kind: 'pod', name: key.slice(POD_PREFIX.length) };
  if (key.startsWith(NODE_PREFIX)) return { kind: 'node', name: key.slice(NODE_PREFIX.length) };
  return undefined;
}

export function kubeletActor(nodeName: string): string {
  return `kubelet/${nodeName}`;
}

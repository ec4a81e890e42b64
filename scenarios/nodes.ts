// Scenario node groups become Node manifests, registered by each node's kubelet at time zero,
// with the labels, addresses and pod CIDR a real cluster would give them.
//
// The cluster is addressed as one sized for Kubernetes' 5,000-node limit would be: nodes on
// 10.0.0.0/16, and a 10.128.0.0/10 cluster CIDR cut into one /24 per node (room for 16,384
// nodes, 253 pod addresses each), handed out in order as kube-controller-manager's node IPAM
// does. It stays clear of kubeadm's default service range, 10.96.0.0/12.

import type { NodeGroupSpec } from './codecs.ts';

/** The Kubernetes version ksim's nodes report; behaviour follows this release. */
export const KUBELET_VERSION = 'v1.34.0';

const NODE_NETWORK = ipv4(10, 0, 0, 0);
const CLUSTER_CIDR = ipv4(10, 128, 0, 0);
/** The /24s a /10 holds: 2^(24-10). */
export const MAX_NODES = 2 ** 14;

function ipv4(a: number, b: number, c: number, d: number): number {
  return ((a * 256 + b) * 256 + c) * 256 + d;
}

function formatIPv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** The index-th node's /24 of the cluster CIDR. */
export function podCIDROf(index: number): string {
  return `${formatIPv4(CLUSTER_CIDR + index * 256)}/24`;
}

/** The index-th node's address on the node network (the first two are the network's and the gateway's). */
export function internalIPOf(index: number): string {
  return formatIPv4(NODE_NETWORK + 2 + index);
}

export interface NodeManifest {
  readonly name: string;
  readonly manifest: Record<string, unknown>;
}

function namesOf(group: NodeGroupSpec): string[] {
  if ('name' in group) return [group.name];
  return Array.from({ length: group.count }, (_, index) => `${group.namePrefix}${index + 1}`);
}

function nodeManifest(group: NodeGroupSpec, name: string, index: number): Record<string, unknown> {
  const capacity = { ...group.capacity, pods: String(group.capacity.pods ?? 110) };
  const allocatable = group.allocatable ? { ...group.allocatable, pods: String(group.allocatable.pods ?? capacity.pods) } : capacity;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: { 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', ...(group.labels ?? {}) },
    },
    spec: {
      podCIDR: podCIDROf(index),
      ...(group.taints === undefined ? {} : { taints: group.taints }),
      ...(group.unschedulable ? { unschedulable: true } : {}),
    },
    status: {
      capacity,
      allocatable,
      addresses: [
        { type: 'InternalIP', address: internalIPOf(index) },
        { type: 'Hostname', address: name },
      ],
      nodeInfo: { kubeletVersion: KUBELET_VERSION, containerRuntimeVersion: 'containerd://2.0.0', operatingSystem: 'linux', architecture: 'amd64' },
    },
  };
}

/** How many nodes the groups declare. */
export function nodeCount(groups: readonly NodeGroupSpec[]): number {
  return groups.reduce((total, group) => total + ('name' in group ? 1 : group.count), 0);
}

export function nodeManifests(groups: readonly NodeGroupSpec[]): NodeManifest[] {
  const manifests: NodeManifest[] = [];
  for (const group of groups) {
    for (const name of namesOf(group)) manifests.push({ name, manifest: nodeManifest(group, name, manifests.length) });
  }
  return manifests;
}

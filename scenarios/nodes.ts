// Scenario node groups become Node manifests, registered by each node's kubelet at time zero,
// with the labels, addresses and pod CIDR a real cluster would give them.

import type { NodeGroupSpec } from './codecs.ts';

/** The Kubernetes version ksim's nodes report; behaviour follows this release. */
export const KUBELET_VERSION = 'v1.34.0';

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
      // One /24 per node from a 10.244.0.0/14 cluster CIDR (room for 1,024 nodes), as
      // kube-controller-manager's node IPAM hands them out; past that the ranges wrap.
      podCIDR: `10.${244 + (Math.floor(index / 256) % 4)}.${index % 256}.0/24`,
      ...(group.taints === undefined ? {} : { taints: group.taints }),
      ...(group.unschedulable ? { unschedulable: true } : {}),
    },
    status: {
      capacity,
      allocatable,
      addresses: [
        { type: 'InternalIP', address: `10.0.${Math.floor(index / 250)}.${(index % 250) + 2}` },
        { type: 'Hostname', address: name },
      ],
      nodeInfo: { kubeletVersion: KUBELET_VERSION, containerRuntimeVersion: 'containerd://2.0.0', operatingSystem: 'linux', architecture: 'amd64' },
    },
  };
}

export function nodeManifests(groups: readonly NodeGroupSpec[]): NodeManifest[] {
  const manifests: NodeManifest[] = [];
  for (const group of groups) {
    for (const name of namesOf(group)) manifests.push({ name, manifest: nodeManifest(group, name, manifests.length) });
  }
  return manifests;
}

// The volume a simulated provisioner creates for a claim, as an external provisioner
// (sig-storage-lib-external-provisioner with a CSI driver) writes it: named pvc-<claim uid>, with
// the claim's size, access modes and volume mode, the class's name and reclaim policy, reserved
// for the claim by a claim reference with its uid, annotated with the provisioner's name, and a
// CSI source naming the provisioner as its driver. A claim that waited for its first consumer gets
// a volume reachable from the selected node only, as topology-aware drivers report it: the node's
// zone when it has one, else the node itself.

import type { Node } from '../../core/objects.ts';
import { ANN_PROVISIONED_BY, type Claim, type StorageClass } from '../../core/storage.ts';

export const ZONE_LABEL = 'topology.kubernetes.io/zone';
export const HOSTNAME_LABEL = 'kubernetes.io/hostname';

export function provisionedVolumeName(claim: Claim): string {
  return `pvc-${claim.metadata.uid}`;
}

/** The node affinity of a volume made for `node`: its zone, else its hostname. */
export function topologyOf(node: Node) {
  const labels = node.metadata.labels ?? {};
  const zone = labels[ZONE_LABEL];
  const requirement = zone !== undefined
    ? { key: ZONE_LABEL, operator: 'In' as const, values: [zone] }
    : { key: HOSTNAME_LABEL, operator: 'In' as const, values: [labels[HOSTNAME_LABEL] ?? node.metadata.name] };
  return { required: { nodeSelectorTerms: [{ matchExpressions: [requirement] }] } };
}

export function provisionedVolume(claim: Claim, storageClass: StorageClass, node: Node | undefined) {
  const name = provisionedVolumeName(claim);
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, annotations: { [ANN_PROVISIONED_BY]: storageClass.provisioner } },
    spec: {
      accessModes: claim.spec.accessModes ?? [],
      capacity: { storage: claim.spec.resources?.requests?.storage ?? '0' },
      claimRef: {
        kind: 'PersistentVolumeClaim',
        namespace: claim.metadata.namespace ?? 'default',
        name: claim.metadata.name,
        uid: claim.metadata.uid,
        apiVersion: 'v1',
        ...(claim.metadata.resourceVersion === undefined ? {} : { resourceVersion: claim.metadata.resourceVersion }),
      },
      csi: { driver: storageClass.provisioner, volumeHandle: name },
      persistentVolumeReclaimPolicy: storageClass.reclaimPolicy ?? 'Delete',
      storageClassName: storageClass.metadata.name,
      volumeMode: claim.spec.volumeMode ?? 'Filesystem',
      ...(node === undefined ? {} : { nodeAffinity: topologyOf(node) }),
    },
  };
}

// PersistentVolumes, PersistentVolumeClaims (core/v1) and StorageClasses (storage.k8s.io/v1).
// Field names and Go types as in upstream v1.34's types.go; see field-types.ts.

import { str, s, bool, int32, quantity, time, list, map, struct } from './field-types.ts';
import { object } from './meta.ts';
import { AWSElasticBlockStoreVolumeSource, AzureDiskVolumeSource, FCVolumeSource, FlockerVolumeSource, GCEPersistentDiskVolumeSource, HostPathVolumeSource, NFSVolumeSource, ObjectReference, PhotonPersistentDiskVolumeSource, PortworxVolumeSource, QuobyteVolumeSource, VsphereVirtualDiskVolumeSource } from './refs.ts';
import { PersistentVolumeClaimSpec } from './volumes.ts';
import { NodeSelector } from './pod.ts';

export const PersistentVolumeClaimCondition = struct('PersistentVolumeClaimCondition', { type: s('PersistentVolumeClaimConditionType'), status: s('ConditionStatus'), lastProbeTime: time, lastTransitionTime: time, reason: str, message: str });
export const ModifyVolumeStatus = struct('ModifyVolumeStatus', { targetVolumeAttributesClassName: str, status: s('PersistentVolumeClaimModifyVolumeStatus') });
export const PersistentVolumeClaimStatus = struct('PersistentVolumeClaimStatus', {
  phase: s('PersistentVolumeClaimPhase'), accessModes: list(s('PersistentVolumeAccessMode')), capacity: map(quantity, 'v1.ResourceList'),
  conditions: list(PersistentVolumeClaimCondition), allocatedResources: map(quantity, 'v1.ResourceList'),
  allocatedResourceStatuses: map(s('ClaimResourceStatus'), 'map[v1.ResourceName]v1.ClaimResourceStatus'), currentVolumeAttributesClassName: str,
  modifyVolumeStatus: ModifyVolumeStatus,
});
export const PERSISTENT_VOLUME_CLAIM_FIELDS = object('PersistentVolumeClaim', { spec: PersistentVolumeClaimSpec, status: PersistentVolumeClaimStatus });
export const AzureFilePersistentVolumeSource = struct('AzureFilePersistentVolumeSource', { secretName: str, shareName: str, readOnly: bool, secretNamespace: str });
export const SecretReference = struct('SecretReference', { name: str, namespace: str });
export const CSIPersistentVolumeSource = struct('CSIPersistentVolumeSource', {
  driver: str, volumeHandle: str, readOnly: bool, fsType: str, volumeAttributes: map(str), controllerPublishSecretRef: SecretReference,
  nodeStageSecretRef: SecretReference, nodePublishSecretRef: SecretReference, controllerExpandSecretRef: SecretReference, nodeExpandSecretRef: SecretReference,
});
export const CephFSPersistentVolumeSource = struct('CephFSPersistentVolumeSource', { monitors: list(str), path: str, user: str, secretFile: str, secretRef: SecretReference, readOnly: bool });
export const CinderPersistentVolumeSource = struct('CinderPersistentVolumeSource', { volumeID: str, fsType: str, readOnly: bool, secretRef: SecretReference });
export const FlexPersistentVolumeSource = struct('FlexPersistentVolumeSource', { driver: str, fsType: str, secretRef: SecretReference, readOnly: bool, options: map(str) });
export const GlusterfsPersistentVolumeSource = struct('GlusterfsPersistentVolumeSource', { endpoints: str, path: str, readOnly: bool, endpointsNamespace: str });
export const ISCSIPersistentVolumeSource = struct('ISCSIPersistentVolumeSource', {
  targetPortal: str, iqn: str, lun: int32, iscsiInterface: str, fsType: str, readOnly: bool, portals: list(str), chapAuthDiscovery: bool,
  chapAuthSession: bool, secretRef: SecretReference, initiatorName: str,
});
export const LocalVolumeSource = struct('LocalVolumeSource', { path: str, fsType: str });
export const RBDPersistentVolumeSource = struct('RBDPersistentVolumeSource', { monitors: list(str), image: str, fsType: str, pool: str, user: str, keyring: str, secretRef: SecretReference, readOnly: bool });
export const ScaleIOPersistentVolumeSource = struct('ScaleIOPersistentVolumeSource', {
  gateway: str, system: str, secretRef: SecretReference, sslEnabled: bool, protectionDomain: str, storagePool: str, storageMode: str, volumeName: str,
  fsType: str, readOnly: bool,
});
export const StorageOSPersistentVolumeSource = struct('StorageOSPersistentVolumeSource', { volumeName: str, volumeNamespace: str, fsType: str, readOnly: bool, secretRef: ObjectReference });
export const PersistentVolumeSource = struct('PersistentVolumeSource', {
  gcePersistentDisk: GCEPersistentDiskVolumeSource, awsElasticBlockStore: AWSElasticBlockStoreVolumeSource, hostPath: HostPathVolumeSource,
  glusterfs: GlusterfsPersistentVolumeSource, nfs: NFSVolumeSource, rbd: RBDPersistentVolumeSource, iscsi: ISCSIPersistentVolumeSource,
  cinder: CinderPersistentVolumeSource, cephfs: CephFSPersistentVolumeSource, fc: FCVolumeSource, flocker: FlockerVolumeSource,
  flexVolume: FlexPersistentVolumeSource, azureFile: AzureFilePersistentVolumeSource, vsphereVolume: VsphereVirtualDiskVolumeSource,
  quobyte: QuobyteVolumeSource, azureDisk: AzureDiskVolumeSource, photonPersistentDisk: PhotonPersistentDiskVolumeSource, portworxVolume: PortworxVolumeSource,
  scaleIO: ScaleIOPersistentVolumeSource, local: LocalVolumeSource, storageos: StorageOSPersistentVolumeSource, csi: CSIPersistentVolumeSource,
});
export const VolumeNodeAffinity = struct('VolumeNodeAffinity', { required: NodeSelector });
export const PersistentVolumeSpec = struct('PersistentVolumeSpec', {
  capacity: map(quantity, 'v1.ResourceList'), ...PersistentVolumeSource.fields, accessModes: list(s('PersistentVolumeAccessMode')), claimRef: ObjectReference,
  persistentVolumeReclaimPolicy: s('PersistentVolumeReclaimPolicy'), storageClassName: str, mountOptions: list(str), volumeMode: s('PersistentVolumeMode'),
  nodeAffinity: VolumeNodeAffinity, volumeAttributesClassName: str,
});
export const PersistentVolumeStatus = struct('PersistentVolumeStatus', { phase: s('PersistentVolumePhase'), message: str, reason: str, lastPhaseTransitionTime: time });
export const PERSISTENT_VOLUME_FIELDS = object('PersistentVolume', { spec: PersistentVolumeSpec, status: PersistentVolumeStatus });
export const TopologySelectorLabelRequirement = struct('TopologySelectorLabelRequirement', { key: str, values: list(str) });
export const TopologySelectorTerm = struct('TopologySelectorTerm', { matchLabelExpressions: list(TopologySelectorLabelRequirement) });
export const STORAGE_CLASS_FIELDS = object('StorageClass', {
  provisioner: str, parameters: map(str), reclaimPolicy: s('PersistentVolumeReclaimPolicy'), mountOptions: list(str), allowVolumeExpansion: bool,
  volumeBindingMode: s('VolumeBindingMode'), allowedTopologies: list(TopologySelectorTerm),
});

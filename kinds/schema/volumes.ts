// core/v1 Volume and the volume sources a pod may name.
// Field names and Go types as in upstream v1.34's types.go; see field-types.ts.

import { str, s, bool, int32, list, map, struct } from './field-types.ts';
import { LabelSelector, ObjectMeta } from './meta.ts';
import { AWSElasticBlockStoreVolumeSource, AzureDiskVolumeSource, AzureFileVolumeSource, ClusterTrustBundleProjection, EmptyDirVolumeSource, FCVolumeSource, FlockerVolumeSource, GCEPersistentDiskVolumeSource, GitRepoVolumeSource, GlusterfsVolumeSource, HostPathVolumeSource, ImageVolumeSource, KeyToPath, LocalObjectReference, NFSVolumeSource, ObjectFieldSelector, PersistentVolumeClaimVolumeSource, PhotonPersistentDiskVolumeSource, PodCertificateProjection, PortworxVolumeSource, QuobyteVolumeSource, ResourceFieldSelector, ServiceAccountTokenProjection, TypedLocalObjectReference, TypedObjectReference, VolumeResourceRequirements, VsphereVirtualDiskVolumeSource } from './refs.ts';

export const SecretVolumeSource = struct('SecretVolumeSource', { secretName: str, items: list(KeyToPath), defaultMode: int32, optional: bool });
export const ISCSIVolumeSource = struct('ISCSIVolumeSource', {
  targetPortal: str, iqn: str, lun: int32, iscsiInterface: str, fsType: str, readOnly: bool, portals: list(str), chapAuthDiscovery: bool,
  chapAuthSession: bool, secretRef: LocalObjectReference, initiatorName: str,
});
export const RBDVolumeSource = struct('RBDVolumeSource', { monitors: list(str), image: str, fsType: str, pool: str, user: str, keyring: str, secretRef: LocalObjectReference, readOnly: bool });
export const FlexVolumeSource = struct('FlexVolumeSource', { driver: str, fsType: str, secretRef: LocalObjectReference, readOnly: bool, options: map(str) });
export const CinderVolumeSource = struct('CinderVolumeSource', { volumeID: str, fsType: str, readOnly: bool, secretRef: LocalObjectReference });
export const CephFSVolumeSource = struct('CephFSVolumeSource', { monitors: list(str), path: str, user: str, secretFile: str, secretRef: LocalObjectReference, readOnly: bool });
export const DownwardAPIVolumeFile = struct('DownwardAPIVolumeFile', { path: str, fieldRef: ObjectFieldSelector, resourceFieldRef: ResourceFieldSelector, mode: int32 });
export const DownwardAPIVolumeSource = struct('DownwardAPIVolumeSource', { items: list(DownwardAPIVolumeFile), defaultMode: int32 });
export const ConfigMapVolumeSource = struct('ConfigMapVolumeSource', { ...LocalObjectReference.fields, items: list(KeyToPath), defaultMode: int32, optional: bool });
export const SecretProjection = struct('SecretProjection', { ...LocalObjectReference.fields, items: list(KeyToPath), optional: bool });
export const DownwardAPIProjection = struct('DownwardAPIProjection', { items: list(DownwardAPIVolumeFile) });
export const ConfigMapProjection = struct('ConfigMapProjection', { ...LocalObjectReference.fields, items: list(KeyToPath), optional: bool });
export const VolumeProjection = struct('VolumeProjection', {
  secret: SecretProjection, downwardAPI: DownwardAPIProjection, configMap: ConfigMapProjection, serviceAccountToken: ServiceAccountTokenProjection,
  clusterTrustBundle: ClusterTrustBundleProjection, podCertificate: PodCertificateProjection,
});
export const ProjectedVolumeSource = struct('ProjectedVolumeSource', { sources: list(VolumeProjection), defaultMode: int32 });
export const ScaleIOVolumeSource = struct('ScaleIOVolumeSource', {
  gateway: str, system: str, secretRef: LocalObjectReference, sslEnabled: bool, protectionDomain: str, storagePool: str, storageMode: str, volumeName: str,
  fsType: str, readOnly: bool,
});
export const StorageOSVolumeSource = struct('StorageOSVolumeSource', { volumeName: str, volumeNamespace: str, fsType: str, readOnly: bool, secretRef: LocalObjectReference });
export const CSIVolumeSource = struct('CSIVolumeSource', { driver: str, readOnly: bool, fsType: str, volumeAttributes: map(str), nodePublishSecretRef: LocalObjectReference });
export const PersistentVolumeClaimSpec = struct('PersistentVolumeClaimSpec', {
  accessModes: list(s('PersistentVolumeAccessMode')), selector: LabelSelector, resources: VolumeResourceRequirements, volumeName: str, storageClassName: str,
  volumeMode: s('PersistentVolumeMode'), dataSource: TypedLocalObjectReference, dataSourceRef: TypedObjectReference, volumeAttributesClassName: str,
});
export const PersistentVolumeClaimTemplate = struct('PersistentVolumeClaimTemplate', { metadata: ObjectMeta, spec: PersistentVolumeClaimSpec });
export const EphemeralVolumeSource = struct('EphemeralVolumeSource', { volumeClaimTemplate: PersistentVolumeClaimTemplate });
export const VolumeSource = struct('VolumeSource', {
  hostPath: HostPathVolumeSource, emptyDir: EmptyDirVolumeSource, gcePersistentDisk: GCEPersistentDiskVolumeSource,
  awsElasticBlockStore: AWSElasticBlockStoreVolumeSource, gitRepo: GitRepoVolumeSource, secret: SecretVolumeSource, nfs: NFSVolumeSource,
  iscsi: ISCSIVolumeSource, glusterfs: GlusterfsVolumeSource, persistentVolumeClaim: PersistentVolumeClaimVolumeSource, rbd: RBDVolumeSource,
  flexVolume: FlexVolumeSource, cinder: CinderVolumeSource, cephfs: CephFSVolumeSource, flocker: FlockerVolumeSource, downwardAPI: DownwardAPIVolumeSource,
  fc: FCVolumeSource, azureFile: AzureFileVolumeSource, configMap: ConfigMapVolumeSource, vsphereVolume: VsphereVirtualDiskVolumeSource,
  quobyte: QuobyteVolumeSource, azureDisk: AzureDiskVolumeSource, photonPersistentDisk: PhotonPersistentDiskVolumeSource, projected: ProjectedVolumeSource,
  portworxVolume: PortworxVolumeSource, scaleIO: ScaleIOVolumeSource, storageos: StorageOSVolumeSource, csi: CSIVolumeSource, ephemeral: EphemeralVolumeSource,
  image: ImageVolumeSource,
});
export const Volume = struct('Volume', { name: str, ...VolumeSource.fields });

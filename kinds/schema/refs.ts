// Small core/v1 types several trees share: object references, key selectors, node selector
// requirements, and the volume sources both pods and PersistentVolumes use.
// Field names and Go types as in upstream v1.34's types.go; see field-types.ts.

import { str, s, bool, int32, int64, quantity, uid, list, map, struct } from './field-types.ts';
import { LabelSelector } from './meta.ts';

export const HostPathVolumeSource = struct('HostPathVolumeSource', { path: str, type: s('HostPathType') });
export const EmptyDirVolumeSource = struct('EmptyDirVolumeSource', { medium: s('StorageMedium'), sizeLimit: quantity });
export const GCEPersistentDiskVolumeSource = struct('GCEPersistentDiskVolumeSource', { pdName: str, fsType: str, partition: int32, readOnly: bool });
export const AWSElasticBlockStoreVolumeSource = struct('AWSElasticBlockStoreVolumeSource', { volumeID: str, fsType: str, partition: int32, readOnly: bool });
export const GitRepoVolumeSource = struct('GitRepoVolumeSource', { repository: str, revision: str, directory: str });
export const KeyToPath = struct('KeyToPath', { key: str, path: str, mode: int32 });
export const NFSVolumeSource = struct('NFSVolumeSource', { server: str, path: str, readOnly: bool });
export const LocalObjectReference = struct('LocalObjectReference', { name: str });
export const GlusterfsVolumeSource = struct('GlusterfsVolumeSource', { endpoints: str, path: str, readOnly: bool });
export const PersistentVolumeClaimVolumeSource = struct('PersistentVolumeClaimVolumeSource', { claimName: str, readOnly: bool });
export const FlockerVolumeSource = struct('FlockerVolumeSource', { datasetName: str, datasetUUID: str });
export const ObjectFieldSelector = struct('ObjectFieldSelector', { apiVersion: str, fieldPath: str });
export const ResourceFieldSelector = struct('ResourceFieldSelector', { containerName: str, resource: str, divisor: quantity });
export const FCVolumeSource = struct('FCVolumeSource', { targetWWNs: list(str), lun: int32, fsType: str, readOnly: bool, wwids: list(str) });
export const AzureFileVolumeSource = struct('AzureFileVolumeSource', { secretName: str, shareName: str, readOnly: bool });
export const VsphereVirtualDiskVolumeSource = struct('VsphereVirtualDiskVolumeSource', { volumePath: str, fsType: str, storagePolicyName: str, storagePolicyID: str });
export const QuobyteVolumeSource = struct('QuobyteVolumeSource', { registry: str, volume: str, readOnly: bool, user: str, group: str, tenant: str });
export const AzureDiskVolumeSource = struct('AzureDiskVolumeSource', { diskName: str, diskURI: str, cachingMode: s('AzureDataDiskCachingMode'), fsType: str, readOnly: bool, kind: s('AzureDataDiskKind') });
export const PhotonPersistentDiskVolumeSource = struct('PhotonPersistentDiskVolumeSource', { pdID: str, fsType: str });
export const ServiceAccountTokenProjection = struct('ServiceAccountTokenProjection', { audience: str, expirationSeconds: int64, path: str });
export const ClusterTrustBundleProjection = struct('ClusterTrustBundleProjection', { name: str, signerName: str, labelSelector: LabelSelector, optional: bool, path: str });
export const PodCertificateProjection = struct('PodCertificateProjection', { signerName: str, keyType: str, maxExpirationSeconds: int32, credentialBundlePath: str, keyPath: str, certificateChainPath: str });
export const PortworxVolumeSource = struct('PortworxVolumeSource', { volumeID: str, fsType: str, readOnly: bool });
export const VolumeResourceRequirements = struct('VolumeResourceRequirements', { limits: map(quantity, 'v1.ResourceList'), requests: map(quantity, 'v1.ResourceList') });
export const TypedLocalObjectReference = struct('TypedLocalObjectReference', { apiGroup: str, kind: str, name: str });
export const TypedObjectReference = struct('TypedObjectReference', { apiGroup: str, kind: str, name: str, namespace: str });
export const ImageVolumeSource = struct('ImageVolumeSource', { reference: str, pullPolicy: s('PullPolicy') });
export const NodeSelectorRequirement = struct('NodeSelectorRequirement', { key: str, operator: s('NodeSelectorOperator'), values: list(str) });
export const ObjectReference = struct('ObjectReference', { kind: str, namespace: str, name: str, uid: uid, apiVersion: str, resourceVersion: str, fieldPath: str });

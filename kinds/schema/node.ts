// core/v1 Node: spec (taints, pod CIDRs) and status (capacity, conditions, addresses, node info).
// Field names and Go types as in upstream v1.34's types.go; see field-types.ts.

import { str, s, bool, int32, int64, quantity, time, uid, list, map, struct } from './field-types.ts';
import { object } from './meta.ts';

export const AttachedVolume = struct('AttachedVolume', { name: s('UniqueVolumeName'), devicePath: str });
export const ConfigMapNodeConfigSource = struct('ConfigMapNodeConfigSource', { namespace: str, name: str, uid: uid, resourceVersion: str, kubeletConfigKey: str });
export const ContainerImage = struct('ContainerImage', { names: list(str), sizeBytes: int64 });
export const DaemonEndpoint = struct('DaemonEndpoint', { Port: int32 });
export const Taint = struct('Taint', { key: str, value: str, effect: s('TaintEffect'), timeAdded: time });
export const NodeConfigSource = struct('NodeConfigSource', { configMap: ConfigMapNodeConfigSource });
export const NodeSpec = struct('NodeSpec', { podCIDR: str, podCIDRs: list(str), providerID: str, unschedulable: bool, taints: list(Taint), configSource: NodeConfigSource, externalID: str });
export const NodeCondition = struct('NodeCondition', { type: s('NodeConditionType'), status: s('ConditionStatus'), lastHeartbeatTime: time, lastTransitionTime: time, reason: str, message: str });
export const NodeAddress = struct('NodeAddress', { type: s('NodeAddressType'), address: str });
export const NodeDaemonEndpoints = struct('NodeDaemonEndpoints', { kubeletEndpoint: DaemonEndpoint });
export const NodeSwapStatus = struct('NodeSwapStatus', { capacity: int64 });
export const NodeSystemInfo = struct('NodeSystemInfo', {
  machineID: str, systemUUID: str, bootID: str, kernelVersion: str, osImage: str, containerRuntimeVersion: str, kubeletVersion: str, kubeProxyVersion: str,
  operatingSystem: str, architecture: str, swap: NodeSwapStatus,
});
export const NodeConfigStatus = struct('NodeConfigStatus', { assigned: NodeConfigSource, active: NodeConfigSource, lastKnownGood: NodeConfigSource, error: str });
export const NodeRuntimeHandlerFeatures = struct('NodeRuntimeHandlerFeatures', { recursiveReadOnlyMounts: bool, userNamespaces: bool });
export const NodeRuntimeHandler = struct('NodeRuntimeHandler', { name: str, features: NodeRuntimeHandlerFeatures });
export const NodeFeatures = struct('NodeFeatures', { supplementalGroupsPolicy: bool });
export const NodeStatus = struct('NodeStatus', {
  capacity: map(quantity, 'v1.ResourceList'), allocatable: map(quantity, 'v1.ResourceList'), phase: s('NodePhase'), conditions: list(NodeCondition),
  addresses: list(NodeAddress), daemonEndpoints: NodeDaemonEndpoints, nodeInfo: NodeSystemInfo, images: list(ContainerImage),
  volumesInUse: list(s('UniqueVolumeName')), volumesAttached: list(AttachedVolume), config: NodeConfigStatus, runtimeHandlers: list(NodeRuntimeHandler),
  features: NodeFeatures,
});
export const NODE_FIELDS = object('Node', { spec: NodeSpec, status: NodeStatus });

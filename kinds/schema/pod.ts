// core/v1 PodSpec, PodTemplateSpec and PodStatus with affinity, tolerations, topology spread and
// the rest of a pod's fields; the Pod and PodTemplate kinds.
// Field names and Go types as in upstream v1.34's types.go; see field-types.ts.

import { str, s, bool, int32, int64, quantity, time, list, map, struct } from './field-types.ts';
import { LabelSelector, ObjectMeta, object } from './meta.ts';
import { LocalObjectReference, NodeSelectorRequirement } from './refs.ts';
import { AppArmorProfile, Container, EphemeralContainer, ResourceRequirements, SELinuxOptions, SeccompProfile, WindowsSecurityContextOptions } from './container.ts';
import { Volume } from './volumes.ts';

export const Sysctl = struct('Sysctl', { name: str, value: str });
export const PodSecurityContext = struct('PodSecurityContext', {
  seLinuxOptions: SELinuxOptions, windowsOptions: WindowsSecurityContextOptions, runAsUser: int64, runAsGroup: int64, runAsNonRoot: bool,
  supplementalGroups: list(int64), supplementalGroupsPolicy: s('SupplementalGroupsPolicy'), fsGroup: int64, sysctls: list(Sysctl),
  fsGroupChangePolicy: s('PodFSGroupChangePolicy'), seccompProfile: SeccompProfile, appArmorProfile: AppArmorProfile,
  seLinuxChangePolicy: s('PodSELinuxChangePolicy'),
});
export const NodeSelectorTerm = struct('NodeSelectorTerm', { matchExpressions: list(NodeSelectorRequirement), matchFields: list(NodeSelectorRequirement) });
export const NodeSelector = struct('NodeSelector', { nodeSelectorTerms: list(NodeSelectorTerm) });
export const PreferredSchedulingTerm = struct('PreferredSchedulingTerm', { weight: int32, preference: NodeSelectorTerm });
export const NodeAffinity = struct('NodeAffinity', { requiredDuringSchedulingIgnoredDuringExecution: NodeSelector, preferredDuringSchedulingIgnoredDuringExecution: list(PreferredSchedulingTerm) });
export const PodAffinityTerm = struct('PodAffinityTerm', {
  labelSelector: LabelSelector, namespaces: list(str), topologyKey: str, namespaceSelector: LabelSelector, matchLabelKeys: list(str),
  mismatchLabelKeys: list(str),
});
export const WeightedPodAffinityTerm = struct('WeightedPodAffinityTerm', { weight: int32, podAffinityTerm: PodAffinityTerm });
export const PodAffinity = struct('PodAffinity', { requiredDuringSchedulingIgnoredDuringExecution: list(PodAffinityTerm), preferredDuringSchedulingIgnoredDuringExecution: list(WeightedPodAffinityTerm) });
export const PodAntiAffinity = struct('PodAntiAffinity', { requiredDuringSchedulingIgnoredDuringExecution: list(PodAffinityTerm), preferredDuringSchedulingIgnoredDuringExecution: list(WeightedPodAffinityTerm) });
export const Affinity = struct('Affinity', { nodeAffinity: NodeAffinity, podAffinity: PodAffinity, podAntiAffinity: PodAntiAffinity });
export const Toleration = struct('Toleration', { key: str, operator: s('TolerationOperator'), value: str, effect: s('TaintEffect'), tolerationSeconds: int64 });
export const HostAlias = struct('HostAlias', { ip: str, hostnames: list(str) });
export const PodDNSConfigOption = struct('PodDNSConfigOption', { name: str, value: str });
export const PodDNSConfig = struct('PodDNSConfig', { nameservers: list(str), searches: list(str), options: list(PodDNSConfigOption) });
export const PodReadinessGate = struct('PodReadinessGate', { conditionType: s('PodConditionType') });
export const TopologySpreadConstraint = struct('TopologySpreadConstraint', {
  maxSkew: int32, topologyKey: str, whenUnsatisfiable: s('UnsatisfiableConstraintAction'), labelSelector: LabelSelector, minDomains: int32,
  nodeAffinityPolicy: s('NodeInclusionPolicy'), nodeTaintsPolicy: s('NodeInclusionPolicy'), matchLabelKeys: list(str),
});
export const PodOS = struct('PodOS', { name: s('OSName') });
export const PodSchedulingGate = struct('PodSchedulingGate', { name: str });
export const PodResourceClaim = struct('PodResourceClaim', { name: str, resourceClaimName: str, resourceClaimTemplateName: str });
export const PodSpec = struct('PodSpec', {
  volumes: list(Volume), initContainers: list(Container), containers: list(Container), ephemeralContainers: list(EphemeralContainer),
  restartPolicy: s('RestartPolicy'), terminationGracePeriodSeconds: int64, activeDeadlineSeconds: int64, dnsPolicy: s('DNSPolicy'), nodeSelector: map(str),
  serviceAccountName: str, serviceAccount: str, automountServiceAccountToken: bool, nodeName: str, hostNetwork: bool, hostPID: bool, hostIPC: bool,
  shareProcessNamespace: bool, securityContext: PodSecurityContext, imagePullSecrets: list(LocalObjectReference), hostname: str, subdomain: str,
  affinity: Affinity, schedulerName: str, tolerations: list(Toleration), hostAliases: list(HostAlias), priorityClassName: str, priority: int32,
  dnsConfig: PodDNSConfig, readinessGates: list(PodReadinessGate), runtimeClassName: str, enableServiceLinks: bool, preemptionPolicy: s('PreemptionPolicy'),
  overhead: map(quantity, 'v1.ResourceList'), topologySpreadConstraints: list(TopologySpreadConstraint), setHostnameAsFQDN: bool, os: PodOS, hostUsers: bool,
  schedulingGates: list(PodSchedulingGate), resourceClaims: list(PodResourceClaim), resources: ResourceRequirements, hostnameOverride: str,
});
export const PodTemplateSpec = struct('PodTemplateSpec', { metadata: ObjectMeta, spec: PodSpec });
export const ContainerExtendedResourceRequest = struct('ContainerExtendedResourceRequest', { containerName: str, resourceName: str, requestName: str });
export const ContainerStateWaiting = struct('ContainerStateWaiting', { reason: str, message: str });
export const ContainerStateRunning = struct('ContainerStateRunning', { startedAt: time });
export const ContainerStateTerminated = struct('ContainerStateTerminated', { exitCode: int32, signal: int32, reason: str, message: str, startedAt: time, finishedAt: time, containerID: str });
export const ContainerState = struct('ContainerState', { waiting: ContainerStateWaiting, running: ContainerStateRunning, terminated: ContainerStateTerminated });
export const VolumeMountStatus = struct('VolumeMountStatus', { name: str, mountPath: str, readOnly: bool, recursiveReadOnly: s('RecursiveReadOnlyMode') });
export const LinuxContainerUser = struct('LinuxContainerUser', { uid: int64, gid: int64, supplementalGroups: list(int64) });
export const ContainerUser = struct('ContainerUser', { linux: LinuxContainerUser });
export const ResourceHealth = struct('ResourceHealth', { resourceID: s('ResourceID'), health: s('ResourceHealthStatus') });
export const ResourceStatus = struct('ResourceStatus', { name: s('ResourceName'), resources: list(ResourceHealth) });
export const ContainerStatus = struct('ContainerStatus', {
  name: str, state: ContainerState, lastState: ContainerState, ready: bool, restartCount: int32, image: str, imageID: str, containerID: str, started: bool,
  allocatedResources: map(quantity, 'v1.ResourceList'), resources: ResourceRequirements, volumeMounts: list(VolumeMountStatus), user: ContainerUser,
  allocatedResourcesStatus: list(ResourceStatus), stopSignal: s('Signal'),
});
export const HostIP = struct('HostIP', { ip: str });
export const PodCondition = struct('PodCondition', {
  type: s('PodConditionType'), observedGeneration: int64, status: s('ConditionStatus'), lastProbeTime: time, lastTransitionTime: time, reason: str,
  message: str,
});
export const PodIP = struct('PodIP', { ip: str });
export const PodResourceClaimStatus = struct('PodResourceClaimStatus', { name: str, resourceClaimName: str });
export const PodExtendedResourceClaimStatus = struct('PodExtendedResourceClaimStatus', { requestMappings: list(ContainerExtendedResourceRequest), resourceClaimName: str });
export const PodStatus = struct('PodStatus', {
  observedGeneration: int64, phase: s('PodPhase'), conditions: list(PodCondition), message: str, reason: str, nominatedNodeName: str, hostIP: str,
  hostIPs: list(HostIP), podIP: str, podIPs: list(PodIP), startTime: time, initContainerStatuses: list(ContainerStatus),
  containerStatuses: list(ContainerStatus), qosClass: s('PodQOSClass'), ephemeralContainerStatuses: list(ContainerStatus), resize: s('PodResizeStatus'),
  resourceClaimStatuses: list(PodResourceClaimStatus), extendedResourceClaimStatus: PodExtendedResourceClaimStatus,
});
export const POD_FIELDS = object('Pod', { spec: PodSpec, status: PodStatus });
export const POD_TEMPLATE_FIELDS = object('PodTemplate', { template: PodTemplateSpec });

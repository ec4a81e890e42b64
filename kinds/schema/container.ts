// core/v1 Container and what it holds: ports, environment, resources, probes, lifecycle hooks,
// security context, volume mounts; ephemeral containers too.
// Field names and Go types as in upstream v1.34's types.go; see field-types.ts.

import { str, s, bool, int32, int64, quantity, intOrString, list, map, struct } from './field-types.ts';
import { LocalObjectReference, ObjectFieldSelector, ResourceFieldSelector } from './refs.ts';

export const ContainerPort = struct('ContainerPort', { name: str, hostPort: int32, containerPort: int32, protocol: s('Protocol'), hostIP: str });
export const ConfigMapEnvSource = struct('ConfigMapEnvSource', { ...LocalObjectReference.fields, optional: bool });
export const SecretEnvSource = struct('SecretEnvSource', { ...LocalObjectReference.fields, optional: bool });
export const EnvFromSource = struct('EnvFromSource', { prefix: str, configMapRef: ConfigMapEnvSource, secretRef: SecretEnvSource });
export const ConfigMapKeySelector = struct('ConfigMapKeySelector', { ...LocalObjectReference.fields, key: str, optional: bool });
export const SecretKeySelector = struct('SecretKeySelector', { ...LocalObjectReference.fields, key: str, optional: bool });
export const FileKeySelector = struct('FileKeySelector', { volumeName: str, path: str, key: str, optional: bool });
export const EnvVarSource = struct('EnvVarSource', {
  fieldRef: ObjectFieldSelector, resourceFieldRef: ResourceFieldSelector, configMapKeyRef: ConfigMapKeySelector, secretKeyRef: SecretKeySelector,
  fileKeyRef: FileKeySelector,
});
export const EnvVar = struct('EnvVar', { name: str, value: str, valueFrom: EnvVarSource });
export const ResourceClaim = struct('ResourceClaim', { name: str, request: str });
export const ResourceRequirements = struct('ResourceRequirements', { limits: map(quantity, 'v1.ResourceList'), requests: map(quantity, 'v1.ResourceList'), claims: list(ResourceClaim) });
export const ContainerResizePolicy = struct('ContainerResizePolicy', { resourceName: s('ResourceName'), restartPolicy: s('ResourceResizeRestartPolicy') });
export const ContainerRestartRuleOnExitCodes = struct('ContainerRestartRuleOnExitCodes', { operator: s('ContainerRestartRuleOnExitCodesOperator'), values: list(int32) });
export const ContainerRestartRule = struct('ContainerRestartRule', { action: s('ContainerRestartRuleAction'), exitCodes: ContainerRestartRuleOnExitCodes });
export const VolumeMount = struct('VolumeMount', {
  name: str, readOnly: bool, recursiveReadOnly: s('RecursiveReadOnlyMode'), mountPath: str, subPath: str, mountPropagation: s('MountPropagationMode'),
  subPathExpr: str,
});
export const VolumeDevice = struct('VolumeDevice', { name: str, devicePath: str });
export const ExecAction = struct('ExecAction', { command: list(str) });
export const HTTPHeader = struct('HTTPHeader', { name: str, value: str });
export const HTTPGetAction = struct('HTTPGetAction', { path: str, port: intOrString, host: str, scheme: s('URIScheme'), httpHeaders: list(HTTPHeader) });
export const TCPSocketAction = struct('TCPSocketAction', { port: intOrString, host: str });
export const GRPCAction = struct('GRPCAction', { port: int32, service: str });
export const ProbeHandler = struct('ProbeHandler', { exec: ExecAction, httpGet: HTTPGetAction, tcpSocket: TCPSocketAction, grpc: GRPCAction });
export const Probe = struct('Probe', {
  ...ProbeHandler.fields, initialDelaySeconds: int32, timeoutSeconds: int32, periodSeconds: int32, successThreshold: int32, failureThreshold: int32,
  terminationGracePeriodSeconds: int64,
});
export const SleepAction = struct('SleepAction', { seconds: int64 });
export const LifecycleHandler = struct('LifecycleHandler', { exec: ExecAction, httpGet: HTTPGetAction, tcpSocket: TCPSocketAction, sleep: SleepAction });
export const Lifecycle = struct('Lifecycle', { postStart: LifecycleHandler, preStop: LifecycleHandler, stopSignal: s('Signal') });
export const Capabilities = struct('Capabilities', { add: list(s('Capability')), drop: list(s('Capability')) });
export const SELinuxOptions = struct('SELinuxOptions', { user: str, role: str, type: str, level: str });
export const WindowsSecurityContextOptions = struct('WindowsSecurityContextOptions', { gmsaCredentialSpecName: str, gmsaCredentialSpec: str, runAsUserName: str, hostProcess: bool });
export const SeccompProfile = struct('SeccompProfile', { type: s('SeccompProfileType'), localhostProfile: str });
export const AppArmorProfile = struct('AppArmorProfile', { type: s('AppArmorProfileType'), localhostProfile: str });
export const SecurityContext = struct('SecurityContext', {
  capabilities: Capabilities, privileged: bool, seLinuxOptions: SELinuxOptions, windowsOptions: WindowsSecurityContextOptions, runAsUser: int64,
  runAsGroup: int64, runAsNonRoot: bool, readOnlyRootFilesystem: bool, allowPrivilegeEscalation: bool, procMount: s('ProcMountType'),
  seccompProfile: SeccompProfile, appArmorProfile: AppArmorProfile,
});
export const Container = struct('Container', {
  name: str, image: str, command: list(str), args: list(str), workingDir: str, ports: list(ContainerPort), envFrom: list(EnvFromSource), env: list(EnvVar),
  resources: ResourceRequirements, resizePolicy: list(ContainerResizePolicy), restartPolicy: s('ContainerRestartPolicy'),
  restartPolicyRules: list(ContainerRestartRule), volumeMounts: list(VolumeMount), volumeDevices: list(VolumeDevice), livenessProbe: Probe,
  readinessProbe: Probe, startupProbe: Probe, lifecycle: Lifecycle, terminationMessagePath: str, terminationMessagePolicy: s('TerminationMessagePolicy'),
  imagePullPolicy: s('PullPolicy'), securityContext: SecurityContext, stdin: bool, stdinOnce: bool, tty: bool,
});
export const EphemeralContainerCommon = struct('EphemeralContainerCommon', {
  name: str, image: str, command: list(str), args: list(str), workingDir: str, ports: list(ContainerPort), envFrom: list(EnvFromSource), env: list(EnvVar),
  resources: ResourceRequirements, resizePolicy: list(ContainerResizePolicy), restartPolicy: s('ContainerRestartPolicy'),
  restartPolicyRules: list(ContainerRestartRule), volumeMounts: list(VolumeMount), volumeDevices: list(VolumeDevice), livenessProbe: Probe,
  readinessProbe: Probe, startupProbe: Probe, lifecycle: Lifecycle, terminationMessagePath: str, terminationMessagePolicy: s('TerminationMessagePolicy'),
  imagePullPolicy: s('PullPolicy'), securityContext: SecurityContext, stdin: bool, stdinOnce: bool, tty: bool,
});
export const EphemeralContainer = struct('EphemeralContainer', { ...EphemeralContainerCommon.fields, targetContainerName: str });

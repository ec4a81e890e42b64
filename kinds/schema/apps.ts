// apps/v1: Deployments, ReplicaSets, StatefulSets, DaemonSets, ControllerRevisions; and core/v1
// ReplicationControllers.
// Field names and Go types as in upstream v1.34's types.go; see field-types.ts.

import { str, s, bool, int32, int64, intOrString, time, json, list, map, struct } from './field-types.ts';
import { LabelSelector, object } from './meta.ts';
import { PodTemplateSpec } from './pod.ts';
import { PERSISTENT_VOLUME_CLAIM_FIELDS } from './storage.ts';

export const CONTROLLER_REVISION_FIELDS = object('ControllerRevision', { data: json('runtime.RawExtension'), revision: int64 });
export const RollingUpdateDaemonSet = struct('RollingUpdateDaemonSet', { maxUnavailable: intOrString, maxSurge: intOrString });
export const DaemonSetUpdateStrategy = struct('DaemonSetUpdateStrategy', { type: s('DaemonSetUpdateStrategyType'), rollingUpdate: RollingUpdateDaemonSet });
export const DaemonSetSpec = struct('DaemonSetSpec', { selector: LabelSelector, template: PodTemplateSpec, updateStrategy: DaemonSetUpdateStrategy, minReadySeconds: int32, revisionHistoryLimit: int32 });
export const DaemonSetCondition = struct('DaemonSetCondition', { type: s('DaemonSetConditionType'), status: s('ConditionStatus'), lastTransitionTime: time, reason: str, message: str });
export const DaemonSetStatus = struct('DaemonSetStatus', {
  currentNumberScheduled: int32, numberMisscheduled: int32, desiredNumberScheduled: int32, numberReady: int32, observedGeneration: int64,
  updatedNumberScheduled: int32, numberAvailable: int32, numberUnavailable: int32, collisionCount: int32, conditions: list(DaemonSetCondition),
});
export const DAEMON_SET_FIELDS = object('DaemonSet', { spec: DaemonSetSpec, status: DaemonSetStatus });
export const RollingUpdateDeployment = struct('RollingUpdateDeployment', { maxUnavailable: intOrString, maxSurge: intOrString });
export const DeploymentStrategy = struct('DeploymentStrategy', { type: s('DeploymentStrategyType'), rollingUpdate: RollingUpdateDeployment });
export const DeploymentSpec = struct('DeploymentSpec', {
  replicas: int32, selector: LabelSelector, template: PodTemplateSpec, strategy: DeploymentStrategy, minReadySeconds: int32, revisionHistoryLimit: int32,
  paused: bool, progressDeadlineSeconds: int32,
});
export const DeploymentCondition = struct('DeploymentCondition', { type: s('DeploymentConditionType'), status: s('ConditionStatus'), lastUpdateTime: time, lastTransitionTime: time, reason: str, message: str });
export const DeploymentStatus = struct('DeploymentStatus', {
  observedGeneration: int64, replicas: int32, updatedReplicas: int32, readyReplicas: int32, availableReplicas: int32, unavailableReplicas: int32,
  terminatingReplicas: int32, conditions: list(DeploymentCondition), collisionCount: int32,
});
export const DEPLOYMENT_FIELDS = object('Deployment', { spec: DeploymentSpec, status: DeploymentStatus });
export const ReplicaSetSpec = struct('ReplicaSetSpec', { replicas: int32, minReadySeconds: int32, selector: LabelSelector, template: PodTemplateSpec });
export const ReplicaSetCondition = struct('ReplicaSetCondition', { type: s('ReplicaSetConditionType'), status: s('ConditionStatus'), lastTransitionTime: time, reason: str, message: str });
export const ReplicaSetStatus = struct('ReplicaSetStatus', {
  replicas: int32, fullyLabeledReplicas: int32, readyReplicas: int32, availableReplicas: int32, terminatingReplicas: int32, observedGeneration: int64,
  conditions: list(ReplicaSetCondition),
});
export const REPLICA_SET_FIELDS = object('ReplicaSet', { spec: ReplicaSetSpec, status: ReplicaSetStatus });
export const RollingUpdateStatefulSetStrategy = struct('RollingUpdateStatefulSetStrategy', { partition: int32, maxUnavailable: intOrString });
export const StatefulSetUpdateStrategy = struct('StatefulSetUpdateStrategy', { type: s('StatefulSetUpdateStrategyType'), rollingUpdate: RollingUpdateStatefulSetStrategy });
export const StatefulSetPersistentVolumeClaimRetentionPolicy = struct('StatefulSetPersistentVolumeClaimRetentionPolicy', { whenDeleted: s('PersistentVolumeClaimRetentionPolicyType'), whenScaled: s('PersistentVolumeClaimRetentionPolicyType') });
export const StatefulSetOrdinals = struct('StatefulSetOrdinals', { start: int32 });
export const StatefulSetSpec = struct('StatefulSetSpec', {
  replicas: int32, selector: LabelSelector, template: PodTemplateSpec, volumeClaimTemplates: list(PERSISTENT_VOLUME_CLAIM_FIELDS), serviceName: str,
  podManagementPolicy: s('PodManagementPolicyType'), updateStrategy: StatefulSetUpdateStrategy, revisionHistoryLimit: int32, minReadySeconds: int32,
  persistentVolumeClaimRetentionPolicy: StatefulSetPersistentVolumeClaimRetentionPolicy, ordinals: StatefulSetOrdinals,
});
export const StatefulSetCondition = struct('StatefulSetCondition', { type: s('StatefulSetConditionType'), status: s('ConditionStatus'), lastTransitionTime: time, reason: str, message: str });
export const StatefulSetStatus = struct('StatefulSetStatus', {
  observedGeneration: int64, replicas: int32, readyReplicas: int32, currentReplicas: int32, updatedReplicas: int32, currentRevision: str, updateRevision: str,
  collisionCount: int32, conditions: list(StatefulSetCondition), availableReplicas: int32,
});
export const STATEFUL_SET_FIELDS = object('StatefulSet', { spec: StatefulSetSpec, status: StatefulSetStatus });
export const ReplicationControllerSpec = struct('ReplicationControllerSpec', { replicas: int32, minReadySeconds: int32, selector: map(str), template: PodTemplateSpec });
export const ReplicationControllerCondition = struct('ReplicationControllerCondition', { type: s('ReplicationControllerConditionType'), status: s('ConditionStatus'), lastTransitionTime: time, reason: str, message: str });
export const ReplicationControllerStatus = struct('ReplicationControllerStatus', {
  replicas: int32, fullyLabeledReplicas: int32, readyReplicas: int32, availableReplicas: int32, observedGeneration: int64,
  conditions: list(ReplicationControllerCondition),
});
export const REPLICATION_CONTROLLER_FIELDS = object('ReplicationController', { spec: ReplicationControllerSpec, status: ReplicationControllerStatus });

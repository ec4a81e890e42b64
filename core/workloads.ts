// The workload kinds of kube-controller-manager as ksim keeps them: upstream's field names, only
// the fields the controllers read typed, everything else kept as given. Defaults are filled in by
// admission, so a stored object always carries them.

import type { LabelSelector } from './labels.ts';
import type { Condition, KubeObject, ObjectMeta, PodTemplateSpec, ReplicaSetSpec, ReplicaSetStatus } from './objects.ts';

/** A count or a percentage ("25%"), as intstr.IntOrString. */
export type IntOrString = number | string;

export interface RollingUpdateDeployment {
  readonly maxUnavailable?: IntOrString;
  readonly maxSurge?: IntOrString;
}

export interface DeploymentSpec {
  readonly replicas: number;
  readonly selector: LabelSelector;
  readonly template: PodTemplateSpec;
  readonly strategy: { readonly type: 'RollingUpdate' | 'Recreate'; readonly rollingUpdate?: RollingUpdateDeployment };
  readonly minReadySeconds?: number;
  readonly revisionHistoryLimit: number;
  readonly paused?: boolean;
  readonly progressDeadlineSeconds: number;
}

export interface DeploymentStatus {
  readonly observedGeneration?: number;
  readonly replicas?: number;
  readonly updatedReplicas?: number;
  readonly readyReplicas?: number;
  readonly availableReplicas?: number;
  readonly unavailableReplicas?: number;
  readonly terminatingReplicas?: number;
  readonly conditions?: readonly Condition[];
  readonly collisionCount?: number;
}

export interface Deployment extends KubeObject {
  readonly kind: 'Deployment';
  readonly spec: DeploymentSpec;
  readonly status: DeploymentStatus;
}

export interface ReplicationController extends KubeObject {
  readonly kind: 'ReplicationController';
  readonly spec: {
    readonly replicas: number;
    readonly minReadySeconds?: number;
    /** Equality-based: every label must match. */
    readonly selector: Readonly<Record<string, string>>;
    readonly template: PodTemplateSpec;
  };
  readonly status: ReplicaSetStatus;
}

export interface PersistentVolumeClaimTemplate {
  readonly metadata: Partial<ObjectMeta> & { readonly name: string };
  readonly spec: Readonly<Record<string, unknown>>;
}

export interface StatefulSetSpec {
  readonly replicas: number;
  readonly selector: LabelSelector;
  readonly template: PodTemplateSpec;
  readonly serviceName?: string;
  readonly podManagementPolicy: 'OrderedReady' | 'Parallel';
  readonly updateStrategy: {
    readonly type: 'RollingUpdate' | 'OnDelete';
    readonly rollingUpdate?: { readonly partition?: number; readonly maxUnavailable?: IntOrString };
  };
  readonly revisionHistoryLimit: number;
  readonly minReadySeconds?: number;
  readonly volumeClaimTemplates?: readonly PersistentVolumeClaimTemplate[];
  readonly persistentVolumeClaimRetentionPolicy: {
    readonly whenDeleted: 'Retain' | 'Delete';
    readonly whenScaled: 'Retain' | 'Delete';
  };
  readonly ordinals?: { readonly start?: number };
}

export interface StatefulSetStatus {
  readonly observedGeneration?: number;
  readonly replicas: number;
  readonly readyReplicas?: number;
  readonly currentReplicas?: number;
  readonly updatedReplicas?: number;
  readonly availableReplicas?: number;
  readonly currentRevision?: string;
  readonly updateRevision?: string;
  readonly collisionCount?: number;
  readonly conditions?: readonly Condition[];
}

export interface StatefulSet extends KubeObject {
  readonly kind: 'StatefulSet';
  readonly spec: StatefulSetSpec;
  readonly status: StatefulSetStatus;
}

export interface DaemonSetSpec {
  readonly selector: LabelSelector;
  readonly template: PodTemplateSpec;
  readonly updateStrategy: {
    readonly type: 'RollingUpdate' | 'OnDelete';
    readonly rollingUpdate?: { readonly maxUnavailable?: IntOrString; readonly maxSurge?: IntOrString };
  };
  readonly minReadySeconds?: number;
  readonly revisionHistoryLimit: number;
}

export interface DaemonSetStatus {
  readonly currentNumberScheduled: number;
  readonly numberMisscheduled: number;
  readonly desiredNumberScheduled: number;
  readonly numberReady: number;
  readonly observedGeneration?: number;
  readonly updatedNumberScheduled?: number;
  readonly numberAvailable?: number;
  readonly numberUnavailable?: number;
  readonly collisionCount?: number;
  readonly conditions?: readonly Condition[];
}

export interface DaemonSet extends KubeObject {
  readonly kind: 'DaemonSet';
  readonly spec: DaemonSetSpec;
  readonly status: DaemonSetStatus;
}

export interface PodFailurePolicyRule {
  readonly action: 'FailJob' | 'FailIndex' | 'Ignore' | 'Count';
  readonly onExitCodes?: {
    readonly containerName?: string;
    readonly operator: 'In' | 'NotIn';
    readonly values: readonly number[];
  };
  readonly onPodConditions?: readonly { readonly type: string; readonly status: string }[];
}

export interface JobSpec {
  readonly parallelism: number;
  readonly completions?: number;
  readonly completionMode: 'NonIndexed' | 'Indexed';
  readonly backoffLimit: number;
  readonly backoffLimitPerIndex?: number;
  readonly maxFailedIndexes?: number;
  readonly activeDeadlineSeconds?: number;
  readonly ttlSecondsAfterFinished?: number;
  readonly suspend: boolean;
  readonly manualSelector?: boolean;
  readonly selector: LabelSelector;
  readonly template: PodTemplateSpec;
  readonly podFailurePolicy?: { readonly rules: readonly PodFailurePolicyRule[] };
  readonly successPolicy?: {
    readonly rules: readonly { readonly succeededIndexes?: string; readonly succeededCount?: number }[];
  };
  readonly podReplacementPolicy?: 'TerminatingOrFailed' | 'Failed';
}

export interface JobStatus {
  readonly conditions?: readonly Condition[];
  readonly startTime?: string;
  readonly completionTime?: string;
  readonly active?: number;
  readonly succeeded?: number;
  readonly failed?: number;
  readonly terminating?: number;
  readonly ready?: number;
  readonly completedIndexes?: string;
  readonly failedIndexes?: string;
  readonly uncountedTerminatedPods?: { readonly succeeded?: readonly string[]; readonly failed?: readonly string[] };
}

export interface Job extends KubeObject {
  readonly kind: 'Job';
  readonly spec: JobSpec;
  readonly status: JobStatus;
}

export interface JobTemplateSpec {
  readonly metadata?: { readonly labels?: Readonly<Record<string, string>>; readonly annotations?: Readonly<Record<string, string>> };
  readonly spec: Omit<JobSpec, 'selector'> & { readonly selector?: LabelSelector };
}

export interface CronJobSpec {
  readonly schedule: string;
  readonly timeZone?: string;
  readonly startingDeadlineSeconds?: number;
  readonly concurrencyPolicy: 'Allow' | 'Forbid' | 'Replace';
  readonly suspend: boolean;
  readonly jobTemplate: JobTemplateSpec;
  readonly successfulJobsHistoryLimit: number;
  readonly failedJobsHistoryLimit: number;
}

export interface ObjectReference {
  readonly apiVersion?: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
  readonly uid?: string;
  readonly resourceVersion?: string;
  /** The part of the object an Event is about: "spec.containers{app}" for a container. */
  readonly fieldPath?: string;
}

export interface CronJobStatus {
  readonly active?: readonly ObjectReference[];
  readonly lastScheduleTime?: string;
  readonly lastSuccessfulTime?: string;
}

export interface CronJob extends KubeObject {
  readonly kind: 'CronJob';
  readonly spec: CronJobSpec;
  readonly status: CronJobStatus;
}

export interface PersistentVolumeClaim extends KubeObject {
  readonly kind: 'PersistentVolumeClaim';
  readonly spec: Readonly<Record<string, unknown>>;
  readonly status: { readonly phase: 'Pending' | 'Bound' | 'Lost'; readonly [field: string]: unknown };
}

/** A core/v1 Event as a controller's event recorder writes it. */
export interface KubeEvent extends KubeObject {
  readonly kind: 'Event';
  readonly involvedObject: ObjectReference;
  readonly reason: string;
  readonly message: string;
  readonly type: 'Normal' | 'Warning';
  readonly source: { readonly component: string; readonly host?: string };
  readonly count: number;
  readonly firstTimestamp: string;
  readonly lastTimestamp: string;
  readonly reportingComponent: string;
  readonly reportingInstance: string;
}

/** The spec of a ReplicaSet, for builders that start from a Deployment's template. */
export type { ReplicaSetSpec };

/** A revision of a StatefulSet's or DaemonSet's pod template (apps/v1 ControllerRevision). */
export interface ControllerRevision extends KubeObject {
  readonly kind: 'ControllerRevision';
  readonly data?: unknown;
  readonly revision: number;
}

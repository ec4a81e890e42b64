// autoscaling/v2: HorizontalPodAutoscalers and their metric specs.
// Field names and Go types as in upstream v1.34's types.go; see field-types.ts.

import { str, s, int32, int64, quantity, time, list, struct } from './field-types.ts';
import { LabelSelector, object } from './meta.ts';

export const MetricTarget = struct('MetricTarget', { type: s('MetricTargetType', 'v2'), value: quantity, averageValue: quantity, averageUtilization: int32 }, 'v2');
export const ContainerResourceMetricSource = struct('ContainerResourceMetricSource', { name: s('ResourceName'), target: MetricTarget, container: str }, 'v2');
export const MetricValueStatus = struct('MetricValueStatus', { value: quantity, averageValue: quantity, averageUtilization: int32 }, 'v2');
export const ContainerResourceMetricStatus = struct('ContainerResourceMetricStatus', { name: s('ResourceName'), current: MetricValueStatus, container: str }, 'v2');
export const CrossVersionObjectReference = struct('CrossVersionObjectReference', { kind: str, name: str, apiVersion: str }, 'v2');
export const MetricIdentifier = struct('MetricIdentifier', { name: str, selector: LabelSelector }, 'v2');
export const ExternalMetricSource = struct('ExternalMetricSource', { metric: MetricIdentifier, target: MetricTarget }, 'v2');
export const ExternalMetricStatus = struct('ExternalMetricStatus', { metric: MetricIdentifier, current: MetricValueStatus }, 'v2');
export const HPAScalingPolicy = struct('HPAScalingPolicy', { type: s('HPAScalingPolicyType', 'v2'), value: int32, periodSeconds: int32 }, 'v2');
export const HPAScalingRules = struct('HPAScalingRules', { stabilizationWindowSeconds: int32, selectPolicy: s('ScalingPolicySelect', 'v2'), policies: list(HPAScalingPolicy), tolerance: quantity }, 'v2');
export const ObjectMetricSource = struct('ObjectMetricSource', { describedObject: CrossVersionObjectReference, target: MetricTarget, metric: MetricIdentifier }, 'v2');
export const PodsMetricSource = struct('PodsMetricSource', { metric: MetricIdentifier, target: MetricTarget }, 'v2');
export const ResourceMetricSource = struct('ResourceMetricSource', { name: s('ResourceName'), target: MetricTarget }, 'v2');
export const MetricSpec = struct('MetricSpec', {
  type: s('MetricSourceType', 'v2'), object: ObjectMetricSource, pods: PodsMetricSource, resource: ResourceMetricSource,
  containerResource: ContainerResourceMetricSource, external: ExternalMetricSource,
}, 'v2');
export const HorizontalPodAutoscalerBehavior = struct('HorizontalPodAutoscalerBehavior', { scaleUp: HPAScalingRules, scaleDown: HPAScalingRules }, 'v2');
export const HorizontalPodAutoscalerSpec = struct('HorizontalPodAutoscalerSpec', { scaleTargetRef: CrossVersionObjectReference, minReplicas: int32, maxReplicas: int32, metrics: list(MetricSpec), behavior: HorizontalPodAutoscalerBehavior }, 'v2');
export const ObjectMetricStatus = struct('ObjectMetricStatus', { metric: MetricIdentifier, current: MetricValueStatus, describedObject: CrossVersionObjectReference }, 'v2');
export const PodsMetricStatus = struct('PodsMetricStatus', { metric: MetricIdentifier, current: MetricValueStatus }, 'v2');
export const ResourceMetricStatus = struct('ResourceMetricStatus', { name: s('ResourceName'), current: MetricValueStatus }, 'v2');
export const MetricStatus = struct('MetricStatus', {
  type: s('MetricSourceType', 'v2'), object: ObjectMetricStatus, pods: PodsMetricStatus, resource: ResourceMetricStatus,
  containerResource: ContainerResourceMetricStatus, external: ExternalMetricStatus,
}, 'v2');
export const HorizontalPodAutoscalerCondition = struct('HorizontalPodAutoscalerCondition', { type: s('HorizontalPodAutoscalerConditionType', 'v2'), status: s('ConditionStatus'), lastTransitionTime: time, reason: str, message: str }, 'v2');
export const HorizontalPodAutoscalerStatus = struct('HorizontalPodAutoscalerStatus', {
  observedGeneration: int64, lastScaleTime: time, currentReplicas: int32, desiredReplicas: int32, currentMetrics: list(MetricStatus),
  conditions: list(HorizontalPodAutoscalerCondition),
}, 'v2');
export const HORIZONTAL_POD_AUTOSCALER_FIELDS = object('HorizontalPodAutoscaler', { spec: HorizontalPodAutoscalerSpec, status: HorizontalPodAutoscalerStatus }, 'v2');

// What a scheduling cycle computes once about the pod before looking at any node: upstream's
// PreFilter and PreScore state. Nothing here is recomputed per node.

import type { Pod, Toleration } from '../../core/objects.ts';
import { type PodResources, podResources } from '../../reducers/pod-resources.ts';
import type { ClusterState } from '../../reducers/state.ts';
import {
  type NodeNamesResult,
  nodeAffinityNodeNames,
  preferredTerms,
  type RequiredNodeAffinity,
  requiredNodeAffinity,
  type WeightedTerm,
} from './plugins/node-affinity.ts';

export interface PodInfo {
  readonly key: string;
  readonly pod: Pod;
  /** Actual requests for the fit filter and balanced allocation, non-zero ones for least allocated. */
  readonly requests: PodResources;
  readonly tolerations: readonly Toleration[];
  /** Tolerations with effect PreferNoSchedule or none, which TaintToleration scores with. */
  readonly preferNoScheduleTolerations: readonly Toleration[];
  readonly requiredAffinity: RequiredNodeAffinity;
  readonly preferredTerms: readonly WeightedTerm[] | undefined;
  readonly nodeNames: NodeNamesResult;
}

export function podInfo(key: string, pod: Pod, state: ClusterState): PodInfo {
  const tolerations = pod.spec.tolerations ?? [];
  return {
    key,
    pod,
    requests: state.indexes.podRequests.get(key) ?? podResources(pod),
    tolerations,
    preferNoScheduleTolerations: tolerations.filter((t) => !t.effect || t.effect === 'PreferNoSchedule'),
    requiredAffinity: requiredNodeAffinity(pod.spec),
    preferredTerms: preferredTerms(pod.spec),
    nodeNames: nodeAffinityNodeNames(pod.spec),
  };
}

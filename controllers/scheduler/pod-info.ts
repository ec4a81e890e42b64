// What a scheduling cycle reads from the pod itself before looking at any node: its requests,
// tolerations, node affinity, host ports, images and pod affinity terms, each parsed once. The
// per-cycle counts over other pods (upstream's PreFilter and PreScore state) live in
// cycle-state.ts and the plugins' PreScore.

import type { Pod, Toleration } from '../../core/objects.ts';
import { type PodResources, podResources } from '../../reducers/pod-resources.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { podImages } from './plugins/image-locality.ts';
import { incomingTerms, type PodAffinityTerms } from './plugins/inter-pod-affinity/terms.ts';
import {
  type NodeNamesResult,
  nodeAffinityNodeNames,
  preferredTerms,
  type RequiredNodeAffinity,
  requiredNodeAffinity,
  type WeightedTerm,
} from './plugins/node-affinity.ts';
import { type HostPort, hostPortsOf } from './plugins/node-ports.ts';
import { podClaimNames } from './plugins/volume-binding.ts';

export interface PodInfo {
  readonly key: string;
  readonly pod: Pod;
  /** Actual requests for the fit filter and balanced allocation, non-zero ones for least allocated. */
  readonly requests: PodResources;
  /** Whether the pod asks for ephemeral storage or any scalar resource, which the fit filter checks apart. */
  readonly hasOtherRequests: boolean;
  readonly tolerations: readonly Toleration[];
  /** Tolerations with effect PreferNoSchedule or none, which TaintToleration scores with. */
  readonly preferNoScheduleTolerations: readonly Toleration[];
  readonly requiredAffinity: RequiredNodeAffinity;
  readonly preferredTerms: readonly WeightedTerm[] | undefined;
  readonly nodeNames: NodeNamesResult;
  /** NodePorts' PreFilter: the host ports the pod asks for. */
  readonly hostPorts: readonly HostPort[];
  /** ImageLocality: the normalised image names of every container. */
  readonly images: readonly string[];
  /** Pod affinity and anti-affinity terms, namespace selectors resolved. */
  readonly affinityTerms: PodAffinityTerms;
  /** VolumeBinding: the claims the pod's volumes name; empty for most pods, which skip the plugin. */
  readonly claimNames: readonly string[];
}

export function podInfo(key: string, pod: Pod, state: ClusterState): PodInfo {
  const tolerations = pod.spec.tolerations ?? [];
  const requests = state.indexes.podRequests.get(key) ?? podResources(pod);
  return {
    key,
    pod,
    requests,
    hasOtherRequests: requests.ephemeralStorageBytes > 0 || Object.keys(requests.scalar).length > 0,
    tolerations,
    preferNoScheduleTolerations: tolerations.filter((t) => !t.effect || t.effect === 'PreferNoSchedule'),
    requiredAffinity: requiredNodeAffinity(pod.spec),
    preferredTerms: preferredTerms(pod.spec),
    nodeNames: nodeAffinityNodeNames(pod.spec),
    hostPorts: hostPortsOf(pod),
    images: podImages(pod),
    affinityTerms: incomingTerms(pod, state),
    claimNames: podClaimNames(pod),
  };
}

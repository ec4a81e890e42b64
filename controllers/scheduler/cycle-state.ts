// One scheduling cycle's state: upstream's CycleState after PreFilter. What the filters need
// beyond the pod and the node is computed here once per cycle from the indexes, never per node:
// the topology spread domain counts and the inter-pod affinity pair counts.
//
// The extension point for preemption (not modelled yet): upstream's DefaultPreemption clones the
// cycle state per candidate node and calls each plugin's AddPod/RemovePod to simulate the victims
// gone, then re-runs the filters. withPod is that step here: it returns a new cycle state with one
// pod added to or removed from a node, leaving the original untouched, so candidates can be tried
// side by side. The filters also read the node's usage, which the caller passes in (a preemption
// step subtracts the victims' requests), and NodePorts reads the node's host-port pods from the
// index, which a preemption step will have to filter by its victims.

import type { Pod } from '../../core/objects.ts';
import type { ClusterState } from '../../reducers/state.ts';
import type { NodeUsage } from '../../reducers/pod-resources.ts';
import { readUsages } from './node-usage-cache.ts';
import type { NodeSnapshot, NodeView } from './node-views.ts';
import { type InterPodFilterState, interPodPreFilter, interPodWithPod } from './plugins/inter-pod-affinity/filtering.ts';
import { spreadPreFilter, type SpreadFilterState, spreadWithPod } from './plugins/pod-topology-spread/filtering.ts';
import type { PodInfo } from './pod-info.ts';
import type { VolumeBindingState } from './plugins/volume-binding.ts';

export interface CycleState {
  readonly pod: PodInfo;
  readonly nodes: NodeSnapshot;
  /** Each node's usage, by ordinal (see node-usage-cache.ts). */
  readonly usages: readonly NodeUsage[];
  readonly cluster: ClusterState;
  /** PodTopologySpread's PreFilter state; undefined when the plugin skips. */
  readonly spread: SpreadFilterState | undefined;
  /** InterPodAffinity's PreFilter state; undefined when the plugin skips. */
  readonly interPod: InterPodFilterState | undefined;
  /** VolumeBinding's PreFilter state; undefined when the pod has no claims. */
  readonly volumes: VolumeBindingState | undefined;
  /**
   * The pods nominated to a node that this pod must leave room for (priority at least its own),
   * which the filters count as if placed (nominated-pods.ts); absent when no pod is nominated.
   */
  readonly nominatedPods?: (nodeName: string) => readonly Pod[];
}

/** The PreFilter extension point, over every node of the snapshot; usages default to the index's. */
export function preFilter(
  pod: PodInfo,
  nodes: NodeSnapshot,
  cluster: ClusterState,
  usages = readUsages(nodes, cluster.indexes.nodeUsage),
  volumes: VolumeBindingState | undefined = undefined,
): CycleState {
  return {
    pod,
    nodes,
    usages,
    cluster,
    spread: spreadPreFilter(pod, nodes.list, usages, cluster),
    interPod: interPodPreFilter(pod, nodes, cluster),
    volumes,
  };
}

/** AddPod (delta 1) or RemovePod (delta -1) of every PreFilter plugin, on a copy of the state. */
export function withPod(cycle: CycleState, other: Pod, node: NodeView, delta: 1 | -1): CycleState {
  return {
    ...cycle,
    spread: spreadWithPod(cycle.spread, cycle.pod, other, node, delta),
    interPod: interPodWithPod(cycle.interPod, cycle.pod, other, node, delta),
  };
}

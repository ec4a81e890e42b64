// One scheduling cycle for one pod, as a pure function (pkg/scheduler/schedule_one.go,
// schedulePod and findNodesThatFitPod): run PreFilter over every node, narrow the nodes by the
// pod's metadata.name affinity, filter from where the previous cycle stopped until enough nodes
// fit, score them, pick the best.
// The start index is an input and the next one an output, so the caller decides where it lives.

import type { Rng } from '../../core/prng.ts';
import type { NodeUsage } from '../../reducers/pod-resources.ts';
import type { ClusterState } from '../../reducers/state.ts';
import type { Pod } from '../../core/objects.ts';
import { type CycleState, preFilter } from './cycle-state.ts';
import { findNodesThatPassFilters, numFeasibleNodesToFind } from './feasible-nodes.ts';
import { ERR_NO_NODES_AVAILABLE, fitErrorMessage } from './fit-error.ts';
import { prioritizeNodes } from './framework.ts';
import type { NodeSnapshot, NodeView } from './node-views.ts';
import { runFilterPluginsWithNominatedPods } from './nominated-pods.ts';
import { ERR_REASON_CONFLICT } from './plugins/node-affinity.ts';
import { NO_USAGE } from '../../reducers/pod-resources.ts';
import type { PodInfo } from './pod-info.ts';
import { selectHost } from './select-host.ts';
import { volumeBindingPreFilter } from './plugins/volume-binding.ts';
import { withFields } from '../../core/with-fields.ts';

export interface CycleInput {
  readonly pod: PodInfo;
  /** Every node, in the scheduler's search order, and by name. */
  readonly nodes: NodeSnapshot;
  /** The cluster the cycle reads: usage, and the pods the pod-counting plugins count. */
  readonly cluster: ClusterState;
  /** Each node's usage by ordinal, when the caller keeps them (the scheduler's cache); else read from the index. */
  readonly usages?: readonly NodeUsage[];
  readonly startIndex: number;
  readonly percentageOfNodesToScore: number;
  readonly rng: Rng;
  /** The pods nominated to a node that this pod must leave room for; absent when none is nominated. */
  readonly nominatedPods?: (nodeName: string) => readonly Pod[];
}

export type CycleResult =
  | {
      readonly kind: 'bound';
      readonly nodeName: string;
      readonly nextStartIndex: number;
      readonly feasibleNodes: number;
    }
  | {
      readonly kind: 'unschedulable';
      readonly message: string;
      readonly nextStartIndex: number;
      /** Each filter reason with the number of nodes that gave it (upstream's Diagnosis). */
      readonly reasons: ReadonlyMap<string, number>;
      /** The cycle's PreFilter state, for preemption; absent when the cycle stopped before filtering. */
      readonly cycle?: CycleState;
    };

/** Nodes outside the PreFilter's names get this reason (findNodesThatFitPod, SetAbsentNodesStatus). */
export const REASON_PRE_FILTER_NODE_AFFINITY = "node(s) didn't satisfy plugin(s) [NodeAffinity]";

function candidateNodes(input: CycleInput): readonly NodeView[] {
  const names = input.pod.nodeNames;
  return names.kind === 'names' ? input.nodes.list.filter((node) => names.names.has(node.name)) : input.nodes.list;
}

/** The reasons with the nodes outside the PreFilter's names counted under their own. */
function withAbsentNodes(input: CycleInput, reasons: ReadonlyMap<string, number>, rejected: number): ReadonlyMap<string, number> {
  const all = input.nodes.list.length;
  if (input.pod.nodeNames.kind !== 'names' || rejected >= all) return reasons;
  const withAbsent = new Map(reasons);
  withAbsent.set(
    REASON_PRE_FILTER_NODE_AFFINITY,
    (withAbsent.get(REASON_PRE_FILTER_NODE_AFFINITY) ?? 0) + all - rejected,
  );
  return withAbsent;
}

/**
 * evaluateNominatedNode: a pod nominated by an earlier preemption tries that node first and takes
 * it, unscored, when it passes the filters. The search's start index is left as it was.
 */
function nominatedNodeFits(input: CycleInput, cycle: CycleState): string | undefined {
  const nominated = input.pod.pod.status.nominatedNodeName;
  if (!nominated) return undefined;
  const node = input.nodes.byName.get(nominated);
  if (node === undefined || !candidateNodes(input).includes(node)) return undefined;
  const usage = cycle.usages[node.ordinal] ?? NO_USAGE;
  return runFilterPluginsWithNominatedPods(cycle, node, usage) === undefined ? node.name : undefined;
}

export function schedulePod(input: CycleInput): CycleResult {
  const all = input.nodes.list.length;
  if (all === 0) {
    return { kind: 'unschedulable', message: ERR_NO_NODES_AVAILABLE, nextStartIndex: input.startIndex, reasons: new Map() };
  }
  if (input.pod.nodeNames.kind === 'conflict') {
    return {
      kind: 'unschedulable',
      message: fitErrorMessage(all, new Map(), ERR_REASON_CONFLICT),
      nextStartIndex: input.startIndex,
      reasons: new Map([[ERR_REASON_CONFLICT, all]]),
    };
  }
  // VolumeBinding's PreFilter; a pod without claims skips it.
  const volumes = input.pod.claimNames.length === 0 ? undefined : volumeBindingPreFilter(input.pod.pod, input.pod.claimNames, input.cluster);
  if (volumes !== undefined && 'rejected' in volumes) {
    return { kind: 'unschedulable', message: fitErrorMessage(all, new Map(), volumes.rejected), nextStartIndex: input.startIndex, reasons: new Map([[volumes.rejected, all]]) };
  }
  const prefiltered = preFilter(input.pod, input.nodes, input.cluster, input.usages, volumes);
  const cycle = input.nominatedPods === undefined ? prefiltered : withFields(prefiltered, { nominatedPods: input.nominatedPods });
  const onNominated = nominatedNodeFits(input, cycle);
  if (onNominated !== undefined) return { kind: 'bound', nodeName: onNominated, nextStartIndex: input.startIndex, feasibleNodes: 1 };
  const nodes = candidateNodes(input);
  const numToFind = numFeasibleNodesToFind(input.percentageOfNodesToScore, nodes.length);
  const start = nodes.length === 0 ? 0 : input.startIndex % nodes.length;
  const outcome = findNodesThatPassFilters(cycle, nodes, start, numToFind);
  // Upstream moves the start on by every node it looked at, even when the pod fits nowhere.
  const nextStartIndex = (input.startIndex + outcome.feasible.length + outcome.rejected) % all;
  const { feasible } = outcome;
  if (feasible.length === 0) {
    const reasons = withAbsentNodes(input, outcome.reasons, outcome.rejected);
    return { kind: 'unschedulable', message: fitErrorMessage(all, reasons), nextStartIndex, reasons, cycle };
  }
  // With one feasible node upstream binds it without scoring, so no tie is drawn.
  if (feasible.length === 1) {
    return { kind: 'bound', nodeName: (feasible[0] as NodeView).name, nextStartIndex, feasibleNodes: 1 };
  }
  const totals = prioritizeNodes(cycle, feasible, outcome.usages);
  const chosen = feasible[selectHost(totals, input.rng)] as NodeView;
  return { kind: 'bound', nodeName: chosen.name, nextStartIndex, feasibleNodes: feasible.length };
}

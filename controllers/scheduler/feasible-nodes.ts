// How many feasible nodes a cycle looks for before it stops filtering, and the search itself
// (pkg/scheduler/schedule_one.go: numFeasibleNodesToFind, findNodesThatPassFilters). Upstream
// filters in parallel; ksim checks the same nodes one by one from the same start, which is the
// order upstream's parallel search approximates.

import { NO_USAGE, type NodeUsage } from '../../reducers/pod-resources.ts';
import type { CycleState } from './cycle-state.ts';
import { runFilterPluginsWithNominatedPods } from './nominated-pods.ts';
import type { NodeView } from './node-views.ts';

/** 0 asks for upstream's adaptive percentage, which is also upstream's default. */
export const PERCENTAGE_OF_NODES_TO_SCORE = 0;
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/** Go's integer division of non-negative numbers. */
const divide = (a: number, b: number) => Math.floor(a / b);

export function numFeasibleNodesToFind(percentageOfNodesToScore: number, numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let percentage = percentageOfNodesToScore;
  if (percentage === 0) {
    percentage = Math.max(50 - divide(numAllNodes, 125), MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND);
  }
  const numNodes = divide(numAllNodes * percentage, 100);
  return Math.max(numNodes, MIN_FEASIBLE_NODES_TO_FIND);
}

export interface FilterOutcome {
  readonly feasible: readonly NodeView[];
  /** The usage read for each feasible node, so scoring does not look it up again. */
  readonly usages: readonly NodeUsage[];
  /** How many nodes rejected the pod for each reason; a node may count under several. */
  readonly reasons: ReadonlyMap<string, number>;
  /** Nodes checked and rejected (upstream's NodeToStatus.Len()). */
  readonly rejected: number;
}

const NO_REASONS: ReadonlyMap<string, number> = new Map();

function countReason(reasons: Map<string, number>, reason: string): void {
  reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
}

function countReasons(reasons: Map<string, number>, status: string | readonly string[]): void {
  if (typeof status === 'string') countReason(reasons, status);
  else for (const reason of status) countReason(reasons, reason);
}

/** Filters nodes from `startIndex` round the list until `numToFind` fit or every node was checked. */
export function findNodesThatPassFilters(
  cycle: CycleState,
  nodes: readonly NodeView[],
  startIndex: number,
  numToFind: number,
): FilterOutcome {
  const { usages: usageByOrdinal } = cycle;
  const feasible: NodeView[] = [];
  const usages: NodeUsage[] = [];
  let reasons: Map<string, number> | undefined;
  let rejected = 0;
  for (let i = 0; i < nodes.length && feasible.length < numToFind; i++) {
    const node = nodes[(startIndex + i) % nodes.length] as NodeView;
    const usage = usageByOrdinal[node.ordinal] ?? NO_USAGE;
    const status = runFilterPluginsWithNominatedPods(cycle, node, usage);
    if (status === undefined) {
      feasible.push(node);
      usages.push(usage);
    } else {
      rejected++;
      reasons ??= new Map();
      countReasons(reasons, status);
    }
  }
  return { feasible, usages, reasons: reasons ?? NO_REASONS, rejected };
}

// The DefaultPreemption PostFilter (plugins/defaultpreemption and framework/preemption, v1.34): for
// a pod that fits nowhere, find the nodes where evicting pods of lower priority would make room,
// pick one, and nominate the pod to it. In order:
//
// 1. PodEligibleToPreemptOthers: not with preemptionPolicy Never, and not while a pod on the node
//    it is already nominated to is still terminating from an earlier preemption.
// 2. The potential nodes: those the filters rejected as Unschedulable, not UnschedulableAndUnresolvable
//    (cordoned, untolerated taints, node affinity, missing topology labels, required pod affinity,
//    a request larger than the node's allocatable: evicting pods cannot help there).
// 3. DryRunPreemption from a random offset (the scheduler's seeded stream) over the potential nodes,
//    until enough candidates are found: max(10% of them, 100), at most all; candidates that break
//    no PodDisruptionBudget come first.
// 4. pickOneNodeForPreemption, and the victims and the lower-priority pods nominated there.
//
// With no candidate, the message is upstream's FitError over the dry run's statuses, the nodes not
// tried counting as "Preemption is not helpful for scheduling".

import { ERR_REASON_BIND_CONFLICT, ERR_REASON_NODE_CONFLICT } from '../plugins/volume-binding.ts';
import type { Pod } from '../../../core/objects.ts';
import type { Rng } from '../../../core/prng.ts';
import { NO_USAGE } from '../../../reducers/pod-resources.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import type { CycleState } from '../cycle-state.ts';
import { fitErrorMessage } from '../fit-error.ts';
import type { FilterStatus } from '../framework.ts';
import { runFilterPluginsWithNominatedPods } from '../nominated-pods.ts';
import type { NodeView } from '../node-views.ts';
import { ERR_REASON_AFFINITY_RULES_NOT_MATCH } from '../plugins/inter-pod-affinity/filtering.ts';
import { ERR_REASON_CONFLICT, ERR_REASON_POD } from '../plugins/node-affinity.ts';
import { ERR_REASON_NODE_NAME } from '../plugins/node-name.ts';
import { ERR_REASON_UNSCHEDULABLE } from '../plugins/node-unschedulable.ts';
import { ERR_REASON_NODE_LABEL_NOT_MATCH } from '../plugins/pod-topology-spread/filtering.ts';
import type { PodInfo } from '../pod-info.ts';
import { podPriority } from '../queue/queued-pod.ts';
import { disruptionBudgets } from './pdb.ts';
import { type Candidate, pickOneNodeForPreemption } from './pick-node.ts';
import { ERR_NO_PREEMPTION_VICTIMS, selectVictimsOnNode } from './select-victims.ts';

export const MIN_CANDIDATE_NODES_PERCENTAGE = 10;
export const MIN_CANDIDATE_NODES_ABSOLUTE = 100;
export const ERR_PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NOT_ELIGIBLE_NEVER = 'not eligible due to preemptionPolicy=Never.';
export const NOT_ELIGIBLE_TERMINATING = 'not eligible due to a terminating pod on the nominated node.';

export type PreemptionOutcome =
  /** The pod keeps its nomination, if any; the message goes after "preemption: ". */
  | { readonly kind: 'notEligible'; readonly message: string }
  /** The nomination is cleared. */
  | { readonly kind: 'noCandidates'; readonly message: string }
  | { readonly kind: 'nominated'; readonly nodeName: string; readonly victims: readonly Pod[] };

export interface PreemptionInput {
  readonly pod: PodInfo;
  /** The failed cycle's state; absent when it stopped before filtering (conflicting node affinity). */
  readonly cycle: CycleState | undefined;
  readonly nodes: readonly NodeView[];
  readonly cluster: ClusterState;
  readonly rng: Rng;
  readonly nowMs: number;
  /** Whether any placed pod has a priority below this one; absent, every node's pods are read. */
  readonly hasPlacedPodBelow?: (priority: number) => boolean;
}

/** calculateNumCandidates. */
export function numCandidates(numNodes: number): number {
  const n = Math.floor((numNodes * MIN_CANDIDATE_NODES_PERCENTAGE) / 100);
  return Math.min(Math.max(n, MIN_CANDIDATE_NODES_ABSOLUTE), numNodes);
}

const UNRESOLVABLE_REASONS = new Set([
  ERR_REASON_UNSCHEDULABLE,
  ERR_REASON_NODE_NAME,
  ERR_REASON_POD,
  ERR_REASON_CONFLICT,
  ERR_REASON_NODE_LABEL_NOT_MATCH,
  ERR_REASON_AFFINITY_RULES_NOT_MATCH,
  ERR_REASON_NODE_CONFLICT,
  ERR_REASON_BIND_CONFLICT,
]);

/** The status code of a filter rejection: true for UnschedulableAndUnresolvable. */
export function isUnresolvable(status: FilterStatus, pod: PodInfo, node: NodeView): boolean {
  if (status === undefined) return false;
  const reasons = typeof status === 'string' ? [status] : status;
  if (reasons.some((reason) => UNRESOLVABLE_REASONS.has(reason) || reason.startsWith('node(s) had untolerated taint'))) return true;
  if (!reasons.some((reason) => reason.startsWith('Insufficient '))) return false;
  // NodeResourcesFit: a request larger than the node's whole allocatable (InsufficientResource.Unresolvable);
  // "Too many pods" never is.
  const { requests } = pod;
  const { allocatable } = node;
  if (requests.cpuMilli > allocatable.cpuMilli || requests.memoryBytes > allocatable.memoryBytes) return true;
  if (requests.ephemeralStorageBytes > allocatable.ephemeralStorageBytes) return true;
  return Object.entries(requests.scalar).some(([name, value]) => value > (allocatable.scalar[name] ?? 0));
}

function usageOf(cycle: CycleState, node: NodeView) {
  return cycle.usages[node.ordinal] ?? NO_USAGE;
}

function isTerminatingByPreemption(pod: Pod): boolean {
  if (pod.metadata.deletionTimestamp === undefined) return false;
  const condition = pod.status.conditions?.find((c) => c.type === 'DisruptionTarget');
  return condition?.status === 'True' && condition.reason === 'PreemptionByScheduler';
}

function podsOn(cluster: ClusterState, nodeName: string): Pod[] {
  const pods: Pod[] = [];
  for (const key of cluster.indexes.podsByNode.members(nodeName)) {
    const pod = cluster.pods.get(key);
    if (pod !== undefined && pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed') pods.push(pod);
  }
  return pods;
}

/** PodEligibleToPreemptOthers; undefined when eligible. */
function ineligibility(input: PreemptionInput, nodeStatus: (node: NodeView) => FilterStatus): string | undefined {
  const { pod } = input.pod;
  if (pod.spec.preemptionPolicy === 'Never') return NOT_ELIGIBLE_NEVER;
  const nominated = pod.status.nominatedNodeName;
  const node = nominated ? input.nodes.find((view) => view.name === nominated) : undefined;
  if (node === undefined || input.cycle === undefined) return undefined;
  if (isUnresolvable(nodeStatus(node), input.pod, node)) return undefined;
  const priority = podPriority(pod);
  const terminating = podsOn(input.cluster, node.name).some((other) => podPriority(other) < priority && isTerminatingByPreemption(other));
  return terminating ? NOT_ELIGIBLE_TERMINATING : undefined;
}

function countStatus(reasons: Map<string, number>, status: string | readonly string[]): void {
  for (const reason of typeof status === 'string' ? [status] : status) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
}

export function preempt(input: PreemptionInput): PreemptionOutcome {
  const { cycle } = input;
  const statuses = new Map<string, FilterStatus>();
  const nodeStatus = (node: NodeView): FilterStatus => {
    if (cycle === undefined) return ERR_REASON_CONFLICT;
    if (!statuses.has(node.name)) statuses.set(node.name, runFilterPluginsWithNominatedPods(cycle, node, usageOf(cycle, node)));
    return statuses.get(node.name);
  };
  const notEligible = ineligibility(input, nodeStatus);
  if (notEligible !== undefined) return { kind: 'notEligible', message: notEligible };
  const all = input.nodes.length;
  const allowed = cycle === undefined ? undefined : cycle.pod.nodeNames;
  const potential = cycle === undefined ? [] : input.nodes.filter((node) => {
    if (allowed?.kind === 'names' && !allowed.names.has(node.name)) return false;
    const status = nodeStatus(node);
    return status !== undefined && !isUnresolvable(status, input.pod, node);
  });
  const dryRun = cycle === undefined || potential.length === 0 ? { candidates: [], failures: new Map<string, number>(), tried: 0 } : dryRunPreemption(input, cycle, potential);
  const chosen = pickOneNodeForPreemption(dryRun.candidates, input.nowMs);
  if (chosen === undefined) {
    const reasons = new Map(dryRun.failures);
    if (dryRun.tried < all) reasons.set(ERR_PREEMPTION_NOT_HELPFUL, (reasons.get(ERR_PREEMPTION_NOT_HELPFUL) ?? 0) + all - dryRun.tried);
    return { kind: 'noCandidates', message: fitErrorMessage(all, reasons) };
  }
  const candidate = dryRun.candidates.find((each) => each.nodeName === chosen) as Candidate;
  return { kind: 'nominated', nodeName: chosen, victims: candidate.victims };
}

/** DryRunPreemption, one node after another from the offset, stopping as upstream's cancel does. */
function dryRunPreemption(input: PreemptionInput, cycle: CycleState, potential: readonly NodeView[]) {
  const offset = input.rng.int(potential.length);
  // With no placed pod of lower priority anywhere, every node gives the same answer.
  if (input.hasPlacedPodBelow?.(podPriority(cycle.pod.pod)) === false) {
    return { candidates: [], failures: new Map([[ERR_NO_PREEMPTION_VICTIMS, potential.length]]), tried: potential.length };
  }
  const wanted = numCandidates(potential.length);
  const budgets = disruptionBudgets(input.cluster);
  const nonViolating: Candidate[] = [];
  const violating: Candidate[] = [];
  const failures = new Map<string, number>();
  let tried = 0;
  for (let i = 0; i < potential.length; i++) {
    const node = potential[(offset + i) % potential.length] as NodeView;
    const selection = selectVictimsOnNode(cycle, node, usageOf(cycle, node), podsOn(input.cluster, node.name), budgets, input.nowMs);
    if (selection.kind === 'failed') {
      tried++;
      countStatus(failures, selection.status);
      continue;
    }
    // A node that fits with every lower pod given back is an error of upstream's dry run, never a
    // candidate; the filters failed there, so it cannot happen unless they disagree with themselves.
    if (selection.victims.length === 0) {
      tried++;
      countStatus(failures, `expected at least one victim pod on node ${node.name}`);
      continue;
    }
    const candidate = { nodeName: node.name, victims: selection.victims, numPDBViolations: selection.numPDBViolations };
    (candidate.numPDBViolations === 0 ? nonViolating : violating).push(candidate);
    if (nonViolating.length > 0 && nonViolating.length + violating.length >= wanted) break;
  }
  return { candidates: [...nonViolating, ...violating], failures, tried };
}

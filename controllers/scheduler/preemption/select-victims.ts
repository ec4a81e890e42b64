// SelectVictimsOnNode (plugins/defaultpreemption/default_preemption.go): take every pod of lower
// priority off the node and check that the preemptor fits then; if it does, give pods back, the
// most important first and those whose eviction would break a PodDisruptionBudget before the
// others, keeping each one that still leaves room. The ones that could not be given back are the
// victims. The filters run as in a cycle, with the nominated pods (nominated-pods.ts) and each
// PreFilter plugin's RemovePod/AddPod; NodePorts looks past the pods taken off.

import { compareStrings } from '../../../core/table.ts';
import { objectKey, type Pod } from '../../../core/objects.ts';
import { addUsage, type NodeUsage, podResources, type PodResources } from '../../../reducers/pod-resources.ts';
import { type CycleState, withPod } from '../cycle-state.ts';
import type { FilterStatus } from '../framework.ts';
import { runFilterPluginsWithNominatedPods } from '../nominated-pods.ts';
import type { NodeView } from '../node-views.ts';
import { conflicts, ERR_REASON_NODE_PORTS, hostPortsOf } from '../plugins/node-ports.ts';
import { podPriority } from '../queue/queued-pod.ts';
import { type DisruptionBudget, splitByBudgetViolation } from './pdb.ts';
import { moreImportantPod } from './pick-node.ts';

export const ERR_NO_PREEMPTION_VICTIMS = 'No preemption victims found for incoming pod';

export type VictimSelection =
  | { readonly kind: 'victims'; readonly victims: readonly Pod[]; readonly numPDBViolations: number }
  | { readonly kind: 'failed'; readonly status: string | readonly string[] };

const keyOf = (pod: Pod) => objectKey(pod.metadata.namespace, pod.metadata.name);

/** The node as the preemptor would find it with `removed` gone: usage, PreFilter state and host ports. */
class SimulatedNode {
  private readonly removed = new Set<string>();

  constructor(
    private cycle: CycleState,
    private usage: NodeUsage,
    private readonly node: NodeView,
  ) {}

  private requests(pod: Pod): PodResources {
    return this.cycle.cluster.indexes.podRequests.get(keyOf(pod)) ?? podResources(pod);
  }

  remove(pod: Pod): void {
    this.usage = addUsage(this.usage, this.requests(pod), -1);
    this.cycle = withPod(this.cycle, pod, this.node, -1);
    this.removed.add(keyOf(pod));
  }

  add(pod: Pod): void {
    this.usage = addUsage(this.usage, this.requests(pod), 1);
    this.cycle = withPod(this.cycle, pod, this.node, 1);
    this.removed.delete(keyOf(pod));
  }

  /** The NodePorts check over the pods still on the node; the other filters as in a cycle. */
  filter(): FilterStatus {
    const wanted = this.cycle.pod.hostPorts;
    if (wanted.length === 0) return runFilterPluginsWithNominatedPods(this.cycle, this.node, this.usage);
    const { cluster } = this.cycle;
    for (const key of cluster.indexes.hostPortPodsByNode.unorderedMembers(this.node.name)) {
      const existing = this.removed.has(key) ? undefined : cluster.pods.get(key);
      if (existing !== undefined && hostPortsOf(existing).some((used) => wanted.some((port) => conflicts(port, used)))) return ERR_REASON_NODE_PORTS;
    }
    const withoutPorts = { ...this.cycle, pod: { ...this.cycle.pod, hostPorts: [] } };
    return runFilterPluginsWithNominatedPods(withoutPorts, this.node, this.usage);
  }
}

function byImportance(nowMs: number): (a: Pod, b: Pod) => number {
  return (a, b) => {
    if (moreImportantPod(a, b, nowMs)) return -1;
    if (moreImportantPod(b, a, nowMs)) return 1;
    return compareStrings(keyOf(a), keyOf(b));
  };
}

export function selectVictimsOnNode(
  cycle: CycleState,
  node: NodeView,
  usage: NodeUsage,
  podsOnNode: readonly Pod[],
  budgets: readonly DisruptionBudget[],
  nowMs: number,
): VictimSelection {
  const preemptorPriority = podPriority(cycle.pod.pod);
  const potential = podsOnNode.filter((pod) => podPriority(pod) < preemptorPriority);
  if (potential.length === 0) return { kind: 'failed', status: ERR_NO_PREEMPTION_VICTIMS };
  const simulated = new SimulatedNode(cycle, usage, node);
  for (const pod of potential) simulated.remove(pod);
  const withAllRemoved = simulated.filter();
  if (withAllRemoved !== undefined) return { kind: 'failed', status: withAllRemoved };
  const order = byImportance(nowMs);
  const { violating, nonViolating } = splitByBudgetViolation([...potential].sort(order), budgets);
  const victims: Pod[] = [];
  const reprieve = (pod: Pod): boolean => {
    simulated.add(pod);
    if (simulated.filter() === undefined) return true;
    simulated.remove(pod);
    victims.push(pod);
    return false;
  };
  let numPDBViolations = 0;
  for (const pod of violating) if (!reprieve(pod)) numPDBViolations++;
  for (const pod of nonViolating) reprieve(pod);
  if (violating.length > 0 && nonViolating.length > 0) victims.sort(order);
  return { kind: 'victims', victims, numPDBViolations };
}

// A DaemonSet's RollingUpdate step, as upstream's rollingUpdate, findUpdatedPodsOnNode and
// updatedDesiredNodeCounts (pkg/controller/daemon/update.go).
// Without surge: old pods are deleted (and recreated by the next manage) while fewer than
//   maxUnavailable nodes are unavailable; an old pod that is not available goes at once.
// With surge: a new pod is started next to an old one on up to maxSurge nodes (at once where the
//   old pod is not available), and the old pod goes when the new one is available.
// Upstream walks a Go map of nodes, so which candidates win is random there; we walk node names
// in order.

import type { Node, Pod } from '../../core/objects.ts';
import { compareStrings } from '../../core/table.ts';
import type { DaemonSet } from '../../core/workloads.ts';
import { nodeShouldRunDaemonPod } from './eligibility.ts';
import type { NodePods } from './manage.ts';
import { isPodAvailable } from './pod-availability.ts';
import { getTemplateGeneration, isPodUpdated } from './pod-template.ts';
import { rollingCounts } from './rolling-counts.ts';
import { withFields } from '../../core/with-fields.ts';

export interface RollingUpdatePlan {
  readonly createOn: readonly string[];
  readonly deletes: readonly Pod[];
  readonly error?: string;
}

interface NodeState {
  readonly nodeName: string;
  /** undefined: more than one new or old pod, left for manage to prune. */
  readonly pods?: { readonly newPod?: Pod; readonly oldPod?: Pod };
}

/** findUpdatedPodsOnNode: at most one new and one old live pod, else not ok. */
export function findUpdatedPodsOnNode(ds: DaemonSet, pods: readonly Pod[], hash: string): NodeState['pods'] {
  const generation = getTemplateGeneration(ds);
  let newPod: Pod | undefined;
  let oldPod: Pod | undefined;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp !== undefined) continue;
    if (isPodUpdated(pod, hash, generation)) {
      if (newPod !== undefined) return undefined;
      newPod = pod;
    } else {
      if (oldPod !== undefined) return undefined;
      oldPod = pod;
    }
  }
  return withFields(newPod === undefined ? {} : { newPod }, oldPod === undefined ? {} : { oldPod });
}

/** The nodes that have pods, plus the nodes that want one and have none (updatedDesiredNodeCounts). */
function nodeStates(
  ds: DaemonSet,
  nodes: readonly Node[],
  byNode: NodePods,
  hash: string,
): { states: NodeState[]; desired: number } {
  const names = new Set(byNode.keys());
  let desired = 0;
  for (const node of nodes) {
    if (!nodeShouldRunDaemonPod(node, ds).shouldRun) continue;
    desired++;
    names.add(node.metadata.name);
  }
  const states = [...names].sort(compareStrings).map((nodeName) => {
    const pods = findUpdatedPodsOnNode(ds, byNode.get(nodeName) ?? [], hash);
    return pods === undefined ? { nodeName } : { nodeName, pods };
  });
  return { states, desired };
}

function withoutSurge(ds: DaemonSet, states: readonly NodeState[], maxUnavailable: number, nowMs: number): RollingUpdatePlan {
  const minReadySeconds = ds.spec.minReadySeconds ?? 0;
  let numUnavailable = 0;
  const replacements: Pod[] = [];
  const candidates: Pod[] = [];
  for (const { pods } of states) {
    if (pods === undefined || (pods.newPod === undefined) === (pods.oldPod === undefined)) {
      numUnavailable++;
    } else if (pods.newPod !== undefined) {
      if (!isPodAvailable(pods.newPod, minReadySeconds, nowMs)) numUnavailable++;
    } else if (pods.oldPod !== undefined) {
      if (!isPodAvailable(pods.oldPod, minReadySeconds, nowMs)) {
        replacements.push(pods.oldPod);
        numUnavailable++;
      } else if (numUnavailable < maxUnavailable) {
        candidates.push(pods.oldPod);
      }
    }
  }
  const remaining = Math.min(Math.max(0, maxUnavailable - numUnavailable), candidates.length);
  return { createOn: [], deletes: [...replacements, ...candidates.slice(0, remaining)] };
}

function withSurge(
  ds: DaemonSet,
  nodesByName: ReadonlyMap<string, Node>,
  states: readonly NodeState[],
  limits: { readonly maxSurge: number; readonly desired: number },
  nowMs: number,
): RollingUpdatePlan {
  const available = (pod: Pod) => isPodAvailable(pod, ds.spec.minReadySeconds ?? 0, nowMs);
  const shouldRun = (node: Node) => nodeShouldRunDaemonPod(node, ds).shouldRun;
  const deletes: Pod[] = [];
  const shouldNotRun: Pod[] = [];
  const candidates: string[] = [];
  const allowed: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  for (const { nodeName, pods } of states) {
    if (pods === undefined) {
      numSurge++;
      continue;
    }
    const { newPod, oldPod } = pods;
    const counted = oldPod ?? newPod;
    if (counted !== undefined && available(counted)) numAvailable++;
    if (oldPod === undefined) continue;
    if (newPod === undefined) {
      const node = nodesByName.get(nodeName);
      // The node lister's NotFound ends upstream's rolling update with an error.
      if (node === undefined) {
        const error = `couldn't get node for nodeName "${nodeName}": node "${nodeName}" not found`;
        return { createOn: [], deletes: [], error };
      }
      if (!available(oldPod)) {
        if (shouldRun(node)) allowed.push(nodeName);
        else deletes.push(oldPod);
      } else if (!shouldRun(node)) shouldNotRun.push(oldPod);
      else if (numSurge < limits.maxSurge) candidates.push(nodeName);
    } else if (!available(newPod)) numSurge++;
    else deletes.push(oldPod);
  }
  // Pods on nodes the DaemonSet no longer wants go only while enough pods elsewhere are available.
  const deletable = Math.min(Math.max(0, numAvailable - limits.desired), shouldNotRun.length);
  deletes.push(...shouldNotRun.slice(0, deletable));
  const remaining = Math.min(Math.max(0, limits.maxSurge - numSurge), candidates.length);
  return { createOn: [...allowed, ...candidates.slice(0, remaining)], deletes };
}

export function rollingUpdate(
  ds: DaemonSet,
  nodes: readonly Node[],
  byNode: NodePods,
  hash: string,
  nowMs: number,
): RollingUpdatePlan {
  const { states, desired } = nodeStates(ds, nodes, byNode, hash);
  const counts = rollingCounts(ds, desired);
  if (typeof counts === 'string') return { createOn: [], deletes: [], error: `couldn't get unavailable numbers: ${counts}` };
  if (counts.maxSurge === 0) return withoutSurge(ds, states, counts.maxUnavailable, nowMs);
  const nodesByName = new Map(nodes.map((node) => [node.metadata.name, node]));
  return withSurge(ds, nodesByName, states, { maxSurge: counts.maxSurge, desired }, nowMs);
}

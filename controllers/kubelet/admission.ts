// Kubelet admission (pkg/kubelet/lifecycle/predicate.go): before it runs a pod, the kubelet checks
// the pod against its node as the scheduler would have (scheduler.AdmissionCheck: room for one
// more pod and for its requests, the nodeSelector and required node affinity), then the node's
// NoExecute taints. A pod bound with spec.nodeName never met the scheduler, so this is where one
// that does not fit is refused: the kubelet records a Warning and sets it Failed, with the first
// reason (OutOfcpu, OutOfmemory, OutOfpods, NodeAffinity, TaintToleration) and "Pod was rejected: "
// before the message. The requests counted are those of the pods the kubelet already admitted.

import type { Node, NodeSelectorTerm, Pod } from '../../core/objects.ts';
import { selectorMatches } from '../../core/labels.ts';
import { isTerminal } from '../../reducers/pod-indexes.ts';
import { type PodResources, podResources } from '../../reducers/pod-resources.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { isEmptyTerm, parseTerm, termMatches } from '../common/node-selector.ts';
import { tolerationsTolerateTaint } from '../common/tolerations.ts';

export interface Rejection {
  readonly reason: string;
  readonly message: string;
}

interface Used {
  readonly pods: number;
  readonly cpuMilli: number;
  readonly memoryBytes: number;
}

/** The pods this node's kubelet runs already (admitted, not finished), this one left out. */
function used(state: ClusterState, node: Node, pod: Pod): Used {
  let pods = 0;
  let cpuMilli = 0;
  let memoryBytes = 0;
  const self = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
  for (const key of state.indexes.podsByNode.members(node.metadata.name)) {
    const other = state.pods.get(key);
    if (key === self || other === undefined || other.status.startTime === undefined || isTerminal(other)) continue;
    const requests = state.indexes.podRequests.get(key) ?? podResources(other);
    pods++;
    cpuMilli += requests.cpuMilli;
    memoryBytes += requests.memoryBytes;
  }
  return { pods, cpuMilli, memoryBytes };
}

function insufficient(resource: string, requested: number, usedAmount: number, capacity: number): Rejection {
  return {
    reason: `OutOf${resource}`,
    message: `Node didn't have enough resource: ${resource}, requested: ${requested}, used: ${usedAmount}, capacity: ${capacity}`,
  };
}

/** noderesources.Fits: one more pod, then cpu, then memory; a pod that asks for nothing only needs room. */
function resourceFailure(state: ClusterState, node: Node, pod: Pod): Rejection | undefined {
  const allocatable = state.indexes.nodeAllocatable.get(node.metadata.name);
  if (allocatable === undefined) return undefined;
  // Every pod the node holds, this one included, fits: so do the admitted ones with it (the
  // scheduler's pods always land here), without looking at each.
  const all = state.indexes.nodeUsage.get(node.metadata.name);
  if (all !== undefined && all.pods <= allocatable.pods && all.cpuMilli <= allocatable.cpuMilli && all.memoryBytes <= allocatable.memoryBytes) return undefined;
  const taken = used(state, node, pod);
  if (taken.pods + 1 > allocatable.pods) return insufficient('pods', 1, taken.pods, allocatable.pods);
  const request: PodResources = state.indexes.podRequests.get(`${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`) ?? podResources(pod);
  if (request.cpuMilli > 0 && request.cpuMilli > allocatable.cpuMilli - taken.cpuMilli) {
    return insufficient('cpu', request.cpuMilli, taken.cpuMilli, allocatable.cpuMilli);
  }
  if (request.memoryBytes > 0 && request.memoryBytes > allocatable.memoryBytes - taken.memoryBytes) {
    return insufficient('memory', request.memoryBytes, taken.memoryBytes, allocatable.memoryBytes);
  }
  return undefined;
}

/** GetRequiredNodeAffinity(pod).Match(node): the nodeSelector, and any one required term. */
function affinityMatches(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  const selector = pod.spec.nodeSelector ?? {};
  if (!selectorMatches({ matchLabels: selector }, labels)) return false;
  const required = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required === undefined) return true;
  const terms: readonly NodeSelectorTerm[] = required.nodeSelectorTerms ?? [];
  return terms.some((term) => !isEmptyTerm(term) && termMatches(parseTerm(term), labels, node.metadata.name));
}

function predicateFailure(name: string, description: string): Rejection {
  return { reason: name, message: `Predicate ${name} failed: ${description}` };
}

/** Why the kubelet refuses the pod, or undefined when it admits it. */
export function admissionFailure(state: ClusterState, pod: Pod, node: Node): Rejection | undefined {
  const resources = resourceFailure(state, node, pod);
  if (resources !== undefined) return resources;
  if (!affinityMatches(pod, node)) return predicateFailure('NodeAffinity', "node(s) didn't match Node selector");
  const untolerated = (node.spec.taints ?? []).some(
    (taint) => taint.effect === 'NoExecute' && !tolerationsTolerateTaint(pod.spec.tolerations ?? [], taint),
  );
  if (untolerated) return predicateFailure('TaintToleration', "node(s) had taints that the pod didn't tolerate");
  return undefined;
}

/** "Pod was rejected: " and the predicate's message, as the kubelet's rejectPod writes it. */
export function rejectionMessage(rejection: Rejection): string {
  return `Pod was rejected: ${rejection.message}`;
}

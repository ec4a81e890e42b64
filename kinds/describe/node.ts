// `kubectl describe node` (describe.go describeNode and describeNodeResource): roles, taints,
// conditions, addresses, capacity, system info, the pods that still hold resources on it, and
// their requests and limits as a share of what the node can allocate.

import type { Node, Pod, ResourceList } from '../../core/objects.ts';
import { compareStrings } from '../../core/table.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { nodeRoles } from '../printers/nodes.ts';
import { ageSince, rfc1123z } from '../printers/time.ts';
import type { DescribeWriter } from './describe-writer.ts';
import { describeServiceRules } from './service-rules.ts';
import { annotationsMultiline, labelsMultiline, taintsMultiline } from './fields.ts';
import { type Amounts, amountsOf, formatAmount, podRequestsAndLimits } from './pod-resources.ts';

const SYSTEM_INFO: readonly (readonly [string, string])[] = [
  ['Machine ID', 'machineID'],
  ['System UUID', 'systemUUID'],
  ['Boot ID', 'bootID'],
  ['Kernel Version', 'kernelVersion'],
  ['OS Image', 'osImage'],
  ['Operating System', 'operatingSystem'],
  ['Architecture', 'architecture'],
  ['Container Runtime Version', 'containerRuntimeVersion'],
  ['Kubelet Version', 'kubeletVersion'],
  ['Kube-Proxy Version', 'kubeProxyVersion'],
];

function describeConditions(w: DescribeWriter, node: Node): void {
  if (node.status.conditions.length === 0) return;
  w.line(0, 'Conditions:');
  w.line(1, 'Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage');
  w.line(1, '----\t------\t-----------------\t------------------\t------\t-------');
  for (const c of node.status.conditions) {
    w.line(
      1,
      `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}`,
    );
  }
}

function describeResourceList(w: DescribeWriter, title: string, list: ResourceList): void {
  const names = Object.keys(list).sort(compareStrings);
  if (names.length === 0) return;
  w.line(0, `${title}:`);
  for (const name of names) w.line(1, `${name}:\t${list[name]}`);
}

function describeSystem(w: DescribeWriter, node: Node): void {
  w.line(0, 'Addresses:');
  for (const address of node.status.addresses ?? []) w.line(1, `${address.type}:\t${address.address}`);
  describeResourceList(w, 'Capacity', node.status.capacity);
  describeResourceList(w, 'Allocatable', node.status.allocatable);
  w.line(0, 'System Info:');
  for (const [title, field] of SYSTEM_INFO) w.line(1, `${title}:\t${node.status.nodeInfo?.[field] ?? ''}`);
  if (node.spec.podCIDR !== undefined && node.spec.podCIDR !== '')
    w.line(0, `PodCIDR:\t${node.spec.podCIDR}`);
  const podCIDRs = (node.spec as { podCIDRs?: readonly string[] }).podCIDRs ?? [];
  if (podCIDRs.length > 0) w.line(0, `PodCIDRs:\t${podCIDRs.join(',')}`);
  const providerID = (node.spec as { providerID?: string }).providerID;
  if (providerID !== undefined && providerID !== '') w.line(0, `ProviderID:\t${providerID}`);
}

/** The node's pods that are neither Succeeded nor Failed, as the describer's field selector finds them. */
function nonTerminatedPods(state: ClusterState, node: Node): Pod[] {
  return state.indexes.podsByNode
    .members(node.metadata.name)
    .map((key) => state.pods.get(key))
    .filter(
      (pod): pod is Pod =>
        pod !== undefined && pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed',
    );
}

/** "250m (12%)": the amount and its share of allocatable, truncated as Go's int64 conversion does. */
function share(name: string, amounts: Amounts, allocatable: Amounts): string {
  const amount = amounts.get(name) ?? 0;
  const total = allocatable.get(name) ?? 0;
  const percent = total === 0 ? 0 : Math.trunc((amount / total) * 100);
  return `${formatAmount(name, amount)} (${percent}%)`;
}

function allocatableOf(node: Node): Amounts {
  const list =
    Object.keys(node.status.allocatable).length > 0 ? node.status.allocatable : node.status.capacity;
  return amountsOf(list);
}

function describePods(w: DescribeWriter, pods: readonly Pod[], allocatable: Amounts, nowMs: number): void {
  w.line(0, `Non-terminated Pods:\t(${pods.length} in total)`);
  w.line(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge');
  w.line(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---');
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod);
    const cells = [
      share('cpu', requests, allocatable),
      share('cpu', limits, allocatable),
      share('memory', requests, allocatable),
      share('memory', limits, allocatable),
    ];
    w.line(
      1,
      `${pod.metadata.namespace ?? ''}\t${pod.metadata.name}\t\t${cells.join('\t')}\t${ageSince(pod.metadata.creationTimestamp, nowMs)}`,
    );
  }
}

function describeAllocated(w: DescribeWriter, pods: readonly Pod[], allocatable: Amounts): void {
  const requests: Amounts = new Map();
  const limits: Amounts = new Map();
  for (const pod of pods) {
    const own = podRequestsAndLimits(pod);
    for (const [name, amount] of own.requests) requests.set(name, (requests.get(name) ?? 0) + amount);
    for (const [name, amount] of own.limits) limits.set(name, (limits.get(name) ?? 0) + amount);
  }
  w.line(0, 'Allocated resources:');
  w.line(0, '  (Total limits may be over 100 percent, i.e., overcommitted.)');
  w.line(1, 'Resource\tRequests\tLimits');
  w.line(1, '--------\t--------\t------');
  for (const name of ['cpu', 'memory', 'ephemeral-storage']) {
    w.line(1, `${name}\t${share(name, requests, allocatable)}\t${share(name, limits, allocatable)}`);
  }
}

export function describeNode(w: DescribeWriter, node: Node, state: ClusterState, nowMs: number): void {
  const roles = nodeRoles(node);
  w.line(0, `Name:\t${node.metadata.name}`);
  w.line(0, `Roles:\t${roles.length === 0 ? '<none>' : roles.join(',')}`);
  labelsMultiline(w, 'Labels', node.metadata.labels);
  annotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.line(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}`);
  taintsMultiline(w, 'Taints', node.spec.taints);
  w.line(0, `Unschedulable:\t${node.spec.unschedulable === true}`);
  describeConditions(w, node);
  describeSystem(w, node);
  const pods = nonTerminatedPods(state, node);
  const allocatable = allocatableOf(node);
  describePods(w, pods, allocatable, nowMs);
  describeAllocated(w, pods, allocatable);
  describeServiceRules(w, node, state);
}

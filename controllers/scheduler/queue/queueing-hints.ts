// Each default plugin's EventsToRegister with its QueueingHintFn (v1.34, SchedulerQueueingHints on):
// which cluster events could make a pod that the plugin rejected schedulable, and, for the event at
// hand, whether it does (Queue) or not (Skip). A pod is only looked at for the events of the plugins
// that rejected it.
//
//   NodeUnschedulable  Node Add|UpdateNodeTaint: the node became schedulable; own toleration change
//   NodeName           Node Add: the node the pod names
//   TaintToleration    Node Add|UpdateNodeTaint: a taint the pod did not tolerate is gone; own tolerations
//   NodeAffinity       Node Add|UpdateNodeLabel: the node now matches the required affinity
//   NodePorts          Pod Delete: a placed pod with a clashing host port; Node Add (always)
//   NodeResourcesFit   Pod Delete: a placed or nominated pod; Node Add|UpdateNodeAllocatable: the
//                      pod fits the node's allocatable and, on an update, a resource it asks for grew
//   PodTopologySpread  Pod Add|UpdatePodLabel|Delete: a pod a constraint selects; Node
//                      Add|Delete|UpdateNodeLabel|UpdateNodeTaint: a node with the topology keys
//   InterPodAffinity   Pod Add|UpdatePodLabel|Delete: a pod now matching the affinity terms or no
//                      longer matching the anti-affinity ones; Node Add|UpdateNodeLabel
//   VolumeBinding      PersistentVolumeClaim Add|Update: one of the pod's claims; PersistentVolume
//                      and StorageClass Add|Update, Node Add|UpdateNodeLabel|UpdateNodeTaint (always)

import { selectorMatches } from '../../../core/labels.ts';
import type { Node, Pod, TopologySpreadConstraint } from '../../../core/objects.ts';
import { parseAllocatable, type PodResources, podResources } from '../../../reducers/pod-resources.ts';
import { tolerationsTolerateTaint } from '../../common/tolerations.ts';
import { affinityTermsOf, matchesAllTerms, termMatches } from '../plugins/inter-pod-affinity/terms.ts';
import { matchesRequired, requiredNodeAffinity } from '../plugins/node-affinity.ts';
import { conflicts, hostPortsOf } from '../plugins/node-ports.ts';
import { podClaimNames } from '../plugins/volume-binding.ts';
import {
  ADD,
  type ClusterEvent,
  DELETE,
  labelsChanged,
  type Resource,
  UPDATE_NODE_ALLOCATABLE,
  UPDATE_NODE_LABEL,
  UPDATE_NODE_TAINT,
  UPDATE_POD_LABEL,
  UPDATE_POD_TOLERATION,
  UPDATE,
} from './cluster-events.ts';

export const NODE_UNSCHEDULABLE = 'NodeUnschedulable';
export const NODE_NAME = 'NodeName';
export const TAINT_TOLERATION = 'TaintToleration';
export const NODE_AFFINITY = 'NodeAffinity';
export const NODE_PORTS = 'NodePorts';
export const NODE_RESOURCES_FIT = 'NodeResourcesFit';
export const POD_TOPOLOGY_SPREAD = 'PodTopologySpread';
export const INTER_POD_AFFINITY = 'InterPodAffinity';
export const VOLUME_BINDING = 'VolumeBinding';

/** True for Queue, false for Skip. `pod` is the unschedulable pod the hint is asked about. */
export type QueueingHint = (pod: Pod, event: ClusterEvent) => boolean;

export interface Registration {
  readonly plugin: string;
  readonly resource: Resource;
  readonly actions: number;
  readonly hint: QueueingHint;
}

const always: QueueingHint = () => true;

function untolerated(pod: Pod, node: Node): boolean {
  const tolerations = pod.spec.tolerations ?? [];
  return (node.spec.taints ?? []).some(
    (taint) => (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !tolerationsTolerateTaint(tolerations, taint),
  );
}

/** The pod's own update (tolerations added) may make it tolerate what it did not. */
function ownTolerationsChanged(pod: Pod, event: ClusterEvent): boolean {
  return event.newPod?.metadata.uid === pod.metadata.uid;
}

function nodeBecameSchedulable(_pod: Pod, event: ClusterEvent): boolean {
  if (event.newNode === undefined) return false;
  const wasSchedulable = event.oldNode !== undefined && event.oldNode.spec.unschedulable !== true;
  return !wasSchedulable && event.newNode.spec.unschedulable !== true;
}

function taintNowTolerated(pod: Pod, event: ClusterEvent): boolean {
  if (event.newNode === undefined) return false;
  const wasUntolerated = event.oldNode === undefined || untolerated(pod, event.oldNode);
  return wasUntolerated && !untolerated(pod, event.newNode);
}

function matchesNodeAffinity(pod: Pod, node: Node): boolean {
  return matchesRequired(requiredNodeAffinity(pod.spec), node.metadata.labels ?? {}, node.metadata.name);
}

function nodeNowMatchesAffinity(pod: Pod, event: ClusterEvent): boolean {
  if (event.newNode === undefined || !matchesNodeAffinity(pod, event.newNode)) return false;
  return event.oldNode === undefined || !matchesNodeAffinity(pod, event.oldNode);
}

function nodeIsNamed(pod: Pod, event: ClusterEvent): boolean {
  return event.newNode !== undefined && event.newNode.metadata.name === pod.spec.nodeName;
}

function deletedPodHeldPort(pod: Pod, event: ClusterEvent): boolean {
  const deleted = event.oldPod;
  if (deleted === undefined || !deleted.spec.nodeName) return false;
  const wanted = hostPortsOf(pod);
  return hostPortsOf(deleted).some((used) => wanted.some((port) => conflicts(port, used)));
}

function deletedPodHeldResources(_pod: Pod, event: ClusterEvent): boolean {
  const deleted = event.oldPod;
  return deleted !== undefined && (Boolean(deleted.spec.nodeName) || Boolean(deleted.status.nominatedNodeName));
}

/** isFit: the pod fits the node's allocatable with nothing else on it. */
function fitsEmptyNode(requests: PodResources, node: Node): boolean {
  const allocatable = parseAllocatable(node.status.allocatable);
  if (allocatable.pods < 1) return false;
  if (requests.cpuMilli > allocatable.cpuMilli || requests.memoryBytes > allocatable.memoryBytes) return false;
  if (requests.ephemeralStorageBytes > allocatable.ephemeralStorageBytes) return false;
  return Object.entries(requests.scalar).every(([name, value]) => value <= (allocatable.scalar[name] ?? 0));
}

/** haveAnyRequestedResourcesIncreased. */
function requestedResourceGrew(requests: PodResources, before: Node, after: Node): boolean {
  const was = parseAllocatable(before.status.allocatable);
  const is = parseAllocatable(after.status.allocatable);
  if (is.pods > was.pods) return true;
  if (requests.cpuMilli > 0 && is.cpuMilli > was.cpuMilli) return true;
  if (requests.memoryBytes > 0 && is.memoryBytes > was.memoryBytes) return true;
  if (requests.ephemeralStorageBytes > 0 && is.ephemeralStorageBytes > was.ephemeralStorageBytes) return true;
  return Object.entries(requests.scalar).some(([name, value]) => value > 0 && (is.scalar[name] ?? 0) > (was.scalar[name] ?? 0));
}

function nodeNowFits(pod: Pod, event: ClusterEvent): boolean {
  if (event.newNode === undefined) return false;
  const requests = podResources(pod);
  if (!fitsEmptyNode(requests, event.newNode)) return false;
  return event.oldNode === undefined || requestedResourceGrew(requests, event.oldNode, event.newNode);
}

function hardConstraints(pod: Pod): readonly TopologySpreadConstraint[] {
  return (pod.spec.topologySpreadConstraints ?? []).filter((constraint) => constraint.whenUnsatisfiable === 'DoNotSchedule');
}

function constraintSelects(pod: Pod, other: Pod | undefined): boolean {
  if (other === undefined || other.metadata.namespace !== pod.metadata.namespace) return false;
  return hardConstraints(pod).some((constraint) => selectorMatches(constraint.labelSelector ?? {}, other.metadata.labels));
}

/** PodTopologySpread's isSchedulableAfterPodChange: a pod a constraint counts came, went or was relabelled. */
function spreadPodChanged(pod: Pod, event: ClusterEvent): boolean {
  if (event.newPod?.metadata.uid === pod.metadata.uid) return labelsChanged(event.oldPod ?? pod, event.newPod);
  return constraintSelects(pod, event.oldPod) || constraintSelects(pod, event.newPod);
}

function hasTopologyKeys(pod: Pod, node: Node | undefined): boolean {
  const labels = node?.metadata.labels ?? {};
  return node !== undefined && hardConstraints(pod).every((constraint) => Object.hasOwn(labels, constraint.topologyKey));
}

/** PodTopologySpread's isSchedulableAfterNodeChange: a node with the topology keys came, went or changed them. */
function spreadNodeChanged(pod: Pod, event: ClusterEvent): boolean {
  if (event.oldNode === undefined || event.newNode === undefined) return hasTopologyKeys(pod, event.newNode ?? event.oldNode);
  if (event.actions & UPDATE_NODE_TAINT) return true;
  const before = event.oldNode.metadata.labels ?? {};
  const after = event.newNode.metadata.labels ?? {};
  return hardConstraints(pod).some((constraint) => before[constraint.topologyKey] !== after[constraint.topologyKey]);
}

function matchesAnyTerm(pod: Pod, other: Pod, which: 'requiredAffinity' | 'requiredAntiAffinity'): boolean {
  return affinityTermsOf(pod)[which].some((term) => termMatches(term, other.metadata.namespace ?? '', other.metadata.labels, undefined));
}

/** InterPodAffinity's isSchedulableAfterPodChange. */
function affinityPodChanged(pod: Pod, event: ClusterEvent): boolean {
  const { oldPod, newPod } = event;
  if ((newPod !== undefined && !newPod.spec.nodeName) || (oldPod !== undefined && !oldPod.spec.nodeName)) return false;
  const terms = affinityTermsOf(pod);
  const matchesAll = (list: typeof terms.requiredAffinity, other: Pod) => matchesAllTerms(list, other.metadata.namespace ?? '', other.metadata.labels);
  if (oldPod !== undefined && newPod !== undefined) {
    if (!matchesAll(terms.requiredAffinity, oldPod) && matchesAll(terms.requiredAffinity, newPod)) return true;
    return matchesAll(terms.requiredAntiAffinity, oldPod) && !matchesAll(terms.requiredAntiAffinity, newPod);
  }
  if (newPod !== undefined) return matchesAll(terms.requiredAffinity, newPod);
  // A deleted pod frees the pod's own anti-affinity, or takes away its own anti-affinity to the pod.
  return oldPod !== undefined && (matchesAnyTerm(pod, oldPod, 'requiredAntiAffinity') || matchesAnyTerm(oldPod, pod, 'requiredAntiAffinity'));
}

/** VolumeBinding's isSchedulableAfterPersistentVolumeClaimChange: one of the pod's own claims changed. */
function ownClaimChanged(pod: Pod, event: ClusterEvent): boolean {
  const claim = event.storageObject;
  if (claim === undefined || (claim.metadata.namespace ?? '') !== (pod.metadata.namespace ?? 'default')) return false;
  return podClaimNames(pod).includes(claim.metadata.name);
}

export const REGISTRATIONS: readonly Registration[] = [
  { plugin: NODE_UNSCHEDULABLE, resource: 'Node', actions: ADD | UPDATE_NODE_TAINT, hint: nodeBecameSchedulable },
  { plugin: NODE_UNSCHEDULABLE, resource: 'Pod', actions: UPDATE_POD_TOLERATION, hint: ownTolerationsChanged },
  { plugin: NODE_NAME, resource: 'Node', actions: ADD, hint: nodeIsNamed },
  { plugin: TAINT_TOLERATION, resource: 'Node', actions: ADD | UPDATE_NODE_TAINT, hint: taintNowTolerated },
  { plugin: TAINT_TOLERATION, resource: 'Pod', actions: UPDATE_POD_TOLERATION, hint: ownTolerationsChanged },
  { plugin: NODE_AFFINITY, resource: 'Node', actions: ADD | UPDATE_NODE_LABEL, hint: nodeNowMatchesAffinity },
  { plugin: NODE_PORTS, resource: 'Pod', actions: DELETE, hint: deletedPodHeldPort },
  { plugin: NODE_PORTS, resource: 'Node', actions: ADD, hint: always },
  { plugin: NODE_RESOURCES_FIT, resource: 'Pod', actions: DELETE, hint: deletedPodHeldResources },
  { plugin: NODE_RESOURCES_FIT, resource: 'Node', actions: ADD | UPDATE_NODE_ALLOCATABLE, hint: nodeNowFits },
  { plugin: POD_TOPOLOGY_SPREAD, resource: 'Pod', actions: ADD | UPDATE_POD_LABEL | DELETE, hint: spreadPodChanged },
  { plugin: POD_TOPOLOGY_SPREAD, resource: 'Node', actions: ADD | DELETE | UPDATE_NODE_LABEL | UPDATE_NODE_TAINT, hint: spreadNodeChanged },
  { plugin: INTER_POD_AFFINITY, resource: 'Pod', actions: ADD | UPDATE_POD_LABEL | DELETE, hint: affinityPodChanged },
  { plugin: INTER_POD_AFFINITY, resource: 'Node', actions: ADD | UPDATE_NODE_LABEL, hint: always },
  { plugin: VOLUME_BINDING, resource: 'PersistentVolumeClaim', actions: ADD | UPDATE, hint: ownClaimChanged },
  { plugin: VOLUME_BINDING, resource: 'PersistentVolume', actions: ADD | UPDATE, hint: always },
  { plugin: VOLUME_BINDING, resource: 'StorageClass', actions: ADD | UPDATE, hint: always },
  { plugin: VOLUME_BINDING, resource: 'Node', actions: ADD | UPDATE_NODE_LABEL | UPDATE_NODE_TAINT, hint: always },
];

/** MatchClusterEvents: same resource (or a wildcard) and a shared action. */
export function registrationMatches(registration: Registration, event: ClusterEvent): boolean {
  return registration.resource === event.resource && (registration.actions & event.actions) !== 0;
}

/** The plugins with a registration for the event, in the default profile's order. */
export function pluginsInterestedIn(event: ClusterEvent): readonly string[] {
  const plugins: string[] = [];
  for (const registration of REGISTRATIONS) {
    if (registrationMatches(registration, event) && !plugins.includes(registration.plugin)) plugins.push(registration.plugin);
  }
  return plugins;
}

/** isPodWorthRequeuing over the pod's rejectors: Queue when any of their matching hints says so. */
export function worthRequeuing(pod: Pod, rejectors: ReadonlySet<string>, event: ClusterEvent): boolean {
  if (rejectors.size === 0 || event.resource === 'WildCard') return true;
  for (const registration of REGISTRATIONS) {
    if (!rejectors.has(registration.plugin) || !registrationMatches(registration, event)) continue;
    if (registration.hint(pod, event)) return true;
  }
  return false;
}

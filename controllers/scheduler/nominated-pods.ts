// RunFilterPluginsWithNominatedPods (framework/runtime/framework.go): on a node with nominated pods
// of priority at least the pod's own, the filters run twice: first with those pods counted as if
// placed (their requests, their host ports, and each PreFilter plugin's AddPod), then, if that
// passes, without them, since a nominated pod may end up elsewhere and affinity to it must not be
// assumed. Lower-priority nominated pods are ignored: the pod may take the room made for them.

import type { Pod } from '../../core/objects.ts';
import { addUsage, type NodeUsage, podResources } from '../../reducers/pod-resources.ts';
import { type CycleState, withPod } from './cycle-state.ts';
import { type FilterStatus, runFilterPlugins } from './framework.ts';
import type { NodeView } from './node-views.ts';
import { conflicts, ERR_REASON_NODE_PORTS, type HostPort, hostPortsOf } from './plugins/node-ports.ts';

function clashes(wanted: readonly HostPort[], pods: readonly Pod[]): boolean {
  if (wanted.length === 0) return false;
  return pods.some((pod) => hostPortsOf(pod).some((used) => wanted.some((port) => conflicts(port, used))));
}

/** The cycle and usage with the given pods added to the node, as addGENominatedPods does. */
export function withPodsAdded(cycle: CycleState, node: NodeView, usage: NodeUsage, pods: readonly Pod[]): { cycle: CycleState; usage: NodeUsage } {
  let nextCycle = cycle;
  let nextUsage = usage;
  for (const pod of pods) {
    nextUsage = addUsage(nextUsage, nextCycle.cluster.indexes.podRequests.get(`${pod.metadata.namespace ?? ''}/${pod.metadata.name}`) ?? podResources(pod), 1);
    nextCycle = withPod(nextCycle, pod, node, 1);
  }
  return { cycle: nextCycle, usage: nextUsage };
}

export function runFilterPluginsWithNominatedPods(cycle: CycleState, node: NodeView, usage: NodeUsage): FilterStatus {
  const nominated = cycle.nominatedPods?.(node.name);
  if (nominated === undefined || nominated.length === 0) return runFilterPlugins(cycle, node, usage);
  const added = withPodsAdded(cycle, node, usage, nominated);
  const first = runFilterPlugins(added.cycle, node, added.usage);
  if (first !== undefined) return first;
  if (clashes(cycle.pod.hostPorts, nominated)) return ERR_REASON_NODE_PORTS;
  return runFilterPlugins(cycle, node, usage);
}

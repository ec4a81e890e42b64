// NodePorts (pkg/scheduler/framework/plugins/nodeports/node_ports.go): a pod asking for a host
// port fits only nodes where no placed pod holds the same protocol and port on the same host IP,
// 0.0.0.0 (every address) clashing with any IP. The ports of a pod are those of its containers
// and sidecars (util.GetHostPorts); an empty protocol is TCP and an empty IP 0.0.0.0.

import type { ContainerPort, Pod } from '../../../core/objects.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import type { NodeView } from '../node-views.ts';

export const ERR_REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";
const BIND_ALL = '0.0.0.0';

export interface HostPort {
  readonly ip: string;
  readonly protocol: string;
  readonly port: number;
}

/** GetHostPorts: the ports with a host port, of sidecars (restartPolicy Always) then containers. */
export function hostPortsOf(pod: Pod): readonly HostPort[] {
  const sidecars = (pod.spec.initContainers ?? []).filter((container) => container.restartPolicy === 'Always');
  const ports: HostPort[] = [];
  for (const container of [...sidecars, ...pod.spec.containers]) {
    for (const port of container.ports ?? []) {
      if ((port.hostPort ?? 0) > 0) ports.push(sanitized(port));
    }
  }
  return ports;
}

function sanitized(port: ContainerPort): HostPort {
  return {
    ip: port.hostIP === undefined || port.hostIP === '' ? BIND_ALL : port.hostIP,
    protocol: port.protocol ?? 'TCP',
    port: port.hostPort ?? 0,
  };
}

/** HostPortInfo.CheckConflict: 0.0.0.0 meets every IP; another IP meets itself and 0.0.0.0. */
export function conflicts(wanted: HostPort, used: HostPort): boolean {
  if (wanted.port !== used.port || wanted.protocol !== used.protocol) return false;
  return wanted.ip === BIND_ALL || used.ip === BIND_ALL || wanted.ip === used.ip;
}

export function nodePortsFilter(wanted: readonly HostPort[], node: NodeView, cluster: ClusterState): string | undefined {
  if (wanted.length === 0) return undefined;
  for (const key of cluster.indexes.hostPortPodsByNode.unorderedMembers(node.name)) {
    const existing = cluster.pods.get(key);
    if (existing === undefined) continue;
    for (const used of hostPortsOf(existing)) {
      if (wanted.some((port) => conflicts(port, used))) return ERR_REASON_NODE_PORTS;
    }
  }
  return undefined;
}

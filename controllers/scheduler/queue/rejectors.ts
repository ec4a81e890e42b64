// Which plugin gave a filter reason: upstream's Diagnosis.UnschedulablePlugins, the plugins whose
// rejection the queue waits to see resolved. Each default filter has reasons of its own, so the
// reason tells the plugin.

import { ERR_REASON_AFFINITY_RULES_NOT_MATCH, ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH, ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH } from '../plugins/inter-pod-affinity/filtering.ts';
import { ERR_REASON_CONFLICT, ERR_REASON_POD } from '../plugins/node-affinity.ts';
import { ERR_REASON_NODE_NAME } from '../plugins/node-name.ts';
import { ERR_REASON_NODE_PORTS } from '../plugins/node-ports.ts';
import { REASON_TOO_MANY_PODS } from '../plugins/node-resources-fit.ts';
import { ERR_REASON_UNSCHEDULABLE } from '../plugins/node-unschedulable.ts';
import { ERR_REASON_CONSTRAINTS_NOT_MATCH } from '../plugins/pod-topology-spread/filtering.ts';
import { ERR_REASON_BIND_CONFLICT, ERR_REASON_NODE_CONFLICT, ERR_UNBOUND_IMMEDIATE } from '../plugins/volume-binding.ts';
import {
  INTER_POD_AFFINITY,
  NODE_AFFINITY,
  NODE_NAME,
  NODE_PORTS,
  NODE_RESOURCES_FIT,
  NODE_UNSCHEDULABLE,
  POD_TOPOLOGY_SPREAD,
  TAINT_TOLERATION,
  VOLUME_BINDING,
} from './queueing-hints.ts';

/** REASON_PRE_FILTER_NODE_AFFINITY of schedule-pod.ts, repeated to keep the import one way. */
const PRE_FILTER_NODE_AFFINITY = "node(s) didn't satisfy plugin(s) [NodeAffinity]";

const EXACT = new Map<string, string>([
  [ERR_REASON_UNSCHEDULABLE, NODE_UNSCHEDULABLE],
  [ERR_REASON_NODE_NAME, NODE_NAME],
  [ERR_REASON_POD, NODE_AFFINITY],
  [ERR_REASON_CONFLICT, NODE_AFFINITY],
  [PRE_FILTER_NODE_AFFINITY, NODE_AFFINITY],
  [ERR_REASON_NODE_PORTS, NODE_PORTS],
  [REASON_TOO_MANY_PODS, NODE_RESOURCES_FIT],
  [ERR_REASON_AFFINITY_RULES_NOT_MATCH, INTER_POD_AFFINITY],
  [ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH, INTER_POD_AFFINITY],
  [ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH, INTER_POD_AFFINITY],
  [ERR_REASON_NODE_CONFLICT, VOLUME_BINDING],
  [ERR_REASON_BIND_CONFLICT, VOLUME_BINDING],
  [ERR_UNBOUND_IMMEDIATE, VOLUME_BINDING],
]);

export function pluginOfReason(reason: string): string | undefined {
  const exact = EXACT.get(reason);
  if (exact !== undefined) return exact;
  if (reason.startsWith('Insufficient ')) return NODE_RESOURCES_FIT;
  if (reason.startsWith('node(s) had untolerated taint')) return TAINT_TOLERATION;
  if (reason.startsWith(ERR_REASON_CONSTRAINTS_NOT_MATCH)) return POD_TOPOLOGY_SPREAD;
  if (reason.startsWith('persistentvolumeclaim "')) return VOLUME_BINDING;
  return undefined;
}

export function rejectorsOf(reasons: Iterable<string>): ReadonlySet<string> {
  const plugins = new Set<string>();
  for (const reason of reasons) {
    const plugin = pluginOfReason(reason);
    if (plugin !== undefined) plugins.add(plugin);
  }
  return plugins;
}

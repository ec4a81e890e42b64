// The node's status, as the kubelet posts it (pkg/kubelet/kubelet_node_status.go and the condition
// setters in pkg/kubelet/nodestatus/setters.go). The kubelet checks every nodeStatusUpdateFrequency
// (10 s) but writes only when something changed or nodeStatusReportFrequency (5 min) has passed
// since the last write, which keeps the log small; liveness between writes would be the node
// Lease, which ksim does not model. Each node checks at its own phase within the 10 s, from a hash
// of its name, so a thousand nodes do not all wake at the same instant. The images the node holds
// (node-images.ts) go into the status too; a new image counts as a change at the next check.

import type { Command } from '../../core/commands.ts';
import { sameJson } from '../../core/canonical-json.ts';
import { type Effect, submit, wakeInBackground } from '../../core/controller.ts';
import type { Condition, ConditionStatus, ContainerImage, Node } from '../../core/objects.ts';
import { kubeletActor, nodeKey } from './keys.ts';
import type { NodeRuntime } from './memory.ts';
import { nodeImages } from './node-images.ts';
import { msOf, stampOf } from './ticks.ts';
import { withFields } from '../../core/with-fields.ts';

export const NODE_STATUS_UPDATE_MS = 10_000;
export const NODE_STATUS_REPORT_MS = 300_000;

interface NodeCondition {
  readonly type: string;
  readonly status: ConditionStatus;
  readonly reason: string;
  readonly message: string;
}

/** A healthy kubelet's conditions, in the order upstream's setters add them. */
export const HEALTHY_CONDITIONS: readonly NodeCondition[] = [
  {
    type: 'MemoryPressure',
    status: 'False',
    reason: 'KubeletHasSufficientMemory',
    message: 'kubelet has sufficient memory available',
  },
  {
    type: 'DiskPressure',
    status: 'False',
    reason: 'KubeletHasNoDiskPressure',
    message: 'kubelet has no disk pressure',
  },
  {
    type: 'PIDPressure',
    status: 'False',
    reason: 'KubeletHasSufficientPID',
    message: 'kubelet has sufficient PID available',
  },
  { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
];

const KUBELET_OWNED = new Set(HEALTHY_CONDITIONS.map((condition) => condition.type));

/** 32-bit FNV-1a of the node name: a phase that depends on nothing but the name. */
function nameHash(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function heartbeatPhaseMs(nodeName: string): number {
  return nameHash(nodeName) % NODE_STATUS_UPDATE_MS;
}

/** The node's first heartbeat strictly after `nowMs`. */
export function nextHeartbeatMs(nodeName: string, nowMs: number): number {
  const phaseMs = heartbeatPhaseMs(nodeName);
  return phaseMs + (Math.floor((nowMs - phaseMs) / NODE_STATUS_UPDATE_MS) + 1) * NODE_STATUS_UPDATE_MS;
}

function differs(wanted: NodeCondition, current: Condition | undefined): boolean {
  return (
    current === undefined ||
    current.status !== wanted.status ||
    current.reason !== wanted.reason ||
    current.message !== wanted.message
  );
}

function heartbeat(wanted: NodeCondition, current: Condition | undefined, nowMs: number): Condition {
  const now = stampOf(nowMs);
  const lastTransitionTime =
    current !== undefined && current.status === wanted.status && current.lastTransitionTime !== undefined
      ? current.lastTransitionTime
      : now;
  return {
    type: wanted.type,
    status: wanted.status,
    lastHeartbeatTime: now,
    lastTransitionTime,
    reason: wanted.reason,
    message: wanted.message,
  };
}

function withoutImages(node: Node): Node['status'] {
  const { images: _reported, ...status } = node.status;
  return status;
}

function imagesChanged(node: Node, images: readonly ContainerImage[]): boolean {
  return !sameJson(node.status.images ?? [], images);
}

/** The status to post now, or undefined when nothing changed and the last report is recent. */
export function nodeStatusReport(node: Node, nowMs: number, images: readonly ContainerImage[] = node.status.images ?? []): Command | undefined {
  const conditions = node.status.conditions ?? [];
  const find = (type: string) => conditions.find((condition) => condition.type === type);
  const changed = HEALTHY_CONDITIONS.some((wanted) => differs(wanted, find(wanted.type))) || imagesChanged(node, images);
  const lastReportMs = msOf(find('Ready')?.lastHeartbeatTime);
  const due = lastReportMs === undefined || nowMs - lastReportMs >= NODE_STATUS_REPORT_MS;
  if (!changed && !due) return undefined;
  const others = conditions.filter((condition) => !KUBELET_OWNED.has(condition.type));
  const own = HEALTHY_CONDITIONS.map((wanted) => heartbeat(wanted, find(wanted.type), nowMs));
  const name = node.metadata.name;
  return {
    type: 'reportNodeStatus',
    actor: kubeletActor(name),
    name,
    status: withFields(withoutImages(node), { conditions: [...others, ...own], ...(images.length === 0 ? {} : { images }) }),
  };
}

/** Posts the status when it is due, and checks again at the node's next heartbeat. */
export function reconcileNode(node: Node, runtime: NodeRuntime, nowMs: number): Effect[] {
  const report = nodeStatusReport(node, nowMs, nodeImages(runtime));
  const name = node.metadata.name;
  const next = wakeInBackground(nextHeartbeatMs(name, nowMs), nodeKey(name));
  return report === undefined ? [next] : [submit(report), next];
}

// `kubectl get pods`: NAME READY STATUS RESTARTS AGE, and with -o wide IP NODE NOMINATED NODE
// READINESS GATES (printers.go printPod and the pod column definitions).

import { toTimestamp } from '../../core/clock.ts';
import type { Pod } from '../../core/objects.ts';
import { type FullPodStatus, podCells } from './pod-status.ts';
import { ageSince } from './time.ts';

export function podHeaders(wide: boolean): string[] {
  const headers = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'];
  return wide ? [...headers, 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'] : headers;
}

/** "3 (45s ago)" once a container has restarted and its last stop time is known, else just the count. */
function restartsCell(restarts: number, lastRestartMs: number | undefined, nowMs: number): string {
  if (restarts === 0 || lastRestartMs === undefined) return String(restarts);
  return `${restarts} (${ageSince(toTimestamp(lastRestartMs), nowMs)} ago)`;
}

function readinessGates(pod: Pod): string {
  const gates = (pod.spec.readinessGates ?? []) as readonly { readonly conditionType: string }[];
  if (gates.length === 0) return '<none>';
  const conditions = pod.status.conditions ?? [];
  const passed = gates.filter(
    (gate) => conditions.find((condition) => condition.type === gate.conditionType)?.status === 'True',
  );
  return `${passed.length}/${gates.length}`;
}

function orNone(value: string | undefined): string {
  return value === undefined || value === '' ? '<none>' : value;
}

export function podRow(pod: Pod, nowMs: number, wide: boolean): string[] {
  const cells = podCells(pod);
  const row = [
    pod.metadata.name,
    cells.ready,
    cells.status,
    restartsCell(cells.restarts, cells.lastRestartMs, nowMs),
    ageSince(pod.metadata.creationTimestamp, nowMs),
  ];
  if (!wide) return row;
  const status = pod.status as FullPodStatus;
  const ip = status.podIPs?.[0]?.ip ?? status.podIP;
  return [
    ...row,
    orNone(ip),
    orNone(pod.spec.nodeName),
    orNone(status.nominatedNodeName),
    readinessGates(pod),
  ];
}

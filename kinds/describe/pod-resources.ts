// A pod's requests and limits for `kubectl describe node`, as resourcehelper.PodRequestsAndLimits
// sums them (containers added, each init container taken if larger, overhead added to requests and
// to the limits that are set), and its QoS class as qos.GetPodQOS decides it.

import type { Container, Pod, ResourceList } from '../../core/objects.ts';
import { podQosClass } from '../../core/qos-class.ts';
import { formatBytes, formatCpuMilli, parseCpuMilli, parseWholeUnits } from '../../core/quantity.ts';

export type Amounts = Map<string, number>;

/** CPU in millicores, everything else in whole units, so sums stay exact. */
function amountOf(name: string, quantity: string): number {
  return (name === 'cpu' ? parseCpuMilli(quantity) : parseWholeUnits(quantity)) ?? 0;
}

export function formatAmount(name: string, amount: number): string {
  return name === 'cpu' ? formatCpuMilli(amount) : formatBytes(amount);
}

export function amountsOf(list: ResourceList | undefined): Amounts {
  return new Map(Object.entries(list ?? {}).map(([name, quantity]) => [name, amountOf(name, quantity)]));
}

function addInto(total: Amounts, more: Amounts): void {
  for (const [name, amount] of more) total.set(name, (total.get(name) ?? 0) + amount);
}

function maxInto(total: Amounts, more: Amounts): void {
  for (const [name, amount] of more) total.set(name, Math.max(total.get(name) ?? 0, amount));
}

function sumOf(pod: Pod, pick: (container: Container) => ResourceList | undefined): Amounts {
  const total: Amounts = new Map();
  for (const container of pod.spec.containers) addInto(total, amountsOf(pick(container)));
  for (const container of pod.spec.initContainers ?? []) maxInto(total, amountsOf(pick(container)));
  return total;
}

export function podRequestsAndLimits(pod: Pod): { requests: Amounts; limits: Amounts } {
  const requests = sumOf(pod, (container) => container.resources?.requests);
  const limits = sumOf(pod, (container) => container.resources?.limits);
  const overhead = amountsOf(pod.spec.overhead);
  addInto(requests, overhead);
  for (const [name, amount] of overhead)
    if (limits.has(name)) limits.set(name, (limits.get(name) ?? 0) + amount);
  return { requests, limits };
}

/** The class the API server set at creation; computed for a pod stored without one. */
export function qosClass(pod: Pod): string {
  if (pod.status.qosClass !== undefined && pod.status.qosClass !== '') return pod.status.qosClass;
  return podQosClass(pod.spec);
}

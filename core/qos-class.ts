// The pod's quality-of-service class, as upstream's ComputePodQOS
// (pkg/apis/core/v1/helper/qos/qos.go): BestEffort when no container asks for or limits cpu or
// memory; Guaranteed when every container limits both and the summed requests equal the summed
// limits; Burstable otherwise. Only positive quantities count.

import type { Container, PodSpec, ResourceList } from './objects.ts';
import { parseCpuMilli } from './quantity.ts';
import { withFields } from './with-fields.ts';

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const QOS_RESOURCES = ['cpu', 'memory'] as const;

/** Positive cpu and memory quantities in thousandths of their unit, as Quantity.Cmp compares them. */
function positive(list: ResourceList | undefined): Map<string, number> {
  const found = new Map<string, number>();
  for (const name of QOS_RESOURCES) {
    const text = list?.[name];
    const milli = text === undefined ? undefined : parseCpuMilli(text);
    if (milli !== undefined && milli > 0) found.set(name, milli);
  }
  return found;
}

function addInto(total: Map<string, number>, part: Map<string, number>): void {
  for (const [name, value] of part) total.set(name, (total.get(name) ?? 0) + value);
}

/** The API server defaults a missing request to the limit (SetDefaults_Container); count it the same way. */
function requestsOf(container: Container): ResourceList {
  return withFields(container.resources?.limits ?? {}, container.resources?.requests ?? {});
}

export function podQosClass(spec: PodSpec): QosClass {
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let limitsEverything = true;
  for (const container of [...spec.containers, ...(spec.initContainers ?? [])]) {
    addInto(requests, positive(requestsOf(container)));
    const containerLimits = positive(container.resources?.limits);
    addInto(limits, containerLimits);
    if (!containerLimits.has('cpu') || !containerLimits.has('memory')) limitsEverything = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  const requestsMatch = [...requests].every(([name, value]) => limits.get(name) === value);
  return limitsEverything && requestsMatch && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

// Pod fields that are stored but that no ksim component acts on yet. Each gives one warning, so a
// manifest that relies on them is never silently run as if they held.

import type { PodSpec } from '../../core/objects.ts';

type Json = Record<string, unknown>;

const NOT_SIMULATED: readonly (readonly [(spec: Json) => boolean, string, string])[] = [
  [(spec) => (spec.affinity as Json | undefined)?.podAffinity !== undefined, 'affinity.podAffinity', 'the scheduler ignores pod affinity'],
  [(spec) => (spec.affinity as Json | undefined)?.podAntiAffinity !== undefined, 'affinity.podAntiAffinity', 'the scheduler ignores pod anti-affinity'],
  [(spec) => Array.isArray(spec.topologySpreadConstraints) && spec.topologySpreadConstraints.length > 0, 'topologySpreadConstraints', 'the scheduler ignores topology spread constraints'],
  [(spec) => Array.isArray(spec.schedulingGates) && spec.schedulingGates.length > 0, 'schedulingGates', 'scheduling gates do not hold the pod back'],
  [(spec) => typeof spec.priorityClassName === 'string' && spec.priorityClassName !== '', 'priorityClassName', 'priority classes are not resolved and there is no preemption'],
];


/** One line per field the simulation ignores, as "spec.topologySpreadConstraints: the scheduler ignores ...". */
export function podSpecWarnings(path: string, spec: PodSpec | undefined): string[] {
  if (spec === undefined) return [];
  const fields = spec as unknown as Json;
  const warnings = NOT_SIMULATED.filter(([present]) => present(fields)).map(([, field, why]) => `${path}.${field}: ${why}`);
  const containers = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  const hooked = containers.some((container) => (container as Json).lifecycle !== undefined);
  if (hooked) warnings.push(`${path}.containers[*] lifecycle: postStart and preStop hooks do not run`);
  return warnings;
}

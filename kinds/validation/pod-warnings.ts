// Pod fields that are stored but that no ksim component acts on yet. Each gives one warning, so a
// manifest that relies on them is never silently run as if they held.

import type { PodSpec } from '../../core/objects.ts';

type Json = Record<string, unknown>;

const NOT_SIMULATED: readonly (readonly [(spec: Json) => boolean, string, string])[] = [
  [(spec) => spec.resources !== undefined, 'resources', 'pod-level resources are not counted; the scheduler sums the containers\' requests'],
  [(spec) => Array.isArray(spec.initContainers) && spec.initContainers.length > 0, 'initContainers', 'init containers do not run; the app containers start at once'],
  [(spec) => typeof spec.priorityClassName === 'string' && spec.priorityClassName !== '', 'priorityClassName', 'priority orders the scheduling queue, but the scheduler does not preempt lower-priority pods yet'],
];

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];

/** One line per field the simulation ignores, as "spec.topologySpreadConstraints: the scheduler ignores ...". */
export function podSpecWarnings(path: string, spec: PodSpec | undefined): string[] {
  if (spec === undefined) return [];
  const fields = spec as unknown as Json;
  const warnings = NOT_SIMULATED.filter(([present]) => present(fields)).map(([, field, why]) => `${path}.${field}: ${why}`);
  const probed = (spec.containers ?? []).some((container) => PROBES.some((probe) => (container as Json)[probe] !== undefined));
  if (probed) warnings.push(`${path}.containers[*] probes: probes have no effect; readiness follows the image's behaviour`);
  return warnings;
}

// Pod fields that are stored but that no ksim component acts on yet. Each gives one warning, so a
// manifest that relies on them is never silently run as if they held.

import type { PodSpec } from '../../core/objects.ts';

type Json = Record<string, unknown>;

const NOT_SIMULATED: readonly (readonly [(spec: Json) => boolean, string, string])[] = [
  [(spec) => spec.resources !== undefined, 'resources', 'pod-level resources are not counted; the scheduler sums the containers\' requests'],
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

// The Priority admission plugin (plugin/pkg/admission/priority). A new pod's priorityClassName is
// resolved to spec.priority and spec.preemptionPolicy; a pod that names no class gets the global
// default class, or priority 0 when there is none. A pod may not state a priority or policy of
// its own that differs from what its class gives. Among PriorityClasses, only one may be the
// global default.

import type { Pod, PodSpec, PreemptionPolicy, PriorityClass } from '../../core/objects.ts';
import { listObjects, lookupObject } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import type { Admitted } from '../definition.ts';
import { isRecord } from '../validation/workload.ts';
import { withFields } from '../../core/with-fields.ts';

const DEFAULT_PREEMPTION_POLICY: PreemptionPolicy = 'PreemptLowerPriority';

interface Resolved {
  readonly className: string | undefined;
  readonly priority: number;
  readonly preemptionPolicy: PreemptionPolicy;
}

/** With several defaults (possible only through a race upstream), the one of lowest value wins. */
function globalDefaultClass(state: ClusterState): PriorityClass | undefined {
  let chosen: PriorityClass | undefined;
  for (const candidate of listObjects<PriorityClass>(state, 'PriorityClass')) {
    if (candidate.globalDefault === true && (chosen === undefined || candidate.value < chosen.value)) chosen = candidate;
  }
  return chosen;
}

function fromClass(priorityClass: PriorityClass | undefined): Resolved {
  return {
    className: priorityClass?.metadata.name,
    priority: priorityClass?.value ?? 0,
    preemptionPolicy: priorityClass?.preemptionPolicy ?? DEFAULT_PREEMPTION_POLICY,
  };
}

function resolve(spec: PodSpec, state: ClusterState): Resolved | { readonly forbidden: string } {
  const name = spec.priorityClassName;
  if (name === undefined || name === '') return fromClass(globalDefaultClass(state));
  const priorityClass = lookupObject<PriorityClass>(state, 'PriorityClass', undefined, name);
  return priorityClass === undefined ? { forbidden: `no PriorityClass with name ${name} was found` } : fromClass(priorityClass);
}

export function admitPodPriority(pod: Pod, state: ClusterState): Admitted<Pod> {
  // A malformed spec passes untouched; the pod's validation refuses it next.
  const { spec } = pod as { readonly spec: unknown };
  if (!isRecord(spec) || (spec.priorityClassName !== undefined && typeof spec.priorityClassName !== 'string')) return { object: pod };
  const resolved = resolve(pod.spec, state);
  if ('forbidden' in resolved) return resolved;
  const { priority, preemptionPolicy } = pod.spec;
  if (priority !== undefined && priority !== resolved.priority) {
    return { forbidden: `the integer value of priority (${String(priority)}) must not be provided in pod spec; priority admission controller computed ${resolved.priority} from the given PriorityClass name` };
  }
  if (preemptionPolicy !== undefined && preemptionPolicy !== resolved.preemptionPolicy) {
    return { forbidden: `the string value of PreemptionPolicy (${String(preemptionPolicy)}) must not be provided in pod spec; priority admission controller computed ${resolved.preemptionPolicy} from the given PriorityClass name` };
  }
  const { priorityClassName: _given, ...rest } = pod.spec;
  const admitted: PodSpec = withFields(rest, resolved.className === undefined ? {} : { priorityClassName: resolved.className }, {
    priority: resolved.priority,
    preemptionPolicy: resolved.preemptionPolicy,
  });
  return { object: { ...pod, spec: admitted } };
}

/** On update the plugin only carries over what it set at creation when the new spec leaves it out. */
export function keepPodPriority(next: Pod, current: Pod): Admitted<Pod> {
  if (!isRecord((next as { readonly spec: unknown }).spec)) return { object: next };
  const kept = (['priority', 'preemptionPolicy', 'priorityClassName'] as const).filter((field) => next.spec[field] === undefined && current.spec[field] !== undefined);
  if (kept.length === 0) return { object: next };
  return { object: { ...next, spec: withFields(next.spec, Object.fromEntries(kept.map((field) => [field, current.spec[field]]))) } };
}

export function admitPriorityClass(priorityClass: PriorityClass, state: ClusterState): Admitted<PriorityClass> {
  if (priorityClass.globalDefault !== true) return { object: priorityClass };
  const current = globalDefaultClass(state);
  if (current !== undefined && current.metadata.name !== priorityClass.metadata.name) {
    return { forbidden: `PriorityClass ${current.metadata.name} is already marked as default. Only one default can exist` };
  }
  return { object: priorityClass };
}

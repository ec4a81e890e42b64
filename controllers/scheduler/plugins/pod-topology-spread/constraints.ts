// A pod's topology spread constraints as the plugin reads them (podtopologyspread/common.go,
// filterTopologySpreadConstraints and buildDefaultConstraints): the constraints of one
// whenUnsatisfiable action, each with its selector parsed and matchLabelKeys merged in, minDomains
// defaulting to 1, nodeAffinityPolicy to Honor and nodeTaintsPolicy to Ignore. A pod with no
// constraints of its own gets the system defaults (hostname maxSkew 3, zone maxSkew 5, both
// ScheduleAnyway) over the selector of the Services and controller that own it.

import { asSelector, isEmptySelector, type Labels, type Selector, withPairs } from '../../../../core/labels.ts';
import type { NodeInclusionPolicy, Pod, TopologySpreadConstraint } from '../../../../core/objects.ts';
import type { ClusterState } from '../../../../reducers/state.ts';
import { defaultSelector } from './default-selector.ts';

export const LABEL_HOSTNAME = 'kubernetes.io/hostname';
export const LABEL_TOPOLOGY_ZONE = 'topology.kubernetes.io/zone';

export type Action = TopologySpreadConstraint['whenUnsatisfiable'];

export interface SpreadConstraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
  readonly selector: Selector;
  readonly minDomains: number;
  readonly nodeAffinityPolicy: NodeInclusionPolicy;
  readonly nodeTaintsPolicy: NodeInclusionPolicy;
}

/** systemDefaultConstraints (podtopologyspread/plugin.go). */
export const SYSTEM_DEFAULT_CONSTRAINTS: readonly TopologySpreadConstraint[] = [
  { topologyKey: LABEL_HOSTNAME, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
  { topologyKey: LABEL_TOPOLOGY_ZONE, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 },
];

/** matchLabelKeys: the pod's own value of each key, ANDed with the selector (mergeLabelSetWithSelector). */
function withMatchLabelKeys(selector: Selector, keys: readonly string[] | null | undefined, podLabels: Labels): Selector {
  if (keys === undefined || keys === null || keys.length === 0) return selector;
  const pairs = new Map<string, string>();
  for (const key of keys) {
    const value = podLabels[key];
    if (value !== undefined && Object.hasOwn(podLabels, key)) pairs.set(key, value);
  }
  return withPairs(selector, [...pairs]);
}

export function filterConstraints(constraints: readonly TopologySpreadConstraint[], podLabels: Labels, action: Action): SpreadConstraint[] {
  return constraints
    .filter((constraint) => constraint.whenUnsatisfiable === action)
    .map((constraint) => ({
      maxSkew: constraint.maxSkew,
      topologyKey: constraint.topologyKey,
      selector: withMatchLabelKeys(asSelector(constraint.labelSelector), constraint.matchLabelKeys, podLabels),
      minDomains: constraint.minDomains ?? 1,
      nodeAffinityPolicy: constraint.nodeAffinityPolicy ?? 'Honor',
      nodeTaintsPolicy: constraint.nodeTaintsPolicy ?? 'Ignore',
    }));
}

/** The system defaults with the owners' selector; none when that selector is empty. */
function defaultConstraints(pod: Pod, cluster: ClusterState, action: Action): SpreadConstraint[] {
  const constraints = filterConstraints(SYSTEM_DEFAULT_CONSTRAINTS, pod.metadata.labels ?? {}, action);
  if (constraints.length === 0) return [];
  const selector = defaultSelector(pod, cluster);
  if (isEmptySelector(selector)) return [];
  return constraints.map((constraint) => ({ ...constraint, selector }));
}

/** The constraints of one action: the pod's own, or the system defaults when it has none. */
export function spreadConstraints(pod: Pod, cluster: ClusterState, action: Action): SpreadConstraint[] {
  const own = pod.spec.topologySpreadConstraints ?? [];
  if (own.length > 0) return filterConstraints(own, pod.metadata.labels ?? {}, action);
  return defaultConstraints(pod, cluster, action);
}

/** nodeLabelsMatchSpreadConstraints: the node carries every constraint's topology key. */
export function hasAllTopologyKeys(labels: Labels, constraints: readonly SpreadConstraint[]): boolean {
  for (const constraint of constraints) {
    if (!Object.hasOwn(labels, constraint.topologyKey)) return false;
  }
  return true;
}

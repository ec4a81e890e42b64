// The LimitRanger admission plugin (plugin/pkg/admission/limitranger, v1.34). Creating a pod, it
// first gives every container (and init container) the default requests and limits of the
// namespace's Container items that it does not state, and says so in the annotation
// kubernetes.io/limit-ranger; after the pod's validation it checks min, max and
// maxLimitRequestRatio per Container and per Pod. A claim's storage request is held to the
// PersistentVolumeClaim items' min and max. A violation is a 403 Forbidden. Pod updates are not
// checked: containers cannot change.

import type { Container, Pod, ResourceList } from '../../core/objects.ts';
import { withFields } from '../../core/with-fields.ts';
import type { PersistentVolumeClaim } from '../../core/workloads.ts';
import { listObjects } from '../../reducers/lookup.ts';
import { kindGroup } from '../../reducers/object-indexes.ts';
import type { ClusterState } from '../../reducers/state.ts';
import type { Admitted } from '../definition.ts';
import { isRecord } from '../validation/workload.ts';
import { podRequirements } from '../quota/pod-requirements.ts';
import { parseQuantityList, type QuantityList } from '../quota/quantity-value.ts';
import type { LimitRange, LimitRangeItem } from './limit-range.ts';
import { aggregateMessages, limitRequestRatioConstraint, maxConstraint, maxRequestConstraint, minConstraint } from './limit-ranger-checks.ts';

export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

function limitRangesIn(state: ClusterState, namespace: string | undefined): LimitRange[] {
  if (namespace === undefined || state.indexes.byNamespace.count(kindGroup('LimitRange', namespace)) === 0) return [];
  return listObjects<LimitRange>(state, 'LimitRange', namespace);
}

function itemsOf(limitRange: LimitRange): LimitRangeItem[] {
  const limits = limitRange.spec?.limits;
  return Array.isArray(limits) ? limits.filter((item): item is LimitRangeItem => isRecord(item)) : [];
}

/** defaultContainerResourceRequirements: the Container items' defaults, later items winning. */
function containerDefaults(limitRange: LimitRange): { requests: ResourceList; limits: ResourceList } {
  let requests: ResourceList = {};
  let limits: ResourceList = {};
  for (const item of itemsOf(limitRange)) {
    if (item.type !== 'Container') continue;
    requests = withFields(requests, item.defaultRequest ?? {});
    limits = withFields(limits, item.default ?? {});
  }
  return { requests, limits };
}

/** The pod's decoding already made a limit without a request the request (SetDefaults_Container). */
function requestsFromLimits(container: Container): Container {
  const limits = container.resources?.limits;
  if (limits === undefined || Object.keys(limits).every((name) => container.resources?.requests?.[name] !== undefined)) return container;
  return withFields(container, { resources: withFields(container.resources ?? {}, { requests: withFields(limits, container.resources?.requests ?? {}) }) });
}

interface Merged {
  readonly container: Container;
  readonly notes: readonly string[];
}

/** mergeContainerResources: fills what the container lacks and says what it set, names sorted. */
function mergeContainer(given: Container, defaults: { requests: ResourceList; limits: ResourceList }, what: string): Merged {
  const container = requestsFromLimits(given);
  const limits = container.resources?.limits ?? {};
  const requests = container.resources?.requests ?? {};
  const setLimits = Object.keys(defaults.limits).filter((name) => limits[name] === undefined).sort();
  const setRequests = Object.keys(defaults.requests).filter((name) => requests[name] === undefined).sort();
  const notes = [
    ...(setRequests.length > 0 ? [`${setRequests.join(', ')} request for ${what} ${container.name}`] : []),
    ...(setLimits.length > 0 ? [`${setLimits.join(', ')} limit for ${what} ${container.name}`] : []),
  ];
  if (notes.length === 0) return { container, notes };
  const pick = (list: ResourceList, names: readonly string[]) => Object.fromEntries(names.map((name) => [name, list[name] as string]));
  const resources = withFields(container.resources ?? {}, {
    limits: withFields(limits, pick(defaults.limits, setLimits)),
    requests: withFields(requests, pick(defaults.requests, setRequests)),
  });
  return { container: withFields(container, { resources }), notes };
}

function mutateWithRange(pod: Pod, limitRange: LimitRange): Pod {
  const defaults = containerDefaults(limitRange);
  const notes: string[] = [];
  const merge = (list: readonly Container[] | undefined, what: string) =>
    list?.map((container) => {
      const merged = mergeContainer(container, defaults, what);
      notes.push(...merged.notes);
      return merged.container;
    });
  const containers = merge(pod.spec.containers, 'container') ?? [];
  const initContainers = merge(pod.spec.initContainers, 'init container');
  const spec = withFields(pod.spec, initContainers === undefined ? { containers } : { containers, initContainers });
  if (notes.length === 0) return withFields(pod, { spec });
  const annotations = withFields(pod.metadata.annotations ?? {}, { [LIMIT_RANGER_ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}` });
  return withFields(pod, { metadata: withFields(pod.metadata, { annotations }), spec });
}

function wellFormed(pod: Pod): boolean {
  const spec: unknown = pod.spec;
  const listOrAbsent = (value: unknown) => value === undefined || isRecord(value);
  const wellFormedContainer = (container: unknown) =>
    isRecord(container) && (container.resources === undefined || (isRecord(container.resources) && listOrAbsent(container.resources.requests) && listOrAbsent(container.resources.limits)));
  return isRecord(spec) && Array.isArray(spec.containers) && spec.containers.every(wellFormedContainer) && (spec.initContainers === undefined || (Array.isArray(spec.initContainers) && spec.initContainers.every(wellFormedContainer)));
}

/** The mutating half, before the pod is validated. A malformed pod passes untouched; validation refuses it. */
export function defaultPodResources(pod: Pod, state: ClusterState): Pod {
  const ranges = limitRangesIn(state, pod.metadata.namespace);
  if (ranges.length === 0 || !wellFormed(pod)) return pod;
  return ranges.reduce(mutateWithRange, pod);
}

function containerMessages(item: LimitRangeItem, container: Container): string[] {
  const requests = parseQuantityList(container.resources?.requests);
  const limits = parseQuantityList(container.resources?.limits);
  return itemMessages(item, requests, limits);
}

function itemMessages(item: LimitRangeItem, requests: QuantityList, limits: QuantityList): string[] {
  const messages: (string | undefined)[] = [];
  const checks = [
    [item.min, minConstraint],
    [item.max, maxConstraint],
    [item.maxLimitRequestRatio, limitRequestRatioConstraint],
  ] as const;
  for (const [list, check] of checks) {
    const enforced = parseQuantityList(list);
    // Upstream walks a Go map here, in no fixed order; names sorted keep the message the same each run.
    for (const name of Object.keys(enforced).sort()) messages.push(check(item.type, name, enforced[name]!, requests, limits));
  }
  return messages.filter((message): message is string => message !== undefined);
}

function podMessages(limitRange: LimitRange, pod: Pod): string[] {
  const messages: string[] = [];
  for (const item of itemsOf(limitRange)) {
    if (item.type === 'Container') {
      for (const container of [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]) messages.push(...containerMessages(item, container));
    } else if (item.type === 'Pod') {
      const { requests, limits } = podRequirements(pod.spec);
      messages.push(...itemMessages(item, requests, limits));
    }
  }
  return messages;
}

/** The validating half, after the pod's own validation: the first range the pod violates refuses it. */
export function validatePodLimits(pod: Pod, state: ClusterState): Admitted<Pod> {
  for (const limitRange of limitRangesIn(state, pod.metadata.namespace)) {
    const message = aggregateMessages(podMessages(limitRange, pod));
    if (message !== undefined) return { forbidden: message };
  }
  return { object: pod };
}

export function validateClaimLimits(claim: PersistentVolumeClaim, state: ClusterState): Admitted<PersistentVolumeClaim> {
  const spec: unknown = claim.spec;
  const resources = isRecord(spec) && isRecord(spec.resources) ? spec.resources : {};
  const requests = parseQuantityList(isRecord(resources.requests) ? resources.requests : {});
  for (const limitRange of limitRangesIn(state, claim.metadata.namespace)) {
    const messages: (string | undefined)[] = [];
    for (const item of itemsOf(limitRange)) {
      if (item.type !== 'PersistentVolumeClaim') continue;
      const min = parseQuantityList(item.min);
      const max = parseQuantityList(item.max);
      for (const name of Object.keys(min).sort()) messages.push(minConstraint(item.type, name, min[name]!, requests, {}));
      for (const name of Object.keys(max).sort()) messages.push(maxRequestConstraint(item.type, name, max[name]!, requests));
    }
    const message = aggregateMessages(messages.filter((m): m is string => m !== undefined));
    if (message !== undefined) return { forbidden: message };
  }
  return { object: claim };
}

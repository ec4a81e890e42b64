// What a pod asks of a node, as upstream's resourcehelper.PodRequests computes it
// (k8s.io/component-helpers/resource): the app containers and every sidecar summed, against each
// init container's request together with the sidecars started before it, the larger of the two
// per resource, plus pod overhead. Scoring also needs the "non-zero" figures, where a container
// that requests no cpu or memory counts as 100m and 200Mi (schedutil.DefaultMilliCPURequest,
// DefaultMemoryRequest), sidecars and init containers included.

import type { Container, Pod, PodSpec, ResourceList } from '../core/objects.ts';
import { parseCpuMilli, parseWholeUnits } from '../core/quantity.ts';
import { withFields } from '../core/with-fields.ts';

export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST_BYTES = 200 * 1024 * 1024;

/** Scalar resources by name: extended resources (example.com/foo), hugepages-*, and the like. */
export type ScalarResources = Readonly<Record<string, number>>;

export interface PodResources {
  readonly cpuMilli: number;
  readonly memoryBytes: number;
  readonly ephemeralStorageBytes: number;
  readonly scalar: ScalarResources;
  readonly nonZeroCpuMilli: number;
  readonly nonZeroMemoryBytes: number;
}

/** Counts by label set id (reducers/placed-pods.ts). */
export type LabelSetCounts = Readonly<Record<string, number>>;

/**
 * What the pods placed on a node take of it, as the scheduler's NodeInfo sums it, and how many of
 * them belong to each label set (of those, how many are marked for deletion). The label-set
 * counts ride along with the resources so that a scheduling cycle, which reads each candidate
 * node's usage anyway, counts a selector's pods there without another lookup.
 */
export interface NodeUsage extends PodResources {
  readonly pods: number;
  readonly labelSets: LabelSetCounts;
  readonly deletingLabelSets: LabelSetCounts;
}

const NO_SCALAR: ScalarResources = Object.freeze({});
/** The shared empty counts: a node without pods being deleted holds this very object. */
export const NO_LABEL_SETS: LabelSetCounts = Object.freeze({});

export const ZERO_RESOURCES: PodResources = {
  cpuMilli: 0,
  memoryBytes: 0,
  ephemeralStorageBytes: 0,
  scalar: NO_SCALAR,
  nonZeroCpuMilli: 0,
  nonZeroMemoryBytes: 0,
};

export const NO_USAGE: NodeUsage = withFields(ZERO_RESOURCES, { pods: 0, labelSets: NO_LABEL_SETS, deletingLabelSets: NO_LABEL_SETS });

const NATIVE_PREFIX = 'kubernetes.io/';

/**
 * schedutil.IsScalarResourceName: an extended resource (a domain-prefixed name outside
 * kubernetes.io, not a quota "requests." name), hugepages, a kubernetes.io-prefixed native
 * resource, or an attachable volume count.
 */
export function isScalarResourceName(name: string): boolean {
  if (name.startsWith('hugepages-') || name.startsWith('attachable-volume-')) return true;
  if (!name.includes('/')) return false;
  if (name.includes(NATIVE_PREFIX)) return true;
  return !name.startsWith('requests.');
}

function scalarOf(list: ResourceList | undefined): ScalarResources {
  let scalar: Record<string, number> | undefined;
  for (const [name, text] of Object.entries(list ?? {})) {
    if (!isScalarResourceName(name)) continue;
    scalar ??= {};
    scalar[name] = parseWholeUnits(text) ?? 0;
  }
  return scalar ?? NO_SCALAR;
}

function quantityOf(list: ResourceList | undefined, name: string, parse: (text: string) => number | undefined): number | undefined {
  const text = list?.[name];
  return text === undefined ? undefined : parse(text);
}

/** One container's requests; cpu or memory it leaves out count as the defaults in the non-zero figures. */
function containerResources(container: Container): PodResources {
  const requests = container.resources?.requests;
  const cpu = quantityOf(requests, 'cpu', parseCpuMilli);
  const memory = quantityOf(requests, 'memory', parseWholeUnits);
  return {
    cpuMilli: cpu ?? 0,
    memoryBytes: memory ?? 0,
    ephemeralStorageBytes: quantityOf(requests, 'ephemeral-storage', parseWholeUnits) ?? 0,
    scalar: scalarOf(requests),
    nonZeroCpuMilli: cpu ?? DEFAULT_MILLI_CPU_REQUEST,
    nonZeroMemoryBytes: memory ?? DEFAULT_MEMORY_REQUEST_BYTES,
  };
}

function combineScalar(a: ScalarResources, b: ScalarResources, pick: (x: number, y: number) => number): ScalarResources {
  if (b === NO_SCALAR) return a;
  if (a === NO_SCALAR && pick === sum) return b;
  const combined: Record<string, number> = { ...a };
  for (const [name, value] of Object.entries(b)) combined[name] = pick(combined[name] ?? 0, value);
  return combined;
}

function combine(a: PodResources, b: PodResources, pick: (x: number, y: number) => number): PodResources {
  return {
    cpuMilli: pick(a.cpuMilli, b.cpuMilli),
    memoryBytes: pick(a.memoryBytes, b.memoryBytes),
    ephemeralStorageBytes: pick(a.ephemeralStorageBytes, b.ephemeralStorageBytes),
    scalar: combineScalar(a.scalar, b.scalar, pick),
    nonZeroCpuMilli: pick(a.nonZeroCpuMilli, b.nonZeroCpuMilli),
    nonZeroMemoryBytes: pick(a.nonZeroMemoryBytes, b.nonZeroMemoryBytes),
  };
}

const sum = (x: number, y: number) => x + y;

function isSidecar(container: Container): boolean {
  return container.restartPolicy === 'Always';
}

/**
 * AggregateContainerRequests: a sidecar runs from its start to the pod's end, so it adds to the
 * app containers and to every init container after it; a plain init container runs alone beside
 * the sidecars started before it.
 */
function aggregateRequests(spec: PodSpec): PodResources {
  let total = spec.containers.map(containerResources).reduce((a, b) => combine(a, b, sum), ZERO_RESOURCES);
  let sidecars = ZERO_RESOURCES;
  let initPeak = ZERO_RESOURCES;
  for (const container of spec.initContainers ?? []) {
    const own = containerResources(container);
    let whileRunning: PodResources;
    if (isSidecar(container)) {
      total = combine(total, own, sum);
      sidecars = combine(sidecars, own, sum);
      whileRunning = sidecars;
    } else {
      whileRunning = combine(own, sidecars, sum);
    }
    initPeak = combine(initPeak, whileRunning, Math.max);
  }
  return combine(total, initPeak, Math.max);
}

function overheadOf(spec: PodSpec): PodResources {
  if (spec.overhead === undefined) return ZERO_RESOURCES;
  const cpu = quantityOf(spec.overhead, 'cpu', parseCpuMilli) ?? 0;
  const memory = quantityOf(spec.overhead, 'memory', parseWholeUnits) ?? 0;
  return {
    cpuMilli: cpu,
    memoryBytes: memory,
    ephemeralStorageBytes: quantityOf(spec.overhead, 'ephemeral-storage', parseWholeUnits) ?? 0,
    scalar: scalarOf(spec.overhead),
    nonZeroCpuMilli: cpu,
    nonZeroMemoryBytes: memory,
  };
}

export function podSpecResources(spec: PodSpec): PodResources {
  return combine(aggregateRequests(spec), overheadOf(spec), sum);
}

export function podResources(pod: Pod): PodResources {
  return podSpecResources(pod.spec);
}

function addScalar(usage: ScalarResources, pod: ScalarResources, sign: 1 | -1): ScalarResources {
  if (pod === NO_SCALAR) return usage;
  const next: Record<string, number> = { ...usage };
  for (const [name, value] of Object.entries(pod)) {
    const total = (next[name] ?? 0) + sign * value;
    if (total === 0) delete next[name];
    else next[name] = total;
  }
  return Object.keys(next).length === 0 ? NO_SCALAR : next;
}

export function addUsage(usage: NodeUsage, pod: PodResources, sign: 1 | -1): NodeUsage {
  return {
    ...usage,
    cpuMilli: usage.cpuMilli + sign * pod.cpuMilli,
    memoryBytes: usage.memoryBytes + sign * pod.memoryBytes,
    ephemeralStorageBytes: usage.ephemeralStorageBytes + sign * pod.ephemeralStorageBytes,
    scalar: addScalar(usage.scalar, pod.scalar, sign),
    nonZeroCpuMilli: usage.nonZeroCpuMilli + sign * pod.nonZeroCpuMilli,
    nonZeroMemoryBytes: usage.nonZeroMemoryBytes + sign * pod.nonZeroMemoryBytes,
    pods: usage.pods + sign,
  };
}

function addCount(counts: LabelSetCounts, id: string, delta: number): LabelSetCounts {
  const count = (counts[id] ?? 0) + delta;
  if (count !== 0) return withFields(counts, { [id]: count });
  const rest = Object.fromEntries(Object.entries(counts).filter(([key]) => key !== id));
  return Object.keys(rest).length === 0 ? NO_LABEL_SETS : rest;
}

/** The usage with one pod of a label set more (delta 1) or fewer (delta -1). */
export function addLabelSetPod(usage: NodeUsage, id: string, deleting: boolean, delta: 1 | -1): NodeUsage {
  return {
    ...usage,
    labelSets: addCount(usage.labelSets, id, delta),
    deletingLabelSets: deleting ? addCount(usage.deletingLabelSets, id, delta) : usage.deletingLabelSets,
  };
}

export function sameScalar(a: ScalarResources, b: ScalarResources): boolean {
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((name) => a[name] === b[name]);
}

export interface Allocatable {
  readonly cpuMilli: number;
  readonly memoryBytes: number;
  readonly ephemeralStorageBytes: number;
  readonly pods: number;
  readonly scalar: ScalarResources;
}

export function parseAllocatable(list: ResourceList): Allocatable {
  return {
    cpuMilli: parseCpuMilli(list.cpu ?? '0') ?? 0,
    memoryBytes: parseWholeUnits(list.memory ?? '0') ?? 0,
    ephemeralStorageBytes: parseWholeUnits(list['ephemeral-storage'] ?? '0') ?? 0,
    pods: parseWholeUnits(list.pods ?? '0') ?? 0,
    scalar: scalarOf(list),
  };
}

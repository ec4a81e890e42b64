// What a pod asks of a node, as upstream's resourcehelper.PodRequests computes it: the larger of
// the containers' summed requests and any single init container's request, plus pod overhead.
// Scoring also needs the "non-zero" figures, where a container that requests nothing counts as
// 100m cpu and 200Mi memory (schedutil.DefaultMilliCPURequest, DefaultMemoryRequest).

import type { Container, Pod, PodSpec, ResourceList } from '../core/objects.ts';
import { parseCpuMilli, parseWholeUnits } from '../core/quantity.ts';

export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST_BYTES = 200 * 1024 * 1024;

export interface PodResources {
  readonly cpuMilli: number;
  readonly memoryBytes: number;
  readonly nonZeroCpuMilli: number;
  readonly nonZeroMemoryBytes: number;
}

export interface NodeUsage extends PodResources {
  readonly pods: number;
}

export const NO_USAGE: NodeUsage = { cpuMilli: 0, memoryBytes: 0, nonZeroCpuMilli: 0, nonZeroMemoryBytes: 0, pods: 0 };

function requestOf(list: ResourceList | undefined, name: 'cpu' | 'memory'): number | undefined {
  const text = list?.[name];
  if (text === undefined) return undefined;
  return name === 'cpu' ? parseCpuMilli(text) : parseWholeUnits(text);
}

function containerResources(container: Container): PodResources {
  const cpu = requestOf(container.resources?.requests, 'cpu');
  const memory = requestOf(container.resources?.requests, 'memory');
  return {
    cpuMilli: cpu ?? 0,
    memoryBytes: memory ?? 0,
    nonZeroCpuMilli: cpu === undefined ? DEFAULT_MILLI_CPU_REQUEST : cpu,
    nonZeroMemoryBytes: memory === undefined ? DEFAULT_MEMORY_REQUEST_BYTES : memory,
  };
}

function combine(a: PodResources, b: PodResources, pick: (x: number, y: number) => number): PodResources {
  return {
    cpuMilli: pick(a.cpuMilli, b.cpuMilli),
    memoryBytes: pick(a.memoryBytes, b.memoryBytes),
    nonZeroCpuMilli: pick(a.nonZeroCpuMilli, b.nonZeroCpuMilli),
    nonZeroMemoryBytes: pick(a.nonZeroMemoryBytes, b.nonZeroMemoryBytes),
  };
}

const ZERO: PodResources = { cpuMilli: 0, memoryBytes: 0, nonZeroCpuMilli: 0, nonZeroMemoryBytes: 0 };
const sum = (x: number, y: number) => x + y;

export function podSpecResources(spec: PodSpec): PodResources {
  const containers = spec.containers.map(containerResources).reduce((a, b) => combine(a, b, sum), ZERO);
  const init = (spec.initContainers ?? [])
    .map(containerResources)
    .reduce((a, b) => combine(a, b, Math.max), ZERO);
  const withInit = combine(containers, init, Math.max);
  const overheadCpu = requestOf(spec.overhead, 'cpu') ?? 0;
  const overheadMemory = requestOf(spec.overhead, 'memory') ?? 0;
  return {
    cpuMilli: withInit.cpuMilli + overheadCpu,
    memoryBytes: withInit.memoryBytes + overheadMemory,
    nonZeroCpuMilli: withInit.nonZeroCpuMilli + overheadCpu,
    nonZeroMemoryBytes: withInit.nonZeroMemoryBytes + overheadMemory,
  };
}

export function podResources(pod: Pod): PodResources {
  return podSpecResources(pod.spec);
}

export function addUsage(usage: NodeUsage, pod: PodResources, sign: 1 | -1): NodeUsage {
  return {
    cpuMilli: usage.cpuMilli + sign * pod.cpuMilli,
    memoryBytes: usage.memoryBytes + sign * pod.memoryBytes,
    nonZeroCpuMilli: usage.nonZeroCpuMilli + sign * pod.nonZeroCpuMilli,
    nonZeroMemoryBytes: usage.nonZeroMemoryBytes + sign * pod.nonZeroMemoryBytes,
    pods: usage.pods + sign,
  };
}

export interface Allocatable {
  readonly cpuMilli: number;
  readonly memoryBytes: number;
  readonly pods: number;
}

export function parseAllocatable(list: ResourceList): Allocatable {
  return {
    cpuMilli: parseCpuMilli(list.cpu ?? '0') ?? 0,
    memoryBytes: parseWholeUnits(list.memory ?? '0') ?? 0,
    pods: parseWholeUnits(list.pods ?? '0') ?? 0,
  };
}

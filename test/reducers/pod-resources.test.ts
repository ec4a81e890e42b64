// What a pod asks of a node, with the figures of upstream's component-helpers resource tests
// (TestPodResourceRequests): sidecars add to the app containers and to every init container after
// them, plain init containers count one at a time, overhead comes on top.

import { describe, expect, it } from 'vitest';
import type { Container, PodSpec } from '../../core/objects.ts';
import { isScalarResourceName, podSpecResources } from '../../reducers/pod-resources.ts';

const container = (name: string, cpu?: string, sidecar = false): Container => ({
  name,
  image: 'busybox',
  ...(cpu === undefined ? {} : { resources: { requests: { cpu } } }),
  ...(sidecar ? { restartPolicy: 'Always' } : {}),
});

const cpuOf = (spec: Partial<PodSpec>) => podSpecResources({ containers: [], ...spec }).cpuMilli;

describe('pod requests (resourcehelper.PodRequests)', () => {
  it('a sidecar adds to the app containers: 2', () => {
    expect(cpuOf({ initContainers: [container('restartable-init-1', '1', true)], containers: [container('c', '1')] })).toBe(2000);
  });

  it('multiple sidecars between init containers: 6', () => {
    const initContainers = [container('init-1', '1'), container('restartable-init-1', '1', true), container('init-2', '1'), container('restartable-init-2', '2', true)];
    expect(cpuOf({ initContainers, containers: [container('c', '3')] })).toBe(6000);
  });

  it('an init container runs beside the sidecars started before it: 6', () => {
    const initContainers = [container('init-1', '5'), container('restartable-init-1', '1', true), container('init-2', '5'), container('restartable-init-2', '2', true), container('init-3', '1')];
    expect(cpuOf({ initContainers, containers: [container('c', '3')] })).toBe(6000);
  });

  it('a large init container after a sidecar sets the request: 210', () => {
    const initContainers = [container('restartable-init-1', '10', true), container('init-1', '200')];
    expect(cpuOf({ initContainers, containers: [container('c', '100')] })).toBe(210_000);
  });

  it('plain init containers count one at a time', () => {
    expect(cpuOf({ initContainers: [container('a', '2'), container('b', '3')], containers: [container('c', '1')] })).toBe(3000);
  });

  it('adds pod overhead, scalar resources included', () => {
    const spec: Partial<PodSpec> = {
      containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '1', 'example.com/foo': '2' } } }],
      overhead: { cpu: '250m', memory: '120Mi', 'example.com/foo': '1' },
    };
    const resources = podSpecResources({ containers: [], ...spec });
    expect(resources.cpuMilli).toBe(1250);
    expect(resources.memoryBytes).toBe(120 * 2 ** 20);
    expect(resources.scalar).toEqual({ 'example.com/foo': 3 });
    expect(resources.nonZeroCpuMilli).toBe(1250);
  });

  it('counts a sidecar without requests at the non-zero defaults', () => {
    const resources = podSpecResources({ initContainers: [container('proxy', undefined, true)], containers: [container('c', '1')] });
    expect(resources.cpuMilli).toBe(1000);
    expect(resources.nonZeroCpuMilli).toBe(1100);
    expect(resources.nonZeroMemoryBytes).toBe(2 * 200 * 2 ** 20);
  });
});

describe('scalar resource names (schedutil.IsScalarResourceName)', () => {
  it('takes extended, hugepages, kubernetes.io-prefixed and attachable-volume names, not native ones', () => {
    expect(['example.com/foo', 'hugepages-2Mi', 'kubernetes.io/something', 'attachable-volume-csi-x'].every(isScalarResourceName)).toBe(true);
    expect(['cpu', 'memory', 'pods', 'ephemeral-storage', 'requests.example.com/foo'].some(isScalarResourceName)).toBe(false);
  });
});

// NodeResourcesFit: the filter's reasons, and the LeastAllocated score against the figures in
// upstream's pkg/scheduler/framework/plugins/noderesources/least_allocated_test.go. Upstream's
// tests give cpu in whole cores ("4000" is 4000 cores); the shares, and so the scores, are the same.

import { describe, expect, it } from 'vitest';
import {
  leastAllocatedScore,
  nodeResourcesFitFilter,
  REASON_INSUFFICIENT_CPU,
  REASON_INSUFFICIENT_MEMORY,
  REASON_TOO_MANY_PODS,
} from '../../../controllers/scheduler/plugins/node-resources-fit.ts';
import type { Pod } from '../../../core/objects.ts';
import { infoOf, makeNode, makePod, stateOf, usageOn, viewsOf } from './builders.ts';

function fitReasons(pod: Pod, nodeOptions: Parameters<typeof makeNode>[1], existing: Pod[] = []) {
  const state = stateOf([makeNode('n1', nodeOptions)], existing);
  const [view] = viewsOf(state);
  if (view === undefined) throw new Error('no node');
  return nodeResourcesFitFilter(infoOf(pod, state), view, usageOn(state, 'n1'));
}

describe('NodeResourcesFit filter', () => {
  it('accepts a pod that exactly fills the free cpu and memory', () => {
    const existing = [makePod('a', { nodeName: 'n1', requests: [{ cpu: '1', memory: '1Gi' }] })];
    const pod = makePod('p', { requests: [{ cpu: '3', memory: '3Gi' }] });
    expect(fitReasons(pod, { cpu: '4', memory: '4Gi' }, existing)).toBeUndefined();
  });

  it('reports Insufficient cpu when the request exceeds what is left', () => {
    const existing = [makePod('a', { nodeName: 'n1', requests: [{ cpu: '3500m' }] })];
    const pod = makePod('p', { requests: [{ cpu: '600m' }] });
    expect(fitReasons(pod, { cpu: '4' }, existing)).toEqual([REASON_INSUFFICIENT_CPU]);
  });

  it('reports Insufficient memory when the request exceeds what is left', () => {
    const pod = makePod('p', { requests: [{ memory: '5Gi' }] });
    expect(fitReasons(pod, { memory: '4Gi' })).toEqual([REASON_INSUFFICIENT_MEMORY]);
  });

  it('reports Too many pods when the node is at its pod count', () => {
    const existing = [makePod('a', { nodeName: 'n1' }), makePod('b', { nodeName: 'n1' })];
    expect(fitReasons(makePod('p'), { pods: '2' }, existing)).toEqual([REASON_TOO_MANY_PODS]);
  });

  it('gives every shortage as its own reason, in upstream order', () => {
    const existing = [makePod('a', { nodeName: 'n1', requests: [{ cpu: '1', memory: '1Gi' }] })];
    const pod = makePod('p', { requests: [{ cpu: '2', memory: '2Gi' }] });
    expect(fitReasons(pod, { cpu: '2', memory: '2Gi', pods: '1' }, existing)).toEqual([
      REASON_TOO_MANY_PODS,
      REASON_INSUFFICIENT_CPU,
      REASON_INSUFFICIENT_MEMORY,
    ]);
  });

  it('does not count terminal pods against the node', () => {
    const existing = [makePod('done', { nodeName: 'n1', phase: 'Succeeded', requests: [{ cpu: '4' }] })];
    expect(
      fitReasons(makePod('p', { requests: [{ cpu: '4' }] }), { cpu: '4', pods: '1' }, existing),
    ).toBeUndefined();
  });

  it('checks only the pod count for a pod that requests nothing', () => {
    const existing = [makePod('a', { nodeName: 'n1', requests: [{ cpu: '4', memory: '16Gi' }] })];
    expect(fitReasons(makePod('p'), { cpu: '4', memory: '16Gi' }, existing)).toBeUndefined();
  });
});

/** LeastAllocated scores of `pod` on each node, in node-name order. */
function leastAllocated(pod: Pod, nodes: Parameters<typeof makeNode>[1][], existing: Pod[] = []): number[] {
  const state = stateOf(
    nodes.map((options, index) => makeNode(`node${index + 1}`, options)),
    existing,
  );
  const info = infoOf(pod, state);
  return viewsOf(state).map((view) => leastAllocatedScore(info, view, usageOn(state, view.name)));
}

const twoContainers = [
  { cpu: '1000', memory: '2000' },
  { cpu: '2000', memory: '3000' },
];

describe('LeastAllocated score (upstream least_allocated_test.go)', () => {
  it('nothing scheduled, resources requested, differently sized nodes: 37 and 50', () => {
    const pod = makePod('p', { requests: twoContainers });
    const scores = leastAllocated(pod, [
      { cpu: '4000', memory: '10000' },
      { cpu: '6000', memory: '10000' },
    ]);
    expect(scores).toEqual([37, 50]);
  });

  it('resources requested, pods scheduled with resources: 57 and 45', () => {
    const existing = [
      makePod('a', { nodeName: 'node1', requests: [{ cpu: '3000', memory: '0' }] }),
      makePod('b', { nodeName: 'node2', requests: [{ cpu: '3000', memory: '5000' }] }),
    ];
    const nodes = [
      { cpu: '10000', memory: '20000' },
      { cpu: '10000', memory: '20000' },
    ];
    expect(leastAllocated(makePod('p', { requests: twoContainers }), nodes, existing)).toEqual([57, 45]);
  });

  it('resources requested, pods scheduled with resources, differently sized nodes: 57 and 60', () => {
    const existing = [
      makePod('a', { nodeName: 'node1', requests: [{ cpu: '3000', memory: '0' }] }),
      makePod('b', { nodeName: 'node2', requests: [{ cpu: '3000', memory: '5000' }] }),
    ];
    const nodes = [
      { cpu: '10000', memory: '20000' },
      { cpu: '10000', memory: '50000' },
    ];
    expect(leastAllocated(makePod('p', { requests: twoContainers }), nodes, existing)).toEqual([57, 60]);
  });

  it('requested resources exceed node capacity: 50 and 25', () => {
    const existing = [
      makePod('a', { nodeName: 'node1', requests: [{ cpu: '3000', memory: '0' }] }),
      makePod('b', { nodeName: 'node2', requests: [{ cpu: '3000', memory: '5000' }] }),
    ];
    const nodes = [
      { cpu: '4000', memory: '10000' },
      { cpu: '4000', memory: '10000' },
    ];
    const pod = makePod('p', { requests: [{ cpu: '3000', memory: '0' }] });
    expect(leastAllocated(pod, nodes, existing)).toEqual([50, 25]);
  });

  it('zero node resources score 0', () => {
    const pod = makePod('p', { requests: [] });
    expect(leastAllocated(pod, [{ cpu: '0', memory: '0' }])).toEqual([0]);
  });

  it('rounds each resource score down before averaging', () => {
    // (3 - 1) * 100 / 3 = 66.7 for both cpu and memory.
    const pod = makePod('p', { requests: [{ cpu: '1', memory: '1Gi' }] });
    expect(leastAllocated(pod, [{ cpu: '3', memory: '3Gi' }])).toEqual([66]);
  });

  it('counts a container without requests as 100m cpu and 200Mi memory', () => {
    // cpu: (1000 - 100) * 100 / 1000 = 90; memory: (1000Mi - 200Mi) * 100 / 1000Mi = 80; (90 + 80) / 2 = 85.
    expect(leastAllocated(makePod('p'), [{ cpu: '1', memory: '1000Mi' }])).toEqual([85]);
  });
});

// Upstream's fit_test.go TestEnoughRequests, extended-resource cases: the node has 10m cpu, 20
// bytes of memory, 32 pods, 5 example.com/aaa, 5 hugepages-2Mi and 20 bytes of ephemeral storage.
describe('NodeResourcesFit filter: extended resources and the rest (TestEnoughRequests)', () => {
  const EXTENDED_A = 'example.com/aaa';
  const EXTENDED_B = 'example.com/bbb';
  const KUBERNETES_IO = 'kubernetes.io/something';
  const HUGEPAGES = 'hugepages-2Mi';
  const node = { cpu: '10m', memory: '20', pods: '32', resources: { [EXTENDED_A]: '5', [HUGEPAGES]: '5', 'ephemeral-storage': '20' } };
  const requests = (extra: Record<string, string>) => ({ cpu: '1m', memory: '1', ...extra });
  const using = (extra: Record<string, string>) => [makePod('existing', { nodeName: 'n1', requests: [extra] })];
  const withInit = (init: Record<string, string>[], app: Record<string, string> = requests({})) =>
    makePod('p', { requests: [app], spec: { initContainers: init.map((request, index) => ({ name: `init${index}`, image: 'busybox', resources: { requests: request } })) } });

  it('extended resource fits', () => {
    expect(fitReasons(makePod('p', { requests: [requests({ [EXTENDED_A]: '1' })] }), node, using({}))).toBeUndefined();
  });

  it('extended resource fits for init container', () => {
    expect(fitReasons(withInit([requests({ [EXTENDED_A]: '1' })]), node, using({}))).toBeUndefined();
  });

  it('extended resource capacity enforced', () => {
    expect(fitReasons(makePod('p', { requests: [requests({ [EXTENDED_A]: '10' })] }), node, using({ [EXTENDED_A]: '0' }))).toEqual([`Insufficient ${EXTENDED_A}`]);
  });

  it('extended resource capacity enforced for init container', () => {
    expect(fitReasons(withInit([requests({ [EXTENDED_A]: '10' })]), node, using({ [EXTENDED_A]: '0' }))).toEqual([`Insufficient ${EXTENDED_A}`]);
  });

  it('extended resource allocatable enforced', () => {
    expect(fitReasons(makePod('p', { requests: [requests({ [EXTENDED_A]: '1' })] }), node, using({ [EXTENDED_A]: '5' }))).toEqual([`Insufficient ${EXTENDED_A}`]);
  });

  it('extended resource allocatable enforced for multiple containers', () => {
    const pod = makePod('p', { requests: [requests({ [EXTENDED_A]: '3' }), requests({ [EXTENDED_A]: '3' })] });
    expect(fitReasons(pod, node, using({ [EXTENDED_A]: '2' }))).toEqual([`Insufficient ${EXTENDED_A}`]);
  });

  it('extended resource allocatable admits multiple init containers', () => {
    expect(fitReasons(withInit([requests({ [EXTENDED_A]: '3' }), requests({ [EXTENDED_A]: '3' })]), node, using({ [EXTENDED_A]: '2' }))).toBeUndefined();
  });

  it('extended resource allocatable enforced for multiple init containers', () => {
    expect(fitReasons(withInit([requests({ [EXTENDED_A]: '6' }), requests({ [EXTENDED_A]: '3' })]), node, using({ [EXTENDED_A]: '2' }))).toEqual([`Insufficient ${EXTENDED_A}`]);
  });

  it('extended resource allocatable enforced for unknown resource', () => {
    expect(fitReasons(makePod('p', { requests: [requests({ [EXTENDED_B]: '1' })] }), node, using({}))).toEqual([`Insufficient ${EXTENDED_B}`]);
  });

  it('kubernetes.io resource capacity enforced', () => {
    expect(fitReasons(makePod('p', { requests: [requests({ [KUBERNETES_IO]: '10' })] }), node, using({}))).toEqual([`Insufficient ${KUBERNETES_IO}`]);
  });

  it('hugepages resource capacity enforced', () => {
    expect(fitReasons(makePod('p', { requests: [requests({ [HUGEPAGES]: '10' })] }), node, using({ [HUGEPAGES]: '0' }))).toEqual([`Insufficient ${HUGEPAGES}`]);
  });

  it('hugepages resource allocatable enforced for multiple containers', () => {
    const pod = makePod('p', { requests: [requests({ [HUGEPAGES]: '3' }), requests({ [HUGEPAGES]: '3' })] });
    expect(fitReasons(pod, node, using({ [HUGEPAGES]: '2' }))).toEqual([`Insufficient ${HUGEPAGES}`]);
  });

  it('ephemeral storage capacity enforced, beside other shortages', () => {
    const pod = makePod('p', { requests: [{ cpu: '20m', 'ephemeral-storage': '25' }] });
    expect(fitReasons(pod, node, using({}))).toEqual([REASON_INSUFFICIENT_CPU, 'Insufficient ephemeral-storage']);
  });

  it('a zero request of an extended resource needs none of it', () => {
    expect(fitReasons(makePod('p', { requests: [requests({ [EXTENDED_B]: '0' })] }), node, using({}))).toBeUndefined();
  });
});

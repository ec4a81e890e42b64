// The EndpointSlice reconciler's plan against upstream's reconciler_test.go figures: 250 endpoints
// fill 100, 100 and 50; with slices of 62 and 61 already there, the 127 left make one new full
// slice and 27 go into the slice that comes closest to full (one update and one create); a slice
// left empty is reused for what would be created; an empty Service keeps one placeholder.

import { describe, expect, it } from 'vitest';
import type { Endpoint, EndpointSlice } from '../../../core/networking.ts';
import type { EndpointGroup } from '../../../controllers/endpointslice/desired.ts';
import { planSlices, sliceToFill } from '../../../controllers/endpointslice/slice-plan.ts';

const PORTS = [{ name: '', protocol: 'TCP' as const, port: 80 }];
const PORT_KEY = '/TCP/80/';

function endpoint(index: number, ready = true): Endpoint {
  return {
    addresses: [`10.1.${Math.floor(index / 250)}.${index % 250}`],
    conditions: { ready, serving: ready, terminating: false },
    targetRef: { kind: 'Pod', namespace: 'test', name: `pod${index}`, uid: `uid-${index}` },
  };
}

function group(count: number): EndpointGroup {
  return { ports: PORTS, portKey: PORT_KEY, endpoints: Array.from({ length: count }, (_, i) => endpoint(i, i % 3 !== 0)) };
}

function slice(name: string, endpoints: readonly Endpoint[], ports = PORTS): EndpointSlice {
  return { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name, namespace: 'test', uid: `uid-${name}`, creationTimestamp: '2025-01-01T00:00:00Z' }, addressType: 'IPv4', endpoints, ports };
}

const lengths = (plan: ReturnType<typeof planSlices>): number[] =>
  [...plan.create.map((s) => s.endpoints.length), ...plan.update.map((s) => s.endpoints.length)].sort((a, b) => b - a);

describe('planSlices', () => {
  it('TestReconcileManyPods: 250 endpoints make three slices of 100, 100 and 50, all creates', () => {
    const plan = planSlices([group(250)], [], false);
    expect(plan.create.map((s) => s.endpoints.length)).toEqual([100, 100, 50]);
    expect(plan.update).toEqual([]);
    expect(plan.delete).toEqual([]);
  });

  it('TestReconcileEndpointSlicesSomePreexisting: 62 and 61 there, one new full slice and 27 into the first (100, 89, 61)', () => {
    const desired = group(250);
    const first: Endpoint[] = [];
    const second: Endpoint[] = [];
    for (let i = 1; i < 250 - 4; i += 4) first.push(desired.endpoints[i] as Endpoint);
    for (let i = 3; i < 250 - 4; i += 4) second.push(desired.endpoints[i] as Endpoint);
    expect([first.length, second.length]).toEqual([62, 61]);
    const plan = planSlices([desired], [slice('foo-1', first), slice('foo-2', second)], false);
    expect(plan.create.length + plan.update.length + plan.delete.length).toBe(2);
    expect(plan.create.map((s) => s.endpoints.length)).toEqual([100]);
    expect(plan.update.map((u) => [u.slice.metadata.name, u.endpoints.length])).toEqual([['foo-1', 89]]);
    expect(lengths(plan)).toEqual([100, 89]);
  });

  it('changes nothing when every endpoint is where it should be', () => {
    const desired = group(150);
    const plan = planSlices([desired], [slice('a', desired.endpoints.slice(0, 100)), slice('b', desired.endpoints.slice(100))], false);
    expect(plan).toEqual({ create: [], update: [], delete: [] });
  });

  it('updates only the slice whose endpoint changed condition, in place', () => {
    const desired = group(3);
    const stale = desired.endpoints.map((e, i) => (i === 1 ? { ...e, conditions: { ready: false, serving: false, terminating: true } } : e));
    const plan = planSlices([desired], [slice('a', stale)], false);
    expect(plan.update).toEqual([{ slice: slice('a', stale), endpoints: desired.endpoints }]);
  });

  it('reuses a slice left empty for the slice it would create (finalize), and keeps one placeholder when nothing is left', () => {
    const old = slice('a', [endpoint(900)]);
    const reused = planSlices([group(2)], [old], false);
    expect(reused.create).toEqual([]);
    expect(reused.delete).toEqual([]);
    expect(reused.update.map((u) => u.endpoints.length)).toEqual([2]);
    const emptied = planSlices([], [old], false);
    expect(emptied.update).toEqual([{ slice: old, endpoints: [], ports: [] }]);
    const placeholder = slice('p', [], []);
    expect(planSlices([], [placeholder], false)).toEqual({ create: [], update: [], delete: [] });
    expect(planSlices([], [], false).create).toEqual([{ ports: [], endpoints: [] }]);
  });

  it('never puts more than 100 endpoints in a slice', () => {
    const desired = group(1234);
    const plan = planSlices([desired], [slice('a', desired.endpoints.slice(0, 70))], false);
    for (const length of lengths(plan)) expect(length).toBeLessThanOrEqual(100);
    // Slice a keeps its 70 untouched (too full to take the 64 left over), so the plan holds the rest.
    expect(plan.update).toEqual([]);
    expect(lengths(plan).reduce((a, b) => a + b, 0)).toBe(1234 - 70);
  });

  it('getSliceToFill picks the slice that comes closest to full', () => {
    const slices = [{ endpoints: new Array(62) }, { endpoints: new Array(61) }, { endpoints: new Array(80) }];
    expect(sliceToFill(slices, 27, 100)).toBe(slices[0]);
    expect(sliceToFill(slices, 20, 100)).toBe(slices[2]);
    expect(sliceToFill(slices, 50, 100)).toBeUndefined();
  });
});

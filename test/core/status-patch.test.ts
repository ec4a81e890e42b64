// Status patches: a status write as what it changed, lists patched element by element by name,
// and applying the patch to the old status gives the new one exactly, field order included.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyStatusPatch,
  type JsonRecord,
  NODE_STATUS_LIST_KEYS,
  POD_STATUS_LIST_KEYS,
  statusAfter,
  statusChange,
  statusPatch,
} from '../../core/status-patch.ts';

const T0 = '2025-01-01T00:00:00Z';
const T1 = '2025-01-01T00:05:00Z';

const condition = (type: string, status: string, heartbeat = T0) => ({ type, status, lastHeartbeatTime: heartbeat, lastTransitionTime: T0 });

function roundTrip(before: JsonRecord, after: JsonRecord, keys = POD_STATUS_LIST_KEYS): string {
  return JSON.stringify(statusAfter(before, statusChange(before, after, keys), keys));
}

describe('statusPatch', () => {
  it('says a heartbeat as the heartbeat times of the conditions, by type', () => {
    const before = { capacity: { cpu: '4' }, conditions: [condition('MemoryPressure', 'False'), condition('Ready', 'True')] };
    const after = { capacity: { cpu: '4' }, conditions: [condition('MemoryPressure', 'False', T1), condition('Ready', 'True', T1)] };
    expect(statusPatch(before, after, NODE_STATUS_LIST_KEYS)).toEqual({
      conditions: { MemoryPressure: { lastHeartbeatTime: T1 }, Ready: { lastHeartbeatTime: T1 } },
    });
  });

  it('patches container statuses by name, not by index, when one in the middle goes', () => {
    const before = { containerStatuses: [{ name: 'a', ready: true }, { name: 'b', ready: true }, { name: 'c', ready: false }] };
    const after = { containerStatuses: [{ name: 'a', ready: true }, { name: 'c', ready: true }] };
    const patch = statusPatch(before, after, POD_STATUS_LIST_KEYS);
    expect(patch).toEqual({ containerStatuses: { b: null, c: { ready: true } } });
    expect(applyStatusPatch(before, patch ?? {}, POD_STATUS_LIST_KEYS)).toEqual(after);
  });

  it('appends an element the list did not have whole, and removes a field with null', () => {
    const before = { phase: 'Pending', reason: 'Evicted', conditions: [{ type: 'Ready', status: 'False' }] };
    const after = { phase: 'Failed', conditions: [{ type: 'Ready', status: 'False' }, { type: 'DisruptionTarget', status: 'True', lastProbeTime: null }] };
    expect(statusPatch(before, after, POD_STATUS_LIST_KEYS)).toEqual({
      reason: null,
      phase: 'Failed',
      conditions: { DisruptionTarget: { type: 'DisruptionTarget', status: 'True', lastProbeTime: null } },
    });
  });

  it('is empty when nothing changed', () => {
    const status = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] };
    expect(statusPatch(status, structuredClone(status), POD_STATUS_LIST_KEYS)).toEqual({});
  });

  it('gives a list whose elements changed order whole', () => {
    const before = { conditions: [{ type: 'PodScheduled', status: 'True' }] };
    const after = { conditions: [{ type: 'Initialized', status: 'True' }, { type: 'PodScheduled', status: 'True' }] };
    expect(statusPatch(before, after, POD_STATUS_LIST_KEYS)).toEqual({ conditions: after.conditions });
  });

  it('gives a list whole when two of its elements share a name', () => {
    const before = { conditions: [{ type: 'Ready', status: 'True' }] };
    const after = { conditions: [{ type: 'Ready', status: 'True' }, { type: 'Ready', status: 'False' }] };
    expect(statusPatch(before, after, POD_STATUS_LIST_KEYS)).toEqual({ conditions: after.conditions });
  });

  it('cannot say a field set to null, nor a new field placed before an old one', () => {
    expect(statusPatch({ phase: 'Running', message: 'x' }, { phase: 'Running', message: null }, POD_STATUS_LIST_KEYS)).toBeUndefined();
    expect(statusPatch({ replicas: 0, observedGeneration: 1 }, { replicas: 3, readyReplicas: 3, observedGeneration: 1 }, {})).toBeUndefined();
  });

  it('falls back to the whole status for what a patch cannot say', () => {
    const after = { replicas: 3, readyReplicas: 3, observedGeneration: 1 };
    expect(statusChange<JsonRecord>({ replicas: 0, observedGeneration: 1 }, after, {})).toEqual({ status: after });
  });

  it('counts a field holding undefined as absent, as JSON does', () => {
    const before = { phase: 'Pending', reason: undefined };
    const after = { phase: 'Pending', message: 'waiting', reason: 'Unschedulable' };
    expect(roundTrip(before, after)).toBe(JSON.stringify(after));
  });

  it('keeps a field named __proto__ a plain field', () => {
    const before = JSON.parse('{"phase":"Pending","conditions":[{"type":"__proto__","status":"False"}]}') as JsonRecord;
    const after = JSON.parse('{"phase":"Pending","conditions":[{"type":"__proto__","status":"True"}],"__proto__":{"x":1}}') as JsonRecord;
    expect(roundTrip(before, after)).toBe(JSON.stringify(after));
    expect(Object.getPrototypeOf(statusAfter(before, statusChange(before, after, POD_STATUS_LIST_KEYS), POD_STATUS_LIST_KEYS))).toBe(Object.prototype);
  });
});

/** An object of some of these fields, in a random order, so merges meet fields that moved. */
function someFields(names: readonly string[], value: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .shuffledSubarray([...names])
    .chain((chosen) => fc.tuple(...chosen.map(() => value)).map((values) => Object.fromEntries(chosen.map((name, index) => [name, values[index]]))));
}

const scalar = fc.oneof(fc.constantFrom('a', 'b', ''), fc.integer({ min: 0, max: 2 }), fc.boolean(), fc.constant(null));
const nested = fc.oneof(scalar, someFields(['x', 'y', 'z'], fc.oneof(scalar, someFields(['p', 'q'], scalar))));

function namedList(key: string, names: readonly string[]): fc.Arbitrary<Record<string, unknown>[]> {
  return fc
    .shuffledSubarray([...names])
    .chain((chosen) => fc.tuple(...chosen.map((name) => someFields(['status', 'reason', 'state'], nested).map((fields) => ({ [key]: name, ...fields })))));
}

const status: fc.Arbitrary<JsonRecord> = fc
  .record({
    fields: someFields(['phase', 'reason', 'message', 'hostIP', 'images', 'detail'], nested),
    conditions: fc.option(namedList('type', ['Ready', 'Initialized', 'PodScheduled', '__proto__']), { nil: undefined }),
    containerStatuses: fc.option(namedList('name', ['app', 'sidecar', 'proxy']), { nil: undefined }),
    listsFirst: fc.boolean(),
  })
  .map(({ fields, conditions, containerStatuses, listsFirst }) => {
    const lists = { ...(conditions === undefined ? {} : { conditions }), ...(containerStatuses === undefined ? {} : { containerStatuses }) };
    return listsFirst ? { ...lists, ...fields } : { ...fields, ...lists };
  });

describe('statusChange, for any two statuses', () => {
  it('applied to the first gives the second exactly, field order included', () => {
    fc.assert(
      fc.property(status, status, (before, after) => {
        expect(roundTrip(before, after)).toBe(JSON.stringify(after));
      }),
      { numRuns: 2000 },
    );
  });

  it('says a change of one field of an element as that field alone', () => {
    fc.assert(
      fc.property(status, fc.constantFrom('a', 'b', 'c'), (before, value) => {
        const conditions = before.conditions as Record<string, unknown>[] | undefined;
        const first = conditions?.[0];
        fc.pre(first !== undefined && first.status !== value);
        const after = { ...before, conditions: [{ ...first, status: value }, ...(conditions ?? []).slice(1)] };
        const name = String(first?.type);
        expect(statusPatch(before, after, POD_STATUS_LIST_KEYS)).toEqual({ conditions: Object.fromEntries([[name, { status: value }]]) });
      }),
      { numRuns: 300 },
    );
  });
});

// The Priority admission plugin and PriorityClass validation, with upstream's messages
// (plugin/pkg/admission/priority/admission_test.go, pkg/apis/scheduling/validation).

import { describe, expect, it } from 'vitest';
import type { KsimEvent } from '../../core/events.ts';
import type { Pod, PriorityClass } from '../../core/objects.ts';
import { lookupObject } from '../../reducers/lookup.ts';
import { ApiHarness, podManifest } from '../support/api-harness.ts';

function priorityClass(name: string, value: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value, ...extra };
}

function podWith(name: string, spec: Record<string, unknown>): Record<string, unknown> {
  const base = podManifest(name) as { spec: Record<string, unknown> };
  return { ...base, spec: { ...base.spec, ...spec } };
}

function rejection(events: readonly KsimEvent[]): string | undefined {
  const [event] = events;
  return event?.type === 'request/rejected' ? `${event.code} ${event.reason}: ${event.message}` : undefined;
}

const storedPod = (api: ApiHarness, name: string) => lookupObject<Pod>(api.state, 'Pod', 'default', name)?.spec;

describe('Priority admission of pods', () => {
  it('gives a pod that names no class priority 0 and PreemptLowerPriority', () => {
    const api = new ApiHarness();
    api.apply(podManifest('web'));
    const spec = storedPod(api, 'web');
    expect([spec?.priority, spec?.preemptionPolicy, spec?.priorityClassName]).toEqual([0, 'PreemptLowerPriority', undefined]);
  });

  it("resolves the class's value and preemption policy onto the pod", () => {
    const api = new ApiHarness();
    api.apply(priorityClass('batch-low', -10, { preemptionPolicy: 'Never' }));
    api.apply(podWith('job', { priorityClassName: 'batch-low' }));
    const spec = storedPod(api, 'job');
    expect([spec?.priority, spec?.preemptionPolicy, spec?.priorityClassName]).toEqual([-10, 'Never', 'batch-low']);
  });

  it('refuses a pod whose class does not exist', () => {
    const api = new ApiHarness();
    expect(rejection(api.apply(podWith('web', { priorityClassName: 'nope' })))).toBe('403 Forbidden: pods "web" is forbidden: no PriorityClass with name nope was found');
  });

  it('names a generated pod by its prefix, as admission runs before the name is drawn', () => {
    const api = new ApiHarness();
    const manifest = podWith('ignored', { priorityClassName: 'nope' }) as { metadata: Record<string, unknown> };
    const events = api.apply({ ...manifest, metadata: { generateName: 'web-7d4b9-' } });
    expect(rejection(events)).toBe('403 Forbidden: pods "web-7d4b9-" is forbidden: no PriorityClass with name nope was found');
  });

  it('refuses a stated priority that differs from the class', () => {
    const api = new ApiHarness();
    api.apply(priorityClass('high', 1000));
    expect(rejection(api.apply(podWith('web', { priorityClassName: 'high', priority: 5 })))).toBe(
      '403 Forbidden: pods "web" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 1000 from the given PriorityClass name',
    );
    expect(rejection(api.apply(podWith('other', { priority: 7 })))).toBe(
      '403 Forbidden: pods "other" is forbidden: the integer value of priority (7) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name',
    );
  });

  it('refuses a stated preemption policy that differs from the class', () => {
    const api = new ApiHarness();
    api.apply(priorityClass('high', 1000));
    expect(rejection(api.apply(podWith('web', { priorityClassName: 'high', preemptionPolicy: 'Never' })))).toBe(
      '403 Forbidden: pods "web" is forbidden: the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name',
    );
  });

  it('accepts a stated priority equal to the one the class gives', () => {
    const api = new ApiHarness();
    api.apply(priorityClass('high', 1000));
    expect(api.apply(podWith('web', { priorityClassName: 'high', priority: 1000 })).map((event) => event.type)).toEqual(['pod/created']);
  });

  it('gives pods without a class the global default, with its name', () => {
    const api = new ApiHarness();
    api.apply(priorityClass('standard', 100, { globalDefault: true }));
    api.apply(podManifest('web'));
    const spec = storedPod(api, 'web');
    expect([spec?.priority, spec?.priorityClassName]).toEqual([100, 'standard']);
  });

  it('leaves existing pods alone when a class appears later', () => {
    const api = new ApiHarness();
    api.apply(podManifest('web'));
    api.apply(priorityClass('standard', 100, { globalDefault: true }));
    expect(api.apply(podManifest('web'))).toEqual([]);
    expect(storedPod(api, 'web')?.priority).toBe(0);
  });

  it('lets a pod with a class be applied again unchanged', () => {
    const api = new ApiHarness();
    api.apply(priorityClass('high', 1000));
    api.apply(podWith('web', { priorityClassName: 'high' }));
    expect(api.apply(podWith('web', { priorityClassName: 'high' }))).toEqual([]);
  });
});

describe('PriorityClass admission and validation', () => {
  it('defaults preemptionPolicy and keeps the class cluster-scoped', () => {
    const api = new ApiHarness();
    api.apply(priorityClass('high', 1000, { description: 'for the front end' }));
    const stored = lookupObject<PriorityClass>(api.state, 'PriorityClass', undefined, 'high');
    expect([stored?.metadata.namespace, stored?.preemptionPolicy, stored?.metadata.generation]).toEqual([undefined, 'PreemptLowerPriority', 1]);
  });

  it('allows one global default only', () => {
    const api = new ApiHarness();
    api.apply(priorityClass('first', 100, { globalDefault: true }));
    expect(rejection(api.apply(priorityClass('second', 200, { globalDefault: true })))).toBe(
      '403 Forbidden: priorityclasses.scheduling.k8s.io "second" is forbidden: PriorityClass first is already marked as default. Only one default can exist',
    );
    expect(api.apply(priorityClass('first', 100, { globalDefault: true, description: 'still the default' })).map((event) => event.type)).toEqual(['object/updated']);
  });

  it('refuses user values above one billion', () => {
    const api = new ApiHarness();
    expect(rejection(api.apply(priorityClass('huge', 1_000_000_001)))).toBe(
      '422 Invalid: PriorityClass.scheduling.k8s.io "huge" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000',
    );
  });

  it('reserves the system- prefix for the system classes', () => {
    const api = new ApiHarness();
    expect(rejection(api.apply(priorityClass('system-mine', 10)))).toBe(
      "422 Invalid: PriorityClass.scheduling.k8s.io \"system-mine\" is invalid: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class",
    );
    expect(rejection(api.apply(priorityClass('system-node-critical', 10)))).toBe(
      "422 Invalid: PriorityClass.scheduling.k8s.io \"system-node-critical\" is invalid: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: value of system-node-critical PriorityClass must be 2000001000",
    );
    expect(api.apply(priorityClass('system-node-critical', 2_000_001_000)).map((event) => event.type)).toEqual(['object/created']);
  });

  it('refuses an unknown preemption policy', () => {
    const api = new ApiHarness();
    expect(rejection(api.apply(priorityClass('odd', 1, { preemptionPolicy: 'Sometimes' })))).toBe(
      '422 Invalid: PriorityClass.scheduling.k8s.io "odd" is invalid: preemptionPolicy: Unsupported value: "Sometimes": supported values: "PreemptLowerPriority", "Never"',
    );
  });

  it('never lets value or preemption policy change', () => {
    const api = new ApiHarness();
    api.apply(priorityClass('high', 1000));
    expect(rejection(api.apply(priorityClass('high', 2000)))).toBe('422 Invalid: PriorityClass.scheduling.k8s.io "high" is invalid: value: Forbidden: may not be changed in an update.');
    expect(rejection(api.apply(priorityClass('high', 1000, { preemptionPolicy: 'Never' })))).toBe(
      '422 Invalid: PriorityClass.scheduling.k8s.io "high" is invalid: preemptionPolicy: Invalid value: "Never": field is immutable',
    );
  });
});

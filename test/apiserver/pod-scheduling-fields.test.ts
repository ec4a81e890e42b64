// Admission of the pod fields the scheduler's newer plugins read: scheduling gates (the
// SchedulingGated condition, removal only), matchLabelKeys merged into selectors at creation,
// and upstream's validation of topology spread constraints, pod affinity terms, host ports and
// extended-resource requests.

import { describe, expect, it } from 'vitest';
import type { Pod } from '../../core/objects.ts';
import { ApiHarness, podManifest } from '../support/api-harness.ts';

function refusal(events: ReturnType<ApiHarness['apply']>): string {
  const event = events[0];
  return event?.type === 'request/rejected' ? event.message : `not refused: ${event?.type}`;
}

function withSpec(spec: Record<string, unknown>, labels?: Record<string, string>): Record<string, unknown> {
  const manifest = podManifest('p', labels === undefined ? {} : { labels });
  return { ...manifest, spec: { ...(manifest.spec as object), ...spec } };
}

const stored = (api: ApiHarness) => api.state.pods.get('default/p') as Pod;

describe('admission: scheduling gates', () => {
  it('records a gated pod with PodScheduled False, reason SchedulingGated', () => {
    const api = new ApiHarness();
    api.apply(withSpec({ schedulingGates: [{ name: 'example.com/quota' }] }));
    expect(stored(api).status.conditions).toEqual([
      {
        type: 'PodScheduled',
        status: 'False',
        lastProbeTime: null,
        lastTransitionTime: '2025-01-01T00:00:00Z',
        reason: 'SchedulingGated',
        message: 'Scheduling is blocked due to non-empty scheduling gates',
      },
    ]);
  });

  it('lets gates be removed by a patch, and refuses new ones', () => {
    const api = new ApiHarness();
    api.apply(withSpec({ schedulingGates: [{ name: 'a.example.com/one' }, { name: 'b.example.com/two' }] }));
    const patch = (schedulingGates: unknown) => api.run({ type: 'patch', actor: 'user', kind: 'Pod', namespace: 'default', name: 'p', patch: { spec: { schedulingGates } } });
    expect(refusal(patch([{ name: 'a.example.com/one' }, { name: 'c.example.com/three' }]))).toBe(
      "Pod \"p\" is invalid: spec.schedulingGates[1].name: Forbidden: only deletion is allowed, but found new scheduling gate 'c.example.com/three'",
    );
    expect(patch([{ name: 'b.example.com/two' }]).map((event) => event.type)).toEqual(['pod/updated']);
    expect(stored(api).spec.schedulingGates).toEqual([{ name: 'b.example.com/two' }]);
    expect(patch(null).map((event) => event.type)).toEqual(['pod/updated']);
    expect(stored(api).spec.schedulingGates).toBeUndefined();
  });

  it('refuses a gated pod that names its node, and gate names that repeat or are not qualified', () => {
    expect(refusal(new ApiHarness().apply(withSpec({ nodeName: 'n1', schedulingGates: [{ name: 'g' }] })))).toBe(
      'Pod "p" is invalid: spec.nodeName: Forbidden: cannot be set until all schedulingGates have been cleared',
    );
    expect(refusal(new ApiHarness().apply(withSpec({ schedulingGates: [{ name: 'g' }, { name: 'g' }] })))).toBe('Pod "p" is invalid: spec.schedulingGates[1]: Duplicate value: "g"');
    expect(refusal(new ApiHarness().apply(withSpec({ schedulingGates: [{ name: 'not a name' }] })))).toContain('spec.schedulingGates[0]: Invalid value: "not a name"');
  });
});

describe('admission: matchLabelKeys and mismatchLabelKeys', () => {
  it("merges the pod's values into the spread constraint's selector", () => {
    const api = new ApiHarness();
    const constraint = { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } }, matchLabelKeys: ['pod-template-hash', 'absent'] };
    api.apply(withSpec({ topologySpreadConstraints: [constraint] }, { app: 'web', 'pod-template-hash': 'abc' }));
    expect(stored(api).spec.topologySpreadConstraints?.[0]?.labelSelector).toEqual({
      matchLabels: { app: 'web' },
      matchExpressions: [{ key: 'pod-template-hash', operator: 'In', values: ['abc'] }],
    });
  });

  it('merges In for match keys and NotIn for mismatch keys into affinity terms', () => {
    const api = new ApiHarness();
    const term = { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'zone', matchLabelKeys: ['tenant'], mismatchLabelKeys: ['version'] };
    api.apply(withSpec({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] } } }, { app: 'web', tenant: 't1', version: 'v2' }));
    expect(stored(api).spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.[0]?.labelSelector?.matchExpressions).toEqual([
      { key: 'tenant', operator: 'In', values: ['t1'] },
      { key: 'version', operator: 'NotIn', values: ['v2'] },
    ]);
  });
});

describe('admission: topology spread constraints', () => {
  const spread = (constraint: Record<string, unknown>) => refusal(new ApiHarness().apply(withSpec({ topologySpreadConstraints: [constraint] })));
  const base = { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } };
  const at = 'Pod "p" is invalid: spec.topologySpreadConstraints[0]';

  it('refuses a maxSkew below 1, an empty key and an unknown action', () => {
    expect(spread({ ...base, maxSkew: 0 })).toBe(`${at}.maxSkew: Invalid value: 0: must be greater than zero`);
    expect(spread({ ...base, topologyKey: '' })).toBe(`${at}.topologyKey: Required value: can not be empty`);
    expect(spread({ ...base, whenUnsatisfiable: 'Sometimes' })).toBe(`${at}.whenUnsatisfiable: Unsupported value: "Sometimes": supported values: "DoNotSchedule", "ScheduleAnyway"`);
  });

  it('allows minDomains only with DoNotSchedule, and only positive', () => {
    expect(spread({ ...base, whenUnsatisfiable: 'ScheduleAnyway', minDomains: 2 })).toBe(`${at}.minDomains: Invalid value: 2: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway`);
    expect(spread({ ...base, minDomains: 0 })).toBe(`${at}.minDomains: Invalid value: 0: must be greater than zero`);
  });

  it('refuses unknown inclusion policies, repeated pairs and label keys without a selector', () => {
    expect(spread({ ...base, nodeTaintsPolicy: 'Sometimes' })).toBe(`${at}.nodeTaintsPolicy: Unsupported value: "Sometimes": supported values: "Honor", "Ignore"`);
    expect(refusal(new ApiHarness().apply(withSpec({ topologySpreadConstraints: [base, base] })))).toBe(`${at}.{topologyKey, whenUnsatisfiable}: Duplicate value: "{zone, DoNotSchedule}"`);
    const { labelSelector: _none, ...unselected } = base;
    expect(spread({ ...unselected, matchLabelKeys: ['app'] })).toBe(`${at}.matchLabelKeys: Forbidden: must not be specified when labelSelector is not set`);
  });

  it('checks the selector', () => {
    expect(spread({ ...base, labelSelector: { matchExpressions: [{ key: 'app', operator: 'In' }] } })).toBe(
      `${at}.labelSelector.matchExpressions[0].values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`,
    );
  });
});

describe('admission: pod affinity terms, ports and extended resources', () => {
  const affinity = (podAffinity: unknown) => refusal(new ApiHarness().apply(withSpec({ affinity: { podAffinity } })));

  it('needs a topology key and a weight within 1-100', () => {
    expect(affinity({ requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: {} }] })).toBe(
      'Pod "p" is invalid: spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty',
    );
    expect(affinity({ preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 101, podAffinityTerm: { topologyKey: 'zone' } }] })).toBe(
      'Pod "p" is invalid: spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 101: must be in the range 1-100',
    );
  });

  it('refuses a key both matched and mismatched', () => {
    expect(affinity({ requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: {}, topologyKey: 'zone', matchLabelKeys: ['a'], mismatchLabelKeys: ['a'] }] })).toBe(
      'Pod "p" is invalid: spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].mismatchLabelKeys[0]: Invalid value: "a": exists in both matchLabelKeys and mismatchLabelKeys',
    );
  });

  it('keeps ports within 1-65535 and protocols known', () => {
    const ports = (list: unknown) => refusal(new ApiHarness().apply(withSpec({ containers: [{ name: 'app', image: 'nginx', ports: list }] })));
    expect(ports([{ containerPort: 80, hostPort: 70000 }])).toBe('Pod "p" is invalid: spec.containers[0].ports[0].hostPort: Invalid value: 70000: must be between 1 and 65535, inclusive');
    expect(ports([{ containerPort: 80, protocol: 'HTTP' }])).toBe('Pod "p" is invalid: spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"');
  });

  it('needs an extended resource limited as it is requested', () => {
    const resources = (value: unknown) => refusal(new ApiHarness().apply(withSpec({ containers: [{ name: 'app', image: 'nginx', resources: value }] })));
    expect(resources({ requests: { 'example.com/dongle': '2' } })).toBe('Pod "p" is invalid: spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources');
    expect(resources({ requests: { 'example.com/dongle': '2' }, limits: { 'example.com/dongle': '3' } })).toBe(
      'Pod "p" is invalid: spec.containers[0].resources.requests: Invalid value: "2": must be equal to example.com/dongle limit of 3',
    );
    const api = new ApiHarness();
    expect(api.apply(withSpec({ containers: [{ name: 'app', image: 'nginx', resources: { limits: { 'example.com/dongle': '3' } } }] })).map((event) => event.type)).toEqual(['pod/created']);
    expect(api.state.indexes.podRequests.get('default/p')?.scalar).toEqual({ 'example.com/dongle': 3 });
  });
});

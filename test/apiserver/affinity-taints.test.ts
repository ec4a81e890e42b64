import { describe, expect, it } from 'vitest';
import { ApiHarness, nodeManifest, podManifest } from '../support/api-harness.ts';

function refusal(events: ReturnType<ApiHarness['apply']>): string {
  const event = events[0];
  return event?.type === 'request/rejected' ? event.message : `not refused: ${event?.type}`;
}

function podWithAffinity(nodeAffinity: unknown) {
  const manifest = podManifest('p');
  return { ...manifest, spec: { ...(manifest.spec as object), affinity: { nodeAffinity } } };
}

const REQUIRED = 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution';

describe('admission: node affinity and taints', () => {
  it('needs at least one node selector term', () => {
    expect(refusal(new ApiHarness().apply(podWithAffinity({ requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } })))).toBe(
      `Pod "p" is invalid: ${REQUIRED}.nodeSelectorTerms: Required value: must have at least one node selector term`,
    );
  });

  it('refuses unknown operators and values that do not fit the operator', () => {
    const term = (requirement: unknown) => podWithAffinity({ requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [requirement] }] } });
    const at = `${REQUIRED}.nodeSelectorTerms[0].matchExpressions[0]`;
    expect(refusal(new ApiHarness().apply(term({ key: 'k', operator: 'Near' })))).toBe(`Pod "p" is invalid: ${at}.operator: Invalid value: "Near": not a valid selector operator`);
    expect(refusal(new ApiHarness().apply(term({ key: 'k', operator: 'In' })))).toBe(`Pod "p" is invalid: ${at}.values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`);
    expect(refusal(new ApiHarness().apply(term({ key: 'k', operator: 'Gt', values: ['1', '2'] })))).toBe(
      `Pod "p" is invalid: ${at}.values: Required value: must be specified single value when \`operator\` is 'Lt' or 'Gt'`,
    );
    expect(refusal(new ApiHarness().apply(term({ key: 'k', operator: 'Exists', values: ['x'] })))).toBe(
      `Pod "p" is invalid: ${at}.values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`,
    );
  });

  it('keeps preferred weights within 1-100', () => {
    const events = new ApiHarness().apply(podWithAffinity({ preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: { matchExpressions: [] } }] }));
    expect(refusal(events)).toBe('Pod "p" is invalid: spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100');
  });

  it('accepts a sound affinity', () => {
    const sound = { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] } };
    expect(new ApiHarness().apply(podWithAffinity(sound)).map((event) => event.type)).toEqual(['pod/created']);
  });

  it('refuses a node taint with an unknown effect, on create and on apply', () => {
    const api = new ApiHarness();
    const tainted = (effect: string) => ({ ...nodeManifest('n'), spec: { taints: [{ key: 'k', effect }] } });
    expect(refusal(api.apply(tainted('Sometimes')))).toBe('Node "n" is invalid: spec.taints[0].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"');
    api.apply(tainted('NoSchedule'));
    // A value of the wrong JSON type never reaches validation: the API server cannot decode it.
    expect(refusal(api.apply({ ...tainted('NoSchedule'), spec: { taints: 'all' } }))).toBe(
      'Node in version "v1" cannot be handled as a Node: json: cannot unmarshal string into Go struct field NodeSpec.spec.taints of type []v1.Taint',
    );
  });
});

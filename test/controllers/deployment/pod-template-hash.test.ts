// The pod-template-hash on a Deployment's ReplicaSets, and template equality that ignores it
// (the hash itself is tested with controllers/common/hash.ts).

import { describe, expect, it } from 'vitest';
import { cloneSelectorAndAddLabel, equalIgnoreHash, newReplicaSetName, newReplicaSetTemplate } from '../../../controllers/deployment/pod-template-hash.ts';
import type { PodTemplateSpec } from '../../../core/objects.ts';
import { deployment } from './builders.ts';

describe('the new ReplicaSet', () => {
  it('is named after the deployment and the hash', () => {
    expect(newReplicaSetName('web', '5d4f8b7c9')).toBe('web-5d4f8b7c9');
  });

  it('adds the hash label to the template labels', () => {
    const d = deployment({ selector: { app: 'web' } });
    expect(newReplicaSetTemplate(d, '5d4f8b7c9').metadata?.labels).toEqual({ app: 'web', 'pod-template-hash': '5d4f8b7c9' });
  });

  it('leaves the Deployment template untouched', () => {
    const d = deployment({ selector: { app: 'web' } });
    newReplicaSetTemplate(d, '5d4f8b7c9');
    expect(d.spec.template.metadata?.labels).toEqual({ app: 'web' });
  });

  it('adds the hash to matchLabels and keeps matchExpressions', () => {
    const selector = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'Exists' as const }] };
    expect(cloneSelectorAndAddLabel(selector, 'pod-template-hash', 'abc')).toEqual({
      matchLabels: { app: 'web', 'pod-template-hash': 'abc' },
      matchExpressions: [{ key: 'tier', operator: 'Exists' }],
    });
  });

  it('leaves a selector alone for an empty hash', () => {
    const selector = { matchLabels: { app: 'web' } };
    expect(cloneSelectorAndAddLabel(selector, 'pod-template-hash', '')).toBe(selector);
  });
});

describe('equalIgnoreHash', () => {
  // Ported from deployment_util_test.go TestEqualIgnoreHash (all 10 cases, both orders).
  const spec = (name: string, nodeName: string, annotations: Record<string, string>, labels: Record<string, string>): PodTemplateSpec => ({
    metadata: { name, annotations, labels },
    spec: { containers: [], nodeName },
  });
  const h = 'pod-template-hash';
  const cases: { name: string; former: PodTemplateSpec; latter: PodTemplateSpec; expected: boolean }[] = [
    { name: 'Same spec, same labels', former: spec('foo', 'foo-node', {}, { [h]: 'value-1', something: 'else' }), latter: spec('foo', 'foo-node', {}, { [h]: 'value-1', something: 'else' }), expected: true },
    { name: 'Same spec, only pod-template-hash label value is different', former: spec('foo', 'foo-node', {}, { [h]: 'value-1', something: 'else' }), latter: spec('foo', 'foo-node', {}, { [h]: 'value-2', something: 'else' }), expected: true },
    { name: "Same spec, the former doesn't have pod-template-hash label", former: spec('foo', 'foo-node', {}, { something: 'else' }), latter: spec('foo', 'foo-node', {}, { [h]: 'value-2', something: 'else' }), expected: true },
    { name: "Same spec, the label is different, the former doesn't have pod-template-hash label, same number of labels", former: spec('foo', 'foo-node', {}, { something: 'else' }), latter: spec('foo', 'foo-node', {}, { [h]: 'value-2' }), expected: false },
    { name: "Same spec, the label is different, the latter doesn't have pod-template-hash label, same number of labels", former: spec('foo', 'foo-node', {}, { [h]: 'value-1' }), latter: spec('foo', 'foo-node', {}, { something: 'else' }), expected: false },
    { name: 'Same spec, the label is different, and the pod-template-hash label value is the same', former: spec('foo', 'foo-node', {}, { [h]: 'value-1' }), latter: spec('foo', 'foo-node', {}, { [h]: 'value-1', something: 'else' }), expected: false },
    { name: 'Different spec, same labels', former: spec('foo', 'foo-node', { former: 'value' }, { [h]: 'value-1', something: 'else' }), latter: spec('foo', 'foo-node', { latter: 'value' }, { [h]: 'value-1', something: 'else' }), expected: false },
    { name: 'Different spec, different pod-template-hash label value', former: spec('foo-1', 'foo-node', {}, { [h]: 'value-1', something: 'else' }), latter: spec('foo-2', 'foo-node', {}, { [h]: 'value-2', something: 'else' }), expected: false },
    { name: "Different spec, the former doesn't have pod-template-hash label", former: spec('foo-1', 'foo-node-1', {}, { something: 'else' }), latter: spec('foo-2', 'foo-node-2', {}, { [h]: 'value-2', something: 'else' }), expected: false },
    { name: 'Different spec, different labels', former: spec('foo', 'foo-node-1', {}, { something: 'else' }), latter: spec('foo', 'foo-node-2', {}, { nothing: 'else' }), expected: false },
  ];
  for (const test of cases) {
    it(test.name, () => {
      expect([equalIgnoreHash(test.former, test.latter), equalIgnoreHash(test.latter, test.former)]).toEqual([test.expected, test.expected]);
    });
  }

  it('treats a template whose only label is the hash like one without labels', () => {
    const bare: PodTemplateSpec = { spec: { containers: [] } };
    expect(equalIgnoreHash(bare, { metadata: { labels: { [h]: 'abc' } }, spec: { containers: [] } })).toBe(true);
  });
});

// The daemon pod, ported from upstream's TestIsPodUpdated, TestCreatePodTemplate,
// TestReplaceDaemonSetPodNodeNameNodeAffinity and TestGetTargetNodeName
// (pkg/controller/daemon/util/daemonset_util_test.go), plus the tolerations of
// AddOrUpdateDaemonPodTolerations.

import { describe, expect, it } from 'vitest';
import type { NodeSelectorTerm, PodSpec } from '../../../core/objects.ts';
import {
  addOrUpdateDaemonPodTolerations,
  createPodTemplate,
  DAEMONSET_HASH_LABEL,
  daemonPodManifest,
  getTargetNodeName,
  isPodUpdated,
  replaceNodeNameNodeAffinity,
  TEMPLATE_GENERATION_LABEL,
} from '../../../controllers/daemonset/pod-template.ts';
import { daemonPod, daemonSet } from './builders.ts';

describe('DaemonSet pod: IsPodUpdated (TestIsPodUpdated)', () => {
  const labels = { [TEMPLATE_GENERATION_LABEL]: '12345', [DAEMONSET_HASH_LABEL]: '55555' };
  const labelsNoHash = { [TEMPLATE_GENERATION_LABEL]: '12345' };
  it.each([
    ['templateGeneration and hash both match', 12345, labels, '55555', true],
    ["templateGeneration matches, hash doesn't", 12345, labels, '55555123', true],
    ['templateGeneration matches, no hash label, has hash', 12345, labelsNoHash, '55555', true],
    ['templateGeneration matches, no hash label, no hash', 12345, labelsNoHash, '', true],
    ['templateGeneration matches, has hash label, no hash', 12345, labels, '', true],
    ["templateGeneration doesn't match, hash does", 54321, labels, '55555', true],
    ["templateGeneration and hash don't match", 54321, labels, '55555123', false],
    ['empty labels, no hash', 12345, {}, '', false],
    ['empty labels', 12345, {}, '55555', false],
    ['no generation, no labels', undefined, {}, '55555', false],
  ] as const)('%s', (_name, generation, podLabels, hash, expected) => {
    expect(isPodUpdated(daemonPod('pod1', { nodeName: 'node1', labels: podLabels }), hash, generation)).toBe(expected);
  });
});

describe('DaemonSet pod: CreatePodTemplate (TestCreatePodTemplate)', () => {
  it('labels the generation and leaves out an empty hash', () => {
    expect(createPodTemplate({ spec: { containers: [] } }, 1, '').metadata?.labels).toEqual({ [TEMPLATE_GENERATION_LABEL]: '1' });
  });

  it('labels the generation and the hash', () => {
    expect(createPodTemplate({ spec: { containers: [] } }, 2, '3242341807').metadata?.labels).toEqual({
      [TEMPLATE_GENERATION_LABEL]: '2',
      [DAEMONSET_HASH_LABEL]: '3242341807',
    });
  });
});

describe('DaemonSet pod: ReplaceDaemonSetPodNodeNameNodeAffinity (TestReplaceDaemonSetPodNodeNameNodeAffinity)', () => {
  const byName = (values: string[], operator: 'In' | 'NotIn' = 'In', key = 'metadata.name'): NodeSelectorTerm => ({ matchFields: [{ key, operator, values }] });
  const required = (...terms: NodeSelectorTerm[]): PodSpec['affinity'] => ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } });
  const hostLabel: NodeSelectorTerm = { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['host_1'] }] };
  const preferred = [{ weight: 1, preference: hostLabel }];
  it.each([
    ['no affinity', undefined, required(byName(['host_1']))],
    ['a hostname label term', required(hostLabel), required(byName(['host_1']))],
    ['only a preferred term', { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: preferred } }, { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: preferred, ...required(byName(['host_1']))?.nodeAffinity } }],
    ['two names', required(byName(['host_1', 'host_2'])), required(byName(['host_1']))],
    ['no affinity again', undefined, required(byName(['host_1']))],
    ['a label term and a field term', required({ matchExpressions: [{ key: 'hostname', operator: 'In', values: ['host_1'] }] }, byName(['host_2'])), required(byName(['host_1']))],
    ['NotIn another host', required(byName(['host_2'], 'NotIn')), required(byName(['host_1']))],
    ['an unknown field key', required(byName(['bar'], 'In', 'metadata.foo')), required(byName(['host_1']))],
  ] as const)('%s', (_name, affinity, expected) => {
    expect(replaceNodeNameNodeAffinity(affinity, 'host_1')).toEqual(expected);
  });
});

describe('DaemonSet pod: GetTargetNodeName (TestGetTargetNodeName)', () => {
  const withAffinity = (values: string[]) => {
    const pod = daemonPod('pod2');
    const terms = [{ matchFields: [{ key: 'metadata.name', operator: 'In' as const, values }] }];
    return { ...pod, spec: { ...pod.spec, affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } } };
  };

  it('reads spec.nodeName', () => {
    expect(getTargetNodeName(daemonPod('pod1', { nodeName: 'node-1' }))).toBe('node-1');
  });

  it('reads the node affinity of an unscheduled pod', () => {
    expect(getTargetNodeName(withAffinity(['node-1']))).toBe('node-1');
  });

  it('refuses more than one name', () => {
    expect(getTargetNodeName(withAffinity(['node-1', 'node-2']))).toBeUndefined();
  });

  it('finds nothing on a pod without either', () => {
    expect(getTargetNodeName(daemonPod('pod4'))).toBeUndefined();
  });
});

describe('DaemonSet pod: tolerations and manifest', () => {
  it('adds the six daemon tolerations without tolerationSeconds', () => {
    expect(addOrUpdateDaemonPodTolerations({ containers: [] }).tolerations?.map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
  });

  it('replaces a user toleration that matches but has tolerationSeconds', () => {
    const spec = { containers: [], tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists' as const, effect: 'NoExecute' as const, tolerationSeconds: 300 }] };
    expect(addOrUpdateDaemonPodTolerations(spec).tolerations?.[0]).toEqual({ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' });
  });

  it('adds network-unavailable for hostNetwork pods', () => {
    expect(addOrUpdateDaemonPodTolerations({ containers: [], hostNetwork: true }).tolerations).toHaveLength(7);
  });

  it('names the pod after the DaemonSet and pins it to the node', () => {
    const manifest = daemonPodManifest(daemonSet(), 'node-3', 'abc');
    expect([manifest.metadata.generateName, getTargetNodeName({ ...daemonPod('x'), spec: manifest.spec })]).toEqual(['foo-', 'node-3']);
  });
});

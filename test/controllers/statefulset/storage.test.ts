// Claims and volumes, ported from upstream's TestStorageMatches, TestUpdateStorage and
// TestGetPersistentVolumeClaims (pkg/controller/statefulset/stateful_set_utils_test.go).

import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../core/objects.ts';
import { newStatefulSetPod } from '../../../controllers/statefulset/pod-template.ts';
import { claimsFor, podVolumes, storageMatches, updateStorage, type Volume } from '../../../controllers/statefulset/storage.ts';
import { podFrom, statefulSet } from './builders.ts';

const set = statefulSet({ replicas: 3 });
const pod1 = (): Pod => podFrom(newStatefulSetPod(set, 1));

function withVolumes(pod: Pod, volumes: readonly Volume[] | undefined): Pod {
  return { ...pod, spec: { ...pod.spec, volumes } };
}

const noClaims = (pod: Pod) => withVolumes(pod, podVolumes(pod.spec).map(({ persistentVolumeClaim: _c, ...rest }) => rest as Volume));
const wrongClaims = (pod: Pod) =>
  withVolumes(pod, podVolumes(pod.spec).map((v) => (v.persistentVolumeClaim === undefined ? v : { ...v, persistentVolumeClaim: { claimName: 'foo' } })));

describe('StatefulSet storage: storageMatches (TestStorageMatches)', () => {
  it('accepts a newly created pod', () => {
    expect(storageMatches(set, pod1())).toBe(true);
  });

  it('rejects a pod without volumes', () => {
    expect(storageMatches(set, withVolumes(pod1(), undefined))).toBe(false);
  });

  it('rejects volumes that are not claims', () => {
    expect(storageMatches(set, noClaims(pod1()))).toBe(false);
  });

  it('rejects claims with the wrong name', () => {
    expect(storageMatches(set, wrongClaims(pod1()))).toBe(false);
  });

  it('rejects a pod without an ordinal', () => {
    expect(storageMatches(set, { ...pod1(), metadata: { ...pod1().metadata, name: 'bar' } })).toBe(false);
  });
});

describe('StatefulSet storage: updateStorage (TestUpdateStorage)', () => {
  const repaired = (pod: Pod) => ({ ...pod, spec: updateStorage(set, pod.spec, 1) });

  it('recreates missing volumes', () => {
    expect(storageMatches(set, repaired(withVolumes(pod1(), undefined)))).toBe(true);
  });

  it('recreates volume claims', () => {
    expect(storageMatches(set, repaired(noClaims(pod1())))).toBe(true);
  });

  it('recreates claim names', () => {
    expect(storageMatches(set, repaired(wrongClaims(pod1())))).toBe(true);
  });

  it('puts the claim volumes first and keeps the pod own volumes after them', () => {
    expect(podVolumes(newStatefulSetPod(set, 1).spec)).toEqual([
      { name: 'datadir', persistentVolumeClaim: { claimName: 'datadir-foo-1' } },
      { name: 'home', hostPath: { path: '/tmp/home' } },
    ]);
  });
});

describe('StatefulSet storage: the claims of a pod (TestGetPersistentVolumeClaims)', () => {
  const labelsOf = (selector: Record<string, string> | undefined, templateLabels?: Record<string, string>) => {
    const base = statefulSet({ replicas: 1 });
    const templates = [{ metadata: { name: 'datadir', ...(templateLabels === undefined ? {} : { labels: templateLabels }) }, spec: {} }];
    const custom = { ...base, spec: { ...base.spec, selector: selector === undefined ? {} : { matchLabels: selector }, volumeClaimTemplates: templates } };
    return claimsFor(custom, 0)[0]?.claim.metadata.labels;
  };

  it('names the claim after template, set and ordinal in the set namespace', () => {
    const { name, namespace } = claimsFor(set, 0)[0]?.claim.metadata ?? {};
    expect([name, namespace]).toEqual(['datadir-foo-0', 'default']);
  });

  it('gives no labels when neither selector nor template has any', () => {
    expect(labelsOf(undefined)).toBeUndefined();
  });

  it('takes the selector matchLabels when the template has no labels', () => {
    expect(labelsOf({ test: 'test' })).toEqual({ test: 'test' });
  });

  it('merges template labels and selector labels', () => {
    expect(labelsOf({ name: 'foo' }, { test: 'test' })).toEqual({ test: 'test', name: 'foo' });
  });

  it('prefers the selector label when both set one', () => {
    expect(labelsOf({ test: 'foo' }, { test: 'test' })).toEqual({ test: 'foo' });
  });
});

// persistentVolumeClaimRetentionPolicy, ported from upstream's TestMatchesRef,
// TestIsClaimOwnerUpToDate, TestClaimOwnerUpToDateEdgeCases, TestUpdateClaimOwnerRefForSetAndPod,
// TestUpdateClaimControllerRef, TestHasOwnerRef, TestHasUnexpectedController, TestNonController
// and TestHasStaleOwnerRef (pkg/controller/statefulset/stateful_set_utils_test.go).

import { describe, expect, it } from 'vitest';
import type { OwnerReference } from '../../../core/objects.ts';
import type { StatefulSet } from '../../../core/workloads.ts';
import {
  addControllerRef,
  type ClaimPod,
  claimOwnerRefsForSetAndPod,
  hasNonControllerOwner,
  hasOwnerRef,
  hasStaleOwnerRef,
  hasUnexpectedController,
  isClaimOwnerUpToDate,
  matchesRef,
  POD_KIND,
  SET_KIND,
} from '../../../controllers/statefulset/pvc-retention.ts';
import { statefulSet } from './builders.ts';

type Policy = 'Retain' | 'Delete';

function setWith(name: string, uid: string, replicas: number, whenScaled: Policy, whenDeleted: Policy): StatefulSet {
  const base = statefulSet({ name, replicas, spec: { persistentVolumeClaimRetentionPolicy: { whenScaled, whenDeleted } } });
  return { ...base, metadata: { ...base.metadata, uid } };
}

const owned = (refs: readonly OwnerReference[]) => ({ metadata: { ownerReferences: refs } });
const pod = (name: string, uid: string): ClaimPod => ({ metadata: { name, uid } });
const ref = (apiVersion: string, kind: string, name: string, uid: string, controller?: boolean): OwnerReference => ({
  apiVersion,
  kind,
  name,
  uid,
  ...(controller === undefined ? {} : { controller }),
});

describe('PVC retention: matchesRef (TestMatchesRef)', () => {
  it.each([
    ['full match', ref('v1', 'Pod', 'fred', 'abc'), 'fred', true],
    ['match without UID', ref('v1', 'Pod', 'fred', 'abc'), 'fred', true],
    ['mismatch name', ref('v1', 'Pod', 'fred', 'abc'), 'joan', false],
    ['wrong schema', ref('beta2', 'Pod', 'fred', 'abc'), 'fred', false],
  ])('%s', (_name, owner, objectName, expected) => {
    expect(matchesRef(owner, objectName, POD_KIND)).toBe(expected);
  });
});

describe('PVC retention: isClaimOwnerUpToDate (TestIsClaimOwnerUpToDate)', () => {
  const cases: readonly [string, Policy, Policy, boolean, boolean, number, number][] = [
    ['retain', 'Retain', 'Retain', false, false, 0, 0],
    ['on SS delete', 'Retain', 'Delete', false, true, 0, 0],
    ['on scaledown only, condemned', 'Delete', 'Retain', true, false, 2, 2],
    ['on scaledown only, remains', 'Delete', 'Retain', false, false, 2, 1],
    ['on both, condemned', 'Delete', 'Delete', true, false, 2, 2],
    ['on both, remains', 'Delete', 'Delete', false, true, 2, 1],
  ];
  const variations = cases.flatMap((c) =>
    [false, true].flatMap((others) => [false, true].flatMap((podRef) => [false, true].map((setRef) => [...c, others, podRef, setRef] as const))),
  );
  it.each(variations)('%s (others=%s, podRef=%s, setRef=%s)', (_n, scaled, deleted, needsPod, needsSet, replicas, ordinal, others, podRef, setRef) => {
    const set = setWith('stateful-set', 'ss-456', replicas, scaled, deleted);
    const target = pod(`pod-${ordinal}`, 'pod-123');
    let refs: readonly OwnerReference[] = [];
    if (podRef) refs = addControllerRef(refs, target, POD_KIND);
    if (setRef) refs = addControllerRef(refs, { metadata: { name: 'stateful-set', uid: 'ss-456' } }, SET_KIND);
    if (others) refs = [...refs, ref('v1', 'Pod', 'rand1', 'rand1-uid'), ref('v1', 'Pod', 'rand2', 'rand2-uid')];
    expect(isClaimOwnerUpToDate(owned(refs), set, target)).toBe(podRef === needsPod && setRef === needsSet);
  });
});

describe('PVC retention: edge cases (TestClaimOwnerUpToDateEdgeCases)', () => {
  const both = ['Delete', 'Delete'] as const;
  const onDelete = ['Retain', 'Delete'] as const;
  it.each([
    ['normal controller, pod', [ref('v1', 'Pod', 'pod-1', 'pod-123', true)], both, true],
    ['non-controller causes policy mismatch, pod', [ref('v1', 'Pod', 'pod-1', 'pod-123')], both, false],
    ['stale controller does not affect policy, pod', [ref('v1', 'Pod', 'pod-1', 'pod-stale', true)], both, true],
    ['unexpected controller causes policy mismatch, pod', [ref('v1', 'Pod', 'pod-1', 'pod-123', true), ref('v1', 'Pod', 'Random', 'random', true)], both, false],
    ['normal controller, set', [ref('apps/v1', 'StatefulSet', 'stateful-set', 'ss-456', true)], onDelete, true],
    ['non-controller causes policy mismatch, set', [ref('appsv1', 'StatefulSet', 'stateful-set', 'ss-456')], onDelete, false],
    ['stale controller ignored, set', [ref('apps/v1', 'StatefulSet', 'stateful-set', 'set-stale', true)], onDelete, true],
    ['unexpected controller causes policy mismatch, set', [ref('apps/v1', 'StatefulSet', 'stateful-set', 'ss-456', true), ref('apps/v1', 'StatefulSet', 'Random', 'random', true)], onDelete, false],
  ] as const)('%s', (_name, refs, [scaled, deleted], expected) => {
    const set = setWith('stateful-set', 'ss-456', 1, scaled, deleted);
    expect(isClaimOwnerUpToDate(owned(refs), set, pod('pod-1', 'pod-123'))).toBe(expected);
  });
});

describe('PVC retention: updateClaimOwnerRefForSetAndPod (TestUpdateClaimOwnerRefForSetAndPod)', () => {
  const cases: readonly [string, Policy, Policy, boolean, boolean, boolean, boolean][] = [
    ['retain', 'Retain', 'Retain', false, false, false, false],
    ['delete with set', 'Retain', 'Delete', false, false, true, false],
    ['delete with scaledown, not condemned', 'Delete', 'Retain', false, false, false, false],
    ['delete on scaledown, condemned', 'Delete', 'Retain', true, true, false, false],
    ['delete on both, not condemned', 'Delete', 'Delete', false, false, true, false],
    ['delete on both, condemned', 'Delete', 'Delete', true, true, false, false],
    ['unexpected controller', 'Delete', 'Delete', true, false, false, true],
  ];
  const variations = cases.flatMap((c) => [0, 1, 2, 3, 4, 5, 6, 7].map((v) => [...c, v] as const));
  it.each(variations)('%s (variation %s)', (_n, scaled, deleted, condemned, needsPod, needsSet, unexpected, variation) => {
    const set = setWith('ss', 'ss-123', 5, scaled, deleted);
    const target = pod(condemned ? 'pod-8' : 'pod-1', 'pod-456');
    let refs: readonly OwnerReference[] = [];
    if ((variation & 1) !== 0) refs = addControllerRef(refs, target, POD_KIND);
    if ((variation & 2) !== 0) refs = addControllerRef(refs, { metadata: { name: 'ss', uid: 'ss-123' } }, SET_KIND);
    if ((variation & 3) !== 0) refs = [...refs, ref('custom/v1', 'random', 'random', 'abc')];
    if (unexpected) refs = [...refs, ref('custom/v1', 'Unknown', 'unknown', 'xyz', true)];
    const after = claimOwnerRefsForSetAndPod(owned(refs), set, target);
    const isController = (uid: string) => after.find((r) => r.uid === uid)?.controller === true;
    expect([isController('pod-456'), isController('ss-123')]).toEqual([needsPod, needsSet]);
  });
});

describe('PVC retention: the set as controller (TestUpdateClaimControllerRef)', () => {
  const setRef = ref('apps/v1', 'StatefulSet', 'sts', '123', true);
  it.each([
    ['set correctly', [setRef, ref('someone', 'Else', 'foo', '')], [ref('someone', 'Else', 'foo', ''), { ...setRef, blockOwnerDeletion: true }]],
    ['missing controller', [ref('apps/v1', 'StatefulSet', 'sts', '123')], [{ ...setRef, blockOwnerDeletion: true }]],
    ['matching name but missing', [ref('someone', 'else', 'sts', '456')], [ref('someone', 'else', 'sts', '456'), { ...setRef, blockOwnerDeletion: true }]],
    ['not present', [], [{ ...setRef, blockOwnerDeletion: true }]],
    ['controller, but no UID', [ref('apps/v1', 'StatefulSet', 'sts', '', true)], []],
    ['neither controller nor UID', [ref('apps/v1', 'StatefulSet', 'sts', '')], []],
  ] as const)('%s', (_name, original, expected) => {
    const set = setWith('sts', '123', 1, 'Delete', 'Delete');
    expect(claimOwnerRefsForSetAndPod(owned(original), set, pod('pod-0', '456'))).toEqual(expected);
  });
});

describe('PVC retention: ownership predicates', () => {
  const target = owned([ref('', '', '', '123', true), ref('', '', '', '456', false), ref('', '', '', '789')]);
  it.each([
    ['123', true],
    ['456', true],
    ['789', true],
    ['012', false],
  ])('hasOwnerRef(%s) is %s (TestHasOwnerRef)', (uid, expected) => {
    expect(hasOwnerRef(target, uid)).toBe(expected);
  });

  it.each([
    ['bob', '123', false],
    ['shirley', '789', true],
    ['yvonne', '345', false],
  ])('hasStaleOwnerRef for %s is %s (TestHasStaleOwnerRef)', (name, uid, expected) => {
    const claim = owned([ref('v1', 'Pod', 'bob', '123'), ref('v1', 'Pod', 'shirley', '456')]);
    expect(hasStaleOwnerRef(claim, pod(name, uid), POD_KIND)).toBe(expected);
  });
});

describe('PVC retention: hasUnexpectedController (TestHasUnexpectedController)', () => {
  const cases = [
    ['custom controller', [ref('chipmunks/v1', 'CustomController', 'simon', 'other-uid', true)], true],
    ['custom non-controller', [ref('chipmunks/v1', 'CustomController', 'simon', 'other-uid', false)], false],
    ['custom unspecified controller', [ref('chipmunks/v1', 'CustomController', 'simon', 'other-uid')], false],
    ['other pod controller', [ref('v1', 'Pod', 'simon', 'other-uid', true)], true],
    ['other set controller', [ref('apps/v1', 'Set', 'simon', 'other-uid', true)], true],
    ['own set controller', [ref('apps/v1', 'StatefulSet', 'set', 'set-uid', true)], false],
    ['own set controller, stale uid', [ref('apps/v1', 'StatefulSet', 'set', 'stale-uid', true)], true],
    ['own pod controller', [ref('v1', 'Pod', 'pod', 'pod-uid', true)], false],
    ['own pod controller, stale uid', [ref('v1', 'Pod', 'pod', 'stale-uid', true)], true],
    ['own controller and another', [ref('v1', 'Pod', 'pod', 'pod-uid', true), ref('chipmunks/v1', 'CustomController', 'simon', 'other-uid', true)], true],
    ['own controller and a non-controller', [ref('v1', 'Pod', 'pod', 'pod-uid', true), ref('chipmunks/v1', 'CustomController', 'simon', 'other-uid', false)], false],
  ] as const;
  const policies: readonly [Policy, Policy][] = [['Retain', 'Retain'], ['Delete', 'Retain'], ['Retain', 'Delete'], ['Delete', 'Delete']];
  const variations = cases.flatMap(([name, refs, expected]) =>
    policies.map(([scaled, deleted]) => [name, scaled, deleted, refs, scaled === 'Retain' && deleted === 'Retain' ? false : expected] as const),
  );
  it.each(variations)('%s (whenScaled %s, whenDeleted %s)', (_name, scaled, deleted, refs, expected) => {
    const set = setWith('set', 'set-uid', 1, scaled, deleted);
    expect(hasUnexpectedController(owned(refs), set, pod('pod', 'pod-uid'))).toBe(expected);
  });
});

describe('PVC retention: hasNonControllerOwner (TestNonController)', () => {
  it.each([
    ['set and pod controller', [ref('v1', 'Pod', 'pod', 'pod', true), ref('apps/v1', 'Set', 'set', 'set', true)], false],
    ['set controller, pod noncontroller', [ref('v1', 'Pod', 'pod', 'pod'), ref('apps/v1', 'Set', 'set', 'set', true)], true],
    ['set noncontroller, pod controller', [ref('v1', 'Pod', 'pod', 'pod', true), ref('apps/v1', 'Set', 'set', 'set')], true],
    ['set controller', [ref('apps/v1', 'Set', 'set', 'set', true)], false],
    ['pod controller', [ref('v1', 'Pod', 'pod', 'pod', true)], false],
    ['nothing', [], false],
    ['set noncontroller', [ref('apps/v1', 'Set', 'set', 'set')], true],
    ['set noncontroller with ptr', [ref('apps/v1', 'Set', 'set', 'set', false)], true],
    ['pod noncontroller', [ref('v1', 'pod', 'pod', 'pod')], true],
    ['other noncontroller', [ref('v1', 'pod', 'pod', 'not-matching')], false],
  ] as const)('%s', (_name, refs, expected) => {
    expect(hasNonControllerOwner(owned(refs), setWith('set', 'set', 1, 'Retain', 'Retain'), pod('pod', 'pod'))).toBe(expected);
  });
});

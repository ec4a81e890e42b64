// DaemonSet ControllerRevisions: controller.ComputeHash (FNV-1a) and upstream's constructHistory,
// dedupCurHistories and cleanupHistory (pkg/controller/daemon/update.go; TestConstructHistory-
// style cases of update_test.go).

import { describe, expect, it } from 'vitest';
import { toTimestamp } from '../../../core/clock.ts';
import type { DaemonSet } from '../../../core/workloads.ts';
import { type ControllerRevision, constructHistory, daemonSetPatch, historyToDelete } from '../../../controllers/daemonset/history.ts';
import { DAEMONSET_HASH_LABEL } from '../../../controllers/daemonset/pod-template.ts';
import { computeHash } from '../../../controllers/daemonset/template-hash.ts';
import { daemonPod, daemonSet, withImage } from './builders.ts';

function revision(ds: DaemonSet, name: string, number: number, labelled = true): ControllerRevision {
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: toTimestamp(0), ...(labelled ? { labels: { [DAEMONSET_HASH_LABEL]: name } } : {}) },
    data: daemonSetPatch(ds),
    revision: number,
  };
}

const none = () => undefined;

describe('DaemonSet history: ComputeHash', () => {
  it('tells a collision count of 0 from none', () => {
    const template = daemonSet().spec.template;
    expect(computeHash(template, 0)).not.toBe(computeHash(template, undefined));
  });
});

describe('DaemonSet history: constructHistory', () => {
  const v1 = daemonSet();
  const v2 = withImage(v1, 'foo2/bar2');

  it('creates the first revision, named `${ds}-${hash}`', () => {
    const plan = constructHistory(v1, [], [], none);
    expect(plan.actions.map((action) => action.type === 'createRevision' && (action.revision['metadata'] as { name: string }).name)).toEqual([`foo-${plan.hash}`]);
  });

  it('uses the hash label of the revision that matches the template', () => {
    expect(constructHistory(v1, [revision(v1, 'foo-abc', 1)], [], none)).toEqual({ actions: [], hash: 'foo-abc', old: [] });
  });

  it('renumbers the current revision above the old ones (a rollback)', () => {
    const plan = constructHistory(v1, [revision(v1, 'r1', 1), revision(v2, 'r2', 2)], [], none);
    expect(plan.actions.map((action) => action.type === 'renumberRevision' && action.newRevision)).toEqual([3]);
  });

  it('labels a revision made before hash labels with its own name', () => {
    const plan = constructHistory(v1, [revision(v1, 'r1', 1, false)], [], none);
    expect([plan.actions[0]?.type, plan.hash]).toEqual(['labelRevision', 'r1']);
  });

  it('keeps the highest of duplicate current revisions and relabels pods to it', () => {
    const pod = daemonPod('p', { labels: { [DAEMONSET_HASH_LABEL]: 'r1' } });
    const plan = constructHistory(v1, [revision(v1, 'r1', 1), revision(v1, 'r2', 2)], [pod], none);
    expect(plan.actions.map((action) => action.type)).toEqual(['relabelPod', 'deleteRevision']);
  });

  it('bumps collisionCount and fails when the name is taken by another template', () => {
    const name = `foo-${computeHash(v1.spec.template, undefined)}`;
    const squatter = { ...revision(v2, name, 9) };
    const plan = constructHistory(v1, [], [], (n) => (n === name ? squatter : undefined));
    expect([plan.actions, plan.error]).toEqual([[{ type: 'bumpCollisionCount', collisionCount: 1 }], `controllerrevisions.apps "${name}" already exists`]);
  });
});

describe('DaemonSet history: cleanupHistory', () => {
  const v1 = daemonSet();
  const old = [1, 2, 3, 4].map((n) => revision(withImage(v1, `img-${n}`), `r${n}`, n));

  it('deletes the oldest old revisions beyond revisionHistoryLimit', () => {
    expect(historyToDelete(v1, old, []).map((r) => r.metadata.name)).toEqual(['r1', 'r2']);
  });

  it('keeps a revision a pod still carries', () => {
    const pod = daemonPod('p', { labels: { [DAEMONSET_HASH_LABEL]: 'r1' } });
    expect(historyToDelete(v1, old, [pod]).map((r) => r.metadata.name)).toEqual(['r2', 'r3']);
  });
});

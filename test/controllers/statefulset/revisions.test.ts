// ControllerRevisions of a StatefulSet: hashing as the history package does it, and upstream's
// TestCreateApplyRevision, TestRollingUpdateApplyRevision, getStatefulSetRevisions and
// truncateHistory (pkg/controller/statefulset, pkg/controller/history).

import { describe, expect, it } from 'vitest';
import { toTimestamp } from '../../../core/clock.ts';
import { newStatefulSetPod } from '../../../controllers/statefulset/pod-template.ts';
import { controllerRevisionName } from '../../../controllers/statefulset/revision-hash.ts';
import {
  applyRevision,
  CONTROLLER_REVISION_HASH_LABEL,
  equalRevision,
  getStatefulSetRevisions,
  newRevision,
  type RevisionLike,
  sortControllerRevisions,
  truncateHistory,
} from '../../../controllers/statefulset/revisions.ts';
import { podFrom, statefulSet, withImage } from './builders.ts';

const stored = (revision: RevisionLike, createdMs = 0): RevisionLike => ({
  ...revision,
  metadata: { ...revision.metadata, creationTimestamp: toTimestamp(createdMs) },
});

describe('StatefulSet revisions: naming', () => {
  it('truncates a long prefix to 223 characters (ControllerRevisionName)', () => {
    expect(controllerRevisionName('x'.repeat(300), 'abc')).toBe(`${'x'.repeat(223)}-abc`);
  });
});

describe('StatefulSet revisions: newRevision and ApplyRevision', () => {
  const set = statefulSet({ replicas: 1, annotations: { foo: 'bar' } });
  const revision = newRevision(set, 1, 0);

  it('names the revision `${set}-${hash}` and labels it with the template labels and the hash', () => {
    const hash = revision.metadata.labels[CONTROLLER_REVISION_HASH_LABEL];
    expect([revision.metadata.name, revision.metadata.labels['foo']]).toEqual([`foo-${hash}`, 'bar']);
  });

  it('copies the set annotations onto the revision (TestCreateApplyRevision)', () => {
    expect(revision.metadata.annotations).toEqual({ foo: 'bar' });
  });

  it('stores a patch that replaces the pod template', () => {
    expect(revision.data).toEqual({ spec: { template: { ...set.spec.template, $patch: 'replace' } } });
  });

  it('restores the template the revision stored (TestRollingUpdateApplyRevision)', () => {
    const updated = withImage(set, 'foo');
    expect(applyRevision(updated, revision).spec.template).toEqual(set.spec.template);
  });

  it('makes an equal revision from the restored set (TestCreateApplyRevision)', () => {
    const restored = applyRevision(withImage(set, 'foo'), revision);
    expect(equalRevision(revision, newRevision(restored, 2, 0))).toBe(true);
  });
});

describe('StatefulSet revisions: current and update revision (getStatefulSetRevisions)', () => {
  const v1 = statefulSet();
  const v2 = withImage(v1, 'foo');
  const r1 = stored(newRevision(v1, 1, 0), 0);
  const r2 = stored(newRevision(v2, 2, 0), 1000);

  it('creates the first revision and makes it both current and update', () => {
    const choice = getStatefulSetRevisions(v1, []);
    expect([choice.step.kind, choice.current.metadata.name, choice.update.metadata.name]).toEqual(['create', r1.metadata.name, r1.metadata.name]);
  });

  it('keeps the newest revision when the template has not changed', () => {
    expect(getStatefulSetRevisions(v1, [r1]).step).toEqual({ kind: 'keep' });
  });

  it('creates revision 2 for a new template and keeps status.currentRevision as current', () => {
    const set = { ...v2, status: { replicas: 3, currentRevision: r1.metadata.name } };
    const choice = getStatefulSetRevisions(set, [r1]);
    expect([choice.step.kind, choice.update.revision, choice.current.metadata.name]).toEqual(['create', 2, r1.metadata.name]);
  });

  it('rolls back by renumbering the older equal revision', () => {
    const choice = getStatefulSetRevisions(v1, [r1, r2]);
    expect(choice.step).toEqual({ kind: 'renumber', revision: r1, newRevision: 3 });
  });

  it('bumps the collision count when the name is taken by a revision with other data', () => {
    const squatter: RevisionLike = { metadata: { name: r1.metadata.name }, data: { other: true }, revision: 7 };
    const choice = getStatefulSetRevisions(v1, [], (name) => (name === squatter.metadata.name ? squatter : undefined));
    expect([choice.collisionCount, choice.update.metadata.name === r1.metadata.name]).toEqual([1, false]);
  });

  it('reuses a revision of that name with the same data', () => {
    const choice = getStatefulSetRevisions(v1, [], (name) => (name === r1.metadata.name ? r1 : undefined));
    expect([choice.step.kind, choice.update]).toEqual(['keep', r1]);
  });
});

describe('StatefulSet revisions: ordering and history', () => {
  it('sorts by revision, then creation time, then name (SortControllerRevisions)', () => {
    const mk = (name: string, revision: number, createdMs: number): RevisionLike => ({ metadata: { name, creationTimestamp: toTimestamp(createdMs) }, revision });
    const sorted = sortControllerRevisions([mk('c', 2, 0), mk('b', 1, 5000), mk('a', 1, 5000), mk('d', 1, 0)]);
    expect(sorted.map((r) => r.metadata.name)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('deletes the oldest revisions nothing uses beyond revisionHistoryLimit', () => {
    const set = statefulSet();
    const revisions = [1, 2, 3, 4, 5].map((n): RevisionLike => ({ metadata: { name: `r${n}` }, revision: n }));
    const doomed = truncateHistory(set, [], revisions, revisions[4] as RevisionLike, revisions[4] as RevisionLike);
    expect(doomed.map((r) => r.metadata.name)).toEqual(['r1', 'r2']);
  });

  it('keeps revisions a pod was made from', () => {
    const set = statefulSet();
    const revisions = [1, 2, 3, 4, 5].map((n): RevisionLike => ({ metadata: { name: `r${n}` }, revision: n }));
    const manifest = newStatefulSetPod(set, 0);
    const pod = podFrom({ ...manifest, metadata: { ...manifest.metadata, labels: { ...manifest.metadata.labels, 'controller-revision-hash': 'r1' } } });
    const doomed = truncateHistory(set, [pod], revisions, revisions[4] as RevisionLike, revisions[4] as RevisionLike);
    expect(doomed.map((r) => r.metadata.name)).toEqual(['r2']);
  });
});

// Revision history: cleanup past revisionHistoryLimit, rollout history rows, rollout undo.

import { describe, expect, it } from 'vitest';
import {
  formatRolloutHistory,
  replicaSetsToCleanUp,
  rolloutHistoryRows,
  rolloutUndo,
} from '../../../controllers/deployment/history.ts';
import { MAX_INT32 } from '../../../controllers/deployment/conditions.ts';
import { REVISION_ANNOTATION } from '../../../controllers/deployment/revisions.ts';
import { toTimestamp } from '../../../core/clock.ts';
import type { ReplicaSet } from '../../../core/objects.ts';
import { MINUTE_MS, deployment, rs, rsWithStatus, template } from './builders.ts';

const names = (rss: readonly ReplicaSet[]) => rss.map((item) => item.metadata.name);

describe('replicaSetsToCleanUp', () => {
  // Ported from sync_test.go TestDeploymentController_cleanupDeployment (all 6 cases).
  const alreadyDeleted = rsWithStatus('foo-1', 0, 0, { deletionTimestamp: toTimestamp(0) });
  const cases: { oldRSs: ReplicaSet[]; limit: number; deletions: number }[] = [
    { oldRSs: [rsWithStatus('foo-1', 0, 0), rsWithStatus('foo-2', 0, 0), rsWithStatus('foo-3', 0, 0)], limit: 1, deletions: 2 },
    { oldRSs: [rsWithStatus('foo-1', 0, 0), rsWithStatus('foo-2', 0, 1), rsWithStatus('foo-3', 1, 0), rsWithStatus('foo-4', 1, 1)], limit: 0, deletions: 1 },
    { oldRSs: [rsWithStatus('foo-1', 0, 0), rsWithStatus('foo-2', 0, 0)], limit: 0, deletions: 2 },
    { oldRSs: [rsWithStatus('foo-1', 1, 1), rsWithStatus('foo-2', 1, 1)], limit: 0, deletions: 0 },
    { oldRSs: [alreadyDeleted], limit: 0, deletions: 0 },
    { oldRSs: [rsWithStatus('foo-1', 0, 0), rsWithStatus('foo-2', 0, 0), rsWithStatus('foo-3', 0, 0)], limit: MAX_INT32, deletions: 0 },
  ];
  for (const [index, test] of cases.entries()) {
    it(`scenario ${index}: deletes ${test.deletions} with a limit of ${test.limit}`, () => {
      expect(replicaSetsToCleanUp(deployment({ revisionHistoryLimit: test.limit }), test.oldRSs)).toHaveLength(test.deletions);
    });
  }

  // Ported from sync_test.go TestDeploymentController_cleanupDeploymentOrder (all 7 cases);
  // creation order is always foo-1 < foo-2 < foo-3 < foo-4.
  const byRevision = (name: string, replicas: number, index: number, revision: string) =>
    rsWithStatus(name, replicas, replicas, { createdMs: index * MINUTE_MS, ...(revision === '' ? {} : { annotations: { [REVISION_ANNOTATION]: revision } }) });
  const orderCases: { name: string; oldRSs: ReplicaSet[]; limit: number; deleted: string[] }[] = [
    { name: 'revision order: rs1 < rs2, delete rs1', oldRSs: [byRevision('foo-1', 0, 0, '1'), byRevision('foo-2', 0, 1, '2')], limit: 1, deleted: ['foo-1'] },
    { name: 'revision order: rs2 < rs1, delete rs2', oldRSs: [byRevision('foo-1', 0, 0, '2'), byRevision('foo-2', 0, 1, '1')], limit: 1, deleted: ['foo-2'] },
    { name: "rs1 has revision but rs2 doesn't have revision, delete rs2", oldRSs: [byRevision('foo-1', 0, 0, '1'), byRevision('foo-2', 0, 1, '')], limit: 1, deleted: ['foo-2'] },
    { name: "rs1 doesn't have revision while rs2 has revision, delete rs1", oldRSs: [byRevision('foo-1', 0, 0, ''), byRevision('foo-2', 0, 1, '2')], limit: 1, deleted: ['foo-1'] },
    { name: 'revision order: rs1 < rs2 < r3, but rs1 has replicas, delete rs2', oldRSs: [byRevision('foo-1', 1, 0, '1'), byRevision('foo-2', 0, 1, '2'), byRevision('foo-3', 0, 2, '3')], limit: 1, deleted: ['foo-2'] },
    { name: "revision order: rs1 < rs2 < r3, both rs1 && rs2 have replicas, don't delete", oldRSs: [byRevision('foo-1', 1, 0, '1'), byRevision('foo-2', 1, 1, '2'), byRevision('foo-3', 0, 2, '3')], limit: 1, deleted: [] },
    { name: 'revision order: rs2 < rs4 < rs1 < rs3, delete rs2 && rs4', oldRSs: [byRevision('foo-1', 0, 0, '3'), byRevision('foo-2', 0, 1, '1'), byRevision('foo-3', 0, 2, '4'), byRevision('foo-4', 0, 3, '2')], limit: 2, deleted: ['foo-2', 'foo-4'] },
  ];
  for (const test of orderCases) {
    it(test.name, () => {
      expect(names(replicaSetsToCleanUp(deployment({ revisionHistoryLimit: test.limit }), test.oldRSs))).toEqual(test.deleted);
    });
  }

  it('keeps a ReplicaSet whose spec the ReplicaSet controller has not observed yet', () => {
    const unobserved = rsWithStatus('foo-1', 0, 0, { generation: 2, status: { observedGeneration: 1 } });
    expect(replicaSetsToCleanUp(deployment({ revisionHistoryLimit: 0 }), [unobserved])).toEqual([]);
  });
});

// The fixtures of history_test.go TestViewDeploymentHistory: revisions 1 to 4 of "moons".
const moons = deployment({ name: 'moons', uid: 'moons-uid', template: template({ foo: 'bar' }, 'foo:1') });
const revisionRS = (revision: number, changeCause?: string) =>
  rs(`moons-${revision}`, 1, {
    createdMs: revision * MINUTE_MS,
    ownerUid: 'moons-uid',
    template: template({ foo: 'bar' }, `foo:${revision}`),
    annotations: { [REVISION_ANNOTATION]: String(revision), ...(changeCause === undefined ? {} : { 'kubernetes.io/change-cause': changeCause }) },
  });
const history = [revisionRS(1), revisionRS(2), revisionRS(3, 'foo change cause'), revisionRS(4, 'bar change cause')];

describe('rollout history', () => {
  // Ported from history_test.go TestViewDeploymentHistory ("should show revisions list if the revision is not specified").
  it('lists revisions with their change cause', () => {
    expect(formatRolloutHistory(rolloutHistoryRows(moons, history))).toBe(
      'REVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n3         foo change cause\n4         bar change cause\n',
    );
  });

  it('says so when there is no history', () => {
    expect(formatRolloutHistory(rolloutHistoryRows(moons, []))).toBe('No rollout history found.');
  });

  it('widens the revision column for long revisions', () => {
    expect(formatRolloutHistory([{ revision: 1234567890, changeCause: '<none>' }])).toBe('REVISION    CHANGE-CAUSE\n1234567890  <none>\n');
  });
});

describe('rolloutUndo', () => {
  const current = deployment({ name: 'moons', uid: 'moons-uid', template: template({ foo: 'bar' }, 'foo:4'), annotations: { [REVISION_ANNOTATION]: '4' } });

  it('rolls back to the previous revision by default', () => {
    const result = rolloutUndo(current, history, 0);
    expect(result.kind === 'rollback' && result.template.spec.containers[0]?.image).toBe('foo:3');
  });

  it('takes the change cause from the ReplicaSet and keeps the Deployment revision annotation', () => {
    const result = rolloutUndo(current, history, 3);
    expect(result.kind === 'rollback' && result.annotations).toEqual({ [REVISION_ANNOTATION]: '4', 'kubernetes.io/change-cause': 'foo change cause' });
  });

  it('drops the pod-template-hash label from the template it writes back', () => {
    const hashed = rs('moons-1', 0, { ownerUid: 'moons-uid', template: template({ foo: 'bar', 'pod-template-hash': 'abc' }, 'foo:1'), annotations: { [REVISION_ANNOTATION]: '1' } });
    const result = rolloutUndo(current, [hashed, revisionRS(4)], 1);
    expect(result.kind === 'rollback' && result.template.metadata?.labels).toEqual({ foo: 'bar' });
  });

  it('skips a rollback to the template already running', () => {
    expect(rolloutUndo(current, history, 4)).toEqual({ kind: 'skipped', message: 'skipped rollback (current template already matches revision 4)' });
  });

  it('reports a revision that is not in the history', () => {
    expect(rolloutUndo(current, history, 7)).toEqual({ kind: 'error', message: 'unable to find specified revision 7 in history' });
  });

  it('reports a deployment without a previous revision', () => {
    expect(rolloutUndo(current, [revisionRS(4)], 0)).toEqual({ kind: 'error', message: 'no rollout history found for deployment "moons"' });
  });

  it('refuses a paused deployment', () => {
    expect(rolloutUndo({ ...current, spec: { ...current.spec, paused: true } }, history, 0)).toEqual({
      kind: 'error',
      message: "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
    });
  });
});

// Revision history: cleanup past revisionHistoryLimit, rollout history rows (rollout undo is
// admission's, tested in test/apiserver/rollout-undo.test.ts).

import { describe, expect, it } from 'vitest';
import { formatRolloutHistory, replicaSetsToCleanUp, rolloutHistoryRows } from '../../../controllers/deployment/history.ts';
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

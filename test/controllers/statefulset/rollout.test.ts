// StatefulSet rolling updates in a whole cluster, as upstream's e2e "should perform canary
// updates and phased rolling updates of template modifications" and "should perform rolling
// updates and roll backs of template modifications" (test/e2e/apps/statefulset.go) drive them:
// a partition keeps the ordinals below it at the current revision, the rest are replaced highest
// ordinal first, one at a time once the one before is Running and Ready; the status moves
// currentRevision to updateRevision only when every replica is updated and ready; a roll back
// reuses the old ControllerRevision under a new number.

import { describe, expect, it } from 'vitest';
import { POD_INDEX_LABEL, REVISION_LABEL } from '../../../controllers/statefulset/identity.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { imageOf, isRunningAndReady, MINUTE_MS, podEventsOf, revisions, statefulCluster, watchChanges, web, webPods, webSet } from './cluster.ts';

function images(state: ClusterState): string[] {
  return webPods(state).map((pod) => `${pod.metadata.name}=${imageOf(pod)}`);
}

function rolledCluster() {
  const cluster = statefulCluster();
  cluster.apply(web({ partition: 1 }));
  cluster.advance(MINUTE_MS);
  const oldRevision = webSet(cluster.state).status.currentRevision;
  const changes = watchChanges(cluster, () => cluster.apply(web({ image: 'web:2', partition: 1 })));
  return { cluster, changes, oldRevision };
}

describe('a rolling update with partition 1 of a StatefulSet of 3', () => {
  const { cluster, changes, oldRevision } = rolledCluster();
  const newRevision = webSet(cluster.state).status.updateRevision;

  it('replaces web-2 then web-1, and leaves web-0 alone', () => {
    expect(podEventsOf(changes, ['pod/deletionRequested', 'pod/created'])).toEqual([
      'pod/deletionRequested web-2',
      'pod/created web-2',
      'pod/deletionRequested web-1',
      'pod/created web-1',
    ]);
  });

  it('deletes web-1 only once the new web-2 is Running and Ready', () => {
    const deletion = changes.find(({ event }) => event.type === 'pod/deletionRequested' && event.name === 'web-1');
    const web2 = deletion?.before.pods.get('default/web-2');
    expect([isRunningAndReady(web2), web2 === undefined ? '' : imageOf(web2)]).toEqual([true, 'web:2']);
  });

  it('never has two pods with one ordinal, after any event', () => {
    const ordinals = (state: ClusterState) => webPods(state).map((pod) => pod.metadata.labels?.[POD_INDEX_LABEL]);
    expect(changes.filter(({ after }) => new Set(ordinals(after)).size !== ordinals(after).length)).toEqual([]);
  });

  it('ends with the ordinals below the partition at the old template', () => {
    expect(images(cluster.state)).toEqual(['web-0=web:1', 'web-1=web:2', 'web-2=web:2']);
  });

  it('labels each pod with the revision it was made from', () => {
    expect(webPods(cluster.state).map((pod) => pod.metadata.labels?.[REVISION_LABEL])).toEqual([oldRevision, newRevision, newRevision]);
  });

  it('keeps currentRevision on the old revision, with one current and two updated replicas', () => {
    const status = webSet(cluster.state).status;
    expect([status.currentRevision === oldRevision, status.updateRevision === oldRevision, status.currentReplicas, status.updatedReplicas]).toEqual([true, false, 1, 2]);
  });

  it('stores both templates as ControllerRevisions 1 and 2 controlled by the set', () => {
    const uid = webSet(cluster.state).metadata.uid;
    expect(revisions(cluster.state).map((r) => [r.revision, r.metadata.ownerReferences?.[0]?.uid === uid]).sort()).toEqual([
      [1, true],
      [2, true],
    ]);
  });
});

describe('lowering the partition to 0 after a canary', () => {
  const { cluster, oldRevision } = rolledCluster();
  const newRevision = webSet(cluster.state).status.updateRevision;
  const changes = watchChanges(cluster, () => cluster.apply(web({ image: 'web:2', partition: 0 })));

  it('replaces web-0 last', () => {
    expect(podEventsOf(changes, ['pod/deletionRequested'])).toEqual(['pod/deletionRequested web-0']);
  });

  it('moves currentRevision to the update revision only once every replica is updated and ready', () => {
    const written = changes.flatMap(({ event, after }) => (event.type === 'object/statusUpdated' && event.kind === 'StatefulSet' ? [webSet(after).status] : []));
    const moved = written.findIndex((status) => status.currentRevision === newRevision);
    expect([moved > 0, written.slice(0, moved).every((s) => s.currentRevision === oldRevision), written[moved]?.readyReplicas, written[moved]?.currentReplicas]).toEqual([true, true, 3, 3]);
  });
});

describe('rolling back to the first template', () => {
  const { cluster, oldRevision } = rolledCluster();
  watchChanges(cluster, () => cluster.apply(web({ image: 'web:1', partition: 0 })));

  it('reuses the first ControllerRevision, renumbered 3, and creates none', () => {
    expect(revisions(cluster.state).map((r) => [r.metadata.name === oldRevision, r.revision]).sort()).toEqual([
      [false, 2],
      [true, 3],
    ]);
  });

  it('ends with every pod at the first template and the old revision current again', () => {
    const status = webSet(cluster.state).status;
    expect([images(cluster.state), status.currentRevision === oldRevision, status.updateRevision === oldRevision]).toEqual([
      ['web-0=web:1', 'web-1=web:1', 'web-2=web:1'],
      true,
      true,
    ]);
  });
});

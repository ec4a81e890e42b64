// StatefulSets in a whole cluster (scheduler, kubelet, StatefulSet controller, garbage collector),
// as upstream's e2e "StatefulSet Basic StatefulSet functionality" tests exercise them
// (test/e2e/apps/statefulset.go: "should perform canary updates and phased rolling updates",
// "Scaling should happen in predictable order and halt if any stateful pod is unhealthy",
// "Burst scaling should run to completion even with unhealthy pods"): pods and claims with
// stable names, created in ordinal order one at a time, removed highest first, never two with
// one ordinal.

import { describe, expect, it } from 'vitest';
import { POD_INDEX_LABEL } from '../../../controllers/statefulset/identity.ts';
import type { Pod } from '../../../core/objects.ts';
import type { PersistentVolumeClaim } from '../../../core/workloads.ts';
import { listObjects } from '../../../reducers/lookup.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import {
  changesSince,
  claimNames,
  isRunningAndReady,
  MINUTE_MS,
  podEventsOf,
  podNames,
  revisions,
  statefulCluster,
  watchChanges,
  web,
  webPods,
  webSet,
} from './cluster.ts';

function createdCluster(options: Parameters<typeof web>[0] = {}) {
  const cluster = statefulCluster();
  const start = cluster.state;
  const from = cluster.events.length;
  cluster.apply(web(options));
  cluster.advance(MINUTE_MS);
  return { cluster, changes: changesSince(cluster, start, from) };
}

function ordinalsIn(state: ClusterState): string[] {
  return webPods(state).map((pod) => pod.metadata.labels?.[POD_INDEX_LABEL] ?? '?');
}

function revisionNames(state: ClusterState): string[] {
  return revisions(state).map((revision) => revision.metadata.name);
}

/** The controller of each claim, "Kind/name". */
function claimOwners(state: ClusterState): string[] {
  return listObjects<PersistentVolumeClaim>(state, 'PersistentVolumeClaim', 'default').map((claim) => {
    const ref = claim.metadata.ownerReferences?.find((owner) => owner.controller === true);
    return ref === undefined ? '' : `${ref.kind}/${ref.name}`;
  });
}

function pod(state: ClusterState, name: string): Pod | undefined {
  return state.pods.get(`default/${name}`);
}

describe('an OrderedReady StatefulSet of 3', () => {
  const { cluster, changes } = createdCluster();

  it('creates web-0, web-1 and web-2 in that order', () => {
    expect(podEventsOf(changes, ['pod/created'])).toEqual(['pod/created web-0', 'pod/created web-1', 'pod/created web-2']);
  });

  it('creates each pod only once the one before is Running and Ready', () => {
    const created = changes.filter(({ event }) => event.type === 'pod/created' && event.object.metadata.name !== 'web-0');
    const previousReady = created.map(({ event, before }) => {
      const ordinal = Number(event.type === 'pod/created' ? event.object.metadata.name.slice('web-'.length) : -1);
      return isRunningAndReady(pod(before, `web-${ordinal - 1}`));
    });
    expect(previousReady).toEqual([true, true]);
  });

  it('names the claims after the template, the set and the ordinal, each created before its pod', () => {
    const order = podEventsOf(changes, ['pod/created', 'object/created']).filter((line) => /(www-web-0|web-0)$/.test(line));
    expect([claimNames(cluster.state), order]).toEqual([
      ['www-web-0', 'www-web-1', 'www-web-2'],
      ['object/created www-web-0', 'pod/created web-0'],
    ]);
  });

  it('mounts each pod on its own claim and gives it its identity', () => {
    const web1 = pod(cluster.state, 'web-1');
    expect([web1?.spec['volumes'], web1?.spec['hostname'], web1?.spec['subdomain'], web1?.metadata.labels?.['statefulset.kubernetes.io/pod-name']]).toEqual([
      [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-1' } }],
      'web-1',
      'web',
      'web-1',
    ]);
  });

  it('never has two pods with one ordinal, after any event', () => {
    const duplicated = changes.filter(({ after }) => new Set(ordinalsIn(after)).size !== ordinalsIn(after).length);
    expect(duplicated).toEqual([]);
  });

  it('records upstream Events on the set for each claim and pod', () => {
    const messages = changes.flatMap(({ event }) => (event.type === 'event/recorded' && event.involvedObject.kind === 'StatefulSet' ? [event.message] : []));
    expect(messages.slice(0, 2)).toEqual(['create Claim www-web-0 Pod web-0 in StatefulSet web success', 'create Pod web-0 in StatefulSet web successful']);
  });

  it('reports every replica ready, current and updated at one revision', () => {
    const status = webSet(cluster.state).status;
    expect(status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3, currentReplicas: 3, updatedReplicas: 3, observedGeneration: 1 });
    expect(status.currentRevision).toBe(status.updateRevision);
  });
});

describe('scaling an OrderedReady StatefulSet from 3 to 1', () => {
  const { cluster } = createdCluster();
  const changes = watchChanges(cluster, () => cluster.run({ type: 'scale', actor: 'user', kind: 'StatefulSet', namespace: 'default', name: 'web', replicas: 1 }));

  it('deletes web-2, and web-1 only once web-2 is gone', () => {
    expect(podEventsOf(changes, ['pod/deletionRequested', 'pod/deleted'])).toEqual([
      'pod/deletionRequested web-2',
      'pod/deleted web-2',
      'pod/deletionRequested web-1',
      'pod/deleted web-1',
    ]);
  });

  it('keeps the claims (whenScaled Retain) and web-0', () => {
    expect([podNames(cluster.state), claimNames(cluster.state)]).toEqual([['web-0'], ['www-web-0', 'www-web-1', 'www-web-2']]);
  });

  it('never has two pods with one ordinal, after any event', () => {
    expect(changes.filter(({ after }) => new Set(ordinalsIn(after)).size !== ordinalsIn(after).length)).toEqual([]);
  });
});

describe('a StatefulSet whose claims go when it scales down (whenScaled Delete)', () => {
  const { cluster } = createdCluster({ retention: { whenScaled: 'Delete', whenDeleted: 'Retain' } });
  watchChanges(cluster, () => cluster.run({ type: 'scale', actor: 'user', kind: 'StatefulSet', namespace: 'default', name: 'web', replicas: 1 }));

  it('leaves only the claim of the pod that stays', () => {
    expect(claimNames(cluster.state)).toEqual(['www-web-0']);
  });

  it('scales up again on fresh claims', () => {
    cluster.run({ type: 'scale', actor: 'user', kind: 'StatefulSet', namespace: 'default', name: 'web', replicas: 3 });
    cluster.advance(MINUTE_MS);
    expect([podNames(cluster.state), claimNames(cluster.state)]).toEqual([
      ['web-0', 'web-1', 'web-2'],
      ['www-web-0', 'www-web-1', 'www-web-2'],
    ]);
  });
});

describe('a Parallel StatefulSet of 3', () => {
  const { cluster, changes } = createdCluster({ podManagementPolicy: 'Parallel' });

  it('creates every pod at once, in the first instant, before any is ready', () => {
    const created = changes.filter(({ event }) => event.type === 'pod/created');
    expect(created.map(({ event }) => event.time)).toEqual([0, 0, 0]);
  });

  it('asks for every condemned pod to go at once when scaled to 0', () => {
    const scaled = watchChanges(cluster, () => cluster.run({ type: 'scale', actor: 'user', kind: 'StatefulSet', namespace: 'default', name: 'web', replicas: 0 }));
    const requested = scaled.filter(({ event }) => event.type === 'pod/deletionRequested');
    expect([podEventsOf(requested, ['pod/deletionRequested']), [...new Set(requested.map(({ event }) => event.time))].length]).toEqual([
      ['pod/deletionRequested web-2', 'pod/deletionRequested web-1', 'pod/deletionRequested web-0'],
      1,
    ]);
  });
});

describe('an OrderedReady StatefulSet with minReadySeconds 10', () => {
  const { cluster, changes } = createdCluster({ replicas: 2, minReadySeconds: 10 });

  it('creates web-1 when upstream requeues, minReadySeconds + 1 s after web-0 turned ready', () => {
    const ready = changes.find(({ after, before }) => isRunningAndReady(pod(after, 'web-0')) && !isRunningAndReady(pod(before, 'web-0')));
    const created = changes.find(({ event }) => event.type === 'pod/created' && event.object.metadata.name === 'web-1');
    expect([ready?.event.time, created?.event.time]).toEqual([5000, 16_000]);
  });

  it('counts both replicas available in the end', () => {
    expect(webSet(cluster.state).status.availableReplicas).toBe(2);
  });
});

describe('deleting a StatefulSet', () => {
  it('lets the garbage collector remove its pods and revisions, and keeps the claims under whenDeleted Retain', () => {
    const { cluster } = createdCluster();
    cluster.run({ type: 'delete', actor: 'user', kind: 'StatefulSet', namespace: 'default', name: 'web' });
    cluster.advance(MINUTE_MS);
    expect([podNames(cluster.state), revisionNames(cluster.state), claimNames(cluster.state)]).toEqual([[], [], ['www-web-0', 'www-web-1', 'www-web-2']]);
  });

  it('removes the claims too under whenDeleted Delete, the set being their controller', () => {
    const { cluster } = createdCluster({ retention: { whenDeleted: 'Delete', whenScaled: 'Retain' } });
    const owners = claimOwners(cluster.state);
    cluster.run({ type: 'delete', actor: 'user', kind: 'StatefulSet', namespace: 'default', name: 'web' });
    cluster.advance(MINUTE_MS);
    expect([owners, claimNames(cluster.state)]).toEqual([['StatefulSet/web', 'StatefulSet/web', 'StatefulSet/web'], []]);
  });
});

// A small cluster for the StatefulSet controller's end-to-end tests: one roomy node, the
// scheduler, the kubelet, the StatefulSet and DaemonSet controllers and the garbage collector,
// the PV controller and a provisioner that takes no time behind a default StorageClass (the
// scheduler waits for a pod's claims to be bound, so the claims need volumes),
// the StatefulSet `web` as a user would apply it, and readers for what the tests look at.

import { daemonSetController } from '../../../controllers/daemonset/index.ts';
import { garbageCollector } from '../../../controllers/garbage-collector/index.ts';
import { type ImageSpec, imageCatalog, kubelet } from '../../../controllers/kubelet/index.ts';
import { scheduler } from '../../../controllers/scheduler/index.ts';
import { statefulSetController } from '../../../controllers/statefulset/index.ts';
import { persistentVolumeController } from '../../../controllers/persistentvolume/index.ts';
import { volumeProvisioner } from '../../../controllers/volume-provisioner/index.ts';
import { isPodReady } from '../../../controllers/common/pod-state.ts';
import type { KsimEvent } from '../../../core/events.ts';
import type { Pod } from '../../../core/objects.ts';
import type { ControllerRevision, PersistentVolumeClaim, StatefulSet } from '../../../core/workloads.ts';
import { reduce } from '../../../reducers/index.ts';
import { listObjects, lookupObject } from '../../../reducers/lookup.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { nodeManifest } from '../../support/api-harness.ts';
import { ClusterHarness } from '../../support/cluster-harness.ts';

/** Containers take 2 s to start and 3 s more to turn ready, and 2 s to stop, so order shows. */
export const SLOW: Readonly<Record<string, ImageSpec>> = {
  'web:1': { startMs: 2000, readyMs: 3000, stopMs: 2000 },
  'web:2': { startMs: 2000, readyMs: 3000, stopMs: 2000 },
};

export const MINUTE_MS = 60_000;

const DEFAULT_STORAGE_CLASS = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
  provisioner: 'example.com/standard',
};

export function statefulCluster(images: Readonly<Record<string, ImageSpec>> = SLOW): ClusterHarness {
  const storage = [persistentVolumeController(), volumeProvisioner({ provisioningTimeMs: 0 })];
  const cluster = new ClusterHarness([scheduler(), kubelet(imageCatalog(images)), statefulSetController(), daemonSetController(), garbageCollector(), ...storage]);
  cluster.apply(nodeManifest('node-1', '64', '256Gi'));
  cluster.apply(DEFAULT_STORAGE_CLASS);
  return cluster;
}

export interface WebOptions {
  readonly replicas?: number;
  readonly image?: string;
  readonly podManagementPolicy?: 'OrderedReady' | 'Parallel';
  readonly partition?: number;
  readonly minReadySeconds?: number;
  readonly claims?: boolean;
  readonly retention?: Readonly<Record<string, string>>;
}

/** The StatefulSet `web` (app=web) with a `www` claim template, as a user would apply it. */
export function web(options: WebOptions = {}): Record<string, unknown> {
  const claimTemplates = [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }];
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      replicas: options.replicas ?? 3,
      serviceName: 'web',
      selector: { matchLabels: { app: 'web' } },
      ...(options.podManagementPolicy === undefined ? {} : { podManagementPolicy: options.podManagementPolicy }),
      ...(options.partition === undefined ? {} : { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: options.partition } } }),
      ...(options.minReadySeconds === undefined ? {} : { minReadySeconds: options.minReadySeconds }),
      ...(options.retention === undefined ? {} : { persistentVolumeClaimRetentionPolicy: options.retention }),
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: options.image ?? 'web:1' }] } },
      ...(options.claims === false ? {} : { volumeClaimTemplates: claimTemplates }),
    },
  };
}

export function webSet(state: ClusterState): StatefulSet {
  const set = lookupObject<StatefulSet>(state, 'StatefulSet', 'default', 'web');
  if (set === undefined) throw new Error('no StatefulSet web');
  return set;
}

export function webPods(state: ClusterState): Pod[] {
  return listObjects<Pod>(state, 'Pod', 'default').filter((pod) => pod.metadata.labels?.app === 'web');
}

export function podNames(state: ClusterState): string[] {
  return webPods(state).map((pod) => pod.metadata.name);
}

export function claimNames(state: ClusterState): string[] {
  return listObjects<PersistentVolumeClaim>(state, 'PersistentVolumeClaim', 'default').map((claim) => claim.metadata.name);
}

export function revisions(state: ClusterState): ControllerRevision[] {
  return listObjects<ControllerRevision>(state, 'ControllerRevision', 'default');
}

export function isRunningAndReady(pod: Pod | undefined): boolean {
  return pod !== undefined && pod.status.phase === 'Running' && isPodReady(pod);
}

export function imageOf(pod: Pod): string {
  return pod.spec.containers[0]?.image ?? '';
}

/** Each event since `from` with the state before and after it. */
export function changesSince(cluster: ClusterHarness, start: ClusterState, from: number): { event: KsimEvent; before: ClusterState; after: ClusterState }[] {
  const changes: { event: KsimEvent; before: ClusterState; after: ClusterState }[] = [];
  let state = start;
  for (const event of cluster.events.slice(from)) {
    const after = reduce(state, event);
    changes.push({ event, before: state, after });
    state = after;
  }
  return changes;
}

/** Runs `act` and lets time pass, returning every change it caused. */
export function watchChanges(cluster: ClusterHarness, act: () => void, forMs = 2 * MINUTE_MS): ReturnType<typeof changesSince> {
  const start = cluster.state;
  const from = cluster.events.length;
  act();
  cluster.advance(forMs);
  return changesSince(cluster, start, from);
}

/** "time type name" for the pod events of the changes, to read an order. */
export function podEventsOf(changes: ReturnType<typeof changesSince>, types: readonly string[]): string[] {
  return changes
    .filter(({ event }) => types.includes(event.type))
    .map(({ event }) => `${event.type} ${'object' in event ? event.object.metadata.name : 'name' in event ? event.name : ''}`);
}

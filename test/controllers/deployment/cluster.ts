// A small cluster for the Deployment controller's end-to-end tests: one roomy node, the scheduler,
// the kubelet, the Deployment and ReplicaSet controllers and the garbage collector, and readers for
// what the tests look at (the Deployment, its ReplicaSets, its pods by image).

import { garbageCollector } from '../../../controllers/garbage-collector/index.ts';
import { deploymentController } from '../../../controllers/deployment/index.ts';
import { type ImageSpec, imageCatalog, kubelet } from '../../../controllers/kubelet/index.ts';
import { replicaSetController } from '../../../controllers/replicaset/index.ts';
import { scheduler } from '../../../controllers/scheduler/index.ts';
import { getDeploymentCondition, type DeploymentCondition } from '../../../controllers/deployment/conditions.ts';
import { isPodActive, isPodReady } from '../../../controllers/common/pod-state.ts';
import type { Pod, ReplicaSet } from '../../../core/objects.ts';
import type { Deployment } from '../../../core/workloads.ts';
import { listObjects, lookupObject } from '../../../reducers/lookup.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { nodeManifest } from '../../support/api-harness.ts';
import { ClusterHarness } from '../../support/cluster-harness.ts';

export function deploymentCluster(images: Readonly<Record<string, ImageSpec>> = {}): ClusterHarness {
  const cluster = new ClusterHarness([scheduler(), kubelet(imageCatalog(images)), deploymentController(), replicaSetController(), garbageCollector()]);
  cluster.apply(nodeManifest('node-1', '64', '256Gi'));
  return cluster;
}

export interface WebOptions {
  readonly replicas?: number;
  readonly image?: string;
  readonly strategy?: Record<string, unknown>;
  readonly revisionHistoryLimit?: number;
  readonly progressDeadlineSeconds?: number;
}

/** The Deployment `web` (app=web) as a user would apply it. */
export function web(options: WebOptions = {}): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: options.replicas ?? 4,
      selector: { matchLabels: { app: 'web' } },
      ...(options.strategy === undefined ? {} : { strategy: options.strategy }),
      ...(options.revisionHistoryLimit === undefined ? {} : { revisionHistoryLimit: options.revisionHistoryLimit }),
      ...(options.progressDeadlineSeconds === undefined ? {} : { progressDeadlineSeconds: options.progressDeadlineSeconds }),
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: options.image ?? 'web:1' }] } },
    },
  };
}

export function webDeployment(state: ClusterState): Deployment {
  const d = lookupObject<Deployment>(state, 'Deployment', 'default', 'web');
  if (d === undefined) throw new Error('no Deployment web');
  return d;
}

export function replicaSets(state: ClusterState): ReplicaSet[] {
  return listObjects<ReplicaSet>(state, 'ReplicaSet', 'default');
}

export function webPods(state: ClusterState): Pod[] {
  return listObjects<Pod>(state, 'Pod', 'default').filter((pod) => pod.metadata.labels?.app === 'web');
}

/** Pods that count: neither terminal nor terminating. */
export function activePods(state: ClusterState): Pod[] {
  return webPods(state).filter(isPodActive);
}

export function readyActivePods(state: ClusterState): Pod[] {
  return activePods(state).filter(isPodReady);
}

export function imagesOf(pods: readonly Pod[]): string[] {
  return [...new Set(pods.map((pod) => pod.spec.containers[0]?.image ?? ''))].sort();
}

export function progressing(state: ClusterState): DeploymentCondition | undefined {
  return getDeploymentCondition(webDeployment(state).status, 'Progressing');
}

export function revision(state: ClusterState): string | undefined {
  return webDeployment(state).metadata.annotations?.['deployment.kubernetes.io/revision'];
}

export function setImage(cluster: ClusterHarness, image: string): void {
  cluster.run({ type: 'setImage', actor: 'user', kind: 'Deployment', namespace: 'default', name: 'web', container: 'app', image });
}

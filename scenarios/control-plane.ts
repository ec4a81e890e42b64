// The components of one simulated cluster, in the order they reconcile when several have work:
// the scheduler places pods before kubelets start them, the controllers that count pods run after
// them, so they see a settled picture and sync once per burst of changes, and the controllers of
// controllers (a Deployment's of its ReplicaSets) after those, so the statuses they read are fresh.
// The pod garbage collector comes last: it only acts on its own beat.

import type { Controller } from '../core/controller.ts';
import { garbageCollector } from '../controllers/garbage-collector/index.ts';
import { type ImageCatalog, kubelet } from '../controllers/kubelet/index.ts';
import { cronJobController } from '../controllers/cronjob/index.ts';
import { daemonSetController } from '../controllers/daemonset/index.ts';
import { deploymentController } from '../controllers/deployment/index.ts';
import { jobController } from '../controllers/job/index.ts';
import { podGcController } from '../controllers/pod-gc/index.ts';
import { replicaSetController, replicationController } from '../controllers/replicaset/index.ts';
import { scheduler } from '../controllers/scheduler/index.ts';
import { statefulSetController } from '../controllers/statefulset/index.ts';
import { ttlAfterFinishedController } from '../controllers/ttl-after-finished/index.ts';
import type { ClusterState } from '../reducers/state.ts';
import { ingressController } from '../controllers/ingress/index.ts';
import type { TrafficFlow } from '../controllers/traffic/flow.ts';
import { trafficGenerator } from '../controllers/traffic/index.ts';

export interface ControlPlaneOptions {
  /** The scenario's traffic steps. */
  readonly traffic?: readonly TrafficFlow[];
  /** The address ksim's ingress controller writes into the Ingresses it serves. */
  readonly ingressAddress?: string;
}

/**
 * The traffic generator comes last of all, so each batch of requests meets the cluster as every
 * component has left it at that instant.
 */
export function controlPlane(images: ImageCatalog, options: ControlPlaneOptions = {}): Controller<ClusterState>[] {
  const traffic = options.traffic ?? [];
  return [
    scheduler(), kubelet(images), replicaSetController(), replicationController(), deploymentController(), statefulSetController(), daemonSetController(), jobController(), cronJobController(), ttlAfterFinishedController(), ingressController(options.ingressAddress), garbageCollector(), podGcController(),
    ...(traffic.length === 0 ? [] : [trafficGenerator(traffic, (image) => images(image).readyMs)]),
  ];
}

// The components of one simulated cluster, in the order they reconcile when several have work:
// the scheduler places pods before kubelets start them, the controllers that count pods run after
// them, so they see a settled picture and sync once per burst of changes, and the controllers of
// controllers (a Deployment's of its ReplicaSets) after those, so the statuses they read are fresh.
// The endpoint controllers follow the pods they list, the simulated cloud's service controller
// after them. The pod garbage collector comes last: it only acts on its own beat.

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
import { endpointsController } from '../controllers/endpoints/index.ts';
import { endpointSliceController } from '../controllers/endpointslice/index.ts';
import { serviceLoadBalancerController } from '../controllers/service-lb/index.ts';
import type { ClusterState } from '../reducers/state.ts';

/** What the simulated cloud offers: the ingress IPs its load balancers get (none: no cloud). */
export interface CloudSettings {
  readonly loadBalancerIPs: readonly string[];
}

export function controlPlane(images: ImageCatalog, cloud: CloudSettings = { loadBalancerIPs: [] }): Controller<ClusterState>[] {
  return [
    scheduler(),
    kubelet(images),
    replicaSetController(),
    replicationController(),
    deploymentController(),
    statefulSetController(),
    daemonSetController(),
    jobController(),
    cronJobController(),
    ttlAfterFinishedController(),
    endpointSliceController(),
    endpointsController(),
    serviceLoadBalancerController(cloud.loadBalancerIPs),
    garbageCollector(),
    podGcController(),
  ];
}
